// The files around a centre set: what the centres import (transitively) and what imports them
// (transitively), each with its hop distance and the direction it was reached in. Two directed
// walks, not one undirected one, so a sibling (another importer of an imported file) is not a
// neighbour.
import type { FileGraph } from './file-graph.js';

export interface Placement {
  distance: number;
  /** `imports`: reached by following imports from a centre; `importers`: by following importers. */
  direction: 'center' | 'imports' | 'importers';
}

/** Centres at distance 0, then every file within `depth` hops; on equal distance, imports win. */
export function neighbourhood(graph: FileGraph, centres: readonly string[], depth: number): Map<string, Placement> {
  const out = new Map<string, Placement>(centres.map((c) => [c, { distance: 0, direction: 'center' }]));
  if (depth < 1) return out;
  const forward = graph.bfs(centres, 'imports', depth);
  const backward = graph.bfs(centres, 'importers', depth);
  for (const [path, reach] of forward) out.set(path, { distance: reach.depth, direction: 'imports' });
  for (const [path, reach] of backward) {
    const prev = out.get(path);
    if (!prev || reach.depth < prev.distance) out.set(path, { distance: reach.depth, direction: 'importers' });
  }
  return out;
}
