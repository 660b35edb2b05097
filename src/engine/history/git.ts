// Runs git with an argument array (never a shell string), no pager, unquoted paths and a timeout.
import { execFile } from 'node:child_process';

export interface GitOptions {
  /** Written to git's stdin. */
  input?: string;
  timeoutMs?: number;
}

/** Why git gave no answer (spec §2 "Git"): each maps to an `unavailable` reason. */
export type GitFailure = 'git_not_found' | 'git_timeout' | 'not_a_git_repository' | 'git_failed';

export type GitOutcome = { ok: true; stdout: string } | { ok: false; reason: GitFailure; stderr: string };

/** Runs git and says why it failed when it did. */
export function execGit(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<GitOutcome> {
  return new Promise((resolve) => {
    const child = execFile('git', ['--no-pager', '-c', 'core.quotepath=off', ...args],
      { cwd, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 1 << 30, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (!err) { resolve({ ok: true, stdout }); return; }
        const e = err as unknown as { killed?: boolean; code?: number | string };
        // `git check-ignore` exits 1 when nothing matched: its (empty) output is still the answer.
        if (e.code === 1 && args[0] === 'check-ignore') { resolve({ ok: true, stdout }); return; }
        const reason: GitFailure = e.code === 'ENOENT' ? 'git_not_found'
          : e.killed ? 'git_timeout'
            : /not a git repository/i.test(stderr) ? 'not_a_git_repository' : 'git_failed';
        resolve({ ok: false, reason, stderr: stderr.trim().slice(0, 500) });
      });
    // git may exit before reading its input (an EPIPE here is not an error of ours).
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(opts.input ?? '');
  });
}

/** Resolves to git's stdout, or undefined when git is missing, fails, or the folder is no work tree. */
export async function runGit(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<string | undefined> {
  const out = await execGit(cwd, args, opts);
  return out.ok ? out.stdout : undefined;
}
