// The project's commit log with per-file line counts, read once per HEAD and kept in memory:
// churn for hotspots, co-change for find_related, last-touch age for dead_code all come from it.
import { unavailable } from '../../errors.js';
import { execGit, type GitFailure } from './git.js';

export interface CommitFile { path: string; added: number; removed: number }

export interface Commit {
  hash: string;
  /** Unix seconds (author date). */
  time: number;
  author: string;
  subject: string;
  files: CommitFile[];
}

export interface LogWindow {
  /** Only commits newer than this many days. */
  sinceDays?: number;
  /** At most this many commits, newest first. */
  maxCount?: number;
}

const MESSAGES: Record<GitFailure, string> = {
  git_not_found: 'git is not installed or not on PATH, so history is unavailable.',
  git_timeout: 'git did not answer within the time limit, so history is unavailable.',
  not_a_git_repository: 'The project is not inside a git work tree, so history is unavailable.',
  git_failed: 'git failed to read the history.',
};

const RECORD = '\x1e';
const FIELD = '\x1f';

/** Parses `git log --numstat` output written with the record/field separators above. */
export function parseLog(stdout: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of stdout.split(RECORD)) {
    if (!record.trim()) continue;
    const [header, ...rest] = record.split('\n');
    const [hash, time, author, subject] = header!.split(FIELD);
    const files: CommitFile[] = [];
    for (const line of rest) {
      const m = /^(-|\d+)\t(-|\d+)\t(.+)$/.exec(line);
      if (m) files.push({ path: m[3]!, added: m[1] === '-' ? 0 : Number(m[1]), removed: m[2] === '-' ? 0 : Number(m[2]) });
    }
    commits.push({ hash: hash!, time: Number(time), author: author ?? '', subject: subject ?? '', files });
  }
  return commits;
}

/**
 * History of the files under the project root (paths relative to it, renames not followed),
 * merges skipped. Results are cached per HEAD commit and window.
 */
export class GitLog {
  private head: string | undefined;
  private readonly cache = new Map<string, Promise<Commit[]>>();

  constructor(private readonly root: string) {}

  /** The commits in a window; throws `unavailable` with the git failure as `details.reason`. */
  async commits(window: LogWindow = {}): Promise<Commit[]> {
    const head = await this.currentHead();
    if (head === null) return []; // a repository with no commits yet has no history, which is an answer
    if (head !== this.head) { this.head = head; this.cache.clear(); }
    const key = `${window.sinceDays ?? ''}:${window.maxCount ?? ''}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.read(window);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return pending;
  }

  /** HEAD's hash; null when the repository has no commit yet. */
  private async currentHead(): Promise<string | null> {
    const out = await execGit(this.root, ['rev-parse', '--verify', '-q', 'HEAD'], { timeoutMs: 10_000 });
    if (out.ok) return out.stdout.trim();
    if (out.reason === 'git_failed') {
      // `rev-parse --verify -q` fails quietly on an unborn branch; tell that apart from "no repository".
      const inside = await execGit(this.root, ['rev-parse', '--is-inside-work-tree'], { timeoutMs: 10_000 });
      if (inside.ok) return null;
      throw unavailable(MESSAGES[inside.reason], { reason: inside.reason });
    }
    throw unavailable(MESSAGES[out.reason], { reason: out.reason });
  }

  private async read(window: LogWindow): Promise<Commit[]> {
    const args = ['log', '--no-merges', '--no-renames', '--relative', '--numstat', `--format=${RECORD}%H${FIELD}%at${FIELD}%an${FIELD}%s`];
    if (window.sinceDays !== undefined) args.push(`--since=${window.sinceDays}.days.ago`);
    if (window.maxCount !== undefined) args.push(`-n${window.maxCount}`);
    const out = await execGit(this.root, args);
    if (!out.ok) throw unavailable(MESSAGES[out.reason], { reason: out.reason, stderr: out.stderr });
    return parseLog(out.stdout);
  }
}
