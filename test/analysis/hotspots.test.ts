// hotspots: percentile composite (with and without git churn), P90 categories with floors, the
// longest functions with a language-aware return-type term, orphans, top_n, empty project.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentileRanks, quantile } from '../../src/engine/analysis/metrics.js';
import type { Project } from '../../src/engine/project.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { hotspots } from '../../src/operations/hotspots.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';

type Out = {
  file_hotspots: Array<{ path: string; line_count: number; symbol_count: number; public_symbols: number; fan_in: number; fan_out: number;
    density: number; churn?: number; max_complexity: number; composite: number; categories: string[] }>;
  function_hotspots: Array<{ file_path: string; name: string; line: number; line_count: number; param_count: number; complexity: number;
    is_public: boolean; has_return_type: boolean; score: number }>;
  orphan_files: Array<{ path: string; line_count: number; symbol_count: number }>;
  orphan_total: number;
  churn_available: boolean;
  formula: { terms: Array<{ metric: string; weight: number }>; churn_window_days?: number };
  thresholds: Record<string, number>;
  total_files: number;
  truncated?: { shown: number; total: number; by: string };
  notes?: string[];
};

async function run(project: Project, args: Record<string, unknown> = {}): Promise<{ out: Out; text: string }> {
  const res = await invoke(operationNamed('hotspots')!, project, args);
  if (!res.ok) throw res.error;
  return { out: res.output as unknown as Out, text: res.text };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const lineCount = (text: string) => text.split('\n').length - 1;

/** A function of `body` lines (plus header and closing brace); `branches` of them are `if`s. */
const tsFunction = (name: string, body: number, branches = 0): string => [
  `export function ${name}(n: number): number {`,
  ...Array.from({ length: body }, (_, i) => (i < branches ? `  if (n === ${i}) return ${i};` : `  n = n + ${i};`)),
  '  return n;',
  '}',
].join('\n');

const BIG = `${Array.from({ length: 12 }, (_, i) => tsFunction(`f${i}`, 15, i === 0 ? 14 : 0)).join('\n')}\n`;
const ORPHAN = `${Array.from({ length: 5 }, (_, i) => `export const v${i} = ${i};`).join('\n')}\n${tsFunction('alone', 17)}\n`;
const SMALL_ORPHAN = `${tsFunction('tiny', 15)}\n`;
const LONG_PY = [
  'def long_one(a, b, c):',
  ...Array.from({ length: 99 }, (_, i) => `    a = a + ${i}`),
  '    return a',
  '',
  'def typed_long(a: int, b: int, c: int) -> int:',
  ...Array.from({ length: 99 }, (_, i) => `    a = a + ${i}`),
  '    return a',
  '',
].join('\n');
const LONG_JS = ['export function longJs(a, b, c) {', ...Array.from({ length: 99 }, (_, i) => `  a = a + ${i};`), '  return a;', '}', ''].join('\n');

const BASE_FILES: Record<string, string> = {
  'package.json': '{"name":"hot","main":"src/main.ts"}\n',
  'README.md': '# hot\n',
  'src/core.ts': 'export function core(): number {\n  return 1;\n}\n',
  'src/a.ts': "import { core } from './core';\nexport const a = core();\n",
  'src/b.ts': "import { core } from './core';\nexport const b = core();\n",
  'src/c.ts': "import { core } from './core';\nexport const c = core();\n",
  'src/magnet.ts': "import { a } from './a';\nimport { b } from './b';\nimport { c } from './c';\nimport { core } from './core';\nimport { f1 } from './big';\nexport const all = [a, b, c, core(), f1(1)];\n",
  'src/big.ts': BIG,
  'src/orphan.ts': ORPHAN,
  'src/small-orphan.ts': SMALL_ORPHAN,
  'src/main.ts': `${tsFunction('start', 20)}\n`,
  'tests/core.test.ts': `${tsFunction('check', 28)}\n`,
  'scripts/long.py': LONG_PY,
  'web/long.js': LONG_JS,
};

/** Commits `files` in `dir` at a fixed date `daysAgo` days before now. */
function commitAt(dir: string, daysAgo: number, files: Record<string, string>, message: string): void {
  writeFiles(dir, files);
  const when = `@${Math.floor(Date.now() / 1000) - daysAgo * 86_400} +0000`;
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, env, stdio: 'ignore' });
  git('add', '-A');
  git('commit', '-qm', message);
}

describe('hotspot statistics', () => {
  it('ranks percentiles with averaged ties', () => {
    expect(percentileRanks([])).toEqual([]);
    expect(percentileRanks([7])).toEqual([0.5]);
    expect(percentileRanks([3, 3, 3])).toEqual([0.5, 0.5, 0.5]);
    expect(percentileRanks([1, 2, 3, 4, 5])).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(percentileRanks([9, 2])).toEqual([1, 0]);
    expect(percentileRanks([0, 5, 0, 1])).toEqual([1 / 6, 1, 1 / 6, 2 / 3]);
  });

  it('interpolates quantiles', () => {
    expect(quantile([], 0.9)).toBe(0);
    expect(quantile([4], 0.9)).toBe(4);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
  });
});

describe('hotspots on a tiny project without git', () => {
  let root: string;
  let project: Project;
  beforeAll(async () => {
    root = makeRepo({
      'y.ts': 'export function f(): number {\n  return 1;\n}\n',
      'x.ts': "import { f } from './y';\nexport const a = f();\n",
      'z.ts': "import { f } from './y';\nexport function g(n: number): number {\n  if (n > 0) {\n    return f();\n  }\n  return 0;\n}\n",
    });
    project = await openIndexed(root);
  });
  afterAll(async () => { await project.close(); removeDir(root); });

  it('computes the no-churn composite from percentile ranks', async () => {
    const { out, text } = await run(project);
    expect(out.churn_available).toBe(false);
    expect(out.notes?.join(' ')).toMatch(/Churn unavailable \(not_a_git_repository\)/);
    expect(out.formula.terms).toEqual([
      { metric: 'lines', weight: 0.2 }, { metric: 'symbols', weight: 0.15 }, { metric: 'fan_in', weight: 0.25 },
      { metric: 'fan_out', weight: 0.1 }, { metric: 'density', weight: 0.1 }, { metric: 'max_complexity', weight: 0.2 },
    ]);
    expect(text).toContain('Score = 0.20×lines + 0.15×symbols + 0.25×fan-in + 0.10×fan-out + 0.10×density + 0.20×complexity');
    const byPath = Object.fromEntries(out.file_hotspots.map((f) => [f.path, f]));
    expect(byPath['x.ts']).toMatchObject({ line_count: 2, symbol_count: 1, public_symbols: 1, fan_in: 0, fan_out: 1, density: 50, max_complexity: 0 });
    expect(byPath['y.ts']).toMatchObject({ line_count: 3, symbol_count: 1, fan_in: 2, fan_out: 0, density: 33.33, max_complexity: 1 });
    expect(byPath['z.ts']).toMatchObject({ line_count: 7, symbol_count: 1, fan_in: 0, fan_out: 1, density: 14.29, max_complexity: 2 });
    // Ranks over 3 files: (average 0-based rank) / 2. lines x<y<z; symbols all tied (0.5); fan-in x=z (0.25) < y;
    // fan-out y (0) < x=z (0.75); density z<y<x; complexity x<y<z.
    const x = 0.2 * 0 + 0.15 * 0.5 + 0.25 * 0.25 + 0.1 * 0.75 + 0.1 * 1 + 0.2 * 0;
    const y = 0.2 * 0.5 + 0.15 * 0.5 + 0.25 * 1 + 0.1 * 0 + 0.1 * 0.5 + 0.2 * 0.5;
    const z = 0.2 * 1 + 0.15 * 0.5 + 0.25 * 0.25 + 0.1 * 0.75 + 0.1 * 0 + 0.2 * 1;
    expect(out.file_hotspots.map((f) => [f.path, f.composite])).toEqual([['z.ts', round3(z)], ['y.ts', round3(y)], ['x.ts', round3(x)]]);
    for (const f of out.file_hotspots) expect(f.churn).toBeUndefined();
    expect(out.thresholds).toEqual({ lines: 200, symbols: 10, fan_in: 3, fan_out: 5, public_symbols: 10, max_complexity: 15 });
    expect(out.file_hotspots.every((f) => f.categories.length === 0)).toBe(true);
  });

  it('lists exactly top_n files and says how many more there are', async () => {
    const { out, text } = await run(project, { top_n: 1 });
    expect(out.file_hotspots.map((f) => f.path)).toEqual(['z.ts']);
    expect(out.truncated).toEqual({ shown: 1, total: 3, by: 'limit', hint: 'Raise top_n to see more files.' });
    expect(text).toContain('  … 2 more files not shown (top_n=1); raise top_n.');
    expect((text.match(/^\s+\d+\. \S+\.ts$/gm) ?? []).length).toBe(1);
  });

  it('clamps top_n and refuses a fraction', async () => {
    const { out } = await run(project, { top_n: 999 });
    expect(out.notes).toContain('top_n=999 is out of range; clamped to 200.');
    const bad = await invoke(operationNamed('hotspots')!, project, { top_n: 1.5 });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_argument');
  });
});

describe('hotspots on a git repository', () => {
  let root: string;
  let project: Project;
  let plain: Project;
  let plainRoot: string;
  const A2 = "import { core } from './core';\nexport const a = core();\nexport const a2 = 2;\nexport const a3 = 3;\n";
  const A3 = `${A2}export const a4 = 4;\nexport const a5 = 5;\nexport const a6 = 6;\n`;
  const A4 = `${A3}export const a7 = 7;\n`;

  beforeAll(async () => {
    root = makeRepo({});
    execFileSync('git', ['init', '-q'], { cwd: root });
    commitAt(root, 200, BASE_FILES, 'initial'); // outside the 90-day window: no churn from it
    commitAt(root, 40, { 'src/a.ts': A2 }, 'a: +2');
    commitAt(root, 20, { 'src/a.ts': A3, 'src/b.ts': `${BASE_FILES['src/b.ts']}export const b2 = 2;\n` }, 'a: +3, b: +1');
    commitAt(root, 3, { 'src/a.ts': A4 }, 'a: +1');
    project = await openIndexed(root);
    plainRoot = makeRepo({ ...BASE_FILES, 'src/a.ts': A4, 'src/b.ts': `${BASE_FILES['src/b.ts']}export const b2 = 2;\n` });
    rmSync(join(plainRoot, '.git'), { recursive: true, force: true });
    plain = await openIndexed(plainRoot);
  });
  afterAll(async () => {
    await project.close();
    await plain.close();
    removeDir(root);
    removeDir(plainRoot);
  });

  it('scores churn over the last 90 days, normalised to the most churned file', async () => {
    const { out, text } = await run(project, { top_n: 200 });
    expect(out.churn_available).toBe(true);
    expect(out.formula).toMatchObject({ churn_window_days: 90 });
    expect(out.formula.terms).toEqual([
      { metric: 'lines', weight: 0.15 }, { metric: 'symbols', weight: 0.1 }, { metric: 'fan_in', weight: 0.2 },
      { metric: 'fan_out', weight: 0.1 }, { metric: 'density', weight: 0.1 }, { metric: 'max_complexity', weight: 0.15 },
      { metric: 'churn', weight: 0.2 },
    ]);
    expect(text).toMatch(/^Score = 0\.15×lines \+ 0\.10×symbols \+ 0\.20×fan-in \+ 0\.10×fan-out \+ 0\.10×density \+ 0\.15×complexity \+ 0\.20×churn \(percentile ranks; churn over the last 90 days\)$/m);
    const churn = Object.fromEntries(out.file_hotspots.map((f) => [f.path, f.churn]));
    // a.ts: 3 commits, 2 + 3 + 1 lines added; b.ts: 1 commit, 1 line. commits × (1 + ln(1 + lines)).
    const a = 3 * (1 + Math.log(1 + 6));
    const b = 1 * (1 + Math.log(1 + 1));
    expect(churn['src/a.ts']).toBe(1);
    expect(churn['src/b.ts']).toBe(round3(b / a));
    for (const [path, value] of Object.entries(churn)) if (path !== 'src/a.ts' && path !== 'src/b.ts') expect(value, path).toBe(0);
    // Churn ranks over 12 files: a.ts 1, b.ts 10/11 ≈ 0.91 (both ≥ 0.9); the ten unchurned files share 4.5/11.
    expect(out.file_hotspots.filter((f) => f.categories.includes('churn-hotspot')).map((f) => f.path)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('falls back to the no-churn weights without .git, with a note', async () => {
    const { out, text } = await run(plain, { top_n: 200 });
    expect(out.churn_available).toBe(false);
    expect(out.formula.terms.map((t) => t.metric)).not.toContain('churn');
    expect(out.formula.churn_window_days).toBeUndefined();
    expect(out.notes?.some((n) => n.includes('Churn unavailable'))).toBe(true);
    expect(text).toContain('no git history, churn left out');
    expect(out.file_hotspots.some((f) => f.categories.includes('churn-hotspot'))).toBe(false);
    // Same files and metrics either way; only churn and the weights differ.
    const withGit = (await run(project, { top_n: 200 })).out;
    const strip = (o: Out) => o.file_hotspots.map(({ churn: _c, composite: _s, categories, ...m }) => ({ ...m, categories: categories.filter((c) => c !== 'churn-hotspot') }))
      .sort((x, y) => (x.path < y.path ? -1 : 1));
    expect(strip(out)).toEqual(strip(withGit));
  });

  it('categorises by P90 thresholds with floors', async () => {
    const { out } = await run(plain, { top_n: 200 });
    expect(out.thresholds).toEqual({ lines: 200, symbols: 10, fan_in: 3, fan_out: 5, public_symbols: 10, max_complexity: 15 });
    const categories = Object.fromEntries(out.file_hotspots.filter((f) => f.categories.length).map((f) => [f.path, f.categories]));
    expect(categories).toEqual({
      'src/big.ts': ['god-file', 'wide-api', 'complex'],
      'src/core.ts': ['hub'],
      'src/magnet.ts': ['coupling-magnet'],
    });
    const big = out.file_hotspots.find((f) => f.path === 'src/big.ts')!;
    expect(big).toMatchObject({ line_count: lineCount(BIG), symbol_count: 12, public_symbols: 12, max_complexity: 15, fan_in: 1 });
    expect(out.total_files).toBe(12); // code files, config (package.json) and docs left out
    expect(out.file_hotspots.map((f) => f.path)).not.toContain('package.json');
  });

  it('lists the longest functions with lines, and penalises a missing return type only where it is optional', async () => {
    const { out, text } = await run(plain);
    const top = out.function_hotspots.slice(0, 3);
    // lines / 50 × 0.5 + 3 params × 0.3, + 0.2 for Python without a return annotation (not for `-> int`, nor for JS,
    // which has no return annotations). typed_long needs the extractor's return_type for Python.
    expect(top.map((f) => [f.file_path, f.name, f.line, f.line_count, f.param_count, f.score])).toEqual([
      ['scripts/long.py', 'long_one', 1, 101, 3, round3(101 / 50 * 0.5 + 0.9 + 0.2)],
      ['web/long.js', 'longJs', 1, 102, 3, round3(102 / 50 * 0.5 + 0.9)],
      ['scripts/long.py', 'typed_long', 103, 101, 3, round3(101 / 50 * 0.5 + 0.9)],
    ]);
    expect(out.function_hotspots).toHaveLength(10);
    expect(text).toContain('long_one — 101 lines, 3 params, complexity 1');
    expect(text).toContain('      scripts/long.py:1');
  });

  it('lists orphans: code files of 20+ lines with no imports or importers, not tests or entry points', async () => {
    const { out, text } = await run(plain);
    expect(out.orphan_files.map((o) => o.path)).toEqual(['scripts/long.py', 'web/long.js', 'src/orphan.ts']);
    expect(out.orphan_total).toBe(3);
    expect(out.orphan_files.find((o) => o.path === 'src/orphan.ts')).toEqual({ path: 'src/orphan.ts', line_count: lineCount(ORPHAN), symbol_count: 6 });
    expect(text).toContain('Orphan files (no imports/importers, 3 found):');
  });

  it('is deterministic', async () => {
    const one = await run(plain, { top_n: 7 });
    const two = await run(plain, { top_n: 7 });
    expect(one.out).toEqual(two.out);
    expect(estimateTokens(hotspots.render(one.out as never))).toBeGreaterThan(0);
  });
});

describe('hotspots on an empty project', () => {
  it('succeeds with the empty-project text', async () => {
    const root = makeRepo({});
    const project = await openIndexed(root);
    try {
      const { out, text } = await run(project);
      expect(out.file_hotspots).toEqual([]);
      expect(text.split('\n')[0]).toBe('No files discovered in this project.');
    } finally {
      await project.close();
      removeDir(root);
    }
  });
});
