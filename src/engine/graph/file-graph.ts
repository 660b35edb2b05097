// The live file graph, held in memory for graph walks: adjacency in both directions with edge
// kinds and lines, file facts, and importance. Loaded once from the store, then patched with the
// files each new generation touched, so an edit does not reload a large graph.
import type { ImportKind } from '../model.js';
import type { FileRow, IndexStore } from '../index/store.js';
import { baseImportance, pageRanks } from './importance.js';

export interface Neighbour { path: string; kind: ImportKind; lines: number[] }

export interface Reach { depth: number; via: string }

type Adjacency = Map<string, Map<string, Neighbour>>;

/** Importance is recomputed once the graph has not changed for this long. */
const IMPORTANCE_QUIET_MS = 5000;

/** More changed files than this in one refresh reload the graph instead of patching it. */
const PATCH_LIMIT = 2000;

const byPath = (a: Neighbour, b: Neighbour): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export class FileGraph {
  readonly files = new Map<string, FileRow>();
  private readonly outs: Adjacency = new Map();
  private readonly ins: Adjacency = new Map();
  private readonly sorted = new Map<string, Neighbour[]>();
  private importanceCache: Map<string, number> | undefined;
  private importanceStale = false;
  private recomputeScheduled = false;

  private constructor(public generation: number) {}

  static load(store: IndexStore): FileGraph {
    const g = new FileGraph(store.generation);
    for (const f of store.allFiles()) g.files.set(f.path, f);
    for (const e of store.allEdges()) g.addEdge(e.source, e.target, e.kind, e.line);
    return g;
  }

  /** Brings the graph to the store's generation; returns the graph to use from now on. */
  refresh(store: IndexStore): FileGraph {
    const generation = store.generation;
    if (generation === this.generation) return this;
    const changed = store.filesChangedSince(this.generation);
    if (changed.length > PATCH_LIMIT) return FileGraph.load(store);
    const present = new Set(store.allPaths());
    for (const path of [...this.files.keys()]) if (!present.has(path)) this.removeNode(path);
    for (const row of changed) {
      this.files.set(row.path, row);
      this.clearOut(row.path);
      for (const e of store.edgesFrom(row.path)) this.addEdge(e.source, e.target, e.kind, e.line);
    }
    this.generation = generation;
    this.importanceStale = true;
    return this;
  }

  imports(path: string): readonly Neighbour[] { return this.sortedOf('out', this.outs, path); }
  importers(path: string): readonly Neighbour[] { return this.sortedOf('in', this.ins, path); }
  /** Whether `from` imports `to`. */
  hasImport(from: string, to: string): boolean { return this.outs.get(from)?.has(to) ?? false; }

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

  /**
   * Importance in [0, 1]. After edits the previous PageRank keeps serving (it moves little with
   * one file); a fresh one is computed once edits have paused, off the request path, so a burst
   * of edits does not pay for a PageRank each.
   */
  importance(path: string): number {
    if (!this.importanceCache) this.importanceCache = this.computeImportance();
    else if (this.importanceStale && !this.recomputeScheduled) {
      this.recomputeScheduled = true;
      let scheduledAt = this.generation;
      const recompute = (): void => {
        if (this.generation !== scheduledAt) { // still changing: wait for a quiet spell
          scheduledAt = this.generation;
          setTimeout(recompute, IMPORTANCE_QUIET_MS).unref();
          return;
        }
        this.importanceStale = false;
        this.recomputeScheduled = false;
        this.importanceCache = this.computeImportance();
      };
      setTimeout(recompute, IMPORTANCE_QUIET_MS).unref();
    }
    const cached = this.importanceCache.get(path);
    if (cached !== undefined) return cached;
    const row = this.files.get(path);
    return row ? round(baseImportance(path, row.lines)) : 0;
  }

  private computeImportance(): Map<string, number> {
    const edges: Array<[string, string]> = [];
    for (const [s, targets] of this.outs) for (const t of targets.keys()) edges.push([s, t]);
    const ranks = pageRanks([...this.files.keys()], edges);
    const out = new Map<string, number>();
    for (const f of this.files.values()) {
      const boost = 0.3 * (ranks.get(f.path) ?? 0);
      out.set(f.path, round(Math.min(1, baseImportance(f.path, f.lines) + (boost > 0.01 ? boost : 0))));
    }
    return out;
  }

  private sortedOf(side: 'out' | 'in', adjacency: Adjacency, path: string): Neighbour[] {
    const key = `${side}\0${path}`;
    let list = this.sorted.get(key);
    if (!list) this.sorted.set(key, (list = [...(adjacency.get(path)?.values() ?? [])].sort(byPath)));
    return list;
  }

  /** Several imports of one file collapse into one neighbour; a value import outranks `import type`. */
  private addEdge(source: string, target: string, kind: ImportKind, line: number): void {
    if (source === target) return;
    for (const [adj, from, to, side] of [[this.outs, source, target, 'out'], [this.ins, target, source, 'in']] as const) {
      let m = adj.get(from);
      if (!m) adj.set(from, (m = new Map()));
      const existing = m.get(to);
      if (existing) {
        if (!existing.lines.includes(line)) existing.lines.push(line);
        if (existing.kind === 'type_only' && kind !== 'type_only') existing.kind = kind;
      } else m.set(to, { path: to, kind, lines: [line] });
      this.sorted.delete(`${side}\0${from}`);
    }
  }

  private clearOut(source: string): void {
    for (const target of this.outs.get(source)?.keys() ?? []) {
      this.ins.get(target)?.delete(source);
      this.sorted.delete(`in\0${target}`);
    }
    this.outs.delete(source);
    this.sorted.delete(`out\0${source}`);
  }

  private removeNode(path: string): void {
    this.clearOut(path);
    for (const importer of this.ins.get(path)?.keys() ?? []) {
      this.outs.get(importer)?.delete(path);
      this.sorted.delete(`out\0${importer}`);
    }
    this.ins.delete(path);
    this.sorted.delete(`in\0${path}`);
    this.files.delete(path);
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
