// The live file graph of one index generation, held in memory for graph walks: adjacency in
// both directions with edge kinds and lines, file facts, and importance. Built lazily from the
// store and replaced when the generation changes.
import type { ImportKind } from '../model.js';
import type { FileRow, IndexStore } from '../index/store.js';
import { baseImportance, pageRanks } from './importance.js';

export interface Neighbour { path: string; kind: ImportKind; lines: number[] }

export interface Reach { depth: number; via: string }

export class FileGraph {
  readonly files = new Map<string, FileRow>();
  private readonly outs = new Map<string, Neighbour[]>();
  private readonly ins = new Map<string, Neighbour[]>();
  private importanceCache: Map<string, number> | undefined;

  private constructor(readonly generation: number) {}

  static load(store: IndexStore): FileGraph {
    const g = new FileGraph(store.generation);
    for (const f of store.allFiles()) g.files.set(f.path, f);
    const outs = new Map<string, Map<string, Neighbour>>();
    const ins = new Map<string, Map<string, Neighbour>>();
    for (const e of store.allEdges()) {
      if (e.source === e.target) continue;
      add(outs, e.source, e.target, e.kind, e.line);
      add(ins, e.target, e.source, e.kind, e.line);
    }
    const byPath = (a: Neighbour, b: Neighbour) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    for (const [k, m] of outs) g.outs.set(k, [...m.values()].sort(byPath));
    for (const [k, m] of ins) g.ins.set(k, [...m.values()].sort(byPath));
    return g;
  }

  imports(path: string): readonly Neighbour[] { return this.outs.get(path) ?? []; }
  importers(path: string): readonly Neighbour[] { return this.ins.get(path) ?? []; }

  /**
   * Multi-source BFS; neighbours are visited in path order so `via` is the smallest path on ties.
   * `virtual` adds neighbours for nodes no longer in the graph (a deleted file's former importers).
   */
  bfs(seeds: readonly string[], direction: 'imports' | 'importers', maxDepth = Infinity,
    virtual?: ReadonlyMap<string, readonly string[]>): Map<string, Reach> {
    const seen = new Map<string, Reach>();
    const seedSet = new Set(seeds);
    let frontier = [...seedSet].sort();
    for (let depth = 1; frontier.length && depth <= maxDepth; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        const real = (direction === 'imports' ? this.imports(node) : this.importers(node)).map((n) => n.path);
        for (const path of [...real, ...(virtual?.get(node) ?? [])]) {
          if (seedSet.has(path) || seen.has(path)) continue;
          seen.set(path, { depth, via: node });
          next.push(path);
        }
      }
      frontier = next.sort();
    }
    return seen;
  }

  importance(path: string): number {
    if (!this.importanceCache) {
      const nodes = [...this.files.keys()];
      const edges: Array<[string, string]> = [];
      for (const [s, list] of this.outs) for (const n of list) edges.push([s, n.path]);
      const ranks = pageRanks(nodes, edges);
      this.importanceCache = new Map();
      for (const f of this.files.values()) {
        const pr = ranks.get(f.path) ?? 0;
        const boost = 0.3 * pr > 0.01 ? 0.3 * pr : 0;
        this.importanceCache.set(f.path, round(Math.min(1, baseImportance(f.path, f.lines) + boost)));
      }
    }
    return this.importanceCache.get(path) ?? 0;
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Several imports of one file collapse into one neighbour; a value import outranks `import type`. */
function add(m: Map<string, Map<string, Neighbour>>, from: string, to: string, kind: ImportKind, line: number): void {
  let byTarget = m.get(from);
  if (!byTarget) m.set(from, (byTarget = new Map()));
  const existing = byTarget.get(to);
  if (existing) {
    if (!existing.lines.includes(line)) existing.lines.push(line);
    if (existing.kind === 'type_only' && kind !== 'type_only') existing.kind = kind;
  } else byTarget.set(to, { path: to, kind, lines: [line] });
}
