// Search quality measured on the repository itself (issue 7, spec §12 `evaluate_search`): cases are
// mined from git history (a commit's cleaned subject is the question, the code files it changed
// are the answer) or read from a user-written query file, run through semantic search in each
// mode, and scored with MRR@k, Recall@5, Recall@k and Hit@5. With vectors, a sweep over the
// keyword leg's fusion weight says which weight suits this repository best.
//
// Mining rules, in the order they are checked (the first that fails names the skip reason):
//   merge       subject `Merge …` (true merges are never read: the history reader passes --no-merges)
//   revert      subject `Revert …` / `Reapply …`
//   fixup       subject `fixup!` / `squash!` / `amend!`
//   formatting  a housekeeping subject: reformat, prettier, eslint, gofmt, rustfmt, clang-format,
//               whitespace, typo(s), spelling, changelog, conventional `style:`, or a whole subject
//               such as "Format code" / "Fix lint errors"
//   release     bump, release, "version 1.2.3", a bare version number, chore(release|deps)
//   no_files    the commit changed nothing under the project root
//   too_many_files  more files changed than max_files_per_commit (every path counts, code or not)
//   whitespace_only every change disappears when whitespace is ignored (`git log -w --numstat`)
//   symmetric_rewrite  two or more files, each with as many lines added as removed, ten or more
//               lines in all: the shape of quote-style, re-wrap and rename sweeps. A one-line fix
//               (1 added, 1 removed) stays a case, which is why a lone file or a small change is kept.
//   short_subject   fewer than 3 words left after cleaning
//   identifier_subject  more than half of the words are identifiers (camelCase, snake_case,
//               a.b, a/b, a::b, f()): such a subject is a search_symbols question, not a description
//   no_code_files   no changed file survives: it must still be in the index (deleted and renamed-away
//               paths drop out), be code (a parsed language; docs, data and lockfiles are not), not a
//               test and not a config file, and have changed beyond whitespace
//   duplicate_subject  the same cleaned subject as a newer case
// Cleaning strips `[tags]`, ticket keys (`ABC-123:`, `8270000:`), conventional and area prefixes
// (`fix(scope)!:`, `net/http:`), issue and PR references (`#12`, `(#456)`, `fixes #7`) and trailing
// periods. The sample is deterministic: the newest max_cases cases at HEAD.
import { z } from 'zod';
import { CartographError, invalidArgument, notFound, tooLarge, unavailable } from '../../errors.js';
import { isCodeLanguage, isTestPath } from '../discover/languages.js';
import { isConfigPath } from '../graph/importance.js';
import { COMMIT_FORMAT, parseLog, type Commit } from '../history/log.js';
import type { Project } from '../project.js';
import { semanticSearch, vectorSearchAvailable } from './semantic-search.js';

export const EVAL_MODES = ['keyword', 'vector', 'hybrid'] as const;
export type EvalMode = (typeof EVAL_MODES)[number];

/** An expected answer: a whole file, or (with lines) a range a result must overlap. */
export interface EvalTarget { path: string; start_line?: number; end_line?: number }

export interface EvalCase {
  query: string;
  targets: EvalTarget[];
  /** `file`: results are reduced to distinct files; `chunk`: each result counts (ranges were given). */
  level: 'file' | 'chunk';
  /** Abbreviated hash of the commit the case was mined from. */
  commit?: string;
}

export interface CaseSet {
  source: 'git_history' | 'query_file';
  cases: EvalCase[];
  skipped: Record<string, number>;
  commits_scanned?: number;
  notes: string[];
}

/** One search result as the metrics see it. */
export interface RankedItem { path: string; line?: number; end_line?: number }

export interface CaseScore {
  /** 1-based position of the first relevant item within k; null when none. */
  first: number | null;
  rr: number;
  recall_at_5: number;
  recall_at_k: number;
  hit_at_5: number;
}

export interface Metrics { mrr: number; recall_at_5: number; recall_at_k: number; hit_at_5: number }

export interface ModeReport extends Metrics {
  mode: EvalMode;
  cases: number;
  p50_ms: number;
  p95_ms: number;
  /** Cases a hybrid run answered from the keyword leg alone (embeddings not ready). */
  fell_back?: number;
}

export interface SweepPoint extends Metrics { keyword_weight: number }

export interface EvaluationReport {
  source: CaseSet['source'];
  k: number;
  cases: number;
  skipped: Record<string, number>;
  commits_scanned?: number;
  vector_available: boolean;
  modes: ModeReport[];
  sweep?: { points: SweepPoint[]; best_weight: number };
  examples: Array<{ query: string; expected: string[]; commit?: string; rank: Record<string, number | null> }>;
  notes: string[];
}

// ---- mining ----------------------------------------------------------------------------------

const MERGE = /^Merge\b/;
const REVERT = /^(Revert|Reapply)\b/;
const FIXUP = /^(fixup|squash|amend)!/;
const FORMATTING = [
  /\b(reformat\w*|prettier|eslint|gofmt|rustfmt|clang-format|whitespace|typos?|spelling|changelog)\b/i,
  /^style(\(|!|:)/i,
  /^(apply |run |fix )?(format(ting|ter)?|lint(ing|er)?)( (code|files|sources?|everything|all|errors|warnings|issues)|\s+(with|using)\b.*)?\.?$/i,
];
const RELEASE = [
  /\bbump\b/i,
  /^(release|releasing|prepare (for )?release)\b/i,
  /\bversion\s+v?\d+(\.\d+)+/i,
  /^v?\d+(\.\d+)+\b/,
  /^(chore|build)\((release|deps?|deps-dev)\)/i,
];
/** A commit whose files all changed symmetrically is a sweep once it has this many lines in all. */
const SYMMETRIC_MIN_LINES = 10;
const MIN_WORDS = 3;
/** Commits read first, per case wanted; the whole history is read only if that window runs dry. */
const WINDOW_PER_CASE = 8;
const MIN_WINDOW = 500;
const SHORT_HASH = 10;

/** The question a commit subject asks, with prefixes, tags, references and trailing periods removed. */
export function cleanSubject(subject: string): string {
  let s = subject.trim();
  for (let before = ''; before !== s;) {
    before = s;
    s = s.replace(/^\[[^\]]*\]\s*/, '') // [tag]
      .replace(/^[A-Z][A-Z0-9]+-\d+\b:?\s*/, '') // ABC-123 ticket keys
      .replace(/^\d{3,}:\s*/, '') // bug ids as in "8270000: …"
      // conventional `type(scope)!:` and area prefixes `net/http:` / `cmd/go, net:` (no spaces but after commas)
      .replace(/^[\w./*+-]+(\([^)]*\))?(,\s*[\w./*+-]+(\([^)]*\))?)*!?:\s+/, '');
  }
  return s
    .replace(/\b(fix(es|ed)?|close[sd]?|resolve[sd]?|refs?|see)\s+(GH-)?#\d+\b/gi, ' ')
    .replace(/\(\s*(GH-)?#\d+\s*\)/g, ' ')
    .replace(/(^|\s)(GH-)?#\d+\b/g, ' ')
    .replace(/\s*\[[^\]]*\]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.]+$/, '');
}

/** Whitespace-separated words holding at least one letter. */
const wordsOf = (s: string): string[] => s.split(/\s+/).filter((w) => /\p{L}/u.test(w));

/** camelCase, snake_case, a.b, a/b, a::b, f(), or `quoted`. */
function isIdentifierLike(word: string): boolean {
  if (/^`.+`[.,;:]?$/.test(word)) return true;
  const w = word.replace(/^["'(]+|["',;:)]+$/g, '');
  return /[a-z][A-Z]|_|\w\.\w|\w\/\w|::|\w\(\)/.test(w);
}

function subjectSkip(subject: string): string | undefined {
  if (MERGE.test(subject)) return 'merge';
  if (REVERT.test(subject)) return 'revert';
  if (FIXUP.test(subject)) return 'fixup';
  if (FORMATTING.some((re) => re.test(subject))) return 'formatting';
  if (RELEASE.some((re) => re.test(subject))) return 'release';
  return undefined;
}

function isSymmetricRewrite(files: Commit['files']): boolean {
  if (files.length < 2) return false;
  const lines = files.reduce((n, f) => n + f.added + f.removed, 0);
  return lines >= SYMMETRIC_MIN_LINES && files.every((f) => f.added > 0 && f.added === f.removed);
}

/** Paths each commit changed beyond whitespace, read in the same window as the plain log. */
async function substantiveChanges(project: Project, maxCount: number | undefined): Promise<Map<string, Set<string>>> {
  const { value } = await project.history.memo(`evaluate-w:${maxCount ?? ''}`, async (state) => {
    if (state.head === null) return new Map<string, Set<string>>();
    const args = ['log', '--no-merges', '--no-renames', '--relative', '-w', '--numstat', '-z', COMMIT_FORMAT];
    if (maxCount !== undefined) args.push(`-n${maxCount}`);
    return new Map(parseLog(await project.history.run(args)).map((c) => [c.hash, new Set(c.files.map((f) => f.path))]));
  });
  return value;
}

/** A changed path that can be an answer: indexed now, code, not a test or a config file. */
function isAnswerFile(project: Project, path: string): boolean {
  const row = project.store.file(path);
  return !!row && row.status !== 'skipped' && isCodeLanguage(row.language) && !isTestPath(path) && !isConfigPath(path);
}

export interface MineOptions { maxCases: number; maxFilesPerCommit: number }

/** Why a commit gives no case (the checks of the header, in order), or the files it expects. */
function judge(project: Project, c: Commit, query: string, changed: ReadonlySet<string>, maxFiles: number): { skip: string } | { expected: string[] } {
  const bySubject = subjectSkip(c.subject);
  if (bySubject) return { skip: bySubject };
  if (!c.files.length) return { skip: 'no_files' };
  if (c.files.length > maxFiles) return { skip: 'too_many_files' };
  if (!c.files.some((f) => changed.has(f.path))) return { skip: 'whitespace_only' };
  if (isSymmetricRewrite(c.files)) return { skip: 'symmetric_rewrite' };
  const words = wordsOf(query);
  if (words.length < MIN_WORDS) return { skip: 'short_subject' };
  if (words.filter(isIdentifierLike).length * 2 > words.length) return { skip: 'identifier_subject' };
  const expected = c.files.map((f) => f.path).filter((p) => changed.has(p) && isAnswerFile(project, p)).sort();
  return expected.length ? { expected } : { skip: 'no_code_files' };
}

function casesFrom(project: Project, commits: readonly Commit[], substantive: ReadonlyMap<string, Set<string>>, opts: MineOptions): CaseSet {
  const cases: EvalCase[] = [];
  const skipped: Record<string, number> = {};
  const seen = new Set<string>();
  const skip = (reason: string) => { skipped[reason] = (skipped[reason] ?? 0) + 1; };
  let scanned = 0;
  for (const c of commits) {
    if (cases.length >= opts.maxCases) break;
    scanned++;
    const query = cleanSubject(c.subject);
    const verdict = judge(project, c, query, substantive.get(c.hash) ?? new Set(), opts.maxFilesPerCommit);
    if ('skip' in verdict) { skip(verdict.skip); continue; }
    const key = query.toLowerCase();
    if (seen.has(key)) { skip('duplicate_subject'); continue; }
    seen.add(key);
    cases.push({ query, targets: verdict.expected.map((path) => ({ path })), level: 'file', commit: c.hash.slice(0, SHORT_HASH) });
  }
  return { source: 'git_history', cases, skipped, commits_scanned: scanned, notes: [] };
}

/** The newest `maxCases` cases the history yields (see the rules at the top of this file). */
export async function mineCases(project: Project, opts: MineOptions): Promise<CaseSet> {
  let window: number | undefined = Math.max(MIN_WINDOW, opts.maxCases * WINDOW_PER_CASE);
  for (;;) {
    const commits = await project.history.commits(window === undefined ? {} : { maxCount: window });
    const set = casesFrom(project, commits, await substantiveChanges(project, window), opts);
    if (window === undefined || set.cases.length >= opts.maxCases || commits.length < window) return set;
    window = undefined; // the first window ran dry: read the whole history
  }
}

// ---- query files -------------------------------------------------------------------------------

const QueryRange = z.object({
  path: z.string().min(1),
  start_line: z.number().int().min(1),
  end_line: z.number().int().min(1),
}).refine((r) => r.end_line >= r.start_line, { message: 'end_line must not be before start_line' });

const QueryEntry = z.object({
  query: z.string().trim().min(1).max(2000),
  files: z.array(z.string().min(1)).max(1000).optional(),
  ranges: z.array(QueryRange).max(1000).optional(),
}).refine((e) => (e.files?.length ?? 0) + (e.ranges?.length ?? 0) > 0, { message: 'give files or ranges' });

/** Far above any hand-curated set (2,000 cases at most are run), low enough to parse at once. */
const QUERY_FILE_MAX_CHARS = 20 * 2 ** 20;

function malformed(file: string, where: string, why: string, extra: Record<string, unknown> = {}): CartographError {
  return invalidArgument(`Query file '${file}' ${where}: ${why}.`, { parameter: 'query_file', reason: 'malformed_query_file', ...extra });
}

/**
 * Cases from a query file's text: a JSON array of `{query, files?, ranges?}`, or JSON Lines (one
 * object per line). Paths are confined to the project; an entry whose expected files are all
 * missing from the index is skipped (`expected_missing`). Malformed input is `invalid_argument`.
 */
export function parseQueryFile(project: Project, name: string, text: string): CaseSet {
  const body = text.replace(/^\uFEFF/, '');
  const raw: Array<{ where: string; value: unknown }> = [];
  if (body.trimStart().startsWith('[')) {
    let parsed: unknown;
    try { parsed = JSON.parse(body); } catch (err) {
      throw malformed(name, 'is not valid JSON', err instanceof Error ? err.message : String(err));
    }
    (parsed as unknown[]).forEach((value, i) => raw.push({ where: `entry ${i + 1}`, value }));
  } else {
    body.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try { raw.push({ where: `line ${i + 1}`, value: JSON.parse(line) }); } catch (err) {
        throw malformed(name, `line ${i + 1}`, `not valid JSON (${err instanceof Error ? err.message : String(err)})`, { line: i + 1 });
      }
    });
  }
  const cases: EvalCase[] = [];
  const skipped: Record<string, number> = {};
  let missing = 0;
  for (const { where, value } of raw) {
    const entry = QueryEntry.safeParse(value);
    if (!entry.success) {
      const issue = entry.error.issues[0]!;
      throw malformed(name, where, `${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    const confined = (p: string): string => {
      try { return project.resolvePath(p).rel; } catch (err) {
        if (err instanceof CartographError) throw invalidArgument(`Query file '${name}' ${where}: path '${p}' is outside the project root.`, { parameter: 'query_file', reason: 'outside_root', path: p });
        throw err;
      }
    };
    const all: EvalTarget[] = [
      ...(entry.data.files ?? []).map((p) => ({ path: confined(p) })),
      ...(entry.data.ranges ?? []).map((r) => ({ path: confined(r.path), start_line: r.start_line, end_line: r.end_line })),
    ];
    const distinct = new Map(all.map((t) => [`${t.path}:${t.start_line ?? ''}-${t.end_line ?? ''}`, t]));
    const targets = [...distinct.values()].filter((t) => project.store.file(t.path));
    missing += distinct.size - targets.length;
    if (!targets.length) { skipped.expected_missing = (skipped.expected_missing ?? 0) + 1; continue; }
    cases.push({ query: entry.data.query, targets, level: entry.data.ranges?.length ? 'chunk' : 'file' });
  }
  const notes = missing ? [`${missing} expected path${missing > 1 ? 's are' : ' is'} not in the index and ${missing > 1 ? 'were' : 'was'} left out.`] : [];
  return { source: 'query_file', cases, skipped, notes };
}

/** Reads and parses a query file named by a project path (confined like every input path). */
export function loadQueryFile(project: Project, input: string): CaseSet {
  const { rel } = project.resolvePath(input);
  const text = project.readText(rel);
  if (text === undefined) throw notFound(`Query file '${rel}' does not exist or cannot be read.`, { path: rel, parameter: 'query_file' });
  if (text.length > QUERY_FILE_MAX_CHARS) {
    throw tooLarge(`Query file '${rel}' has ${text.length.toLocaleString('en-US')} characters; at most ${QUERY_FILE_MAX_CHARS.toLocaleString('en-US')} are read.`, { parameter: 'query_file', limit: QUERY_FILE_MAX_CHARS });
  }
  return parseQueryFile(project, rel, text);
}

// ---- metrics ----------------------------------------------------------------------------------

const matches = (t: EvalTarget, r: RankedItem): boolean =>
  t.path === r.path && (t.start_line === undefined || ((r.line ?? 1) <= t.end_line! && (r.end_line ?? r.line ?? 1) >= t.start_line));

/**
 * Scores one ranking. File level: the ranking is reduced to distinct files in order, and an item
 * is relevant when it is an expected file. Chunk level: every item counts, and it is relevant when
 * it lies in an expected file and (for a range) overlaps the range. RR = 1/position of the first
 * relevant item within k; Recall@n = share of targets matched by an item within the first n;
 * Hit@5 = 1 when any of the first 5 is relevant.
 */
export function scoreCase(c: EvalCase, ranking: readonly RankedItem[], k: number): CaseScore {
  const items = c.level === 'file'
    ? [...new Set(ranking.map((r) => r.path))].map((path) => ({ path }))
    : ranking;
  const relevant = (r: RankedItem) => c.targets.some((t) => matches(t, r));
  const firstIndex = items.slice(0, k).findIndex(relevant);
  const recall = (n: number) => c.targets.filter((t) => items.slice(0, n).some((r) => matches(t, r))).length / c.targets.length;
  return {
    first: firstIndex < 0 ? null : firstIndex + 1,
    rr: firstIndex < 0 ? 0 : 1 / (firstIndex + 1),
    recall_at_5: recall(5),
    recall_at_k: recall(k),
    hit_at_5: items.slice(0, 5).some(relevant) ? 1 : 0,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Means over cases, rounded to 4 decimals; zeros for no cases. */
export function summarize(scores: readonly CaseScore[]): Metrics {
  const mean = (f: (s: CaseScore) => number) => (scores.length ? round4(scores.reduce((a, s) => a + f(s), 0) / scores.length) : 0);
  return { mrr: mean((s) => s.rr), recall_at_5: mean((s) => s.recall_at_5), recall_at_k: mean((s) => s.recall_at_k), hit_at_5: mean((s) => s.hit_at_5) };
}

/** Nearest-rank percentile of `values` (0 for none). */
function nearestRank(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ---- running -----------------------------------------------------------------------------------

/** Keyword weights tried on hybrid search. */
const SWEEP_WEIGHTS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;
/** Results are capped at 3 chunks per file, so this many chunks always hold k distinct files. */
const searchDepth = (k: number) => Math.min(100, Math.max(50, 3 * k));
const SEARCH_MODE = { keyword: 'keyword', vector: 'vector', hybrid: 'auto' } as const;
const EXAMPLES = 5;

interface ModeRun { scores: CaseScore[]; latencies: number[]; fellBack: number }

/** Runs every case through semantic search in one mode. */
async function runMode(project: Project, cases: readonly EvalCase[], mode: EvalMode, k: number, opts: { keywordWeight?: number; signal?: AbortSignal } = {}): Promise<ModeRun> {
  const out: ModeRun = { scores: [], latencies: [], fellBack: 0 };
  for (const c of cases) {
    opts.signal?.throwIfAborted();
    const started = performance.now();
    const res = await semanticSearch(project, {
      query: c.query, top_k: searchDepth(k), mode: SEARCH_MODE[mode],
      ...(opts.keywordWeight !== undefined ? { keyword_weight: opts.keywordWeight } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    out.latencies.push(performance.now() - started);
    if (mode === 'hybrid' && res.mode_used !== 'hybrid') out.fellBack++;
    out.scores.push(scoreCase(c, res.results.map((r) => ({ path: r.file_path, line: r.line, end_line: r.end_line })), k));
  }
  return out;
}

export interface EvaluateOptions {
  maxCases: number;
  maxFilesPerCommit: number;
  /** A project path; without it, cases are mined from git history. */
  queryFile?: string;
  /** Modes to run; default every available one. */
  modes?: readonly EvalMode[];
  k: number;
  signal?: AbortSignal;
}

/** Best sweep point: highest MRR, then Recall@k, then Hit@5, then the larger keyword weight (cheaper to lean on). */
function bestWeight(points: readonly SweepPoint[]): number {
  return [...points].sort((a, b) => b.mrr - a.mrr || b.recall_at_k - a.recall_at_k || b.hit_at_5 - a.hit_at_5 || b.keyword_weight - a.keyword_weight)[0]!.keyword_weight;
}

/** Runs the given cases in each mode (and the fusion sweep when hybrid runs) and reports. */
export async function evaluateCases(project: Project, set: CaseSet, opts: Omit<EvaluateOptions, 'maxCases' | 'maxFilesPerCommit' | 'queryFile'>): Promise<EvaluationReport> {
  const notes = [...set.notes];
  const vectors = await vectorSearchAvailable(project);
  const requested = opts.modes?.length ? EVAL_MODES.filter((m) => opts.modes!.includes(m)) : EVAL_MODES;
  const modes = requested.filter((m) => m === 'keyword' || vectors);
  if (!modes.length) {
    throw unavailable('Vector and hybrid evaluation need an embedding provider; none is configured or reachable. Ask for mode keyword.', { reason: 'no_provider' });
  }
  if (modes.length < requested.length) {
    notes.push('Vector and hybrid modes (and the fusion-weight sweep) need an embedding provider; none is configured or reachable, so only keyword search was measured.');
  }
  const reports: ModeReport[] = [];
  const firsts = new Map<EvalMode, Array<number | null>>();
  for (const mode of set.cases.length ? modes : []) {
    const run = await runMode(project, set.cases, mode, opts.k, opts.signal ? { signal: opts.signal } : {});
    firsts.set(mode, run.scores.map((s) => s.first));
    reports.push({
      mode, cases: set.cases.length, ...summarize(run.scores),
      p50_ms: Math.round(nearestRank(run.latencies, 50) * 10) / 10, p95_ms: Math.round(nearestRank(run.latencies, 95) * 10) / 10,
      ...(mode === 'hybrid' && run.fellBack ? { fell_back: run.fellBack } : {}),
    });
    if (mode === 'hybrid' && run.fellBack) notes.push(`Hybrid search answered ${run.fellBack} of ${set.cases.length} cases from keywords alone (embeddings not ready, or the provider failed).`);
  }
  let sweep: EvaluationReport['sweep'];
  const hybrid = reports.find((r) => r.mode === 'hybrid');
  if (hybrid?.fell_back) notes.push('The fusion-weight sweep was skipped: it needs every case answered by hybrid search.');
  else if (hybrid) {
    const points: SweepPoint[] = [];
    for (const w of SWEEP_WEIGHTS) {
      const run = await runMode(project, set.cases, 'hybrid', opts.k, { keywordWeight: w, ...(opts.signal ? { signal: opts.signal } : {}) });
      points.push({ keyword_weight: w, ...summarize(run.scores) });
    }
    sweep = { points, best_weight: bestWeight(points) };
  }
  if (!set.cases.length) {
    notes.push(set.source === 'git_history'
      ? 'No usable cases: every commit examined was skipped. Write a query file (query → expected files or line ranges) and pass it as query_file.'
      : 'No usable cases in the query file.');
  }
  return {
    source: set.source, k: opts.k, cases: set.cases.length, skipped: set.skipped,
    ...(set.commits_scanned !== undefined ? { commits_scanned: set.commits_scanned } : {}),
    vector_available: vectors, modes: reports, ...(sweep ? { sweep } : {}),
    examples: set.cases.slice(0, EXAMPLES).map((c, i) => ({
      query: c.query,
      expected: c.targets.map((t) => (t.start_line === undefined ? t.path : `${t.path}:${t.start_line}-${t.end_line}`)),
      ...(c.commit ? { commit: c.commit } : {}),
      rank: Object.fromEntries([...firsts].map(([m, f]) => [m, f[i] ?? null])),
    })),
    notes,
  };
}

/** The whole evaluation: cases from the query file or git history, then every mode. */
export async function evaluateSearch(project: Project, opts: EvaluateOptions): Promise<EvaluationReport> {
  let set: CaseSet;
  if (opts.queryFile !== undefined) {
    set = loadQueryFile(project, opts.queryFile);
    if (set.cases.length > opts.maxCases) {
      set.notes.push(`The query file has ${set.cases.length} usable cases; the first ${opts.maxCases} (max_cases) were run.`);
      set.cases = set.cases.slice(0, opts.maxCases);
    }
  } else {
    set = await mineCases(project, opts);
  }
  return evaluateCases(project, set, { k: opts.k, ...(opts.modes ? { modes: opts.modes } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
}
