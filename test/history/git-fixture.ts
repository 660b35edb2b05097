// Real git repositories for the history tests: commits with fixed authors and dates, so shas,
// windows and author summaries are known in advance.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRepo } from '../helpers/fixture.js';

export const DAY = 86_400;
export const NOW = Math.floor(Date.now() / 1000);

export interface Author { name: string; email: string }
export const ANN: Author = { name: 'Ann', email: 'ann@example.com' };
export const BOB: Author = { name: 'Bob', email: 'bob@example.com' };
export const CARA: Author = { name: 'Cara', email: 'cara@example.com' };

/** Runs git in `dir` as `who` at `time` (unix seconds or an ISO date); returns stdout. */
export function git(dir: string, args: string[], who: Author = ANN, time: number | string = NOW): string {
  const date = typeof time === 'number' ? `${time} +0000` : time;
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email,
      GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: dir,
    },
  });
}

/** A temp directory holding `files` as a git work tree without commits (branch `main`). */
export function gitRepo(files: Record<string, string>): string {
  const dir = makeRepo(files);
  git(dir, ['init', '-q', '-b', 'main']);
  return dir;
}

/** Stages everything and commits; returns the new commit's sha. */
export function commitAll(dir: string, message: string, who: Author, time: number | string): string {
  git(dir, ['add', '-A'], who, time);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], who, time);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** A full copy of `source` whose objects are loose files, with the object `sha` deleted. */
export function cloneWithout(source: string, sha: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cartograph-broken-'));
  rmSync(dir, { recursive: true });
  git(source, ['clone', '-q', '--no-hardlinks', source, dir]);
  const objects = join(dir, '.git', 'objects', sha.slice(0, 2));
  if (!readdirSync(objects).includes(sha.slice(2))) throw new Error(`object ${sha} is not loose in the clone`);
  rmSync(join(objects, sha.slice(2)));
  return dir;
}

/** A `--depth 1` clone of `source` over file:// (a real shallow repository). */
export function shallowClone(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cartograph-shallow-'));
  rmSync(dir, { recursive: true });
  git(source, ['clone', '-q', '--depth', '1', `file://${source}`, dir]);
  return dir;
}
