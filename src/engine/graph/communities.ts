// Louvain communities of the file graph: clusters of files that import each other more than chance
// would, with each cluster's theme, hub and edge counts. Computed once per index generation (the
// caller caches it) and made repeatable: a seeded PRNG drives the algorithm and nodes and edges are
// added in sorted order, so one set of files always gives the same clusters.
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { UndirectedGraph } from 'graphology';
import type LouvainModule from 'graphology-communities-louvain';
import type { Project } from '../project.js';
import type { FileGraph } from './file-graph.js';
import { seededRandom } from '../random.js';

// A CommonJS module whose typings do not describe its default export under NodeNext.
const louvain = createRequire(import.meta.url)('graphology-communities-louvain') as typeof LouvainModule.default;

const LOUVAIN_SEED = 42;

export interface CommunityStats {
  /** Members sorted by internal degree (desc), then path. */
  files: string[];
  theme: string;
  internal_edges: number;
  external_edges: number;
  hub: string;
  hub_internal_degree: number;
  /** Up to 3 directories holding the most members. */
  top_dirs: string[];
}

export interface CommunityAnalysis {
  /** Modularity Q of the whole partition (every community, before any size filter). */
  modularity: number;
  /** Every community, by size (desc), then smallest member path. */
  communities: CommunityStats[];
  /** File → index into `communities`; files without an import edge are absent. */
  membership: Map<string, number>;
  /** Undirected neighbours of every file that has an import edge, sorted. */
  neighbours: Map<string, string[]>;
  /** Known files with no import edge at all. */
  isolated_files: number;
}

export interface Bridge { source_id: number; target_id: number; edge_count: number; sample_files: string[] }

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const dirOf = (path: string): string => posix.dirname(path);

/** Keys by count (desc), ties: the shorter, then alphabetically first. */
export function rankByCount(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || cmp(a[0], b[0])).map(([k]) => k);
}

/** Undirected neighbours of each file with at least one import edge, in path order. */
function undirectedNeighbours(graph: FileGraph): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const path of graph.files.keys()) {
    for (const n of graph.imports(path)) {
      (sets.get(path) ?? sets.set(path, new Set()).get(path)!).add(n.path);
      (sets.get(n.path) ?? sets.set(n.path, new Set()).get(n.path)!).add(path);
    }
  }
  const out = new Map<string, string[]>();
  for (const path of [...sets.keys()].sort(cmp)) out.set(path, [...sets.get(path)!].sort(cmp));
  return out;
}

function detectCommunities(graph: FileGraph): CommunityAnalysis {
  const neighbours = undirectedNeighbours(graph);
  const g = new UndirectedGraph();
  for (const path of neighbours.keys()) g.addNode(path);
  for (const [a, list] of neighbours) {
    for (const b of list) {
      if (b <= a) continue;
      // An import in both directions binds the pair twice as strongly.
      g.addEdge(a, b, { weight: graph.hasImport(a, b) && graph.hasImport(b, a) ? 2 : 1 });
    }
  }
  const isolated_files = graph.files.size - neighbours.size;
  if (g.size === 0) return { modularity: 0, communities: [], membership: new Map(), neighbours, isolated_files };

  const result = louvain.detailed(g, { getEdgeWeight: 'weight', resolution: 1, rng: seededRandom(LOUVAIN_SEED) });
  const groups = new Map<number, string[]>();
  for (const path of neighbours.keys()) {
    const c = result.communities[path]!;
    (groups.get(c) ?? groups.set(c, []).get(c)!).push(path); // paths arrive sorted, so [0] is the smallest
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || cmp(a[0]!, b[0]!));
  const membership = new Map<string, number>();
  ordered.forEach((members, i) => { for (const p of members) membership.set(p, i); });
  const communities = ordered.map((members, i) => statsOf(members, i, membership, neighbours));
  return { modularity: result.modularity, communities, membership, neighbours, isolated_files };
}

function statsOf(members: string[], index: number, membership: ReadonlyMap<string, number>,
  neighbours: ReadonlyMap<string, string[]>): CommunityStats {
  const internal = new Map<string, number>();
  let internalEnds = 0;
  let external = 0;
  const dirs = new Map<string, number>();
  for (const p of members) {
    let degree = 0;
    for (const n of neighbours.get(p) ?? []) {
      if (membership.get(n) === index) degree++;
      else external++;
    }
    internal.set(p, degree);
    internalEnds += degree;
    dirs.set(dirOf(p), (dirs.get(dirOf(p)) ?? 0) + 1);
  }
  const files = [...members].sort((a, b) => internal.get(b)! - internal.get(a)! || cmp(a, b));
  const top_dirs = rankByCount(dirs).slice(0, 3);
  return {
    files, theme: top_dirs[0]!, internal_edges: internalEnds / 2, external_edges: external,
    hub: files[0]!, hub_internal_degree: internal.get(files[0]!)!, top_dirs,
  };
}

/**
 * Edges between the kept communities (`ids`: community index → id), by edge count (desc), then ids;
 * each with up to 3 of the files that carry them, the busiest first.
 */
export function bridgesBetween(analysis: CommunityAnalysis, ids: ReadonlyMap<number, number>): Bridge[] {
  const pairs = new Map<string, { source_id: number; target_id: number; edge_count: number; ends: Map<string, number> }>();
  for (const [index, id] of ids) {
    for (const a of analysis.communities[index]!.files) {
      for (const b of analysis.neighbours.get(a) ?? []) {
        const otherId = ids.get(analysis.membership.get(b)!);
        if (otherId === undefined || otherId <= id) continue; // each pair once, from its lower id
        const key = `${id}:${otherId}`;
        const pair = pairs.get(key) ?? pairs.set(key, { source_id: id, target_id: otherId, edge_count: 0, ends: new Map() }).get(key)!;
        pair.edge_count++;
        for (const end of [a, b]) pair.ends.set(end, (pair.ends.get(end) ?? 0) + 1);
      }
    }
  }
  return [...pairs.values()]
    .sort((x, y) => y.edge_count - x.edge_count || x.source_id - y.source_id || x.target_id - y.target_id)
    .map(({ ends, ...rest }) => ({ ...rest, sample_files: [...ends].sort((x, y) => y[1] - x[1] || cmp(x[0], y[0])).slice(0, 3).map(([p]) => p) }));
}

/** The project's communities for its current index generation, computed on first use. */
export function communitiesOf(project: Project): CommunityAnalysis {
  return project.derived('graph.communities', () => detectCommunities(project.graph()));
}
