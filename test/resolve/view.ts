// Test helpers: an in-memory ProjectView built from `{path: content}` plus per-file declarations,
// and hand-written ParsedFile / ImportRecord / RefSite values (no extractor involved).
import type { ImportBinding, ImportRecord, ParsedFile, RefSite } from '../../src/engine/model.js';
import type { FileResolution, ProjectView } from '../../src/engine/graph/resolve/types.js';

export interface Declared { namespace?: string; types?: string[] }

export function makeView(files: Record<string, string>, declared: Record<string, Declared> = {}): ProjectView {
  const byNamespace = new Map<string, string[]>();
  const byType = new Map<string, string[]>();
  for (const [path, d] of Object.entries(declared)) {
    if (d.namespace !== undefined) byNamespace.set(d.namespace, [...(byNamespace.get(d.namespace) ?? []), path]);
    for (const t of d.types ?? []) byType.set(t, [...(byType.get(t) ?? []), path]);
  }
  return {
    files: new Set([...Object.keys(files), ...Object.keys(declared)]),
    readText: (path) => files[path],
    filesDeclaringNamespace: (ns) => byNamespace.get(ns) ?? [],
    filesDefiningType: (name) => byType.get(name) ?? [],
  };
}

export function imp(specifier: string, line: number, extra: Partial<ImportRecord> = {}): ImportRecord {
  return { specifier, line, kind: 'import', bindings: [], ...extra };
}

/** Bindings from names: `'C'` → {local: C, imported: C}; `'X=C'` → {local: X, imported: C}. */
export function binds(...names: string[]): ImportBinding[] {
  return names.map((n) => {
    const [local, imported] = n.includes('=') ? n.split('=') as [string, string] : [n, n];
    return { local, imported };
  });
}

export function ref(name: string, line: number, kind: RefSite['kind'] = 'type', scope: RefSite['scope'] = 'free'): RefSite {
  return { name, line, col: 1, kind, scope };
}

export function parsed(imports: ImportRecord[], extra: Partial<ParsedFile> = {}): ParsedFile {
  return {
    language: 'test', parse_status: 'ok', parse_errors: 0, symbols: [], imports, refs: [],
    lines: { total: 1, code: 1, comment: 0, blank: 0 }, ...extra,
  };
}

/** Compact form for exact assertions: edges as `target kind line specifier`. */
export function summary(res: FileResolution): { edges: string[]; external: string[]; unresolved: string[] } {
  return {
    edges: res.edges.map((e) => `${e.target} ${e.kind} ${e.line} ${e.specifier}`),
    external: res.external.map((e) => `${e.package} ${e.line} ${e.specifier}`),
    unresolved: res.unresolved.map((u) => `${u.line} ${u.specifier}`),
  };
}
