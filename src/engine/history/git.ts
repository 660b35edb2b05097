// Runs git with an argument array (never a shell string), no pager, unquoted paths and a timeout.
import { execFile } from 'node:child_process';

export interface GitOptions {
  /** Written to git's stdin. */
  input?: string;
  timeoutMs?: number;
}

/** Resolves to git's stdout, or undefined when git is missing, fails, or the folder is no work tree. */
export function runGit(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', ['--no-pager', '-c', 'core.quotepath=off', ...args],
      { cwd, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 1 << 30, encoding: 'utf8' },
      (err, stdout) => {
        // `git check-ignore` exits 1 when nothing matched: its (empty) output is still the answer.
        if (err && !(typeof err.code === 'number' && err.code === 1 && args[0] === 'check-ignore')) resolve(undefined);
        else resolve(stdout);
      });
    // git may exit before reading its input (an EPIPE here is not an error of ours).
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(opts.input ?? '');
  });
}
