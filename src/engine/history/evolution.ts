// code_evolution's engine: the commits that changed one file (renames followed) or some ranges of
// its lines (`git log -L`), newest first, each with every project file it touched. Answers are
// kept per HEAD; only the commits shown are diffed in full.
import { execGit } from './git.js';
import {
  COMMIT_FORMAT, type Commit, type CommitFile, fromTop, type GitLog, gitUnavailable, literalPath, parseLog, type RepoState, splitCommits,
} from './log.js';

export interface EvolutionCommit {
  sha: string;
  author: string;
  email: string;
  /** Author date, ISO-8601 UTC. */
  date: string;
  subject: string;
  /** The traced file first (under its name in that commit), then the commit's other files by path. */
  files: Array<{ path: string; added: number; removed: number }>;
  renamed_from?: string;
}

export interface EvolutionQuery {
  /** Root-relative path of the file. */
  path: string;
  /** Line ranges (1-based, inclusive) to trace instead of the whole file. */
  ranges?: ReadonlyArray<readonly [number, number]>;
  /** Only commits newer than this (unix seconds). */
  since?: number;
  maxResults: number;
}

export interface Evolution {
  commits: EvolutionCommit[];
  /** Every commit that matches, of which `commits` are the newest `maxResults`. */
  total: number;
  /**
   * Line mode only, why nothing could be traced: HEAD has no such file (new or renamed since the
   * last commit), or the ranges start past its end in HEAD (the working tree has grown).
   */
  untraceable?: 'not_in_head' | 'past_end';
}

const isoDate = (time: number): string => new Date(time * 1000).toISOString().replace('.000Z', 'Z');

/** The commits that changed the file or its line ranges; `{ commits: [], total: 0 }` before the first commit. */
export async function evolution(log: GitLog, query: EvolutionQuery): Promise<{ state: RepoState; value: Evolution }> {
  // `since` to the minute: relative dates move every second, and repeated calls should hit the cache.
  const q = query.since ? { ...query, since: Math.floor(query.since / 60) * 60 } : query;
  const key = `evolution:${q.path}:${JSON.stringify(q.ranges ?? null)}:${q.since ?? ''}:${q.maxResults}`;
  return log.memo(key, async (state) => {
    if (state.head === null) return { commits: [], total: 0 };
    const since = q.since ? [`--max-age=${q.since}`] : [];
    const traced = q.ranges ? await traceLines(log, state, q, since) : await traceFile(log, q, since);
    if (typeof traced === 'string') return { commits: [], total: 0, untraceable: traced };
    const shown = traced.slice(0, q.maxResults);
    const total = traced.length > q.maxResults ? await countAll(log, q, since) : shown.length;
    const others = await filesOf(log, shown.map((t) => t.commit.hash));
    return { commits: shown.map((t) => present(t, others.get(t.commit.hash) ?? [])), total };
  });
}

/** Whether git history knows the path at all (any commit, any date). */
export async function inHistory(log: GitLog, path: string): Promise<boolean> {
  if ((await log.state()).head === null) return false;
  return (await log.run(['log', '-n1', '--format=%H', '--', literalPath(path)])).trim() !== '';
}

/** One commit of a trace: the traced file's entry in it and its name before a rename there. */
interface Traced { commit: Omit<Commit, 'files'>; target?: CommitFile; renamedFrom?: string }

// One commit more than asked for tells whether the total has to be counted.
async function traceFile(log: GitLog, q: EvolutionQuery, since: string[]): Promise<Traced[]> {
  const out = await log.run(['log', '--follow', '--numstat', '-z', '--relative', COMMIT_FORMAT, `-n${q.maxResults + 1}`, ...since,
    '--', literalPath(q.path)]);
  return parseLog(out).map(({ files, ...commit }) => {
    const target = files[0];
    return { commit, ...(target ? { target } : {}), ...(target?.from !== undefined ? { renamedFrom: target.from } : {}) };
  });
}

const rangeArgs = (q: EvolutionQuery): string[] => (q.ranges ?? []).map(([start, end]) => `-L${start},${end}:${q.path}`);

/**
 * `git log -L` prints patches only; the header of each (`diff --git`, then `--- a/old`, `+++ b/new`)
 * names the file in that commit.
 */
async function traceLines(log: GitLog, state: RepoState, q: EvolutionQuery, since: string[]): Promise<Traced[] | NonNullable<Evolution['untraceable']>> {
  const out = await execGit(log.root, ['log', ...rangeArgs(q), COMMIT_FORMAT, `-n${q.maxResults + 1}`, ...since]);
  if (!out.ok) {
    if (out.reason === 'git_failed' && /no path .* in the commit/i.test(out.stderr)) return 'not_in_head';
    if (out.reason === 'git_failed' && /has only \d+ lines?/.test(out.stderr)) return 'past_end';
    throw gitUnavailable(out.reason, out.stderr);
  }
  return splitCommits(out.stdout).map(({ commit, body }) => {
    const lines = body.split('\n');
    const at = lines.findIndex((l) => l.startsWith('diff --git '));
    const before = at < 0 ? undefined : patchPath(lines[at + 1], '--- a/');
    const after = at < 0 ? undefined : patchPath(lines[at + 2], '+++ b/');
    const path = after === undefined ? q.path : fromTop(state.prefix, after);
    const from = before === undefined ? undefined : fromTop(state.prefix, before);
    return { commit, target: { path, added: 0, removed: 0 }, ...(from !== undefined && from !== path ? { renamedFrom: from } : {}) };
  });
}

/**
 * The path on a `--- a/…` or `+++ b/…` line; undefined for `/dev/null` and for names git quoted
 * (control characters, quotes or backslashes), which then count as the traced path.
 */
function patchPath(line: string | undefined, marker: string): string | undefined {
  return line?.startsWith(marker) ? line.slice(marker.length) : undefined;
}

async function countAll(log: GitLog, q: EvolutionQuery, since: string[]): Promise<number> {
  const args = q.ranges
    ? ['log', ...rangeArgs(q), '-s', '--format=%H', ...since]
    : ['log', '--follow', '--format=%H', ...since, '--', literalPath(q.path)];
  return (await log.run(args)).split('\n').filter(Boolean).length;
}

/** Every project file each commit touched, in one `--no-walk` call (`--follow` and `-L` show only the traced file). */
async function filesOf(log: GitLog, hashes: string[]): Promise<Map<string, CommitFile[]>> {
  if (!hashes.length) return new Map();
  const out = await log.run(['log', '--no-walk=unsorted', '--numstat', '-z', '-M', '--relative', COMMIT_FORMAT, ...hashes]);
  return new Map(parseLog(out).map((c) => [c.hash, c.files]));
}

function present(t: Traced, files: CommitFile[]): EvolutionCommit {
  const targetPath = t.target?.path;
  // -L knows the traced file's name only; its line counts come from the full diff like the others'.
  const target = files.find((f) => f.path === targetPath) ?? t.target;
  const rest = files.filter((f) => f.path !== targetPath).sort((a, b) => a.path.localeCompare(b.path));
  const entry = (f: CommitFile) => ({ path: f.path, added: f.added, removed: f.removed });
  return {
    sha: t.commit.hash,
    author: t.commit.author,
    email: t.commit.email,
    date: isoDate(t.commit.time),
    subject: t.commit.subject,
    files: [...(target ? [entry(target)] : []), ...rest.map(entry)],
    ...(t.renamedFrom !== undefined ? { renamed_from: t.renamedFrom } : {}),
  };
}
