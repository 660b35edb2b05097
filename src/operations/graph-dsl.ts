// `graph_dsl`: read-only Cypher-like queries over the live file graph.
import { z } from 'zod';
import { evaluate } from '../engine/graph/dsl/evaluate.js';
import { parseQuery } from '../engine/graph/dsl/parser.js';
import { READ_ONLY, defineOperation } from './define.js';

const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const graphDsl = defineOperation({
  name: 'graph_dsl',
  title: 'Query the file graph',
  description: 'Run a read-only Cypher-like query over the file import graph, e.g. '
    + '`MATCH "src/a.py" <-[IMPORTS*..2]- x RETURN x, x.fan_in ORDER BY x.fan_in DESC`. '
    + 'Nodes are variables or quoted paths (exact, glob or path suffix); edges -[IMPORTS]-> / <-[IMPORTS]- / -[IMPORTED_BY]-> '
    + 'with hops *, *N, *N..M, *..M (max 10). WHERE supports =, !=, <, <=, >, >=, LIKE (glob), IN [..], AND, OR, NOT, '
    + 'parentheses; RETURN x, x.field, COUNT, COUNT(x); ORDER BY … ASC|DESC; LIMIT n. Fields: path, name, dir, language, '
    + 'line_count, importance, fan_in, fan_out, symbol_count, is_test, is_config.',
  input: z.object({
    query: z.string().min(1).max(4000).describe('The query (1..4000 characters).'),
    limit: z.number().int().min(1).max(1000).default(100).describe('Maximum rows returned; a smaller LIMIT clause wins.'),
  }),
  output: z.object({
    query: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(Cell)),
    total_rows: z.number().int(),
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/graph/dsl' },
  async run(ctx, input) {
    const parsed = parseQuery(input.query);
    const result = evaluate(ctx.project, parsed);
    for (const n of result.notes) ctx.note(n);
    const cap = Math.min(parsed.limit ?? Infinity, input.limit);
    const rows = result.rows.slice(0, cap);
    const fileColumns = parsed.items.flatMap((it, c) => (it.kind === 'value' && !it.field ? [c] : []));
    ctx.cite(rows.flatMap((r) => fileColumns.map((c) => r[c] as string)));
    const out = { query: input.query, columns: result.columns, rows, total_rows: result.rows.length };
    return result.rows.length > rows.length
      ? { ...out, truncated: { shown: rows.length, total: result.rows.length, by: 'limit' as const, hint: 'Raise limit (or the LIMIT clause) or narrow the query.' } }
      : out;
  },
  render(out) {
    if (!out.total_rows) return `No results for query: ${out.query}`;
    const lines = [`Graph DSL results (${out.total_rows} matches):`];
    out.rows.forEach((row, i) => {
      lines.push(`    ${i + 1}. ${row.map((cell, c) => `${out.columns[c]}=${cell === null ? 'null' : String(cell)}`).join(', ')}`);
    });
    if (out.truncated) lines.push(`(results truncated at ${out.truncated.shown})`);
    return lines.join('\n');
  },
});
