// Cross-references: finds a symbol's definitions, then binds every reference site that mentions
// its name to a definition through the file's own scope, its imports (following re-exports) or
// a member access on an imported module. What cannot be bound is a labelled name match; what is
// bound to a different definition is not a reference at all.
import type { ImportRecord, RefSite } from './model.js';
import type { EdgeRow, IndexStore, SymbolRow } from './index/store.js';

export interface XrefReference extends RefSite {
  file_path: string;
  resolution: 'resolved' | 'name_match';
  definition_id?: string;
}

const SELF_RECEIVERS = new Set(['this', 'self', 'Self', 'cls', '@']);
const MAX_REEXPORT_HOPS = 5;

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

/** Which file and name an import binding leads to (through re-exports); undefined when external. */
class ImportBinder {
  private readonly importsCache = new Map<string, ImportRecord[]>();
  private readonly topLevel = new Map<string, Set<string>>();
  private readonly edgesCache = new Map<string, EdgeRow[]>();

  constructor(private readonly store: IndexStore) {}

  imports(path: string): ImportRecord[] {
    let v = this.importsCache.get(path);
    if (!v) {
      const id = this.store.fileId(path);
      v = id === undefined ? [] : this.store.importsOfFile(id);
      this.importsCache.set(path, v);
    }
    return v;
  }

  definesTopLevel(path: string, name: string): boolean {
    let names = this.topLevel.get(path);
    if (!names) {
      names = new Set(this.store.symbolsOfFile(path).filter((s) => s.parent === undefined).map((s) => s.name));
      this.topLevel.set(path, names);
    }
    return names.has(name);
  }

  /** A file's outgoing edges, read once per call however many references follow them. */
  edges(path: string): EdgeRow[] {
    let v = this.edgesCache.get(path);
    if (!v) this.edgesCache.set(path, (v = this.store.edgesFrom(path)));
    return v;
  }

  targetsOf(path: string, rec: ImportRecord): string[] {
    return this.edges(path).filter((e) => e.line === rec.line && e.specifier === rec.specifier).map((e) => e.target);
  }

  /** Files (and the name there) that `name` imported under `binding` finally refers to. */
  follow(path: string, rec: ImportRecord, imported: string, hops = 0): Array<{ file: string; name: string }> {
    const out: Array<{ file: string; name: string }> = [];
    for (const target of this.targetsOf(path, rec)) {
      if (imported === '*' || imported === 'default' || this.definesTopLevel(target, imported) || hops >= MAX_REEXPORT_HOPS) {
        out.push({ file: target, name: imported });
        continue;
      }
      // Not defined there: follow the target's re-export of that name; a named re-export wins
      // over `export *` (as in TypeScript), and star re-exports are tried only without one.
      const reexports = this.imports(target).filter((r) => r.reexport);
      let forwarded = false;
      for (const r of reexports) {
        const b = r.bindings.find((x) => x.local === imported);
        if (b) { out.push(...this.follow(target, r, b.imported, hops + 1)); forwarded = true; }
      }
      for (const r of forwarded ? [] : reexports.filter((x) => !x.bindings.length)) {
        const next = this.follow(target, r, imported, hops + 1).filter((t) => this.definesTopLevel(t.file, t.name));
        if (next.length) { out.push(...next); forwarded = true; }
      }
      if (!forwarded) out.push({ file: target, name: imported });
    }
    return out;
  }
}

export interface XrefResult {
  definitions: SymbolRow[];
  references: XrefReference[];
}

export function crossReferences(store: IndexStore, query: string): XrefResult {
  const definitions = findDefinitions(store, query);
  const name = definitions[0]?.name ?? query.slice(Math.max(query.lastIndexOf('#'), query.lastIndexOf('.')) + 1);
  const defIds = new Set(definitions.map((d) => d.symbol_id));
  const topDefsByFile = new Map<string, SymbolRow>();
  for (const d of definitions) if (d.parent === undefined) topDefsByFile.set(d.file_path, d);
  const binder = new ImportBinder(store);

  const candidates = new Map<string, number>();
  for (const f of store.filesReferencing(name)) candidates.set(f.path, f.id);

  // Our definition of `symbol` in `file` (a member of `owner` when given); null when the file
  // defines that name as something else; undefined when nothing is known.
  const bindTo = (file: string, symbol: string, owner?: string): SymbolRow | null | undefined => {
    const ours = definitions.find((d) => d.file_path === file && d.name === symbol
      && (owner === undefined ? d.parent === undefined : d.parent === owner || d.parent === undefined));
    if (ours) return ours;
    return binder.definesTopLevel(file, owner ?? symbol) ? null : undefined;
  };
  const bindThroughImports = (path: string, imports: ImportRecord[], local: string, member?: string, byImportedName = false) => {
    let bound: SymbolRow | null | undefined = null;
    for (const rec of imports) {
      const b = rec.bindings.find((x) => x.local === local || (byImportedName && x.imported === local));
      if (!b) continue;
      for (const t of binder.follow(path, rec, b.imported)) {
        const hit = member === undefined
          ? (t.name === '*' ? null : bindTo(t.file, t.name === 'default' ? name : t.name))
          : bindTo(t.file, member, t.name === '*' || t.name === 'default' ? undefined : t.name);
        if (hit) bound = hit;
      }
    }
    return bound;
  };

  const references: XrefReference[] = [];
  for (const [path, id] of [...candidates].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const imports = binder.imports(path);
    let edgeTargets: Set<string> | undefined;
    for (const ref of store.refsOfFile(id, name)) {
      const site = { ...ref, file_path: path };
      let bound: SymbolRow | null | undefined;
      if (ref.scope === 'file') {
        bound = topDefsByFile.get(path) ?? null; // the file's own definition of that name
      } else if (ref.scope === 'import') {
        bound = bindThroughImports(path, imports, ref.name, undefined, ref.kind === 'import');
      } else if (ref.scope === 'member' && ref.receiver) {
        bound = bindThroughImports(path, imports, ref.receiver, ref.name);
      } else if (ref.receiver !== undefined && SELF_RECEIVERS.has(ref.receiver) && ref.caller) {
        const cls = ref.caller.slice(0, ref.caller.lastIndexOf('.'));
        bound = definitions.find((d) => d.file_path === path && d.parent === cls && d.name === ref.name);
      } else if (ref.receiver === undefined) {
        // A free name: bound when this file imports the defining file (same package, includes …).
        edgeTargets ??= new Set(binder.edges(path).map((e) => e.target));
        const viaEdge = definitions.filter((d) => d.parent === undefined && edgeTargets!.has(d.file_path));
        if (viaEdge.length === 1) bound = viaEdge[0];
      }
      if (bound === null) continue; // refers to something else of the same name
      if (bound && defIds.has(bound.symbol_id)) references.push({ ...site, resolution: 'resolved', definition_id: bound.symbol_id });
      else if (bound === undefined && definitions.length) references.push({ ...site, resolution: 'name_match' });
    }
  }
  references.sort((a, b) => (a.resolution === b.resolution ? 0 : a.resolution === 'resolved' ? -1 : 1)
    || (a.file_path < b.file_path ? -1 : a.file_path > b.file_path ? 1 : 0) || a.line - b.line || a.col - b.col);
  return { definitions, references };
}
