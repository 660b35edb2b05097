// The commit log the analysis operations read: per-file line counts, windows, paths relative to
// the project inside a larger repository, and typed answers for degenerate repositories.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CartographError } from '../../src/errors.js';
import { GitLog } from '../../src/engine/history/log.js';
import { makeRepo, removeDir, writeFiles } from '../helpers/fixture.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) removeDir(d); });

const DAY = 86_400;
const now = Math.floor(Date.now() / 1000);

function commit(dir: string, message: string, daysAgo: number): void {
  const date = `${now - daysAgo * DAY} +0000`;
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=a@example.com', '-c', 'user.name=Ann', ...args], { cwd: dir, env, stdio: 'ignore' });
  git('add', '-A');
  git('commit', '-qm', message);
}

describe('GitLog', () => {
  it('lists commits newest first with added/removed lines per file, inside the window', async () => {
    const dir = makeRepo({ 'pkg/a.ts': 'a\n', 'other/z.ts': 'z\n' });
    dirs.push(dir);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    commit(dir, 'first', 200);
    writeFiles(dir, { 'pkg/a.ts': 'a\nb\nc\n', 'pkg/b.ts': 'x\n' });
    commit(dir, 'second', 10);
    writeFiles(dir, { 'pkg/b.ts': 'y\n', 'other/z.ts': 'z2\n' });
    commit(dir, 'third', 1);

    const log = new GitLog(dir);
    const all = await log.commits();
    expect(all.map((c) => c.subject)).toEqual(['third', 'second', 'first']);
    expect(all[1]!.files).toEqual([{ path: 'pkg/a.ts', added: 2, removed: 0 }, { path: 'pkg/b.ts', added: 1, removed: 0 }]);
    expect(all[0]!.author).toBe('Ann');
    expect((await log.commits({ sinceDays: 30 })).map((c) => c.subject)).toEqual(['third', 'second']);
    expect((await log.commits({ maxCount: 1 })).map((c) => c.subject)).toEqual(['third']);

    // A project rooted in a subdirectory sees its own files, relative to itself.
    const sub = await new GitLog(join(dir, 'pkg')).commits();
    expect(sub.map((c) => [c.subject, c.files.map((f) => f.path)])).toEqual([
      ['third', ['b.ts']], ['second', ['a.ts', 'b.ts']], ['first', ['a.ts']],
    ]);
  });

  it('notices a new commit (cache per HEAD)', async () => {
    const dir = makeRepo({ 'a.txt': '1\n' });
    dirs.push(dir);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    commit(dir, 'one', 3);
    const log = new GitLog(dir);
    expect((await log.commits()).length).toBe(1);
    writeFileSync(join(dir, 'a.txt'), '2\n');
    commit(dir, 'two', 2);
    expect((await log.commits()).map((c) => c.subject)).toEqual(['two', 'one']);
  });

  it('answers an empty history for a repository without commits', async () => {
    const dir = makeRepo({ 'a.txt': '1\n' });
    dirs.push(dir);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(await new GitLog(dir).commits()).toEqual([]);
  });

  it('refuses a folder that is not a git repository with a typed reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cartograph-nogit-'));
    dirs.push(dir);
    const err = await new GitLog(dir).commits().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CartographError);
    expect((err as CartographError).code).toBe('unavailable');
    expect((err as CartographError).details?.reason).toBe('not_a_git_repository');
  });
});
