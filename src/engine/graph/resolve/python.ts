// Python import resolver. Relative imports (`.`, `..pkg.mod`) resolve from the importing file's
// package; absolute ones against the source roots (project root, `src/`, each pyproject.toml's
// directory, its `src/` and its setuptools `where` dirs, then the importing file's directory).
// `from pkg import name` prefers the submodule `pkg/name.py`, else the package's `__init__.py`.
import type { ImportRecord } from '../../model.js';
import { fileIndex, firstFile, manifests } from './project.js';
import { dirname, join } from './paths.js';
import { resolveRecords, type Sink } from './result.js';
import { tomlStrings, tomlTables } from './toml.js';
import type { LanguageResolver, ProjectView } from './types.js';

export const PYTHON_INPUTS = ['pyproject.toml'] as const;

/** Top-level module name: `os.path` → `os`. */
export function pythonPackageName(specifier: string): string {
  return specifier.replace(/^\.+/, '').split('.')[0] ?? specifier;
}

/** A module found on disk: its file (module or `__init__`), and its directory when it is a package. */
interface Module { file?: string; pkgDir?: string }

function findModule(view: ProjectView, base: string | undefined): Module | undefined {
  if (base === undefined) return undefined;
  const init = base === '' ? undefined : firstFile(view, [`${base}/__init__.py`, `${base}/__init__.pyi`]);
  if (init) return { file: init, pkgDir: base };
  const file = base === '' ? undefined : firstFile(view, [`${base}.py`, `${base}.pyi`]);
  if (file) return { file };
  return fileIndex(view).dirsContaining('.py').has(base) ? { pkgDir: base } : undefined;
}

function pyprojectRoots(view: ProjectView): string[] {
  const roots: string[] = [];
  for (const path of manifests(view, 'pyproject.toml')) {
    const dir = dirname(path);
    roots.push(dir, join(dir, 'src')!);
    const find = tomlTables(view.readText(path) ?? '').find((t) => t.name === 'tool.setuptools.packages.find');
    for (const where of tomlStrings(find?.values.get('where'))) {
      const root = join(dir, where);
      if (root !== undefined) roots.push(root);
    }
  }
  return roots;
}

export function createPythonResolver(): LanguageResolver {
  let configured: string[] | undefined;

  function roots(view: ProjectView, from: string): string[] {
    configured ??= pyprojectRoots(view);
    return [...new Set(['', 'src', ...configured, dirname(from)])];
  }

  function locate(view: ProjectView, from: string, spec: string): Module | 'external' | undefined {
    const dots = /^\.*/.exec(spec)![0].length;
    const rest = spec.slice(dots).replace(/\./g, '/');
    if (dots > 0) {
      const pkg = join(dirname(from), '../'.repeat(dots - 1));
      return pkg === undefined ? undefined : findModule(view, join(pkg, rest));
    }
    const found = roots(view, from).map((r) => findModule(view, join(r, rest)));
    const module = found.find((m) => m?.file) ?? found.find(Boolean);
    if (module) return module;
    const top = pythonPackageName(spec);
    return roots(view, from).some((r) => findModule(view, join(r, top))) ? undefined : 'external';
  }

  function resolveOne(view: ProjectView, from: string, record: ImportRecord, sink: Sink): void {
    const module = locate(view, from, record.specifier);
    if (module === 'external') return sink.external(pythonPackageName(record.specifier));
    if (!module) return sink.unresolved();
    const names = record.bindings.map((b) => b.imported).filter((n) => n !== '*');
    if (names.length === 0 || module.pkgDir === undefined) {
      return module.file ? sink.edge(module.file) : sink.unresolved();
    }
    for (const name of names) {
      const target = findModule(view, join(module.pkgDir, name))?.file ?? module.file;
      if (target) sink.edge(target);
    }
  }

  return {
    inputs: PYTHON_INPUTS,
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => resolveOne(view, from, record, sink)),
  };
}
