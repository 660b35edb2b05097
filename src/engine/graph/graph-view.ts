// A bounded picture of the file import graph for drawing (the /graph page, D3's force layout): the
// most important files, or the files within a few hops of one file in both directions, with the
// imports among them and each file's Louvain community. Built from the live file graph and the
// cached communities, so it agrees with community_detection and graph_query.
import { posix } from 'node:path';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import type { Project } from '../project.js';
import { communitiesOf } from './communities.js';
import { neighbourhood } from './neighbourhood.js';

export const GraphViewNode = z.object({
  id: z.string().describe('The file path.'),
  label: z.string().describe('Its file name.'),
  group: z.number().int().nullable().describe('Its community id (see `communities`); null for a file with no import edge.'),
  importance: z.number().describe('Importance in [0, 1]: heuristic base plus 0.3 × PageRank.'),
  language: z.string().nullable(),
  fan_in: z.number().int().describe('Files importing it, in the whole graph.'),
  fan_out: z.number().int().describe('Files it imports, in the whole graph.'),
  is_root: z.boolean(),
  distance: z.number().int().optional().describe('Hops from the root (rooted views only).'),
});

export const GraphView = z.object({
  nodes: z.array(GraphViewNode).describe('Rooted: the root, then by distance, importance (desc), path. Otherwise by importance (desc), then path.'),
  links: z.array(z.object({
    source: z.string().describe('The importing file.'),
    target: z.string().describe('The imported file.'),
    type_only: z.literal(true).optional().describe('Only type imports join the two files.'),
  })).describe('Imports between the files shown, by source then target.'),
  communities: z.array(z.object({
    id: z.number().int().describe('Louvain community id, the same as community_detection gives (1 = largest).'),
    size: z.number().int().describe('Members in the whole graph.'),
    theme: z.string().describe('Its dominant directory.'),
    hub: z.string().describe('Its member with the most links inside it.'),
  })).describe('The communities of the files shown, by id.'),
  root: z.string().optional(),
  depth: z.number().int().optional().describe('Rooted views: the hops walked from the root.'),
  truncated: z.object({ shown: z.number().int(), total: z.number().int() }).optional()
    .describe('More files qualified than `max_nodes`: the most important (rooted: the closest) were kept.'),
  generation: z.number().int().describe('Index generation the view was built from.'),
});
export type GraphView = z.infer<typeof GraphView>;

export interface GraphViewOptions {
  /** A path as the user gave it: confined to the project and looked up in the index. */
  root?: string;
  depth: number;
  maxNodes: number;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function graphView(project: Project, opts: GraphViewOptions): GraphView {
  const graph = project.graph();
  const byImportance = (a: string, b: string) => graph.importance(b) - graph.importance(a) || cmp(a, b);

  let root: string | undefined;
  if (opts.root !== undefined) {
    root = project.resolvePath(opts.root).rel;
    if (!graph.files.has(root)) throw notFound(`File '${root || '.'}' is not in the index.`, { path: root });
  }
  const distances = root === undefined ? undefined
    : new Map([...neighbourhood(graph, [root], opts.depth)].map(([path, p]) => [path, p.distance]));
  // Rooted: the root (distance 0) first, then the closest files; otherwise the most important.
  const ordered = distances
    ? [...distances.keys()].sort((a, b) => distances.get(a)! - distances.get(b)! || byImportance(a, b))
    : [...graph.files.keys()].sort(byImportance);
  const chosen = ordered.slice(0, opts.maxNodes);

  const analysis = communitiesOf(project);
  const groupOf = (path: string): number | null => {
    const index = analysis.membership.get(path);
    return index === undefined ? null : index + 1;
  };
  const shown = new Set(chosen);
  const nodes = chosen.map((path) => ({
    id: path,
    label: posix.basename(path),
    group: groupOf(path),
    importance: graph.importance(path),
    language: graph.files.get(path)!.language,
    fan_in: graph.importers(path).length,
    fan_out: graph.imports(path).length,
    is_root: path === root,
    ...(distances ? { distance: distances.get(path)! } : {}),
  }));
  const links: GraphView['links'] = [];
  for (const source of [...chosen].sort(cmp)) {
    for (const n of graph.imports(source)) { // sorted by path
      if (shown.has(n.path)) links.push({ source, target: n.path, ...(n.kind === 'type_only' ? { type_only: true as const } : {}) });
    }
  }
  const groups = [...new Set(nodes.flatMap((n) => (n.group === null ? [] : [n.group])))].sort((a, b) => a - b);
  const communities = groups.map((id) => {
    const c = analysis.communities[id - 1]!;
    return { id, size: c.files.length, theme: c.theme, hub: c.hub };
  });
  return {
    nodes, links, communities,
    ...(root !== undefined ? { root, depth: opts.depth } : {}),
    ...(ordered.length > chosen.length ? { truncated: { shown: chosen.length, total: ordered.length } } : {}),
    generation: graph.generation,
  };
}
