// Hotspot scoring (spec §5.6): each file metric becomes a percentile rank, the composite is a
// weighted sum of the ranks (churn joins when git history exists), categories use P90 thresholds
// with floors; plus the longest functions and the orphan files.
import type { Commit } from '../history/log.js';
import { isTestPath } from '../discover/languages.js';
import { percentileRanks, quantile, round, type FileMetrics, type FunctionFacts } from './metrics.js';

export type Metric = 'lines' | 'symbols' | 'fan_in' | 'fan_out' | 'density' | 'max_complexity' | 'churn';

export interface Term { metric: Metric; weight: number }

export const TERMS_WITH_CHURN: readonly Term[] = [
  { metric: 'lines', weight: 0.15 }, { metric: 'symbols', weight: 0.1 }, { metric: 'fan_in', weight: 0.2 },
  { metric: 'fan_out', weight: 0.1 }, { metric: 'density', weight: 0.1 }, { metric: 'max_complexity', weight: 0.15 },
  { metric: 'churn', weight: 0.2 },
];
export const TERMS_WITHOUT_CHURN: readonly Term[] = [
  { metric: 'lines', weight: 0.2 }, { metric: 'symbols', weight: 0.15 }, { metric: 'fan_in', weight: 0.25 },
  { metric: 'fan_out', weight: 0.1 }, { metric: 'density', weight: 0.1 }, { metric: 'max_complexity', weight: 0.2 },
];

export const CHURN_WINDOW_DAYS = 90;

/** Category floors: a P90 threshold never goes below these (small repos have small P90s). */
export const FLOORS = { lines: 200, symbols: 10, fan_in: 3, fan_out: 5, public_symbols: 10, max_complexity: 15 } as const;
export type Thresholds = { -readonly [K in keyof typeof FLOORS]: number };

export interface FileHotspot extends FileMetrics {
  churn?: number;
  composite: number;
  categories: string[];
}

/**
 * Churn of each of `paths` over the commits: commits × (1 + ln(1 + lines added + removed)),
 * normalised so the most churned of them is 1.
 */
export function churnScores(commits: readonly Commit[], paths: ReadonlySet<string>): Map<string, number> {
  const facts = new Map<string, { commits: number; changed: number }>();
  for (const c of commits) {
    for (const f of c.files) {
      if (!paths.has(f.path)) continue;
      const fact = facts.get(f.path) ?? { commits: 0, changed: 0 };
      fact.commits++;
      fact.changed += f.added + f.removed;
      facts.set(f.path, fact);
    }
  }
  const raw = new Map([...facts].map(([p, f]) => [p, f.commits * (1 + Math.log(1 + f.changed))]));
  const max = Math.max(0, ...raw.values());
  return new Map([...raw].map(([p, v]) => [p, max > 0 ? v / max : 0]));
}

export function thresholds(files: readonly FileMetrics[]): Thresholds {
  const p90 = (pick: (f: FileMetrics) => number) => quantile(files.map(pick), 0.9);
  return {
    lines: round(Math.max(p90((f) => f.lines), FLOORS.lines), 2),
    symbols: round(Math.max(p90((f) => f.symbols), FLOORS.symbols), 2),
    fan_in: round(Math.max(p90((f) => f.fan_in), FLOORS.fan_in), 2),
    fan_out: round(Math.max(p90((f) => f.fan_out), FLOORS.fan_out), 2),
    public_symbols: round(Math.max(p90((f) => f.public_symbols), FLOORS.public_symbols), 2),
    max_complexity: round(Math.max(p90((f) => f.max_complexity), FLOORS.max_complexity), 2),
  };
}

/**
 * Every file with its composite score and categories, best first (ties by path). Without `churn`
 * the no-churn weights apply; files absent from `churn` had no commits in the window.
 */
export function rankFiles(files: readonly FileMetrics[], churn: ReadonlyMap<string, number> | undefined, limits: Thresholds): FileHotspot[] {
  const terms = churn ? TERMS_WITH_CHURN : TERMS_WITHOUT_CHURN;
  const value = (f: FileMetrics, m: Metric): number => (m === 'churn' ? churn?.get(f.path) ?? 0 : f[m]);
  const ranks = new Map(terms.map((t) => [t.metric, percentileRanks(files.map((f) => value(f, t.metric)))]));
  const out = files.map((f, i): FileHotspot => {
    const composite = terms.reduce((sum, t) => sum + t.weight * ranks.get(t.metric)![i]!, 0);
    const churnRank = ranks.get('churn')?.[i];
    const categories: string[] = [];
    if (f.lines >= limits.lines && f.symbols >= limits.symbols) categories.push('god-file');
    if (f.fan_in >= limits.fan_in) categories.push('hub');
    if (f.fan_out >= limits.fan_out) categories.push('coupling-magnet');
    if (f.public_symbols >= limits.public_symbols) categories.push('wide-api');
    if (churnRank !== undefined && churnRank >= 0.9 && value(f, 'churn') > 0) categories.push('churn-hotspot');
    if (f.max_complexity >= limits.max_complexity) categories.push('complex');
    return { ...f, ...(churn ? { churn: round(value(f, 'churn')) } : {}), composite: round(composite), categories };
  });
  return out.sort((a, b) => b.composite - a.composite || (a.path < b.path ? -1 : 1));
}

/** Languages where a return annotation is optional, so its absence is a choice worth flagging. */
const OPTIONAL_RETURN_TYPES: ReadonlySet<string> = new Set(['python', 'typescript', 'tsx', 'php']);

/** lines / 50 × 0.5 + params × 0.3 + 0.2 when an optional return type is missing. */
export function functionScore(f: FunctionFacts): number {
  const missingReturn = !f.has_return_type && OPTIONAL_RETURN_TYPES.has(f.language) ? 0.2 : 0;
  return round(f.line_count / 50 * 0.5 + f.param_count * 0.3 + missingReturn);
}

export function longestFunctions(functions: readonly FunctionFacts[], n: number): Array<FunctionFacts & { score: number }> {
  return functions.map((f) => ({ ...f, score: functionScore(f) }))
    .sort((a, b) => b.score - a.score || (a.file_path < b.file_path ? -1 : a.file_path > b.file_path ? 1 : a.line - b.line))
    .slice(0, n);
}

/** Code files with no imports and no importers, at least 20 lines, neither tests nor entry points; largest first. */
export function orphanFiles(files: readonly FileMetrics[], entryPaths: ReadonlySet<string>): FileMetrics[] {
  return files.filter((f) => f.fan_in === 0 && f.fan_out === 0 && f.lines >= 20 && !isTestPath(f.path) && !entryPaths.has(f.path))
    .sort((a, b) => b.lines - a.lines || (a.path < b.path ? -1 : 1));
}
