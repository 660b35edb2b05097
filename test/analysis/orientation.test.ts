// repo_map and explore_codebase on a star-shaped repository whose PageRank order is known by
// construction: exact trees and rows, budget fitting that shrinks the least important entries
// first, path scoping and typed errors.
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRepoMap, repoMap } from '../../src/engine/analysis/repo-map.js';
import type { Project } from '../../src/engine/project.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import { FEATURES, starRepo } from './orientation-fixtures.js';

let root: string;
let project: Project;

beforeAll(async () => {
  root = makeRepo(starRepo());
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

async function call(name: string, args: Record<string, unknown>) {
  const op = operationNamed(name)!;
  const res = await invoke(op, project, args);
  if (!res.ok) throw res.error;
  return { output: res.output, text: op.render(res.output as never) };
}

async function failure(name: string, args: Record<string, unknown>) {
  const res = await invoke(operationNamed(name)!, project, args);
  if (res.ok) throw new Error(`${name} succeeded: ${res.text}`);
  return res.error;
}

const featureLines = (names: readonly string[]) => names.map((n, i) => `│   │   ${i === names.length - 1 ? '└' : '├'}── ${n}-handler.ts`);

describe('repo_map', () => {
  it('tiers files by importance: core and util with symbols, features listed, tests and docs folded', async () => {
    const { output, text } = await call('repo_map', {});
    expect(text.split('\n')).toEqual([
      `${basename(root)}/`,
      '├── ... +2 files', // tests/core.test.ts and docs/archive/2020/notes.md, whose directories are not drawn
      '├── deep/',
      '│   └── a/',
      '│       └── b/',
      '│           └── c/',
      '│               └── d/',
      '│                   └── e/',
      '│                       └── ...',
      '├── src/',
      '│   ├── feature/',
      ...featureLines(FEATURES),
      '│   ├── core.ts  [Engine, Options, stop, start, VERSION, helper]',
      '│   └── util.ts  [clamp, pad]',
      '├── README.md',
      '└── package.json',
      '',
      '(23 files, 310 lines, 3 languages)',
    ]);
    expect(output).toMatchObject({ path: '', shown_files: 20, listed_files: 20, total_files: 23, total_lines: 310, languages: { typescript: 20, markdown: 2, json: 1 } });
    expect(output.truncated).toBeUndefined();
    const entries = output.entries as Array<Record<string, unknown>>;
    expect(entries[0]).toEqual({ path: '', type: 'dir', depth: 0, folded_files: 2 });
    expect(entries.find((e) => e.path === 'deep/a/b/c/d/e')).toEqual({ path: 'deep/a/b/c/d/e', type: 'dir', depth: 6, deep_files: 1 });
    expect(entries.find((e) => e.path === 'src/core.ts')).toMatchObject({ type: 'file', depth: 2, symbols: ['Engine', 'Options', 'stop', 'start', 'VERSION', 'helper'] });
  });

  it('ranks a file\'s symbols exported first, class-like before functions, then by referencing files, then line', async () => {
    // Options is declared before Engine but fewer files reference it; start before stop, likewise.
    const core = ((await call('repo_map', {})).output.entries as Array<{ path: string; symbols?: string[] }>).find((e) => e.path === 'src/core.ts');
    expect(core?.symbols).toEqual(['Engine', 'Options', 'stop', 'start', 'VERSION', 'helper']);
  });

  it('shrinks the least important entries first to fit max_tokens, deterministically', async () => {
    const { output, text } = await call('repo_map', { max_tokens: 200 });
    expect(text.split('\n')).toEqual([
      `${basename(root)}/`,
      '├── ... +2 files',
      '├── deep/',
      '│   └── a/',
      '│       └── b/',
      '│           └── c/',
      '│               └── d/',
      '│                   └── e/',
      '│                       └── ...',
      '├── src/',
      '│   ├── feature/',
      // The ten features last in path order went first (equal importance); the freshness line
      // under the map shares the budget.
      '│   │   ├── ... +10 files',
      ...featureLines(FEATURES.slice(0, 6)),
      '│   ├── core.ts  [Engine, Options, stop, start, VERSION, helper]',
      '│   └── util.ts  [clamp, pad]',
      '├── README.md',
      '└── package.json',
      '',
      '(23 files, 310 lines, 3 languages)',
      '… 10 more files folded into markers (max_tokens=200); raise max_tokens or narrow path.',
    ]);
    expect(output.truncated).toEqual({ shown: 10, total: 20, by: 'max_tokens', hint: 'Raise max_tokens or narrow path.' });
    let previous = 0;
    for (const max of [200, 210, 220, 230, 240, 260]) {
      const first = await call('repo_map', { max_tokens: max });
      const again = await call('repo_map', { max_tokens: max });
      expect(estimateTokens(first.text)).toBeLessThanOrEqual(max);
      expect(again.text).toBe(first.text);
      expect(again.output.entries).toEqual(first.output.entries);
      expect(first.output.shown_files as number).toBeGreaterThanOrEqual(previous);
      previous = first.output.shown_files as number;
    }
    expect(previous).toBe(20);
  });

  it('demotes one step at a time: symbols of a file go before the file folds, the most important file last', () => {
    const at = (max: number) => {
      const map = repoMap(project, '', true, max);
      const text = renderRepoMap(map);
      expect(estimateTokens(text)).toBeLessThanOrEqual(max);
      const files = map.entries.filter((e) => e.type === 'file');
      return { files: files.map((e) => `${e.path}${e.symbols ? ' +symbols' : ''}`), dropped: map.symbols_dropped };
    };
    expect(at(100)).toEqual({ files: ['src/core.ts +symbols', 'src/util.ts +symbols', 'README.md', 'package.json'], dropped: undefined });
    expect(at(80)).toEqual({ files: ['src/core.ts +symbols', 'package.json'], dropped: undefined });
    expect(at(70)).toEqual({ files: ['src/core.ts'], dropped: 1 });
    expect(renderRepoMap(repoMap(project, '', true, 70)).split('\n').slice(-1)).toEqual([
      '… 19 more files folded into markers, symbols dropped from 1 file (max_tokens=70); raise max_tokens or narrow path.',
    ]);
    expect(at(50)).toEqual({ files: [], dropped: undefined });
    expect(renderRepoMap(repoMap(project, '', true, 50)).split('\n')[1]).toBe('└── ... +23 files');
  });

  it('labels symbols by full path: two index.ts files each show their own', async () => {
    const dir = makeRepo({
      'main.ts': "import { alpha } from './one/index.js';\nimport { beta } from './two/index.js';\nalpha(); beta();\n",
      'one/index.ts': 'export function alpha(): number { return 1; }\n',
      'two/index.ts': 'export function beta(): number { return 2; }\n',
    });
    const p = await openIndexed(dir);
    try {
      const res = await invoke(operationNamed('repo_map')!, p, {});
      expect(res.ok && res.text.split('\n').slice(0, 6)).toEqual([
        `${basename(dir)}/`, '├── one/', '│   └── index.ts  [alpha]', '├── two/', '│   └── index.ts  [beta]', '└── main.ts',
      ]);
    } finally { await p.close(); removeDir(dir); }
  });

  it('include_symbols=false lists files without symbols', async () => {
    const { text } = await call('repo_map', { include_symbols: false });
    expect(text).toContain('│   ├── core.ts\n│   └── util.ts\n');
  });

  it('maps one directory with path; totals are for that directory', async () => {
    const { output, text } = await call('repo_map', { path: 'src/' });
    expect(text.split('\n')).toEqual([
      'src/',
      '├── feature/',
      ...featureLines(FEATURES).map((l) => l.slice(4)),
      '├── core.ts  [Engine, Options, stop, start, VERSION, helper]',
      '└── util.ts  [clamp, pad]',
      '',
      '(18 files, 302 lines, 1 language)',
    ]);
    expect(output).toMatchObject({ path: 'src', name: 'src', total_files: 18 });
  });

  it('refuses a missing path, a file path and a path outside the root', async () => {
    expect(await failure('repo_map', { path: 'nope' })).toMatchObject({ code: 'not_found' });
    expect(await failure('repo_map', { path: 'SRC' })).toMatchObject({ code: 'not_found', details: { did_you_mean: ['src'] } });
    expect(await failure('repo_map', { path: 'src/core.ts' })).toMatchObject({ code: 'invalid_argument', details: { parameter: 'path' } });
    expect(await failure('repo_map', { path: '../elsewhere' })).toMatchObject({ code: 'invalid_argument', details: { reason: 'outside_root' } });
  });

  it('answers an empty project with (no files discovered)', async () => {
    const dir = makeRepo({});
    const p = await openIndexed(dir);
    try {
      const res = await invoke(operationNamed('repo_map')!, p, {});
      expect(res.ok && res.text.split('\n')[0]).toBe('(no files discovered)');
    } finally { await p.close(); removeDir(dir); }
  });
});

describe('explore_codebase', () => {
  it('lists the root: directories largest first, then files by importance', async () => {
    const { output, text } = await call('explore_codebase', {});
    expect(text).toBe([
      '(root) (23 files, 310 lines)',
      'Breadcrumb: (root)',
      '  [dir] src/  18 files  302 lines  1 subdir  [typescript]',
      '  [dir] docs/  1 file  3 lines  1 subdir  [markdown]',
      '  [dir] tests/  1 file  2 lines  [typescript]',
      '  [dir] deep/  1 file  1 line  1 subdir  [typescript]',
      '  [file] package.json  1L  imp=0.78  [config]',
      '  [file] README.md  1L  imp=0.68',
    ].join('\n'));
    expect(output).toMatchObject({ path: '', breadcrumb: ['(root)'], omitted_dirs: 0, omitted_files: 0 });
  });

  it('lists a directory with tags and top symbols', async () => {
    const { output, text } = await call('explore_codebase', { path: 'src' });
    expect(text).toBe([
      'src (18 files, 302 lines)',
      'Breadcrumb: (root) > src',
      '  [dir] feature/  16 files  189 lines  [typescript]',
      '  [file] core.ts  56L  imp=0.87  [Engine, Options, stop, start, VERSION]',
      '  [file] util.ts  57L  imp=0.75  [clamp, pad]',
    ].join('\n'));
    expect(output.dirs).toEqual([{ path: 'src/feature', files: 16, lines: 189, languages: ['typescript'], subdirs: 0 }]);
  });

  it('keeps the first 5 files whatever the threshold and counts the rest', async () => {
    const { output, text } = await call('explore_codebase', { path: 'src/feature', importance_threshold: 1 });
    expect(text.split('\n').slice(2)).toEqual([
      '  [file] alpha-handler.ts  12L  imp=0.47  [alphaFeature]',
      '  [file] bravo-handler.ts  12L  imp=0.47  [bravoFeature]',
      '  [file] charlie-handler.ts  13L  imp=0.47  [charlieFeature]',
      '  [file] delta-handler.ts  12L  imp=0.47  [deltaFeature]',
      '  [file] echo-handler.ts  12L  imp=0.47  [echoFeature]',
      '  ... +11 more files',
    ]);
    expect(output).toMatchObject({ omitted_files: 11, omitted_dirs: 0 });
    expect(output.truncated).toBeUndefined(); // the threshold, not max_items, left them out
  });

  it('splits max_items: directories get at most half, files the rest', async () => {
    const { output, text } = await call('explore_codebase', { max_items: 3 });
    expect(text.split('\n').slice(2)).toEqual([
      '  [dir] src/  18 files  302 lines  1 subdir  [typescript]',
      '  ... +3 more dirs',
      '  [file] package.json  1L  imp=0.78  [config]',
      '  [file] README.md  1L  imp=0.68',
    ]);
    expect(output).toMatchObject({ omitted_dirs: 3, omitted_files: 0, truncated: { shown: 3, total: 6, by: 'limit' } });
    const one = await call('explore_codebase', { max_items: 1 });
    expect(one.output).toMatchObject({ dirs: [], files: [{ path: 'package.json' }], omitted_dirs: 4, omitted_files: 1 });
  });

  it('shows a single file: metadata, ranked symbols, import counts', async () => {
    const { output, text } = await call('explore_codebase', { path: 'src/core.ts' });
    expect(text).toBe([
      'src/core.ts (typescript, 56 lines)',
      'Breadcrumb: (root) > src > src/core.ts',
      '  imp=0.87  imports 0  imported by 17',
      '  [class] Engine  L7',
      '  [interface] Options  L2',
      '  [function] stop  L18',
      '  [function] start  L14',
      '  [constant] VERSION  L22',
      '  [function] helper  L24',
    ].join('\n'));
    expect(output.file).toMatchObject({ path: 'src/core.ts', language: 'typescript', tags: [], imports: 0, imported_by: 17 });
    const entry = await call('explore_codebase', { path: 'deep/a/b/c/d/e/main.ts' });
    expect(entry.output.file).toMatchObject({ tags: ['entry'] });
    const test = await call('explore_codebase', { path: 'tests/core.test.ts' });
    expect(test.output.file).toMatchObject({ tags: ['test'] });
  });

  it('refuses an unknown path (with suggestions) and a path outside the root', async () => {
    expect(await failure('explore_codebase', { path: 'src/nope' })).toMatchObject({ code: 'not_found' });
    expect(await failure('explore_codebase', { path: 'Src/Feature' })).toMatchObject({ code: 'not_found', details: { did_you_mean: ['src/feature'] } });
    expect(await failure('explore_codebase', { path: '/etc' })).toMatchObject({ code: 'invalid_argument', details: { reason: 'outside_root' } });
  });
});

describe('distill structure on the star', () => {
  it('cuts the structure view on whole files to fit max_tokens, and names what it left out', async () => {
    const first = await call('distill', { files: ['src/core.ts'], level: 'structure', max_tokens: 200 });
    const again = await call('distill', { files: ['src/core.ts'], level: 'structure', max_tokens: 200 });
    expect(again.text).toBe(first.text);
    expect(estimateTokens(first.text)).toBeLessThanOrEqual(200);
    const shown = (first.output.files as Array<{ path: string }>).map((f) => f.path);
    expect(shown[0]).toBe('src/core.ts'); // the centre first, then its importers
    expect(shown.length + (first.output.omitted_total as number)).toBe(18); // core, 16 features and the test
    expect(first.output.omitted_total).toBeGreaterThan(0);
    expect(first.text).toContain(`\n# ... ${first.output.omitted_total as number} more file(s) omitted (token budget)\n`);
    const roomy = await call('distill', { files: ['src/core.ts'], level: 'structure', max_tokens: 2000 });
    expect(roomy.output.omitted_total).toBe(0);
    expect(roomy.text).toContain('\nsrc/feature/alpha-handler.ts -> src/core.ts\n'); // util is a sibling, not in the selection
  });
});
