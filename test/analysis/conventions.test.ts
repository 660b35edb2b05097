// conventions: per-language statistics (TypeScript camelCase with JSDoc and typed parameters,
// Python snake_case with docstrings), a divergent directory, scoped comparison, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseClasses, namingStyle } from '../../src/engine/analysis/conventions.js';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

type Stats = Record<string, unknown> & {
  files: number; total_functions: number; has_docstring_fn: number; naming: Record<string, Record<string, number>>;
};
type Out = {
  sample_size: number; path: string; files_analyzed: number; languages: string[]; stats: Stats;
  by_language: Record<string, Stats>; tests: Record<string, { count: number; frameworks: string[]; patterns: Array<{ pattern: string; files: number }> }>;
  dir_stats: Record<string, Stats>;
  divergence: Array<{ dir: string; language: string; metric: string; dir_value: number; project_value: number }>;
};

const documented = (name: string, importLine = '') => `${importLine}/** Does ${name}. */\nexport function ${name}(input: string): string {\n  return input;\n}\n`;

function repoFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{"name":"conv","devDependencies":{"vitest":"1.0.0"}}',
    'lib/app-error.ts': [
      '/** Root error. */', 'export class AppError extends Error {}', '/** Missing thing. */', 'export class NotFoundError extends AppError {}',
      '/** Makes an error. */', 'export function makeError(message: string): AppError {', '  return new AppError(message);', '}', '',
    ].join('\n'),
    'src/read-value.test.ts': "import { it } from 'vitest';\nimport { readValue1 } from './read-value-1';\nit('reads', () => readValue1('x'));\n",
    'py/models.py': [
      '"""Models."""', 'from dataclasses import dataclass', 'from .base import Base', '', '__all__ = ["Point", "make_point"]', '', '',
      '@dataclass(frozen=True, slots=True)', 'class Point(Base):', '    """A point."""', '    x: int', '    y: int', '',
      '    @staticmethod', '    def origin() -> "Point":', '        """Origin."""', '        return Point(0, 0)', '',
      '    @property', '    def norm_sq(self) -> int:', '        """Squared norm."""', '        return self.x * self.x + self.y * self.y', '', '',
      'def make_point(x: int, y: int) -> Point:', '    """Make a point."""', '    return Point(x, y)', '',
    ].join('\n'),
    'py/base.py': [
      'import abc', '', '', 'class Base(abc.ABC):', '    """Base."""', '', '', 'class AppError(Exception):', '    """Root error."""', '', '',
      'class NotFound(AppError):', '    """Missing."""', '', '', 'async def fetch_value(key: str) -> str:', '    """Fetch."""', '    return key', '',
    ].join('\n'),
    'py/util.py': 'import os\n\n\ndef join_path(a, b):\n    return os.path.join(a, b)\n',
    'docs/README.md': '# docs\n',
  };
  for (let i = 1; i <= 6; i++) files[`src/read-value-${i}.ts`] = documented(`readValue${i}`, i === 1 ? "import { makeError } from '../lib/app-error';\n" : '');
  for (let i = 1; i <= 5; i++) files[`lib/load-item-${i}.ts`] = documented(`loadItem${i}`);
  for (let i = 1; i <= 3; i++) {
    files[`legacy/old-thing-${i}.ts`] = `${i === 1 ? "const helper = require('../lib/app-error');\n" : ''}export function oldThing${i}(input) {\n  return input;\n}\n`;
  }
  return files;
}

let root: string;
let project: Project;
beforeAll(async () => {
  root = makeRepo(repoFiles());
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

async function conventions(args: Record<string, unknown> = {}): Promise<{ out: Out; text: string }> {
  const res = await invoke(operationNamed('conventions')!, project, args);
  if (!res.ok) throw res.error;
  return { out: res.output as unknown as Out, text: res.text };
}

describe('naming and class-header helpers', () => {
  it('classifies naming styles, leading underscores ignored', () => {
    expect(['parse_file', 'parseFile', 'ParseFile', 'MAX_SIZE', 'parse', '_private_thing', 'HTTPServer', 'snake_Mixed'].map((n) => namingStyle(n, 'function')))
      .toEqual(['snake_case', 'camelCase', 'PascalCase', 'UPPER_CASE', 'lowercase', 'snake_case', 'PascalCase', 'other']);
    expect(['file-analysis.ts', 'file_analysis.py', 'FileAnalysis.java', 'index.test.ts'].map((n) => namingStyle(n, 'file')))
      .toEqual(['kebab-case', 'snake_case', 'PascalCase', 'lowercase']);
  });

  it('reads base classes from class headers of several languages', () => {
    expect(baseClasses('class Point(Base, metaclass=ABCMeta)', 'python')).toEqual(['Base']);
    expect(baseClasses('class P(object)', 'python')).toEqual([]);
    expect(baseClasses('export class A<T> extends React.Component<Props> implements B, C<T>', 'typescript')).toEqual(['React.Component', 'B', 'C']);
    expect(baseClasses('public class Repo extends Base<User> implements Closeable', 'java')).toEqual(['Base', 'Closeable']);
    expect(baseClasses('class Store(val db: Db) : Base(db), Closeable', 'kotlin')).toEqual(['Base', 'Closeable']);
    expect(baseClasses('public class Repo : IRepo<User>, IDisposable', 'csharp')).toEqual(['IRepo', 'IDisposable']);
    expect(baseClasses('class Widget : public QObject, private Helper', 'cpp')).toEqual(['QObject', 'Helper']);
    expect(baseClasses('class User < ApplicationRecord', 'ruby')).toEqual(['ApplicationRecord']);
    expect(baseClasses('class Svc extends Base with Logging', 'scala')).toEqual(['Base', 'Logging']);
  });
});

describe('conventions, project-wide', () => {
  it('reports TypeScript and Python separately, dominant language first', async () => {
    const { out } = await conventions();
    expect(out.files_analyzed).toBe(19);
    expect(out.languages).toEqual(['typescript', 'python']);
    const ts = out.by_language.typescript!;
    expect(ts).toMatchObject({
      files: 16, total_functions: 15, camel_names: 15, snake_names: 0, has_docstring_fn: 12, total_classes: 2, has_docstring_cls: 2,
      total_imports: 4, esm_imports: 3, cjs_imports: 1, named_imports: 3, relative_imports: 3, private_functions: 0,
      base_classes: { AppError: 1, Error: 1 },
      exception_classes: [{ name: 'AppError', bases: ['Error'] }, { name: 'NotFoundError', bases: ['AppError'] }],
    });
    expect(ts.naming).toEqual({ function: { camelCase: 15 }, class: { PascalCase: 2 }, variable: { lowercase: 1 }, file: { 'kebab-case': 16 } });
    const py = out.by_language.python!;
    expect(py).toMatchObject({
      files: 3, total_functions: 5, snake_names: 4, camel_names: 0, has_docstring_fn: 4, total_classes: 4, has_docstring_cls: 4,
      total_imports: 4, from_imports: 2, plain_imports: 2, relative_imports: 1, all_exports_count: 1, abstract_count: 1,
      base_classes: { AppError: 1, Base: 1, 'abc.ABC': 1, Exception: 1 },
      exception_classes: [{ name: 'AppError', bases: ['Exception'] }, { name: 'NotFound', bases: ['AppError'] }],
    });
    expect(py.naming.function).toEqual({ snake_case: 4, lowercase: 1 });
    expect(out.tests.typescript).toEqual({ count: 1, frameworks: ['vitest'], patterns: [{ pattern: '*.test.ts', files: 1 }] });
    expect(out.stats).toMatchObject({ files: 19, total_functions: 20, total_classes: 6 });
  });

  it('renders one block per language with attocode\'s sections', async () => {
    const { text } = await conventions();
    expect(text).toContain('Conventions detected across 19 files (typescript 16, python 3):');
    expect(text).toContain('typescript (16 files):\n  Naming: functions 100% camelCase of 15; classes 100% PascalCase of 2; '
      + 'top-level variables all single-word lowercase (1); files 100% kebab-case of 16');
    expect(text).toContain('  Docstrings: 80% of functions, 100% of classes');
    expect(text).toContain('  Imports: 75% ES modules, 25% CommonJS; 3 named, 0 default, 0 namespace; 0 import type; 75% relative, 0% path aliases (4 imports)');
    expect(text).toContain('  Error hierarchy:\n    AppError (Error) ← NotFoundError');
    expect(text).toContain('  Tests: 1 file, vitest; naming *.test.ts (1)');
    expect(text).toContain('python (3 files):\n  Naming: functions 100% snake_case of 4 (+1 single-word lowercase); classes 100% PascalCase of 4');
    expect(text).toContain("  Imports: 50% use 'from X import Y' style, 25% relative; __all__ in 1 file");
    expect(text).toContain('    abstract classes: 1');
    expect(text).toContain('    AppError (Exception) ← NotFound');
    expect(text).toMatch(/Module size: avg \d+ lines, median \d+ lines \(3 files\)/);
  });

  it('lists the divergent directory, not the ones within 20 points', async () => {
    const { out, text } = await conventions();
    expect(Object.keys(out.dir_stats)).toEqual(['legacy', 'lib', 'py', 'src']);
    // TypeScript documentation: 12 of 15 functions project-wide (80 %); src/ and lib/ 100 % (20 points, not more); legacy/ 0 %.
    expect(out.divergence.filter((d) => d.metric === 'documented_functions')).toEqual([
      { dir: 'legacy/', language: 'typescript', metric: 'documented_functions', dir_value: 0, project_value: 80 },
    ]);
    expect(text).toContain('Convention divergence:\n  legacy/ (typescript): parameters typed 0% vs 80% project-wide\n'
      + '  legacy/ (typescript): functions documented 0% vs 80% project-wide');
  });

  it('measures type annotations where they are optional (needs the extractor\'s typed_params/return_type/decorators/is_async)', async () => {
    const { out, text } = await conventions();
    expect(out.by_language.typescript).toMatchObject({ typed_functions: 15, typed_return: 12, typed_params: 12, total_params: 15 });
    // The receiver `self` of norm_sq is not counted; join_path's two parameters are untyped.
    expect(out.by_language.python).toMatchObject({
      typed_functions: 5, typed_return: 4, typed_params: 3, total_params: 5, async_count: 1,
      staticmethod_count: 1, property_count: 1, dataclass_count: 1, dataclass_slots: 1, dataclass_frozen: 1,
    });
    expect(out.divergence).toContainEqual({ dir: 'legacy/', language: 'typescript', metric: 'typed_params', dir_value: 0, project_value: 80 });
    expect(text).toContain('  Type hints: 80% functions have return types\n    80% parameters have type annotations (12/15)');
    expect(text).toContain('    dataclasses: 1 (1 slots=True, 1 frozen=True)');
  });
});

describe('conventions, scoped', () => {
  it('compares a scope with the project (more than 10 points)', async () => {
    const { out, text } = await conventions({ path: 'legacy/' });
    expect(out.path).toBe('legacy');
    expect(out.files_analyzed).toBe(3);
    expect(out.divergence.filter((d) => d.metric === 'documented_functions')).toEqual([
      { dir: 'legacy', language: 'typescript', metric: 'documented_functions', dir_value: 0, project_value: 80 },
    ]);
    expect(text).toContain("Conventions detected across 3 files in 'legacy' (typescript 3):");
    expect(text).toContain('Compared with project-wide conventions:\n  legacy (typescript): parameters typed 0% vs 80% project-wide\n'
      + '  legacy (typescript): functions with return types 0% vs 80% project-wide\n'
      + '  legacy (typescript): functions documented 0% vs 80% project-wide');
  });

  it('says when a scope matches the project', async () => {
    const { out, text } = await conventions({ path: 'py' });
    expect(out.divergence).toEqual([]);
    expect(text).toContain('(Matches project-wide conventions.)');
  });

  it('samples the most important files first', async () => {
    const { out } = await conventions({ sample_size: 2 });
    expect(out.files_analyzed).toBe(2);
    expect(out.sample_size).toBe(2);
    // The two imported files rank first: lib/app-error.ts (2 classes) and py/base.py (3 classes); ties of languages by name.
    expect(out.languages).toEqual(['python', 'typescript']);
    expect([out.by_language.python!.total_classes, out.by_language.typescript!.total_classes]).toEqual([3, 2]);
  });

  it('succeeds with a message for a directory without parsed files', async () => {
    const { out, text } = await conventions({ path: 'docs' });
    expect(out.files_analyzed).toBe(0);
    expect(text.split('\n')[0]).toBe("No parsed files found in 'docs'.");
  });
});

describe('conventions, bad input', () => {
  it('gives not_found for a missing directory and invalid_argument outside the root', async () => {
    const missing = await invoke(operationNamed('conventions')!, project, { path: 'nope' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    const outside = await invoke(operationNamed('conventions')!, project, { path: '../..' });
    expect(outside.ok ? 'ok' : outside.error.code).toBe('invalid_argument');
    const clamped = await invoke(operationNamed('conventions')!, project, { sample_size: 0 });
    expect(clamped.ok && (clamped.output.notes as string[])).toContain('sample_size=0 is out of range; clamped to 1.');
  });
});
