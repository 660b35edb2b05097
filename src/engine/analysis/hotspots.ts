// Hotspot scoring (spec §5.6): each file metric becomes a percentile rank, the composite is a
// weighted sum of the ranks (churn joins when git history exists), categories use P90 thresholds
// with floors; plus the longest functions and the orphan files.
import { CartographError } from '../../errors.js';
import type { Commit } from '../history/log.js';
import { isTestPath } from '../discover/languages.js';
import type { Project } from '../project.js';
import { metricTable, percentileRanks, quantile, round, type FileMetrics, type FunctionFacts } from './metrics.js';

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
const OPTIONAL_RETURN_TYPES: readonly string[] = ['python', 'typescript', 'tsx', 'php'];

/** Longest-function score: lines / 50 × 0.5 + params × 0.3 + 0.2 when an optional return type is missing. */
const FUNCTION_WEIGHTS = { perLine: 0.5 / 50, perParam: 0.3, missingReturn: 0.2 } as const;

export function functionScore(f: FunctionFacts): number {
  const missingReturn = !f.has_return_type && OPTIONAL_RETURN_TYPES.includes(f.language) ? FUNCTION_WEIGHTS.missingReturn : 0;
  return round(f.line_count * FUNCTION_WEIGHTS.perLine + f.param_count * FUNCTION_WEIGHTS.perParam + missingReturn);
}

/** The `n` best-scoring functions of analysed files (ties: path, line), cached per generation. */
export function longestFunctions(project: Project, n: number): Array<FunctionFacts & { score: number }> {
  return project.derived(`analysis.longest-functions:${n}`, () => {
    const analysed = new Map(metricTable(project).map((f) => [f.path, f]));
    // The store ranks every function; those in files hotspots leaves out (configuration, data)
    // are dropped afterwards, so it is asked for a wide margin.
    return project.store.functionsByWeight(FUNCTION_WEIGHTS, OPTIONAL_RETURN_TYPES, n * 20).flatMap((s) => {
      const file = analysed.get(s.file_path);
      if (!file) return [];
      const facts: FunctionFacts = {
        file_path: s.file_path, language: file.language, name: s.qualified_name, line: s.start_line,
        line_count: s.end_line - s.start_line + 1, param_count: s.param_count ?? 0, complexity: s.complexity ?? 1,
        is_public: s.exported, has_return_type: s.return_type !== undefined,
      };
      return [{ ...facts, score: functionScore(facts) }];
    }).sort((a, b) => b.score - a.score || (a.file_path < b.file_path ? -1 : a.file_path > b.file_path ? 1 : a.line - b.line))
      .slice(0, n);
  });
}

/** Code files with no imports and no importers, at least 20 lines, neither tests nor entry points; largest first. */
export function orphanFiles(files: readonly FileMetrics[], entryPaths: ReadonlySet<string>): FileMetrics[] {
  return files.filter((f) => f.fan_in === 0 && f.fan_out === 0 && f.lines >= 20 && !isTestPath(f.path) && !entryPaths.has(f.path))
    .sort((a, b) => b.lines - a.lines || (a.path < b.path ? -1 : 1));
}

export interface HotspotRanking {
  ranked: FileHotspot[];
  limits: Thresholds;
  /** Why churn is left out (the git failure reason), when it is. */
  churn_unavailable?: string;
}

/** Stands for "no history" as a cache key. */
const NO_HISTORY = {};

/**
 * Every analysed file scored and ranked, with churn when git history exists. Cached per index
 * generation and commit log (the log is itself cached per HEAD), so repeated calls only slice.
 */
export async function hotspotRanking(project: Project): Promise<HotspotRanking> {
  let commits: Commit[] | undefined;
  let reason: string | undefined;
  try {
    commits = await project.history.commits({ sinceDays: CHURN_WINDOW_DAYS });
  } catch (err) {
    if (!(err instanceof CartographError) || err.code !== 'unavailable') throw err;
    reason = String(err.details?.reason ?? 'git failed');
  }
  const cache = project.derived('analysis.hotspot-ranking', () => new WeakMap<object, HotspotRanking>());
  let ranking = cache.get(commits ?? NO_HISTORY);
  if (!ranking) {
    const files = metricTable(project);
    const churn = commits && churnScores(commits, new Set(files.map((f) => f.path)));
    const limits = thresholds(files);
    ranking = { ranked: rankFiles(files, churn, limits), limits, ...(reason ? { churn_unavailable: reason } : {}) };
    cache.set(commits ?? NO_HISTORY, ranking);
  }
  return ranking;
}
