// dead_code: same-file uses count and recursion does not, re-exports and test-only uses keep a
// symbol alive, every kind of entry point is spared, exports / name matches / other decorators /
// package index files / git age move the confidence, file and module levels, dynamic imports
// with a literal prefix, scope, entry_points, min_confidence, top_n and typed errors.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageTable } from '../../src/engine/analysis/usage.js';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';

interface Item { kind: string; name: string; qualified_name?: string; file_path: string; line: number; end_line: number; confidence: number; reasons: string[]; symbols?: number; dependencies?: number; files?: number }
interface Out { level: string; scope: string; results: Item[]; total_candidates: number; truncated?: { shown: number; total: number; by: string }; notes?: string[] }

async function dead(project: Project, args: Record<string, unknown>): Promise<{ out: Out; text: string }> {
  const r = await invoke(operationNamed('dead_code')!, project, args);
  if (!r.ok) throw r.error;
  return { out: r.output as unknown as Out, text: r.text };
}

const brief = (items: Item[]): string[] => items.map((i) => `${i.confidence.toFixed(2)} ${i.kind} ${i.qualified_name ?? i.name} ${i.file_path}:${i.line}`);

const SYMBOL_FILES: Record<string, string> = {
  'src/lib/helpers.ts': [
    'function localHelper(x: number) { return x * 2; }',
    'export function usesLocal(n: number) { return localHelper(n); }',
    'function recurse(n: number): number { return n <= 0 ? 0 : recurse(n - 1); }',
    'export function unusedExport() { return 1; }',
    'export function nameMatched() { return 2; }',
    'function privateNameMatched() { return 3; }',
    '',
  ].join('\n'),
  'src/lib/index.ts': "export { usesLocal } from './helpers';\nexport function indexOnly() { return 0; }\n",
  'src/main.ts': [
    "import { usesLocal } from './lib/index';",
    'export function main(other: any) { return usesLocal(1) + other.nameMatched() + other.privateNameMatched(); }',
    '',
  ].join('\n'),
  'src/lib/testonly.ts': 'export function onlyInTests() { return 1; }\n',
  'test/lib.test.ts': "import { onlyInTests } from '../src/lib/testonly';\nonlyInTests();\n",
  'src/shapes.ts': [
    'export abstract class Shape {',
    '  abstract area(): number;',
    '  describe() { return `${this.area()}`; }',
    '}',
    'export class Square extends Shape {',
    '  constructor(private side: number) { super(); }',
    '  area() { return this.side ** 2; }',
    '  private unusedPrivate() { return 0; }',
    '}',
    'export interface Sized { size: number; grow(): void }',
    'export const unit: Sized = { size: 1, grow() {} };',
    '',
  ].join('\n'),
  'pkg/__init__.py': "from .core import api\n__all__ = ['api', 'listed']\n\ndef listed():\n    return 1\n",
  'pkg/__main__.py': 'from .core import Model\nprint(Model())\n',
  'pkg/core.py': [
    'import functools',
    'from flask import Flask',
    'import pytest',
    'app = Flask(__name__)',
    '',
    'def api():',
    '    return _helper()',
    '',
    'def _helper():',
    '    return 1',
    '',
    'def _unused():',
    '    return 2',
    '',
    "@app.route('/x')",
    'def handler():',
    "    return 'x'",
    '',
    '@pytest.fixture',
    'def fix():',
    '    return 1',
    '',
    '@functools.lru_cache',
    'def cached():',
    '    return 1',
    '',
    'class Model:',
    '    def __repr__(self):',
    "        return 'M'",
    '    def _private_method(self):',
    '        return 1',
    '    def public_method(self):',
    '        return self._private_method()',
    '    def _dead_method(self):',
    '        return 0',
    '',
  ].join('\n'),
  'src/main/java/com/x/Service.java': [
    'package com.x;',
    'public class Service {',
    '  private int helper() { return 1; }',
    '  public int run() { return helper(); }',
    '  private int dead() { return 2; }',
    '  @Override public String toString() { return "S"; }',
    '  @Test public void testIt() {}',
    '}',
    '',
  ].join('\n'),
  'go.mod': 'module example.com/m\n\ngo 1.21\n',
  'internal/util/util.go': [
    'package util',
    'func init() {}',
    'func helper() int { return 1 }',
    'func unused() int { return 2 }',
    'type S struct{}',
    'func (s *S) h() int { return 1 }',
    'func (s *S) Run() int { return s.h() }',
    '',
  ].join('\n'),
  'internal/util/util2.go': 'package util\nfunc Other() int { return helper() }\n',
};

/** Everything the fixture holds that nothing uses, at min_confidence 0. */
const ALL_DEAD = [
  '0.85 function unused internal/util/util.go:4',
  '0.85 function _unused pkg/core.py:12',
  '0.85 method Model._dead_method pkg/core.py:34',
  '0.85 function recurse src/lib/helpers.ts:3',
  '0.85 method Service.dead src/main/java/com/x/Service.java:5',
  '0.85 method Square.unusedPrivate src/shapes.ts:8',
  '0.65 function privateNameMatched src/lib/helpers.ts:6',
  '0.50 struct S internal/util/util.go:5',
  '0.50 method S.Run internal/util/util.go:7',
  '0.50 function Other internal/util/util2.go:2',
  '0.50 method Model.public_method pkg/core.py:32',
  '0.50 function unusedExport src/lib/helpers.ts:4',
  '0.50 class Service src/main/java/com/x/Service.java:2',
  '0.50 method Service.run src/main/java/com/x/Service.java:4',
  '0.50 method Shape.describe src/shapes.ts:3',
  '0.50 class Square src/shapes.ts:5',
  '0.50 method unit.grow src/shapes.ts:11',
  '0.50 variable unit src/shapes.ts:11',
  '0.30 function cached pkg/core.py:23',
  '0.30 function nameMatched src/lib/helpers.ts:5',
  '0.20 function indexOnly src/lib/index.ts:2',
];

describe('dead_code, symbol level', () => {
  let root: string;
  let project: Project;

  beforeAll(async () => {
    root = makeRepo(SYMBOL_FILES);
    project = await openIndexed(root);
  });
  afterAll(async () => {
    await project.close();
    removeDir(root);
  });

  it('reports exactly the unused definitions, with their confidence, most confident first', async () => {
    const { out } = await dead(project, { min_confidence: 0, top_n: 200 });
    expect(out.level).toBe('symbol');
    expect(brief(out.results)).toEqual(ALL_DEAD);
    expect(out.total_candidates).toBe(ALL_DEAD.length);
    expect(out.notes).toEqual(['Git history is unavailable (not_a_git_repository), so the 180-day age factor was skipped.']);
  });

  it('counts same-file uses, re-exports, test-only uses and self calls; recursion alone is no use', async () => {
    const { out } = await dead(project, { min_confidence: 0, top_n: 200 });
    const names = out.results.map((r) => r.qualified_name);
    // used only in its own file, through an index re-export, only from a test, through self./this./implicit this/Go receiver
    for (const used of ['localHelper', 'usesLocal', 'onlyInTests', '_helper', 'Model._private_method', 'Service.helper', 'S.h', 'helper', 'Model']) {
      expect(names).not.toContain(used);
    }
    const recurse = out.results.find((r) => r.name === 'recurse')!;
    expect(recurse.reasons).toEqual(['referenced only from its own body (1 self-reference)', 'not exported (+0.15)']);
  });

  it('spares every kind of entry point', async () => {
    const { out } = await dead(project, { min_confidence: 0, top_n: 200 });
    const names = out.results.map((r) => r.qualified_name);
    for (const entry of [
      'main', // symbol named main
      'listed', // in __all__
      'Model.__repr__', // dunder
      'handler', 'fix', // @app.route, @pytest.fixture
      'Service.toString', 'Service.testIt', // @Override, @Test
      'init', // Go init
      'Square.area', 'Shape.area', // overrides, and the overridden abstract method
      'Square.constructor', 'Square.side', // constructor; parameter property used through this.side
      'Sized.size', 'Sized.grow', // interface members: a contract
    ]) expect(names).not.toContain(entry);
    const { out: files } = await dead(project, { level: 'file', min_confidence: 0 });
    const paths = files.results.map((r) => r.file_path);
    for (const entry of ['pkg/__main__.py', 'pkg/__init__.py', 'src/main.ts', 'src/lib/index.ts', 'test/lib.test.ts']) expect(paths).not.toContain(entry);
  });

  it('names each confidence factor in the reasons', async () => {
    const { out } = await dead(project, { min_confidence: 0, top_n: 200 });
    const by = (q: string) => out.results.find((r) => r.qualified_name === q)!.reasons;
    expect(by('unusedExport')).toEqual(['never called or referenced', 'exported or public: may be used from outside the project (−0.2)']);
    expect(by('nameMatched')).toEqual([
      'never called or referenced', 'exported or public: may be used from outside the project (−0.2)',
      "1 unresolved reference to the name 'nameMatched' (obj.nameMatched or a free name) may mean it (−0.2)",
    ]);
    expect(by('_unused')).toEqual(['never called or referenced', 'private name (+0.15)']);
    expect(by('cached')).toEqual([
      'never called or referenced', 'exported or public: may be used from outside the project (−0.2)', 'decorated with @functools.lru_cache (−0.2)',
    ]);
    expect(by('indexOnly')).toEqual([
      'never called or referenced', 'exported or public: may be used from outside the project (−0.2)', 'defined in a package index file (−0.3)',
    ]);
  });

  it('filters by min_confidence (default 0.5) and cuts to top_n', async () => {
    const { out: byDefault } = await dead(project, {});
    expect(brief(byDefault.results)).toEqual(ALL_DEAD.filter((l) => Number(l.slice(0, 4)) >= 0.5));
    const { out, text } = await dead(project, { min_confidence: 0.8, top_n: 2 });
    expect(brief(out.results)).toEqual(ALL_DEAD.slice(0, 2));
    expect(out.total_candidates).toBe(6);
    expect(out.truncated).toMatchObject({ shown: 2, total: 6, by: 'limit' });
    expect(text.split('\n').slice(0, 9)).toEqual([
      'Dead symbols detected (2 results):',
      '',
      '   1. [0.85] function unused',
      '      internal/util/util.go:4',
      '      Reason: never called or referenced; not exported (+0.15)',
      '   2. [0.85] function _unused',
      '      pkg/core.py:12',
      '      Reason: never called or referenced; private name (+0.15)',
      '… 4 more not shown (top_n=2); raise top_n or narrow scope.',
    ]);
    const { out: clamped } = await dead(project, { min_confidence: 7, top_n: 1000 });
    expect(clamped.results).toEqual([]);
    expect(clamped.notes).toContain('min_confidence=7 is out of range; clamped to 1.');
    expect(clamped.notes).toContain('top_n=1000 is out of range; clamped to 200.');
  });

  it('honours scope and the user entry_points (names, qualified names, symbol ids, paths)', async () => {
    const { out } = await dead(project, { scope: 'src/lib/', min_confidence: 0 });
    expect(brief(out.results)).toEqual(ALL_DEAD.filter((l) => l.includes(' src/lib/')));
    const { out: spared } = await dead(project, {
      min_confidence: 0, top_n: 200, entry_points: ['unused', 'Model._dead_method', 'src/lib/helpers.ts#recurse', 'src/main/java/', './src/shapes.ts'],
    });
    expect(brief(spared.results)).toEqual(ALL_DEAD.filter((l) => !/ unused |_dead_method|recurse|java|shapes/.test(l)));
    const { text } = await dead(project, { scope: 'pkg', min_confidence: 0.9 });
    expect(text.split('\n')[0]).toBe('No dead symbols detected in pkg/.');
  });

  it('is deterministic, and the whole-repository usage table agrees with the per-name one', async () => {
    const a = await dead(project, { min_confidence: 0, top_n: 200 });
    const b = await dead(project, { min_confidence: 0, top_n: 200 });
    expect(b.out.results).toEqual(a.out.results);
    const all = [...project.store.symbolsByFile().values()].flat();
    const names = new Set(all.map((s) => s.name));
    const partial = usageTable(project, { key: 'test', names: () => names });
    const whole = usageTable(project);
    expect(whole).not.toBe(partial);
    for (const s of all) expect(whole.of(s), s.symbol_id).toEqual(partial.of(s));
  });

  it('refuses a bad level and a missing scope with typed errors', async () => {
    const bad = await invoke(operationNamed('dead_code')!, project, { level: 'package' });
    expect(bad.ok ? undefined : bad.error.code).toBe('invalid_argument');
    const missing = await invoke(operationNamed('dead_code')!, project, { scope: 'no/such/dir' });
    expect(missing.ok ? undefined : missing.error.code).toBe('not_found');
    const outside = await invoke(operationNamed('dead_code')!, project, { scope: '../..' });
    expect(outside.ok ? undefined : outside.error.code).toBe('invalid_argument');
    const { out } = await dead(project, { level: 'FILE' });
    expect(out.level).toBe('file');
  });
});

describe('dead_code, language rules', () => {
  it('spares what a language calls by itself and binds what it declares apart', async () => {
    const root = makeRepo({
      'include/shape.hpp': 'namespace geo {\nclass Circle {\npublic:\n  double area() const;\nprivate:\n  double r_;\n};\n}\n',
      'src/shape.cpp': '#include "../include/shape.hpp"\nnamespace geo {\ndouble Circle::area() const { return r_ * r_; }\n}\n',
      'src/main.cpp': '#include "../include/shape.hpp"\nint main() { geo::Circle c; return (int)c.area(); }\n',
      'go.mod': 'module example.com/g\n\ngo 1.21\n',
      'label/label.go': 'package label\ntype Label struct{}\nfunc (l Label) String() string { return "" }\nfunc (l Label) unusedHelper() int { return 0 }\n',
      'lua/vec.lua': 'local Vec = {}\nfunction Vec.__add(a, b) return a end\nreturn Vec\n',
      'src/main/java/app/Launcher.java': 'package app;\npublic class Launcher { public static void main(String[] args) {} }\n',
      'rust/src/lib.rs': 'mod money;\n',
      'rust/src/money.rs': 'use std::ops::Add;\nstruct Money(i64);\nimpl Add for Money {\n    type Output = Money;\n    fn add(self, o: Money) -> Money { Money(self.0 + o.0) }\n}\nfn _spare() {}\n',
    });
    const project = await openIndexed(root);
    const { out } = await dead(project, { min_confidence: 0, top_n: 200 });
    // Spared: Label.String (a Go standard interface method), Vec.__add (a Lua metamethod), Launcher
    // (holds main), Money.add and Money.Output (a trait impl), the namespace geo; bound: geo.Circle
    // through the namespace of an included header, r_ through the header declaring the class of an
    // out-of-class method. c.area() on a local of unknown type stays a name match.
    expect(brief(out.results)).toEqual([
      '0.85 method Label.unusedHelper label/label.go:4',
      '0.85 function _spare rust/src/money.rs:7',
      '0.65 method geo.Circle.area include/shape.hpp:4',
      '0.50 struct Label label/label.go:2',
      '0.30 method geo.Circle.area src/shape.cpp:3',
    ]);
    await project.close();
    removeDir(root);
  });
});

describe('dead_code, file and module levels', () => {
  let root: string;
  let project: Project;

  beforeAll(async () => {
    root = makeRepo({
      'package.json': JSON.stringify({ name: 'fx', main: 'src/main.ts', scripts: { build: 'node scripts/build.js --fast' } }),
      'pyproject.toml': '[project]\nname = "fx"\n',
      'setup.py': 'from setuptools import setup\nsetup()\n',
      'src/main.ts': "import { load } from './loader';\nload('a');\n",
      'src/loader.ts': 'export async function load(name: string) { return import(`./plugins/${name}`); }\n',
      'src/plugins/alpha.ts': 'export const alpha = 1;\n',
      'src/orphan.ts': 'export const lonely = 1;\n',
      'src/unused.ts': "import { load } from './loader';\nexport const x = load;\n",
      'src/index.ts': 'export const api = 1;\n',
      'src/legacy/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/legacy/b.ts': 'export const b = 2;\n',
      'src/legacy/deep/c.ts': "import { a } from '../a';\nexport const c = a;\n",
      'scripts/tool.py': '#!/usr/bin/env python3\nprint("hi")\n',
      'scripts/guarded.py': 'def run():\n    return 1\n\nif __name__ == "__main__":\n    run()\n',
      'scripts/build.js': 'console.log("build");\n',
      'pkg/__init__.py': '',
      'pkg/loader.py': 'import importlib\n\ndef plugin(n):\n    return importlib.import_module("pkg.plugins." + n)\n',
      'pkg/plugins/__init__.py': '',
      'pkg/plugins/beta.py': 'VALUE = 1\n',
      'native/util.h': 'int util_fn(void);\n',
      'native/util.c': '#include "util.h"\nint util_fn(void) { return 1; }\n',
      'native/main.c': '#include "util.h"\nint main(void) { return util_fn(); }\n',
      'tests/test_loader.py': 'from pkg.loader import plugin\n\ndef test_plugin():\n    assert plugin\n',
      'docs/notes.md': '# notes\n',
    });
    project = await openIndexed(root);
  });
  afterAll(async () => {
    await project.close();
    removeDir(root);
  });

  it('reports code files nothing imports, sparing entry files; runnable files and dynamic-import targets are less certain', async () => {
    const { out, text } = await dead(project, { level: 'file', min_confidence: 0 });
    expect(out.results.map((r) => [r.confidence, r.file_path, r.reasons])).toEqual([
      [0.7, 'src/legacy/deep/c.ts', ['no file imports it']],
      [0.7, 'src/orphan.ts', ['no file imports it', 'also has no imports (orphan)']],
      [0.7, 'src/unused.ts', ['no file imports it']],
      [0.4, 'pkg/plugins/beta.py', ['no file imports it', "a dynamic import of 'pkg.plugins.…' (pkg/loader.py:4) may load it (−0.3)", 'also has no imports (orphan)']],
      [0.4, 'scripts/build.js', ['no file imports it', 'looks runnable: named by package.json script "build" (package.json) (−0.3)', 'also has no imports (orphan)']],
      [0.4, 'scripts/guarded.py', ['no file imports it', 'looks runnable: has a __main__ guard (−0.3)', 'also has no imports (orphan)']],
      [0.4, 'scripts/tool.py', ['no file imports it', 'looks runnable: has a shebang line (−0.3)', 'also has no imports (orphan)']],
      [0.4, 'src/plugins/alpha.ts', ['no file imports it', "a dynamic import of './plugins/…' (src/loader.ts:1) may load it (−0.3)", 'also has no imports (orphan)']],
    ]);
    expect(out.results.find((r) => r.file_path === 'src/unused.ts')).toMatchObject({ kind: 'file', name: 'unused.ts', line: 1, end_line: 2, symbols: 1, dependencies: 1 });
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Dead files detected (8 results):',
      '',
      '   1. [0.70] file src/legacy/deep/c.ts',
      '      1 symbols, 1 dependencies',
      '      Reason: no file imports it',
      '   2. [0.70] file src/orphan.ts',
      '      1 symbols, 0 dependencies',
      '      Reason: no file imports it; also has no imports (orphan)',
    ]);
  });

  it('records a computed specifier as a prefix without making an edge from it', () => {
    const loader = project.store.file('src/loader.ts')!;
    expect(project.store.importsOfFile(loader.id)).toEqual([{ specifier: './plugins/', line: 1, kind: 'dynamic', bindings: [], form: 'prefix' }]);
    expect(project.store.edgesFrom('src/loader.ts')).toEqual([]);
    const pyLoader = project.store.file('pkg/loader.py')!;
    expect(project.store.importsOfFile(pyLoader.id).map((r) => [r.specifier, r.kind, r.form])).toEqual([['importlib', 'import', undefined], ['pkg.plugins.', 'dynamic', 'prefix']]);
  });

  it('reports directories nothing outside imports; one inside a reported one only when more certainly dead', async () => {
    const { out, text } = await dead(project, { level: 'module', min_confidence: 0 });
    expect(out.results.map((r) => [r.confidence, r.file_path, r.files, r.reasons])).toEqual([
      [0.7, 'src/legacy', 3, ['no file outside src/legacy/ imports any of its 3 code files']],
      [0.4, 'native', 3, ['no file outside native/ imports any of its 3 code files', 'contains an entry point: native/main.c (entry file name) (−0.3)']],
      [0.4, 'scripts', 3, ['no file outside scripts/ imports any of its 3 code files', 'contains an entry point: scripts/build.js (named by package.json script "build" (package.json)) (−0.3)']],
      [0.4, 'src', 9, ['no file outside src/ imports any of its 9 code files', 'contains an entry point: src/index.ts (entry file name) (−0.3)']],
      [0.1, 'pkg/plugins', 2, [
        'no file outside pkg/plugins/ imports any of its 2 code files', 'contains an entry point: pkg/plugins/__init__.py (entry file name) (−0.3)',
        "a dynamic import of 'pkg.plugins.…' (pkg/loader.py:4) may load its files (−0.3)",
      ]],
    ]);
    expect(text.split('\n').slice(2, 4)).toEqual([
      '   1. [0.70] module src/legacy/ … 3 files, 3 symbols',
      '      Reason: no file outside src/legacy/ imports any of its 3 code files',
    ]);
    const { out: scoped } = await dead(project, { level: 'module', scope: 'src/legacy' });
    expect(scoped.results.map((r) => r.file_path)).toEqual(['src/legacy']);
    const { text: none } = await dead(project, { level: 'module', scope: 'pkg' });
    expect(none.split('\n')[0]).toBe('No dead modules detected in pkg/.');
  });
});

describe('dead_code, after edits', () => {
  it('patches the whole usage table into the next generation, equal to one built from scratch', async () => {
    const root = makeRepo({
      'src/a.ts': 'export function used() { return 1; }\nexport function later() { return 2; }\nfunction _gone() { return 3; }\n',
      'src/b.ts': "import { used } from './a';\nexport const b = used();\n",
      'src/c.ts': "import { used } from './a';\nexport const c = used();\n",
      'src/shape.ts': 'export class Shape { area() { return 0; } }\n',
      'src/square.ts': "import { Shape } from './shape';\nexport class Square extends Shape { size() { return this.area(); } }\n",
    });
    const project = await openIndexed(root);
    const before = usageTable(project);
    writeFiles(root, {
      'src/b.ts': "import { used, later } from './a';\nexport const b = used() + later();\n",
      'src/d.ts': 'function _fresh() { return 4; }\nexport const d = _fresh;\n',
      'src/square.ts': "import { Shape } from './shape';\nexport class Square extends Shape { size() { return 1; } }\n",
    });
    removeDir(`${root}/src/c.ts`);
    await project.notify(['src/b.ts', 'src/c.ts', 'src/d.ts', 'src/square.ts']);
    const patched = usageTable(project);
    expect(patched).toBe(before);
    const fresh = await openIndexed(root);
    const byId = (p: Project, table: ReturnType<typeof usageTable>) =>
      Object.fromEntries([...p.store.symbolsByFile().values()].flat().map((s) => [s.symbol_id, table.of(s)]));
    expect(byId(project, patched)).toEqual(byId(fresh, usageTable(fresh)));
    expect(byId(project, patched)['src/a.ts#later']).toEqual({ resolved: 2, self: 0, name_matches: 0 });
    expect(byId(project, patched)['src/shape.ts#Shape.area']).toEqual({ resolved: 0, self: 0, name_matches: 0 });
    expect((await dead(project, { min_confidence: 0 })).out.results).toEqual((await dead(fresh, { min_confidence: 0 })).out.results);
    await project.close();
    await fresh.close();
    removeDir(root);
  });
});

describe('dead_code, git age', () => {
  let root: string;
  let project: Project;

  beforeAll(async () => {
    root = makeRepo({ 'old.py': 'def _old():\n    return 1\n', 'new.py': 'def _new():\n    return 1\n' });
    const commit = (date: string, message: string) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', message], {
      cwd: root, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '-A'], { cwd: root });
    commit('2020-01-01T00:00:00Z', 'old');
    writeFiles(root, { 'new.py': 'def _new():\n    return 2\n' });
    execFileSync('git', ['add', '-A'], { cwd: root });
    commit(new Date().toISOString(), 'recent');
    project = await openIndexed(root);
  });
  afterAll(async () => {
    await project.close();
    removeDir(root);
  });

  it('adds 0.1 to what git has left alone for 180 days', async () => {
    const { out } = await dead(project, { min_confidence: 0 });
    expect(out.results.map((r) => [r.confidence, r.qualified_name, r.reasons])).toEqual([
      [0.95, '_old', ['never called or referenced', 'private name (+0.15)', 'file unchanged in git for 180+ days (+0.1)']],
      [0.85, '_new', ['never called or referenced', 'private name (+0.15)']],
    ]);
    expect(out.notes).toBeUndefined();
    const { out: files } = await dead(project, { level: 'file', min_confidence: 0 });
    expect(files.results.map((r) => [r.confidence, r.file_path])).toEqual([[0.8, 'old.py'], [0.7, 'new.py']]);
  });
});
