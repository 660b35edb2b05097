// File importance in [0, 1]: a heuristic base from the file's name, kind, size and depth, plus
// 0.3 × PageRank over the import graph (rank flows importer → imported, max-normalised).
import { DirectedGraph } from 'graphology';
import { createRequire } from 'node:module';
import type PagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { isTestPath } from '../discover/languages.js';

// A CommonJS module whose typings do not describe its default export under NodeNext.
const pagerank = createRequire(import.meta.url)('graphology-metrics/centrality/pagerank') as typeof PagerankModule.default;

const ENTRY_NAMES = /^(main|app|cli|server|index|lib|mod|__main__|manage|program)\.[a-z]+$/i;
const INDEX_NAMES = /^(__init__\.py|index\.[cm]?[jt]sx?|mod\.rs|lib\.rs)$/;
const MANIFESTS = new Set(['package.json', 'pyproject.toml', 'cargo.toml', 'go.mod', 'pom.xml', 'build.gradle', 'composer.json', 'gemfile']);

export function isConfigPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  return MANIFESTS.has(lower) || /\.config\.[a-z]+$|^tsconfig.*\.json$|^(makefile|dockerfile|setup\.cfg|setup\.py|tox\.ini|\.gitlab-ci\.yml)$/i.test(name)
    || path.startsWith('.github/');
}

/** Entry-point and package-index names (`main.py`, `cli.ts`, `index.js`, `__init__.py`, `lib.rs`, …). */
export function isEntryName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return ENTRY_NAMES.test(name) || INDEX_NAMES.test(name);
}

/** A package's index file (`__init__.py`, `index.ts`, `mod.rs`, `lib.rs`), which re-exports the package's API. */
export function isPackageIndex(path: string): boolean {
  return INDEX_NAMES.test(path.slice(path.lastIndexOf('/') + 1));
}

export function baseImportance(path: string, lines: number): number {
  const name = path.slice(path.lastIndexOf('/') + 1);
  let score = 0.5;
  if (ENTRY_NAMES.test(name) && !INDEX_NAMES.test(name)) score += 0.3;
  else if (INDEX_NAMES.test(name)) score += 0.1;
  // CI workflows and issue templates are configuration, but not where an agent starts reading.
  if (isConfigPath(path) && !path.startsWith('.github/')) {
    score += 0.2;
    if (MANIFESTS.has(name.toLowerCase())) score += 0.15;
  }
  if (isTestPath(path)) score -= 0.2;
  if (lines > 50 && lines < 500) score += 0.1;
  else if (lines > 1000) score += 0.05;
  else if (lines < 10) score -= 0.1;
  score -= 0.03 * (path.split('/').length - 1);
  if (/^readme(\.|$)/i.test(name)) score += 0.25;
  return Math.min(1, Math.max(0, score));
}

/** Max-normalised PageRank of each node; empty when the graph has no edges. */
export function pageRanks(nodes: readonly string[], edges: ReadonlyArray<readonly [string, string]>): Map<string, number> {
  if (!edges.length) return new Map();
  const g = new DirectedGraph();
  for (const n of nodes) g.addNode(n);
  for (const [s, t] of edges) if (s !== t && !g.hasEdge(s, t)) g.addEdge(s, t);
  const ranks = pagerank(g, { alpha: 0.85, maxIterations: 100, tolerance: 1e-6, getEdgeWeight: null });
  let max = 0;
  for (const v of Object.values(ranks)) max = Math.max(max, v);
  const out = new Map<string, number>();
  if (max > 0) for (const [k, v] of Object.entries(ranks)) out.set(k, v / max);
  return out;
}
