// recent_changes on real git repositories: the days window, path prefixes, ranking ties, renames
// and deletions, merges counted once, the live uncommitted list and degenerate repositories.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTokens } from '../../src/operations/define.js';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';
import { startHttp } from '../helpers/server.js';
import { ANN, BOB, CARA, DAY, NOW, cloneWithout, commitAll, git, gitRepo, shallowClone } from './git-fixture.js';

const dirs: string[] = [];
const projects: Project[] = [];
afterAll(async () => {
  for (const p of projects) await p.close();
  for (const d of dirs) removeDir(d);
});

async function open(root: string, extra: Record<string, unknown> = {}): Promise<Project> {
  const p = await openIndexed(root, extra);
  projects.push(p);
  return p;
}

interface RecentOut {
  days: number; path: string; commit_count: number; total_files_changed: number; total_added: number; total_removed: number;
  files: Array<{ path: string; commits: number; added: number; removed: number; last_date: string; deleted?: boolean }>;
  contributors: Array<{ name: string; commits: number }>;
  uncommitted: Array<{ path: string; status: string; from?: string }>;
  shallow?: boolean;
  truncated?: { shown: number; total: number; by: string; hint: string };
  notes?: string[];
}

async function recent(project: Project, args: Record<string, unknown> = {}): Promise<{ out: RecentOut; text: string }> {
  const res = await invoke(operationNamed('recent_changes')!, project, args);
  if (!res.ok) throw res.error;
  return { out: res.output as unknown as RecentOut, text: res.text };
}

async function failure(project: Project, args: Record<string, unknown> = {}) {
  const res = await invoke(operationNamed('recent_changes')!, project, args);
  if (res.ok) throw new Error(`expected an error, got ${res.text}`);
  return res.error;
}

const ago = (days: number) => NOW - Math.round(days * DAY);
const day = (days: number) => new Date(ago(days) * 1000).toISOString().slice(0, 10);

let root: string;
let project: Project;
const sha: Record<string, string> = {};

beforeAll(async () => {
  root = gitRepo({ 'src/a.ts': '1\n', 'src/b.ts': 'b1\nb2\n', 'lib/c.ts': 'c1\n', 'src/d.ts': 'd\n' });
  dirs.push(root);
  commitAll(root, 'start', ANN, ago(40));
  writeFiles(root, { 'src/a.ts': '1\n2\n', 'lib/c.ts': 'c1\nc2\n', 'src/e.ts': 'e\n' });
  commitAll(root, 'grow a and c', BOB, ago(5));
  writeFiles(root, { 'src/a.ts': '1\n2\n3\n', 'src/b.ts': 'b1\nB2\n' });
  commitAll(root, 'grow a, edit b', ANN, ago(4));
  git(root, ['mv', 'src/b.ts', 'src/bb.ts']);
  commitAll(root, 'rename b', CARA, ago(3));
  git(root, ['rm', '-q', 'lib/c.ts']);
  commitAll(root, 'drop c', BOB, ago(2));
  // A feature branch merged back with a merge commit: its change must count once.
  git(root, ['checkout', '-q', '-b', 'feature']);
  writeFiles(root, { 'src/f.ts': 'f\n' });
  commitAll(root, 'add f', CARA, ago(20 / 24));
  git(root, ['checkout', '-q', 'main']);
  writeFiles(root, { 'src/a.ts': '1\n2\n3\n4\n' });
  commitAll(root, 'grow a again', ANN, ago(18 / 24));
  git(root, ['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature'], ANN, ago(12 / 24));
  sha.rename = git(root, ['rev-parse', 'HEAD~2']).trim();
  project = await open(root);
});

describe('recent_changes', () => {
  it('ranks the files changed in the window, counting merged work once and crediting renames to the new path', async () => {
    const { out, text } = await recent(project);
    expect(out.commit_count).toBe(6);
    expect(out.files).toEqual([
      { path: 'src/a.ts', commits: 3, added: 3, removed: 0, last_date: day(18 / 24) },
      { path: 'lib/c.ts', commits: 2, added: 1, removed: 2, last_date: day(2), deleted: true },
      { path: 'src/bb.ts', commits: 2, added: 1, removed: 1, last_date: day(3) },
      // Equal commits and churn: path order.
      { path: 'src/e.ts', commits: 1, added: 1, removed: 0, last_date: day(5) },
      { path: 'src/f.ts', commits: 1, added: 1, removed: 0, last_date: day(20 / 24) },
    ]);
    expect(out.total_files_changed).toBe(5);
    expect([out.total_added, out.total_removed]).toEqual([7, 3]);
    expect(out.contributors).toEqual([{ name: 'Ann', commits: 2 }, { name: 'Bob', commits: 2 }, { name: 'Cara', commits: 2 }]);
    expect(out.uncommitted).toEqual([]);
    expect(out.shallow).toBeUndefined();
    expect(text).toBe([
      'Recent changes (last 7 day(s))',
      '6 commits, 5 files modified, 3 contributor(s)',
      '',
      '    #  Commits   Added  Removed        Last  File',
      `  ---  -------  ------  -------  ----------  ${'-'.repeat(40)}`,
      `    1        3  +    3  -     0  ${day(18 / 24)}  src/a.ts`,
      `    2        2  +    1  -     2  ${day(2)}  lib/c.ts (deleted)`,
      `    3        2  +    1  -     1  ${day(3)}  src/bb.ts`,
      `    4        1  +    1  -     0  ${day(5)}  src/e.ts`,
      `    5        1  +    1  -     0  ${day(20 / 24)}  src/f.ts`,
      '',
      'Total churn: +7 -3 lines',
      'Contributors: Ann (2), Bob (2), Cara (2)',
      text.split('\n').at(-1),
    ].join('\n'));
    expect((await recent(project)).out).toEqual(out);
  });

  it('keeps commits outside the window out', async () => {
    const day1 = await recent(project, { days: 1 });
    expect(day1.out.commit_count).toBe(2);
    expect(day1.out.files.map((f) => [f.path, f.commits])).toEqual([['src/a.ts', 1], ['src/f.ts', 1]]);
    expect((await recent(project, { days: 30 })).out.files.map((f) => f.path)).not.toContain('src/d.ts');
    const sixty = await recent(project, { days: 60 });
    expect(sixty.out.commit_count).toBe(7);
    expect(sixty.out.files.find((f) => f.path === 'src/d.ts')).toEqual({ path: 'src/d.ts', commits: 1, added: 1, removed: 0, last_date: day(40) });
    const clamped = await recent(project, { days: 0 });
    expect(clamped.out.days).toBe(1);
    expect(clamped.out.notes).toEqual(['days=0 is out of range; clamped to 1.']);
  });

  it('limits to a directory or file and to top_n', async () => {
    const src = await recent(project, { path: 'src/' });
    expect(src.out.path).toBe('src');
    expect(src.out.commit_count).toBe(5);
    expect(src.out.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/bb.ts', 'src/e.ts', 'src/f.ts']);
    expect(src.out.contributors).toEqual([{ name: 'Ann', commits: 2 }, { name: 'Cara', commits: 2 }, { name: 'Bob', commits: 1 }]);
    expect(src.text.split('\n')[0]).toBe("Recent changes under 'src' (last 7 day(s))");
    const file = await recent(project, { path: 'lib/c.ts' });
    expect(file.out.files).toEqual([{ path: 'lib/c.ts', commits: 2, added: 1, removed: 2, last_date: day(2), deleted: true }]);
    const none = await recent(project, { path: 'docs' });
    expect(none.out.files).toEqual([]);
    expect(none.text.split('\n')[0]).toBe("No changes found in the last 7 day(s) under 'docs'.");

    const top = await recent(project, { top_n: 1 });
    expect(top.out.files.map((f) => f.path)).toEqual(['src/a.ts']);
    expect(top.out.total_files_changed).toBe(5);
    expect(top.out.truncated).toEqual({ shown: 1, total: 5, by: 'limit', hint: 'Raise top_n (up to 200) or narrow path.' });
    expect(top.text).toContain('… 4 more files not shown (top_n); raise top_n or narrow path.');
    expect(estimateTokens(top.text)).toBeLessThan(estimateTokens((await recent(project)).text));
  });

  it('refuses a path outside the root or with a NUL', async () => {
    const err = await failure(project, { path: '../x' });
    expect([err.code, err.details?.reason]).toEqual(['invalid_argument', 'outside_root']);
    expect((await failure(project, { path: 'src\0x' })).code).toBe('invalid_argument');
  });

  it('answers on v1, v2 and the v2-only /recent-changes alias', async () => {
    const http = await startHttp(project);
    try {
      const get = async (url: string) => {
        const res = await fetch(`${http.url}${url}`);
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const v2 = await get('/api/v2/projects/default/history/recent-changes?days=7&path=src&top_n=2');
      expect(v2.status).toBe(200);
      expect((v2.body.files as Array<{ path: string }>).map((f) => f.path)).toEqual(['src/a.ts', 'src/bb.ts']);
      expect(await get('/api/v2/projects/default/recent-changes?days=7&path=src&top_n=2')).toEqual(v2);
      const v1 = await get('/api/v1/projects/default/history/recent-changes?days=7');
      expect(String(v1.body.result)).toMatch(/^Recent changes \(last 7 day\(s\)\)/);
      expect((await get('/api/v1/projects/default/recent-changes')).status).toBe(404);
    } finally {
      await http.close();
    }
  });

  it('lists uncommitted changes live, leaving the data directory out, relative to a subdirectory project', async () => {
    const before = await recent(project);
    writeFiles(root, { 'src/a.ts': 'changed\n', 'new.txt': 'n\n', 'src/g.ts': 'g\n' });
    git(root, ['add', 'src/g.ts']);
    rmSync(join(root, 'src/f.ts'));
    const inside = await open(root, { data_dir: join(root, '.cartograph') });
    const { out, text } = await recent(inside);
    expect(out.uncommitted).toEqual([
      { path: 'new.txt', status: 'untracked' },
      { path: 'src/a.ts', status: 'modified' },
      { path: 'src/f.ts', status: 'deleted' },
      { path: 'src/g.ts', status: 'added' },
    ]);
    expect(text).toContain('Uncommitted (4): new.txt (untracked), src/a.ts (modified), src/f.ts (deleted), src/g.ts (added)');
    // Same HEAD, so the churn is the cached one; the deleted flag and the uncommitted list are live.
    expect(out.commit_count).toBe(before.out.commit_count);
    expect(out.files.find((f) => f.path === 'src/f.ts')?.deleted).toBe(true);
    git(root, ['mv', 'src/e.ts', 'src/e2.ts']);
    expect((await recent(inside)).out.uncommitted.find((u) => u.path === 'src/e2.ts')).toEqual({ path: 'src/e2.ts', status: 'renamed', from: 'src/e.ts' });

    const sub = await recent(await open(join(root, 'src')));
    expect(sub.out.files.map((f) => f.path)).toEqual(['a.ts', 'bb.ts', 'e.ts', 'f.ts']);
    expect(sub.out.uncommitted).toEqual([
      { path: 'a.ts', status: 'modified' },
      { path: 'e2.ts', status: 'renamed', from: 'e.ts' },
      { path: 'f.ts', status: 'deleted' },
      { path: 'g.ts', status: 'added' },
    ]);
  });
});

describe('recent_changes on degenerate repositories', () => {
  it('marks a shallow clone', async () => {
    const dir = shallowClone(root);
    dirs.push(dir);
    const { out, text } = await recent(await open(dir));
    expect(out.shallow).toBe(true);
    expect(out.commit_count).toBe(1); // the cut-off commit, seen without parents
    expect(out.notes?.[0]).toMatch(/shallow clone/);
    expect(text).toMatch(/Notes: .*shallow clone/);
  });

  it('answers a repository with missing objects with a typed error', async () => {
    const dir = cloneWithout(root, sha.rename!);
    dirs.push(dir);
    const err = await failure(await open(dir));
    expect([err.code, err.details?.reason]).toEqual(['unavailable', 'git_failed']);
  });

  it('answers a work tree without commits with zero commits and its files as uncommitted', async () => {
    const dir = gitRepo({ 'a.ts': 'export const a = 1;\n' });
    dirs.push(dir);
    const { out, text } = await recent(await open(dir));
    expect([out.commit_count, out.files, out.contributors]).toEqual([0, [], []]);
    expect(out.uncommitted).toEqual([{ path: 'a.ts', status: 'untracked' }]);
    expect(text.split('\n').slice(0, 2)).toEqual(['No changes found in the last 7 day(s).', 'Uncommitted (1): a.ts (untracked)']);
  });

  it('says a folder outside git is unavailable', async () => {
    const dir = makeRepo({ 'a.ts': 'export const a = 1;\n' });
    dirs.push(dir);
    const err = await failure(await open(dir));
    expect([err.code, err.details?.reason]).toEqual(['unavailable', 'not_a_git_repository']);
  });
});
