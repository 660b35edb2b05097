// The project's git history, read through one parser and cached per HEAD: the commit log with
// per-file line counts (churn for hotspots, co-change for find_related, last-touch age for
// dead_code), and a per-HEAD memo the history operations keep their answers in.
import { posix } from 'node:path';
import { type CartographError, unavailable } from '../../errors.js';
import { execGit, type GitFailure } from './git.js';

export interface CommitFile {
  path: string;
  added: number;
  removed: number;
  /** The path before this commit when git detected a rename. */
  from?: string;
}

export interface Commit {
  hash: string;
  /** Unix seconds (author date). */
  time: number;
  author: string;
  email: string;
  subject: string;
  files: CommitFile[];
}

export interface LogWindow {
  /** Only commits newer than this many days. */
  sinceDays?: number;
  /** At most this many commits, newest first. */
  maxCount?: number;
}

/** What every history answer depends on besides its parameters. */
export interface RepoState {
  /** HEAD's hash; null when the repository has no commit yet. */
  head: string | null;
  /** A shallow clone: history stops at the graft. */
  shallow: boolean;
  /** The project root's place in the work tree (`pkg/` or `''`), as git prints paths from the top. */
  prefix: string;
}

const MESSAGES: Record<GitFailure, string> = {
  git_not_found: 'git is not installed or not on PATH, so history is unavailable.',
  git_timeout: 'git did not answer within the time limit, so history is unavailable.',
  not_a_git_repository: 'The project is not inside a git work tree, so history is unavailable.',
  git_failed: 'git failed to read the history.',
};

/** `unavailable` with the failure as `details.reason`; git's own first error line says what broke. */
export function gitUnavailable(reason: GitFailure, stderr: string): CartographError {
  const first = stderr.split('\n').find((l) => l.trim());
  const message = reason === 'git_failed' && first ? `git failed to read the history: ${first}` : MESSAGES[reason];
  return unavailable(message, { reason, ...(stderr ? { stderr } : {}) });
}

export const SHALLOW_NOTE = 'This repository is a shallow clone: commits before its cut-off are missing, so history and counts may be incomplete.';

const RECORD = '\x1e';
const FIELD = '\x1f';

/** The `--format` every history reader passes, so that one parser reads them all. */
export const COMMIT_FORMAT = `--format=${RECORD}%H${FIELD}%at${FIELD}%an${FIELD}%ae${FIELD}%s`;

/**
 * Splits output written with COMMIT_FORMAT into commits and the text git printed after each
 * header (numstat entries with `-z`, a patch without). The header ends at the first NUL or
 * newline, neither of which a subject can hold.
 */
export function splitCommits(stdout: string): Array<{ commit: Omit<Commit, 'files'>; body: string }> {
  const out: Array<{ commit: Omit<Commit, 'files'>; body: string }> = [];
  for (const record of stdout.split(RECORD)) {
    if (!record.trim()) continue;
    const end = record.search(/[\0\n]/);
    const header = end < 0 ? record : record.slice(0, end);
    const [hash, time, author, email, ...subject] = header.split(FIELD);
    out.push({
      commit: { hash: hash!, time: Number(time), author: author ?? '', email: email ?? '', subject: subject.join(FIELD) },
      body: end < 0 ? '' : record.slice(end + 1),
    });
  }
  return out;
}

/**
 * Parses `git log -z --numstat` output written with COMMIT_FORMAT. Binary files count 0/0; a
 * rename (`added\tremoved\t\0old\0new\0`) is reported under the new path with `from`.
 */
export function parseLog(stdout: string): Commit[] {
  return splitCommits(stdout).map(({ commit, body }) => {
    const files: CommitFile[] = [];
    const tokens = body.replace(/^\n/, '').split('\0');
    for (let i = 0; i < tokens.length; i++) {
      const m = /^(-|\d+)\t(-|\d+)\t([^]*)$/.exec(tokens[i]!);
      if (!m) continue;
      const counts = { added: m[1] === '-' ? 0 : Number(m[1]), removed: m[2] === '-' ? 0 : Number(m[2]) };
      if (m[3]) files.push({ path: m[3], ...counts });
      else if (tokens[i + 2] !== undefined) {
        files.push({ path: tokens[i + 2]!, ...counts, from: tokens[i + 1]! });
        i += 2;
      }
    }
    return { ...commit, files };
  });
}

/** Pathspec for one root-relative path, with glob characters taken literally (`.` for the root). */
export const literalPath = (rel: string): string => `:(literal)${rel || '.'}`;

/** A path git printed from the top of the work tree, made relative to the project root. */
export const fromTop = (prefix: string, path: string): string =>
  path.startsWith(prefix) ? path.slice(prefix.length) : posix.relative(prefix, path);

/** Memoised answers kept per HEAD; the oldest go first past this many. */
const MEMO_LIMIT = 256;

/**
 * History of the files under the project root (paths relative to it), read through git and
 * cached per HEAD commit: a new commit, checkout or reset clears every cached answer.
 */
export class GitLog {
  private head: string | null | undefined;
  private readonly memos = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  /** HEAD, shallowness and prefix; throws `unavailable` with the git failure as `details.reason`. */
  async state(): Promise<RepoState> {
    const query = ['rev-parse', '--is-shallow-repository', '--show-prefix'];
    const out = await execGit(this.root, [...query, '--verify', '-q', 'HEAD'], { timeoutMs: 10_000 });
    if (out.ok) {
      const [shallow, prefix, head] = out.stdout.split('\n');
      return { head: head!, shallow: shallow === 'true', prefix: prefix ?? '' };
    }
    if (out.reason !== 'git_failed') throw gitUnavailable(out.reason, out.stderr);
    // `--verify -q HEAD` fails quietly on an unborn branch; without it, rev-parse tells that apart from "no repository".
    const unborn = await execGit(this.root, query, { timeoutMs: 10_000 });
    if (!unborn.ok) throw gitUnavailable(unborn.reason, unborn.stderr);
    const [shallow, prefix] = unborn.stdout.split('\n');
    return { head: null, shallow: shallow === 'true', prefix: prefix ?? '' };
  }

  /**
   * The value `compute` gives for `key` at the current HEAD, computed once per HEAD (a failure is
   * not kept). Returned with the state it was computed for.
   */
  async memo<T>(key: string, compute: (state: RepoState) => Promise<T>): Promise<{ state: RepoState; value: T }> {
    const state = await this.state();
    if (state.head !== this.head) { this.head = state.head; this.memos.clear(); }
    let pending = this.memos.get(key) as Promise<T> | undefined;
    if (pending) this.memos.delete(key); // re-inserted below as the most recently used
    else {
      pending = compute(state);
      pending.catch(() => { if (this.memos.get(key) === pending) this.memos.delete(key); });
    }
    this.memos.set(key, pending);
    if (this.memos.size > MEMO_LIMIT) this.memos.delete(this.memos.keys().next().value!);
    return { state, value: await pending };
  }

  /** git's stdout for `args` run in the project root; throws `unavailable` when git fails. */
  async run(args: readonly string[]): Promise<string> {
    const out = await execGit(this.root, args);
    if (!out.ok) throw gitUnavailable(out.reason, out.stderr);
    return out.stdout;
  }

  /**
   * Unix seconds for a date as git reads `--since` (`2024-01-01`, `3 months ago`, `yesterday`),
   * capped at now, 0 for any date before 1970; undefined when git cannot read it as a date.
   * Parsed by git itself: its expiry-date reader, which unlike `--since` refuses what it does not
   * understand.
   */
  async dateOf(text: string): Promise<number | undefined> {
    const out = await execGit(this.root, ['-c', `cartograph.date=${text}`, 'config', '--type=expiry-date', 'cartograph.date'], { timeoutMs: 10_000 });
    if (!out.ok) {
      if (out.reason === 'git_failed') return undefined;
      throw gitUnavailable(out.reason, out.stderr);
    }
    const now = Math.floor(Date.now() / 1000);
    // git prints the time unsigned: all ones is its "now", and dates before 1970 wrap around.
    const raw = BigInt(out.stdout.trim());
    if (raw === 2n ** 64n - 1n) return now;
    return raw >= 2n ** 63n ? 0 : Math.min(Number(raw), now);
  }

  /** Commits touching the project in a window, merges skipped, renames not followed; [] before the first commit. */
  async commits(window: LogWindow = {}): Promise<Commit[]> {
    const key = `commits:${window.sinceDays ?? ''}:${window.maxCount ?? ''}`;
    const { value } = await this.memo(key, async (state) => (state.head === null ? [] : this.read(window)));
    return value;
  }

  private async read(window: LogWindow): Promise<Commit[]> {
    const args = ['log', '--no-merges', '--no-renames', '--relative', '--numstat', '-z', COMMIT_FORMAT];
    if (window.sinceDays !== undefined) args.push(`--since=${window.sinceDays}.days.ago`);
    if (window.maxCount !== undefined) args.push(`-n${window.maxCount}`);
    return parseLog(await this.run(args));
  }
}
