// The per-file metric table behind hotspots (size, symbols, public API, coupling, density,
// complexity), built from per-file definition tallies and cached per generation; plus the rank statistics the scores use (average-rank percentiles, quantiles).
import { isCodeLanguage } from '../discover/languages.js';
import { isConfigPath } from '../graph/importance.js';
import type { SymbolKind } from '../model.js';
import type { FileRow } from '../index/store.js';
import type { Project } from '../project.js';
import { isClassLike, isFunctionLike } from './top-symbols.js';

export interface FileMetrics {
  path: string;
  language: string;
  lines: number;
  /** Functions, methods, class-like types and top-level constants/variables. */
  symbols: number;
  public_symbols: number;
  fan_in: number;
  fan_out: number;
  /** symbols / lines × 100. */
  density: number;
  max_complexity: number;
}

export interface FunctionFacts {
  file_path: string;
  language: string;
  name: string;
  line: number;
  line_count: number;
  param_count: number;
  complexity: number;
  is_public: boolean;
  has_return_type: boolean;
}

const VALUE_KINDS: ReadonlySet<SymbolKind> = new Set(['constant', 'variable']);

/** Whether a file is analysed by hotspots: a parsed code file with lines that is not configuration. */
export function isAnalysedFile(f: FileRow): boolean {
  return isCodeLanguage(f.language) && f.status !== 'skipped' && f.lines > 0 && !isConfigPath(f.path);
}

/** Every analysed file by path, with its metrics; cached per generation. */
export function metricTable(project: Project): FileMetrics[] {
  return project.derived('analysis.metrics', () => {
    const graph = project.graph();
    const rows = new Map<string, FileMetrics>();
    for (const f of graph.files.values()) {
      if (!isAnalysedFile(f)) continue;
      rows.set(f.path, {
        path: f.path, language: f.language!, lines: f.lines, symbols: 0, public_symbols: 0,
        fan_in: graph.importers(f.path).length, fan_out: graph.imports(f.path).length, density: 0, max_complexity: 0,
      });
    }
    for (const t of project.store.symbolTallies()) {
      const row = rows.get(t.path);
      if (!row) continue;
      if (isFunctionLike(t.kind) || isClassLike(t.kind) || (VALUE_KINDS.has(t.kind) && t.top_level)) {
        row.symbols += t.count;
        if (t.exported) row.public_symbols += t.count;
      }
      if (isFunctionLike(t.kind)) row.max_complexity = Math.max(row.max_complexity, t.max_complexity ?? 1);
    }
    for (const row of rows.values()) row.density = round(row.symbols / row.lines * 100, 2);
    return [...rows.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  });
}

/**
 * Percentile rank of each value in [0, 1]: (average 1-based rank − 1) / (n − 1), so the smallest
 * value ranks 0 and the largest 1; tied values share their average rank; a lone value ranks 0.5.
 */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  if (n === 1) return [0.5];
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && order[j + 1]![0] === order[i]![0]) j++;
    const average = (i + j) / 2; // 0-based average rank of the tie group
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = average / (n - 1);
    i = j + 1;
  }
  return ranks;
}

/** The q-quantile (0..1) with linear interpolation between order statistics; 0 for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const round = (n: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
