// `dependency_graph`: the import neighbourhood of a file, forwards and backwards, as nodes and edges.
import { z } from 'zod';
import { ImportKind } from '../engine/model.js';
import { READ_ONLY, defineOperation } from './define.js';
import { dirPrefix, indexedFile, underDir } from './shared.js';

type Direction = 'root' | 'imports' | 'imported_by' | 'both';

export const dependencyGraph = defineOperation({
  name: 'dependency_graph',
  title: 'Import neighbourhood of a file',
  description: 'Nodes and real import edges around a file up to a depth, in both directions (what it imports and what '
    + 'imports it). With no start_file, the most important files and the edges among them.',
  input: z.object({
    start_file: z.string().max(10_000).default('').describe('Centre file; empty for the most important files.'),
    depth: z.number().int().min(1).max(10).default(2).describe('Hops in each direction.'),
    directory: z.string().max(10_000).default('').describe('Keep only nodes under this directory (the root is kept).'),
    limit: z.number().int().min(1).max(2000).default(200).describe('Maximum nodes; the farthest are dropped first.'),
  }),
  output: z.object({
    root: z.string(),
    depth: z.number().int(),
    nodes: z.array(z.object({
      id: z.string(), label: z.string(), type: z.literal('file'), depth: z.number().int(),
      direction: z.enum(['root', 'imports', 'imported_by', 'both']), language: z.string().nullable(), importance: z.number(),
    })),
    edges: z.array(z.object({ source: z.string(), target: z.string(), type: ImportKind })),
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/dependency-graph' },
  async run(ctx, input) {
    const dir = dirPrefix(ctx, input.directory);
    const root = input.start_file ? (await indexedFile(ctx, 'start_file', input.start_file, true)).path : '';
    const graph = ctx.project.graph();
    const placed = new Map<string, { depth: number; direction: Direction }>();
    let total = 0;
    if (root) {
      placed.set(root, { depth: 0, direction: 'root' });
      const fwd = graph.bfs([root], 'imports', input.depth);
      const back = graph.bfs([root], 'importers', input.depth);
      for (const [p, r] of fwd) placed.set(p, { depth: r.depth, direction: 'imports' });
      for (const [p, r] of back) {
        const prev = placed.get(p);
        placed.set(p, prev ? { depth: Math.min(prev.depth, r.depth), direction: 'both' } : { depth: r.depth, direction: 'imported_by' });
      }
      for (const p of [...placed.keys()]) if (p !== root && !underDir(p, dir)) placed.delete(p);
      total = placed.size;
    } else {
      const ranked = [...graph.files.keys()].filter((p) => underDir(p, dir))
        .map((p) => ({ p, imp: graph.importance(p) }))
        .sort((a, b) => b.imp - a.imp || (a.p < b.p ? -1 : 1));
      total = ranked.length;
      for (const { p } of ranked.slice(0, input.limit)) placed.set(p, { depth: 0, direction: 'root' });
    }
    const kept = [...placed].sort((a, b) => a[1].depth - b[1].depth || (a[0] < b[0] ? -1 : 1)).slice(0, input.limit);
    const keep = new Set(kept.map(([p]) => p));
    const edges: Array<{ source: string; target: string; type: z.infer<typeof ImportKind> }> = [];
    for (const p of [...keep].sort()) for (const n of graph.imports(p)) if (keep.has(n.path)) edges.push({ source: p, target: n.path, type: n.kind });
    ctx.cite(keep);
    const out = {
      root,
      depth: input.depth,
      nodes: kept.map(([p, info]) => ({
        id: p, label: p.slice(p.lastIndexOf('/') + 1), type: 'file' as const, depth: info.depth, direction: info.direction,
        language: graph.files.get(p)?.language ?? null, importance: graph.importance(p),
      })),
      edges,
    };
    return total > kept.length
      ? { ...out, truncated: { shown: kept.length, total, by: 'limit' as const, hint: 'Raise limit or lower depth.' } }
      : out;
  },
  render(out) {
    if (!out.root) {
      const lines = [`Dependency graph of the ${out.nodes.length} most important files (${out.edges.length} edges):`];
      for (const e of out.edges) lines.push(`  ${e.source} -> ${e.target}${e.type === 'import' ? '' : ` (${e.type})`}`);
      if (!out.edges.length) lines.push('  (no edges among them)');
      return lines.join('\n');
    }
    const lines = [`Dependency graph for ${out.root} (depth=${out.depth}):`];
    for (const [title, dirs] of [['Imports (forward):', ['imports', 'both']], ['Imported by (reverse):', ['imported_by', 'both']]] as const) {
      lines.push(`  ${title}`);
      const nodes = out.nodes.filter((n) => (dirs as readonly string[]).includes(n.direction));
      if (!nodes.length) lines.push('    (none)');
      for (const n of nodes) lines.push(`${'  '.repeat(n.depth + 1)}${n.id}`);
    }
    if (out.truncated) lines.push(`  … ${out.truncated.total - out.truncated.shown} more nodes not shown (limit); raise limit or lower depth.`);
    return lines.join('\n');
  },
});
