// Cross-references: finds a symbol's definitions, then binds every reference site that mentions
// its name (ref-binding.ts: scope, imports through re-exports, members, `self`, packages). What
// cannot be bound is a labelled name match; what is bound to a different definition is not a
// reference at all.
import type { RefSite } from './model.js';
import type { IndexStore, SymbolRow } from './index/store.js';
import { IndexView, RefBinder } from './ref-binding.js';

export interface XrefReference extends RefSite {
  file_path: string;
  resolution: 'resolved' | 'name_match';
  definition_id?: string;
}

/** Definitions for `name`, `Class.method`, or `path#qualified.name`. */
export function findDefinitions(store: IndexStore, query: string): SymbolRow[] {
  const hash = query.indexOf('#');
  if (hash > 0) {
    const path = query.slice(0, hash);
    const q = query.slice(hash + 1);
    return store.symbolsOfFile(path).filter((s) => s.qualified_name === q || s.name === q || s.qualified_name.endsWith(`.${q}`));
  }
  if (query.includes('.')) {
    const exact = store.symbolsQualified(query);
    if (exact.length) return exact;
  }
  const bare = store.symbolsNamed([query]);
  if (bare.length) return bare;
  const last = query.slice(query.lastIndexOf('.') + 1);
  return store.symbolsNamed([last]).filter((s) => s.qualified_name.endsWith(`.${query}`));
}

export interface XrefResult {
  definitions: SymbolRow[];
  references: XrefReference[];
}

export function crossReferences(store: IndexStore, query: string): XrefResult {
  const definitions = findDefinitions(store, query);
  const name = definitions[0]?.name ?? query.slice(Math.max(query.lastIndexOf('#'), query.lastIndexOf('.')) + 1);
  const defIds = new Set(definitions.map((d) => d.symbol_id));
  const binder = new RefBinder(new IndexView(store));
  const references: XrefReference[] = [];
  for (const { id, path } of store.filesReferencing(name).sort((a, b) => (a.path < b.path ? -1 : 1))) {
    for (const ref of store.refsOfFile(id, name)) {
      const bound = binder.bind(path, ref);
      if (bound === null) continue; // refers to something that is no definition of ours
      const site = { ...ref, file_path: path };
      if (bound) {
        const ours = bound.find((d) => defIds.has(d.symbol_id));
        if (ours) references.push({ ...site, resolution: 'resolved', definition_id: ours.symbol_id });
      } else if (definitions.length) references.push({ ...site, resolution: 'name_match' });
    }
  }
  references.sort((a, b) => (a.resolution === b.resolution ? 0 : a.resolution === 'resolved' ? -1 : 1)
    || (a.file_path < b.file_path ? -1 : a.file_path > b.file_path ? 1 : 0) || a.line - b.line || a.col - b.col);
  return { definitions, references };
}
