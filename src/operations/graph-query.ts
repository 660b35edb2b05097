// `graph_query`: which files a file reaches over import edges, hop by hop.
import { z } from 'zod';
import { READ_ONLY, defineOperation } from './define.js';
import { indexedFile, pathParam } from './shared.js';

export const graphQuery = defineOperation({
  name: 'graph_query',
  title: 'Walk import edges from a file',
  description: 'Breadth-first walk over import edges from a file, grouped by hop. IMPORTS/outbound follows what the file '
    + 'imports; IMPORTED_BY/outbound (or IMPORTS/inbound) follows the files that import it.',
  input: z.object({
    file: pathParam('Start file.'),
    edge_type: z.enum(['IMPORTS', 'IMPORTED_BY']).default('IMPORTS'),
    direction: z.enum(['outbound', 'inbound']).default('outbound'),
    depth: z.number().int().min(1).max(5).default(2),
    limit: z.number().int().min(1).max(10_000).default(500).describe('Maximum files listed.'),
  }),
  output: z.object({
    root: z.string(),
    edge_type: z.enum(['IMPORTS', 'IMPORTED_BY']),
    direction: z.enum(['outbound', 'inbound']),
    walked: z.enum(['imports', 'importers']),
    depth: z.number().int(),
    hops: z.array(z.object({ depth: z.number().int(), files: z.array(z.string()) })),
    total_reachable: z.number().int(),
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/graph/query' },
  async run(ctx, input) {
    const root = (await indexedFile(ctx, 'file', input.file, true)).path;
    const walked = (input.edge_type === 'IMPORTS') === (input.direction === 'outbound') ? 'imports' : 'importers';
    const reach = [...ctx.project.graph().bfs([root], walked, input.depth)]
      .sort((a, b) => a[1].depth - b[1].depth || (a[0] < b[0] ? -1 : 1));
    const shown = reach.slice(0, input.limit);
    const hops: Array<{ depth: number; files: string[] }> = [];
    for (const [p, r] of shown) {
      const last = hops[hops.length - 1];
      if (last && last.depth === r.depth) last.files.push(p);
      else hops.push({ depth: r.depth, files: [p] });
    }
    ctx.cite(shown.map(([p]) => p));
    const out = { root, edge_type: input.edge_type, direction: input.direction, walked, depth: input.depth, hops, total_reachable: reach.length } as const;
    return reach.length > shown.length
      ? { ...out, truncated: { shown: shown.length, total: reach.length, by: 'limit' as const, hint: 'Raise limit or lower depth.' } }
      : out;
  },
  render(out) {
    const lines = [`Graph query: ${out.root} (${out.walked}, depth=${out.depth})`];
    if (!out.hops.length) lines.push('  (no results)');
    for (const hop of out.hops) {
      lines.push(`  Hop ${hop.depth}:`);
      for (const f of hop.files) lines.push(`    ${'>'.repeat(hop.depth)} ${f}`);
    }
    lines.push(`Total: ${out.total_reachable} files reachable`);
    return lines.join('\n');
  },
});
