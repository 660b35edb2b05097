// code_evolution on real git repositories: renames followed, symbol history by line range, the
// since filter, limits, deleted files, degenerate repositories and argument injection attempts.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';
import { startHttp } from '../helpers/server.js';
import { ANN, BOB, CARA, cloneWithout, commitAll, git, gitRepo, shallowClone } from './git-fixture.js';

const dirs: string[] = [];
const projects: Project[] = [];
afterAll(async () => {
  for (const p of projects) await p.close();
  for (const d of dirs) removeDir(d);
});

async function open(root: string): Promise<Project> {
  const p = await openIndexed(root);
  projects.push(p);
  return p;
}

const at = (month: number) => Date.UTC(2024, month - 1, 1, 10) / 1000;

interface EvolutionOut {
  path: string; symbol: string; since: string; method: string; total: number; shallow?: boolean;
  line_ranges?: Array<{ start_line: number; end_line: number }>;
  commits: Array<{ sha: string; author: string; email: string; date: string; subject: string; files: Array<{ path: string; added: number; removed: number }>; renamed_from?: string }>;
  authors: Array<{ name: string; commits: number }>;
  truncated?: { shown: number; total: number; by: string };
  notes?: string[];
}

async function evolution(project: Project, args: Record<string, unknown>) {
  const res = await invoke(operationNamed('code_evolution')!, project, args);
  return res.ok ? { ok: true as const, out: res.output as unknown as EvolutionOut, text: res.text } : res;
}

async function evolutionOk(project: Project, args: Record<string, unknown>): Promise<{ out: EvolutionOut; text: string }> {
  const res = await evolution(project, args);
  if (!res.ok) throw res.error;
  return res;
}

async function failure(project: Project, args: Record<string, unknown>) {
  const res = await evolution(project, args);
  if (res.ok) throw new Error(`expected an error, got ${res.text}`);
  return res.error;
}

const U_TS = 'export function alpha() {\n  return 1;\n}\n\nexport function beta() {\n  return 2;\n}\n';

let root: string;
let project: Project;
const sha: Record<string, string> = {};

beforeAll(async () => {
  root = gitRepo({ 'src/u.ts': U_TS, 'README.md': '# Demo\n' });
  dirs.push(root);
  sha.c1 = commitAll(root, 'create util', ANN, at(1));
  writeFiles(root, { 'src/u.ts': U_TS.replace('return 1;', 'return 10;'), 'README.md': '# Demo\nmore\n' });
  sha.c2 = commitAll(root, 'tune alpha', BOB, at(2));
  git(root, ['mv', 'src/u.ts', 'src/util.ts']);
  sha.c3 = commitAll(root, 'rename util', ANN, at(3));
  writeFiles(root, { 'src/util.ts': U_TS.replace('return 1;', 'return 10;').replace('return 2;', 'return 20;') });
  sha.c4 = commitAll(root, 'tune beta', CARA, at(4));
  writeFiles(root, { 'docs/gone.md': 'a\n', 'pages/[id].ts': 'export const id = 1;\n' });
  sha.c5 = commitAll(root, 'add docs and page', BOB, at(5));
  git(root, ['rm', '-q', 'docs/gone.md']);
  writeFiles(root, { 'pages/i.ts': 'export const i = 1;\n' });
  sha.c6 = commitAll(root, 'drop docs', ANN, at(6));
  writeFiles(root, { 'pages/i.ts': 'export const i = 2;\n' });
  sha.c7 = commitAll(root, 'touch i', ANN, at(7));
  project = await open(root);
});

describe('code_evolution, file mode', () => {
  it('follows renames, lists every file of each commit (traced file first) and summarises authors', async () => {
    const { out, text } = await evolutionOk(project, { path: 'src/util.ts' });
    expect(out.method).toBe('file');
    expect(out.total).toBe(4);
    expect(out.commits).toEqual([
      { sha: sha.c4, author: 'Cara', email: 'cara@example.com', date: '2024-04-01T10:00:00Z', subject: 'tune beta', files: [{ path: 'src/util.ts', added: 1, removed: 1 }] },
      { sha: sha.c3, author: 'Ann', email: 'ann@example.com', date: '2024-03-01T10:00:00Z', subject: 'rename util', files: [{ path: 'src/util.ts', added: 0, removed: 0 }], renamed_from: 'src/u.ts' },
      { sha: sha.c2, author: 'Bob', email: 'bob@example.com', date: '2024-02-01T10:00:00Z', subject: 'tune alpha', files: [{ path: 'src/u.ts', added: 1, removed: 1 }, { path: 'README.md', added: 1, removed: 0 }] },
      { sha: sha.c1, author: 'Ann', email: 'ann@example.com', date: '2024-01-01T10:00:00Z', subject: 'create util', files: [{ path: 'src/u.ts', added: 7, removed: 0 }, { path: 'README.md', added: 1, removed: 0 }] },
    ]);
    expect(out.authors).toEqual([{ name: 'Ann', commits: 2 }, { name: 'Bob', commits: 1 }, { name: 'Cara', commits: 1 }]);
    expect(out.truncated).toBeUndefined();
    expect(text).toContain([
      'Change history for src/util.ts',
      '(4 commits shown)',
      '',
      `    1. ${sha.c4!.slice(0, 8)}  2024-04-01  Cara`,
      '       tune beta',
      '       +1 -1  src/util.ts',
      `    2. ${sha.c3!.slice(0, 8)}  2024-03-01  Ann`,
      '       rename util',
      '       +0 -0  src/util.ts (renamed from src/u.ts)',
      `    3. ${sha.c2!.slice(0, 8)}  2024-02-01  Bob`,
      '       tune alpha',
      '       +2 -1 across 2 files',
      '       +1 -1  src/u.ts',
    ].join('\n'));
    expect(text).toContain('Summary: 4 commits by 3 author(s)\nAuthors: Ann (2), Bob (1), Cara (1)');
    // Deterministic and served from the per-HEAD cache the second time.
    expect((await evolutionOk(project, { path: 'src/util.ts' })).out).toEqual(out);
  });

  it('filters by since (a git date) and limits with max_results, saying how many exist', async () => {
    const recent = await evolutionOk(project, { path: 'src/util.ts', since: '2024-03-15' });
    expect(recent.out.commits.map((c) => c.sha)).toEqual([sha.c4]);
    expect(recent.out.since).toBe('2024-03-15');
    expect(recent.text.split('\n')[0]).toBe('Change history for src/util.ts (since: 2024-03-15)');
    const relative = await evolutionOk(project, { path: 'src/util.ts', since: '100 years ago' });
    expect(relative.out.total).toBe(4);

    const { out, text } = await evolutionOk(project, { path: 'src/util.ts', max_results: 2 });
    expect(out.commits.map((c) => c.sha)).toEqual([sha.c4, sha.c3]);
    expect(out.total).toBe(4);
    expect(out.truncated).toEqual({ shown: 2, total: 4, by: 'limit', hint: 'Raise max_results (up to 100) or set since.' });
    expect(text).toContain('(2 of 4 commits shown)');
    expect(text).toContain('… 2 more commits not shown (max_results); raise max_results or set since.');
    const clamped = await evolutionOk(project, { path: 'src/util.ts', max_results: 500 });
    expect(clamped.out.commits.length).toBe(4);
    expect(clamped.out.notes).toEqual(['max_results=500 is out of range; clamped to 100.']);
  });

  it('answers for a file that exists only in history', async () => {
    const { out } = await evolutionOk(project, { path: 'docs/gone.md' });
    expect(existsSync(join(root, 'docs/gone.md'))).toBe(false);
    expect(out.commits.map((c) => [c.sha, c.files[0]])).toEqual([
      [sha.c6, { path: 'docs/gone.md', added: 0, removed: 1 }],
      [sha.c5, { path: 'docs/gone.md', added: 1, removed: 0 }],
    ]);
    expect(out.commits[0]!.files.map((f) => f.path)).toEqual(['docs/gone.md', 'pages/i.ts']);
  });

  it('takes glob characters in a path literally', async () => {
    const { out } = await evolutionOk(project, { path: 'pages/[id].ts' });
    expect(out.commits.map((c) => c.sha)).toEqual([sha.c5]);
  });

  it('refuses paths that never existed, directories and paths outside the root', async () => {
    const missing = await failure(project, { path: 'src/UTIL.ts' });
    expect(missing.code).toBe('not_found');
    expect(missing.details?.did_you_mean).toEqual(['src/util.ts']);
    expect((await failure(project, { path: 'src' })).code).toBe('invalid_argument');
    const outside = await failure(project, { path: '../elsewhere.ts' });
    expect([outside.code, outside.details?.reason]).toEqual(['invalid_argument', 'outside_root']);
    expect((await failure(project, {})).code).toBe('invalid_argument');
    expect((await failure(project, { path: 'src/util.ts\0x' })).code).toBe('invalid_argument');
  });

  it('refuses a since that is not a date, and never lets it reach git as an option', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'cartograph-inject-')), 'x');
    dirs.push(join(target, '..'));
    for (const since of [`--output=${target}`, ` --output=${target}`, '-p', 'not a date at all', 'a\nb']) {
      const err = await failure(project, { path: 'src/util.ts', since });
      expect([since, err.code, err.details?.parameter]).toEqual([since, 'invalid_argument', 'since']);
    }
    expect(existsSync(target)).toBe(false);
    expect((await failure(project, { path: 'src/util.ts', since: 'x'.repeat(101) })).code).toBe('too_large');
  });
});

describe('code_evolution, symbol mode', () => {
  it('follows the symbol\'s lines back through the rename, skipping commits that touched only other lines', async () => {
    const beta = await evolutionOk(project, { path: 'src/util.ts', symbol: 'beta' });
    expect(beta.out.method).toBe('line_range');
    expect(beta.out.line_ranges).toEqual([{ start_line: 5, end_line: 7 }]);
    expect(beta.out.commits.map((c) => [c.sha, c.files[0]])).toEqual([
      [sha.c4, { path: 'src/util.ts', added: 1, removed: 1 }],
      [sha.c1, { path: 'src/u.ts', added: 7, removed: 0 }],
    ]);
    expect(beta.out.authors).toEqual([{ name: 'Ann', commits: 1 }, { name: 'Cara', commits: 1 }]);
    expect(beta.text.split('\n')[0]).toBe('Change history for src/util.ts (symbol: beta)');

    const alpha = await evolutionOk(project, { path: 'src/util.ts', symbol: 'alpha' });
    expect(alpha.out.commits.map((c) => c.sha)).toEqual([sha.c2, sha.c1]);
    expect((await evolutionOk(project, { path: 'src/util.ts', symbol: 'alpha', since: '2024-01-15' })).out.commits.map((c) => c.sha)).toEqual([sha.c2]);
  });

  it('refuses a symbol the file does not define, suggesting the file\'s own symbols', async () => {
    const err = await failure(project, { path: 'src/util.ts', symbol: 'alpah' });
    expect(err.code).toBe('not_found');
    expect(err.details?.did_you_mean).toEqual(['alpha']);
    expect((await failure(project, { path: 'src/util.ts', symbol: 'gamma' })).details?.did_you_mean).toEqual([]);
    // A deleted file has no current line range to trace.
    expect((await failure(project, { path: 'docs/gone.md', symbol: 'a' })).code).toBe('not_found');
  });
});

describe('code_evolution on other repository shapes', () => {
  it('reports paths relative to a project rooted in a subdirectory of the repository', async () => {
    const sub = await open(join(root, 'src'));
    const file = await evolutionOk(sub, { path: 'util.ts' });
    expect(file.out.path).toBe('util.ts');
    expect(file.out.commits.map((c) => [c.files.map((f) => f.path), c.renamed_from])).toEqual([
      [['util.ts'], undefined], [['util.ts'], 'u.ts'], [['u.ts'], undefined], [['u.ts'], undefined],
    ]);
    const symbol = await evolutionOk(sub, { path: 'util.ts', symbol: 'beta' });
    expect(symbol.out.commits.map((c) => c.files[0]!.path)).toEqual(['util.ts', 'u.ts']);
  });

  it('notices new commits (cache per HEAD) and warns when the traced file has uncommitted changes', async () => {
    const dir = gitRepo({ 'a.ts': 'export function f() {\n  return 1;\n}\n' });
    dirs.push(dir);
    const first = commitAll(dir, 'one', ANN, at(1));
    const p = await open(dir);
    expect((await evolutionOk(p, { path: 'a.ts', symbol: 'f' })).out.commits.map((c) => c.sha)).toEqual([first]);
    writeFileSync(join(dir, 'a.ts'), 'export function f() {\n  return 2;\n}\n');
    const second = commitAll(dir, 'two', BOB, at(2));
    expect((await evolutionOk(p, { path: 'a.ts' })).out.commits.map((c) => c.sha)).toEqual([second, first]);
    writeFileSync(join(dir, 'a.ts'), '\nexport function f() {\n  return 3;\n}\n');
    await p.notify(['a.ts']);
    const shifted = await evolutionOk(p, { path: 'a.ts', symbol: 'f' });
    expect(shifted.out.line_ranges).toEqual([{ start_line: 2, end_line: 4 }]);
    expect(shifted.out.notes?.some((n) => n.includes('uncommitted changes'))).toBe(true);
  });

  it('answers symbols whose lines the last commit does not have with an empty history and a note', async () => {
    const dir = gitRepo({ 'a.ts': 'export function f() {\n  return 1;\n}\n' });
    dirs.push(dir);
    commitAll(dir, 'one', ANN, at(1));
    writeFiles(dir, { 'a.ts': `${'\n'.repeat(10)}export function f() {\n  return 1;\n}\n`, 'b.ts': 'export function g() {}\n' });
    const p = await open(dir);
    const grown = await evolutionOk(p, { path: 'a.ts', symbol: 'f' });
    expect([grown.out.commits, grown.out.line_ranges]).toEqual([[], [{ start_line: 11, end_line: 13 }]]);
    expect(grown.out.notes).toEqual(["The symbol's lines in the working tree lie past the end of 'a.ts' in the last commit, so they have no history yet."]);
    expect(grown.text.split('\n')[0]).toBe("No commit history found for 'f' in 'a.ts'.");
    const untracked = await evolutionOk(p, { path: 'b.ts', symbol: 'g' });
    expect([untracked.out.commits, untracked.out.notes]).toEqual([[], ["'b.ts' is not in the last commit (new or renamed since), so its lines have no history yet."]]);
  });

  it('marks a shallow clone', async () => {
    const dir = shallowClone(root);
    dirs.push(dir);
    const { out, text } = await evolutionOk(await open(dir), { path: 'pages/i.ts' });
    expect(out.shallow).toBe(true);
    expect(out.commits.map((c) => c.sha)).toEqual([sha.c7]);
    expect(out.notes?.[0]).toMatch(/shallow clone/);
    expect(text).toMatch(/Notes: .*shallow clone/);
  });

  it('answers a repository with missing objects with a typed error', async () => {
    const dir = cloneWithout(root, sha.c2!);
    dirs.push(dir);
    const broken = await open(dir);
    const err = await failure(broken, { path: 'src/util.ts' });
    expect([err.code, err.details?.reason]).toEqual(['unavailable', 'git_failed']);
    expect(err.message).toMatch(/^git failed to read the history: /);
  });

  it('answers a work tree without commits: empty for a file on disk, not_found for one that never existed', async () => {
    const dir = gitRepo({ 'a.ts': 'export const a = 1;\n' });
    dirs.push(dir);
    const p = await open(dir);
    const { out, text } = await evolutionOk(p, { path: 'a.ts' });
    expect([out.commits, out.total, out.authors]).toEqual([[], 0, []]);
    expect(text.split('\n')[0]).toBe("No commit history found for 'a.ts'.");
    expect((await failure(p, { path: 'b.ts' })).code).toBe('not_found');
    expect((await evolutionOk(p, { path: 'a.ts', symbol: 'a' })).out.commits).toEqual([]);
  });

  it('says a folder outside git is unavailable', async () => {
    const dir = makeRepo({ 'a.ts': 'export const a = 1;\n' });
    dirs.push(dir);
    const err = await failure(await open(dir), { path: 'a.ts' });
    expect([err.code, err.details?.reason]).toEqual(['unavailable', 'not_a_git_repository']);
  });
});

describe('code_evolution over HTTP', () => {
  it('answers on v1 and v2 routes and on the v2-only /evolution alias', async () => {
    const http = await startHttp(project);
    try {
      const get = async (url: string) => {
        const res = await fetch(`${http.url}${url}`);
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const v2 = await get('/api/v2/projects/default/history/evolution?path=src/util.ts&max_results=2');
      expect(v2.status).toBe(200);
      expect((v2.body.commits as unknown[]).length).toBe(2);
      const alias = await get('/api/v2/projects/default/evolution?path=src/util.ts&max_results=2');
      expect(alias).toEqual(v2);
      const v1 = await get('/api/v1/projects/default/history/evolution?path=src/util.ts');
      expect(v1.status).toBe(200);
      expect(String(v1.body.result)).toMatch(/^Change history for src\/util.ts/);
      expect((await get('/api/v1/projects/default/evolution?path=src/util.ts')).status).toBe(404);
      const bad = await get(`/api/v2/projects/default/evolution?path=src/util.ts&since=${encodeURIComponent('--output=/tmp/x')}`);
      expect([bad.status, (bad.body.error as { code: string }).code]).toEqual([422, 'invalid_argument']);
    } finally {
      await http.close();
    }
  });
});
