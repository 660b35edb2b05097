// `search_symbols`: ranked definition lookup by (part of) a name.
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import { SymbolKind } from '../engine/model.js';
import { KIND_FAMILIES, MATCH_TIERS, searchSymbols } from '../engine/search/symbol-search.js';
import { READ_ONLY, defineOperation } from './define.js';
import { dirPrefix } from './shared.js';

const KIND_VALUES = ['', ...Object.keys(KIND_FAMILIES)] as [string, ...string[]];

export const searchSymbolsOp = defineOperation({
  name: 'search_symbols',
  title: 'Search definitions by name',
  description: 'Find definitions whose name matches a query, best first: exact, case-insensitive, prefix, substring, '
    + 'identifier-token and one-typo matches. Accepts `Name`, `Class.method`, or `path#name` to search one file. '
    + 'Filter by kind (class also finds structs, interface also finds traits) and by directory.',
  input: z.object({
    name: z.string().min(1).max(200).describe('Name, Class.method, or path#name.'),
    limit: z.number().int().min(1).max(200).default(30).describe('Maximum results.'),
    kind: z.enum(KIND_VALUES).default('').describe('Kind family filter; empty for all.'),
    dir: z.string().max(10_000).default('').describe('Only definitions under this directory.'),
  }),
  output: z.object({
    query: z.string(),
    kind: z.string(),
    results: z.array(z.object({
      name: z.string(), qualified_name: z.string(), kind: SymbolKind, symbol_id: z.string(), file_path: z.string(),
      start_line: z.number().int(), end_line: z.number().int(), signature: z.string(), score: z.number(),
      match: z.enum(MATCH_TIERS),
    })),
    total_matches: z.number().int(),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/search-symbols' },
  async run(ctx, input) {
    const query = input.name.trim();
    if (!query) throw invalidArgument("Parameter 'name' must not be empty.", { parameter: 'name' });
    const hash = query.indexOf('#');
    const file = hash > 0 ? ctx.project.resolvePath(query.slice(0, hash)).rel : undefined;
    const bare = hash > 0 ? query.slice(hash + 1) : query;
    const graph = ctx.project.graph();
    const res = searchSymbols(ctx.project.store, ctx.project.symbols(), bare, input.limit, {
      ...(input.kind ? { kind: input.kind } : {}),
      dir: dirPrefix(ctx, input.dir),
      ...(file !== undefined ? { file } : {}),
      importance: (p) => graph.importance(p),
    });
    ctx.cite(res.hits.map((h) => h.file_path));
    const out = {
      query: input.name,
      kind: input.kind,
      results: res.hits.map((h) => ({
        name: h.name, qualified_name: h.qualified_name, kind: h.kind, symbol_id: h.symbol_id, file_path: h.file_path,
        start_line: h.start_line, end_line: h.end_line, signature: h.signature, score: h.score, match: h.match,
      })),
      total_matches: res.total,
    };
    return res.total > res.hits.length
      ? { ...out, truncated: { shown: res.hits.length, total: res.total, by: 'limit' as const, hint: 'Raise limit or narrow the name, kind or dir.' } }
      : out;
  },
  render(out) {
    if (!out.results.length) return `No definitions found for '${out.query}'`;
    const lines = [`Definitions matching '${out.query}' (${out.results.length} of ${out.total_matches.toLocaleString('en-US')}):`];
    for (const r of out.results) {
      lines.push(`  [${Math.round(r.score * 100)}%] ${r.kind} ${r.qualified_name}  in ${r.file_path}:${r.start_line}-${r.end_line}`);
    }
    return lines.join('\n');
  },
});
