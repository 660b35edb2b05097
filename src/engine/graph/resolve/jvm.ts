// Java/Kotlin/Scala import resolver. `a.b.C` → the file of package `a.b` defining top-level type C
// (outer types for nested `a.b.C.D`), else `…/a/b/C.{java,kt,scala}` by path; static imports →
// the type's file; wildcards and same-package use resolve through the type names the file
// references. `java.*`, `javax.*`, `kotlin.*`, `scala.*` are external unless the project declares
// them (the JDK's own sources do); unknown packages are external.
import type { ImportRecord, ParsedFile } from '../../model.js';
import { fileIndex } from './project.js';
import { resolveRecords, type Sink } from './result.js';
import { freeTypeUses, sameNamespaceEdges } from './same-namespace.js';
import type { LanguageResolver, ProjectView } from './types.js';

const JVM_FILE = /\.(java|kt|kts|scala)$/;
const JVM_EXTENSIONS = ['.java', '.kt', '.scala'];
const PLATFORM_ROOTS: ReadonlySet<string> = new Set(['java', 'javax', 'kotlin', 'scala']);
const WILDCARDS: ReadonlySet<string> = new Set(['*', '_']);

/** First two segments: `java.util.List` → `java.util`. */
export function jvmPackageName(specifier: string): string {
  return specifier.split('.').filter((s) => !WILDCARDS.has(s)).slice(0, 2).join('.');
}

const packageFiles = (view: ProjectView, ns: string): string[] =>
  view.filesDeclaringNamespace(ns).filter((f) => JVM_FILE.test(f));

/** Files of package `ns` defining top-level type `name`, else files at `…/ns/as/path/name.ext`. */
function typeFilesIn(view: ProjectView, ns: string, name: string): string[] {
  const inPackage = new Set(packageFiles(view, ns));
  const declared = view.filesDefiningType(name).filter((f) => inPackage.has(f));
  if (declared.length) return declared;
  const suffix = `${ns.replace(/\./g, '/')}/${name}`;
  return JVM_EXTENSIONS.flatMap((ext) =>
    fileIndex(view).withBasename(name + ext).filter((f) => f === suffix + ext || f.endsWith(`/${suffix}${ext}`)));
}

export function createJvmResolver(): LanguageResolver {
  /** Resolves a qualified type name, trying shorter package prefixes for nested types. */
  function resolveType(view: ProjectView, qualified: string, sink: Sink): void {
    const parts = qualified.split('.');
    let local = false;
    for (let i = parts.length - 1; i >= 1; i--) {
      const ns = parts.slice(0, i).join('.');
      const files = typeFilesIn(view, ns, parts[i]!);
      if (files.length) return files.forEach((f) => sink.edge(f));
      local ||= packageFiles(view, ns).length > 0;
    }
    if (local) sink.unresolved();
    else sink.external(jvmPackageName(qualified));
  }

  /** A wildcard import: files of the package defining names the file uses, else every file of it. */
  function resolvePackage(view: ProjectView, ns: string, uses: Map<string, number>, sink: Sink): void {
    const files = new Set(packageFiles(view, ns));
    if (files.size === 0) return sink.external(jvmPackageName(ns));
    let used = false;
    for (const name of uses.keys()) {
      for (const f of view.filesDefiningType(name)) {
        if (files.has(f)) { used = true; sink.edge(f); }
      }
    }
    if (!used) files.forEach((f) => sink.edge(f));
  }

  function resolveOne(view: ProjectView, record: ImportRecord, uses: () => Map<string, number>, sink: Sink): void {
    const parts = record.specifier.split('.');
    // A platform import skips resolution unless the project itself is (part of) the platform.
    if (PLATFORM_ROOTS.has(parts[0]!) && !packageFiles(view, jvmPackageName(record.specifier)).length) {
      return sink.external(jvmPackageName(record.specifier));
    }
    const starred = WILDCARDS.has(parts[parts.length - 1]!);
    const base = starred ? parts.slice(0, -1).join('.') : record.specifier;
    const names = record.bindings.map((b) => b.imported).filter((n) => !WILDCARDS.has(n));
    if (record.form === 'static') {
      // `a.b.C.m` binds m; a static wildcard (`a.b.C.*` or bare `a.b.C`) binds nothing.
      return resolveType(view, starred || names.length === 0 ? base : parts.slice(0, -1).join('.'), sink);
    }
    if (starred || record.form === 'wildcard') return resolvePackage(view, base, uses(), sink);
    const last = parts[parts.length - 1];
    const members = names.filter((n) => n !== last && !n.includes('.'));
    // Grouped imports (`import a.b.{C, D}`) name members of the specifier.
    if (members.length) return members.forEach((n) => resolveType(view, `${base}.${n}`, sink));
    resolveType(view, base, sink);
  }

  /** Types the file uses that other files of its own package define. */
  return {
    inputs: [],
    resolve: (from, parsed, view) => {
      let uses: Map<string, number> | undefined;
      const lazyUses = () => (uses ??= freeTypeUses(parsed));
      return resolveRecords(
        from, parsed,
        (record, sink) => resolveOne(view, record, lazyUses, sink),
        (out) => { if (parsed.namespace) sameNamespaceEdges(view, from, [parsed.namespace], lazyUses(), (f) => JVM_FILE.test(f), out); },
      );
    },
  };
}
