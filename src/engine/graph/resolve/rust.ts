// Rust import resolver over the module tree. `mod x;` → `x.rs` / `x/mod.rs` in the declaring
// module's directory; `use` paths walk from an anchor (`crate`, `self`, `super`, a workspace crate
// by name, or a child module of the current one) through existing module files, stopping at the
// first segment that is an item; then each binding (`C`, `c::D`) continues the walk. The
// extractor puts all but the last segment in the specifier (`crate::a::b` + binding C); a full
// path (`crate::a::b::C`) resolves the same way.
import type { ImportRecord } from '../../model.js';
import { firstFile, manifests } from './project.js';
import { ancestors, basename, dirname, join } from './paths.js';
import { resolveRecords, type Sink } from './result.js';
import { tomlStrings, tomlTables } from './toml.js';
import type { LanguageResolver, ProjectView } from './types.js';

export const RUST_INPUTS = ['Cargo.toml'] as const;

/** The crate a path names: `std::io` → `std`, `::serde::de` → `serde`. */
export function rustPackageName(specifier: string): string {
  return specifier.replace(/^::/, '').split('::')[0] ?? specifier;
}

/** Files named like this, or directly inside such a directory, are crate roots. */
const ROOT_NAMES: ReadonlySet<string> = new Set(['lib.rs', 'main.rs', 'build.rs']);
const ROOT_DIRS: ReadonlySet<string> = new Set(['bin', 'tests', 'examples', 'benches']);

interface Crates {
  /** Crates by library name (hyphens as underscores) → library root file. */
  libs: Map<string, string>;
  /** `[lib] path` and `[[bin]] path` files. */
  declaredRoots: Set<string>;
}

function loadCrates(view: ProjectView): Crates {
  const crates: Crates = { libs: new Map(), declaredRoots: new Set() };
  for (const manifest of manifests(view, 'Cargo.toml')) {
    const dir = dirname(manifest);
    const tables = tomlTables(view.readText(manifest) ?? '');
    const value = (table: string, key: string) => tomlStrings(tables.find((t) => t.name === table)?.values.get(key))[0];
    const libPath = value('lib', 'path');
    const lib = join(dir, libPath ?? 'src/lib.rs');
    if (libPath !== undefined && lib !== undefined) crates.declaredRoots.add(lib);
    for (const bin of tables.filter((t) => t.name === 'bin')) {
      const path = tomlStrings(bin.values.get('path'))[0];
      const file = path === undefined ? undefined : join(dir, path);
      if (file !== undefined) crates.declaredRoots.add(file);
    }
    const name = value('lib', 'name') ?? value('package', 'name');
    if (name !== undefined && lib !== undefined) {
      const key = name.replace(/-/g, '_');
      if (!crates.libs.has(key)) crates.libs.set(key, lib);
    }
  }
  return crates;
}

export function createRustResolver(): LanguageResolver {
  let loaded: Crates | undefined;
  const crates = (view: ProjectView): Crates => (loaded ??= loadCrates(view));

  const isCrateRoot = (view: ProjectView, file: string): boolean =>
    ROOT_NAMES.has(basename(file)) || ROOT_DIRS.has(basename(dirname(file))) || crates(view).declaredRoots.has(file);

  /** Directory holding a module's children: `src/` for lib.rs and a/mod.rs's `src/a/`, `src/a/` for src/a.rs. */
  const moduleDir = (view: ProjectView, file: string): string =>
    isCrateRoot(view, file) || basename(file) === 'mod.rs' ? dirname(file) : file.slice(0, -'.rs'.length);

  const childModule = (view: ProjectView, file: string, name: string): string | undefined => {
    const dir = moduleDir(view, file);
    return firstFile(view, [join(dir, `${name}.rs`), join(dir, name, 'mod.rs')]);
  };

  /** The crate root above a file: nearest lib.rs, main.rs or declared root in an ancestor directory. */
  function crateRoot(view: ProjectView, file: string): string | undefined {
    if (isCrateRoot(view, file)) return file;
    const declared = [...crates(view).declaredRoots];
    for (const dir of ancestors(dirname(file))) {
      const found = firstFile(view, [join(dir, 'lib.rs'), join(dir, 'main.rs'), ...declared.filter((r) => dirname(r) === dir)]);
      if (found) return found;
    }
    return undefined;
  }

  function parentModule(view: ProjectView, file: string): string | undefined {
    if (isCrateRoot(view, file)) return undefined;
    const declDir = basename(file) === 'mod.rs' ? dirname(dirname(file)) : dirname(file);
    const root = crateRoot(view, file);
    if (root !== undefined && dirname(root) === declDir) return root;
    return firstFile(view, [join(declDir, 'mod.rs'), declDir === '' ? undefined : `${declDir}.rs`]);
  }

  /** Where a `use` path starts and which segments remain; 'external' for other crates. */
  function anchor(view: ProjectView, from: string, segs: string[]): { file?: string; rest: string[] } | 'external' {
    const first = segs[0] ?? '';
    if (first === 'crate') return { file: crateRoot(view, from), rest: segs.slice(1) };
    if (first === 'self') return { file: from, rest: segs.slice(1) };
    if (first === 'super') {
      let file: string | undefined = from;
      let i = 0;
      for (; segs[i] === 'super' && file !== undefined; i++) file = parentModule(view, file);
      return { file, rest: segs.slice(i) };
    }
    const lib = crates(view).libs.get(first);
    if (lib !== undefined && view.files.has(lib)) return { file: lib, rest: segs.slice(1) };
    return childModule(view, from, first) ? { file: from, rest: segs } : 'external';
  }

  function resolveOne(view: ProjectView, from: string, record: ImportRecord, sink: Sink): void {
    if (record.form === 'mod') {
      const file = childModule(view, from, record.specifier);
      return file ? sink.edge(file) : sink.unresolved();
    }
    const segs = record.specifier.replace(/^::/, '').split('::').filter(Boolean);
    const start = anchor(view, from, segs);
    if (start === 'external') return sink.external(rustPackageName(record.specifier));
    const cur = start.file === undefined ? undefined : walk(view, start.file, start.rest);
    if (cur === undefined) return sink.unresolved();
    const names = record.bindings.map((b) => b.imported).filter((n) => n !== '*');
    if (names.length === 0 || cur.item) return sink.edge(cur.file);
    for (const n of names) sink.edge(walk(view, cur.file, n.split('::')).file);
  }

  /** Follows module segments from `file`; stops at the first one that is an item of the module reached. */
  function walk(view: ProjectView, file: string, segs: readonly string[]): { file: string; item: boolean } {
    let cur = file;
    for (const seg of segs) {
      const child = childModule(view, cur, seg);
      if (!child) return { file: cur, item: true };
      cur = child;
    }
    return { file: cur, item: false };
  }

  return {
    inputs: RUST_INPUTS,
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => resolveOne(view, from, record, sink)),
  };
}
