// Binds one reference site to the definitions it denotes; cross_references and dead_code share it.
// A reference is bound through the file's own top-level names, its import bindings (followed
// through re-exports to the defining file), members of imported modules and classes, `self.m()` /
// `this.m()` and implicit-`this` names inside a class (walking its base classes), `Type.member`,
// and free names a file sees through include-like edges or its package. What cannot be bound is
// left to name matching; what is bound to something else (an external package, a local module)
// is no reference to any definition of ours.
import type { ImportRecord, RefSite, SymbolKind } from './model.js';
import type { EdgeRow, FileRow, IndexStore, SymbolRow } from './index/store.js';

/**
 * The definitions a reference denotes; `null` when it denotes something that is no definition of
 * the index (an external package, a module as a whole); `undefined` when nothing is known, so it
 * is a name match for every definition of that name.
 */
export type Binding = readonly SymbolRow[] | null | undefined;

const SELF_RECEIVERS: ReadonlySet<string> = new Set(['this', 'self', 'Self', 'cls', '@']);
/** Symbol kinds that own members and can be a receiver or a base. */
export const MEMBER_OWNER_KINDS: ReadonlySet<SymbolKind> = new Set(['class', 'struct', 'interface', 'trait', 'enum', 'module']);
/** Languages where a bare name inside a class body may be a member of that class (implicit `this`). */
const IMPLICIT_THIS = new Set(['java', 'kotlin', 'scala', 'csharp', 'cpp', 'swift', 'ruby']);
/** Languages whose free names never come from another file's edge: imports bind names explicitly (Python: except `import *`). */
const NO_EDGE_SCOPE = new Set(['typescript', 'tsx', 'javascript', 'go']);
const MAX_REEXPORT_HOPS = 5;
const MAX_BASE_DEPTH = 6;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One file's definitions by qualified name, and its types by line span. */
export class FileSymbols {
  private readonly byQualified = new Map<string, SymbolRow[]>();
  private readonly types: SymbolRow[] = [];
  /** What another file sees by its bare name: top-level definitions, and the members of top-level namespaces and modules. */
  readonly visible: SymbolRow[] = [];

  constructor(readonly rows: readonly SymbolRow[]) {
    for (const s of rows) {
      push(this.byQualified, s.qualified_name, s);
      if (MEMBER_OWNER_KINDS.has(s.kind)) this.types.push(s);
    }
    const inTopModule = (s: SymbolRow): boolean => s.parent !== undefined && !s.parent.includes('.')
      && !!this.byQualified.get(s.parent)?.some((p) => p.kind === 'module');
    for (const s of rows) if (s.qualified_name === s.name || inTopModule(s)) this.visible.push(s);
  }

  /** Definitions whose qualified name is `qualified`; a bare name finds top-level ones only. */
  named(qualified: string): readonly SymbolRow[] | undefined {
    return this.byQualified.get(qualified);
  }

  /** The innermost type whose lines contain `line`. */
  typeAt(line: number): SymbolRow | undefined {
    let best: SymbolRow | undefined;
    for (const t of this.types) {
      if (t.start_line <= line && t.end_line >= line && (!best || t.end_line - t.start_line < best.end_line - best.start_line)) best = t;
    }
    return best;
  }
}

const NO_SYMBOLS = new FileSymbols([]);

/**
 * The index data binding reads, per file: read lazily from the store (a few files, for
 * cross_references), or all at once with `preload()` (whole-repository passes).
 */
export class IndexView {
  private readonly files = new Map<string, FileRow | undefined>();
  private readonly pathsById = new Map<number, string>();
  private readonly symbolCache = new Map<string, FileSymbols>();
  private readonly importCache = new Map<string, ImportRecord[]>();
  private readonly edgeCache = new Map<string, EdgeRow[]>();
  private readonly mates = new Map<string, string[]>();
  private byNamespace: Map<string, FileRow[]> | undefined;
  private byName: Map<string, SymbolRow[]> | undefined;
  private loaded = false;

  constructor(readonly store: IndexStore) {}

  /** Reads every file, definition, import and edge in four queries. */
  preload(): this {
    for (const f of this.store.allFiles()) { this.files.set(f.path, f); this.pathsById.set(f.id, f.path); }
    for (const [path, rows] of this.store.symbolsByFile()) this.symbolCache.set(path, new FileSymbols(rows));
    for (const [id, records] of this.store.allImports()) {
      const path = this.pathsById.get(id);
      if (path !== undefined) this.importCache.set(path, records);
    }
    for (const e of this.store.allEdges()) push(this.edgeCache, e.source, e);
    this.loaded = true;
    return this;
  }

  /** Re-reads these files (changed, created or deleted since they were read). */
  reload(paths: readonly string[]): void {
    for (const path of paths) {
      const before = this.files.get(path);
      if (before) this.pathsById.delete(before.id);
      this.indexNames(this.symbolCache.get(path)?.rows ?? [], -1);
      this.files.delete(path);
      this.symbolCache.delete(path);
      this.importCache.delete(path);
      this.edgeCache.delete(path);
      const row = this.store.file(path);
      if (!row) continue;
      this.files.set(path, row);
      this.pathsById.set(row.id, path);
      const syms = new FileSymbols(this.store.symbolsOfFile(path));
      this.symbolCache.set(path, syms);
      this.indexNames(syms.rows, 1);
      this.importCache.set(path, this.store.importsOfFile(row.id));
      this.edgeCache.set(path, this.store.edgesFrom(path));
    }
    this.byNamespace = undefined;
    this.mates.clear();
  }

  /** Paths of the files read so far (every file, after preload). */
  knownPaths(): string[] { return [...this.files.keys()]; }

  file(path: string): FileRow | undefined {
    if (!this.files.has(path) && !this.loaded) this.files.set(path, this.store.file(path));
    return this.files.get(path);
  }

  /** Definitions with one of `names`. */
  definitionsNamed(names: readonly string[]): SymbolRow[] {
    if (!this.loaded) return this.store.symbolsNamed(names);
    return names.flatMap((n) => this.nameIndex().get(n) ?? []);
  }

  /** Whether some definition has this name (after preload). */
  isDefinedName(name: string): boolean { return this.nameIndex().has(name); }

  /** Keeps the name index (once built) in step with a file's definitions coming (1) or going (-1). */
  private indexNames(rows: readonly SymbolRow[], sign: 1 | -1): void {
    const index = this.byName;
    if (!index) return;
    for (const d of rows) {
      if (sign > 0) { push(index, d.name, d); continue; }
      const rest = index.get(d.name)?.filter((x) => x !== d);
      if (rest?.length) index.set(d.name, rest);
      else index.delete(d.name);
    }
  }

  private nameIndex(): Map<string, SymbolRow[]> {
    if (!this.byName) {
      this.byName = new Map();
      for (const syms of this.symbolCache.values()) for (const d of syms.rows) push(this.byName, d.name, d);
    }
    return this.byName;
  }

  /** Path of a file id (after preload). */
  pathOf(fileId: number): string | undefined { return this.pathsById.get(fileId); }

  symbols(path: string): FileSymbols {
    let v = this.symbolCache.get(path);
    if (!v) {
      v = this.loaded ? NO_SYMBOLS : new FileSymbols(this.store.symbolsOfFile(path));
      this.symbolCache.set(path, v);
    }
    return v;
  }

  imports(path: string): ImportRecord[] {
    let v = this.importCache.get(path);
    if (!v) {
      const id = this.loaded ? undefined : this.file(path)?.id;
      this.importCache.set(path, (v = id === undefined ? [] : this.store.importsOfFile(id)));
    }
    return v;
  }

  /** A file's outgoing edges, read once however many references follow them. */
  edges(path: string): EdgeRow[] {
    let v = this.edgeCache.get(path);
    if (!v) this.edgeCache.set(path, (v = this.loaded ? [] : this.store.edgesFrom(path)));
    return v;
  }

  /**
   * The files of `path`'s package, `path` included, whose top-level names it sees without an
   * import: the same Go package (directory and package clause), the same JVM package or C# namespace.
   */
  packageOf(path: string): readonly string[] {
    const f = this.file(path);
    const key = packageKey(path, f);
    if (!f?.namespace || key === undefined) return [];
    let v = this.mates.get(key);
    if (!v) {
      const rows = this.loaded ? this.namespaceIndex().get(f.namespace) ?? [] : this.store.filesDeclaringNamespace(f.namespace).map((p) => this.file(p)!);
      v = rows.filter((r) => r && packageKey(r.path, r) === key).map((r) => r.path);
      this.mates.set(key, v);
    }
    return v;
  }

  private namespaceIndex(): Map<string, FileRow[]> {
    if (!this.byNamespace) {
      this.byNamespace = new Map();
      for (const f of this.files.values()) if (f?.namespace) push(this.byNamespace, f.namespace, f);
    }
    return this.byNamespace;
  }
}

function packageKey(path: string, f: FileRow | undefined): string | undefined {
  if (!f?.namespace) return undefined;
  switch (f.language) {
    case 'go': return `go:${path.slice(0, path.lastIndexOf('/') + 1)}:${f.namespace}`;
    case 'java': case 'kotlin': case 'scala': return `jvm:${f.namespace}`;
    case 'csharp': return `cs:${f.namespace}`;
    default: return undefined;
  }
}

interface Target { file: string; name: string }
interface FreeSite { owner: string; goReceiver: string | undefined; answers: Map<string, Map<string, Binding>> }
interface TypeRef { file: string; qualified: string }
/** A type's bases: those defined in the project, and the names of the others. */
export interface Bases { types: TypeRef[]; external: string[] }

export class RefBinder {
  private readonly followCache = new Map<string, Target[]>();
  private readonly edgeScopes = new Map<string, Map<string, SymbolRow[]>>();
  private readonly packageScopes = new Map<string, Map<string, SymbolRow[]>>();
  private readonly baseCache = new Map<string, Bases>();
  private readonly inheritCache = new Map<string, Map<string, RefSite[]>>();
  /** bindFree's answers for the current file: per caller (or line outside any function) its site, per enclosing type the answers by receiver and name. */
  private readonly sites = new Map<string, FreeSite>();
  private readonly answers = new Map<string, Map<string, Map<string, Binding>>>();
  private memoFile: string | undefined;

  constructor(readonly view: IndexView) {}

  bind(path: string, ref: RefSite): Binding {
    switch (ref.scope) {
      case 'file': return this.view.symbols(path).named(ref.name) ?? null;
      case 'import': return this.throughImports(path, ref.name, undefined, ref.kind === 'import');
      case 'member': return ref.receiver === undefined ? undefined : this.throughImports(path, ref.receiver, ref.name);
      default: return this.bindFree(path, ref);
    }
  }

  /** Supplies a file's decoded references when the caller already has them (saves decoding them again for base lookups). */
  noteRefs(path: string, refs: readonly RefSite[]): void {
    if (!this.inheritCache.has(path)) this.inheritCache.set(path, this.byType(path, refs));
  }

  /** Forgets what was derived from these files, and every answer that may have passed through them. */
  forget(paths: readonly string[]): void {
    for (const cache of [this.followCache, this.edgeScopes, this.packageScopes, this.baseCache, this.sites, this.answers]) cache.clear();
    this.memoFile = undefined;
    for (const p of paths) this.inheritCache.delete(p);
  }

  /** Bases of the type `qualified` declared in `file`, from its extends/implements/embedding references. */
  basesOf(file: string, qualified: string): Bases {
    const key = `${file}#${qualified}`;
    let v = this.baseCache.get(key);
    if (v) return v;
    v = { types: [], external: [] };
    this.baseCache.set(key, v); // a cycle finds the bases known so far, not an endless walk
    for (const ref of this.inheritRefs(file).get(qualified) ?? []) {
      const bound = this.bind(file, ref)?.filter((d) => MEMBER_OWNER_KINDS.has(d.kind));
      if (bound?.length) for (const d of bound) v.types.push({ file: d.file_path, qualified: d.qualified_name });
      else v.external.push(ref.receiver && ref.receiver !== '.' ? `${ref.receiver}.${ref.name}` : ref.name);
    }
    return v;
  }

  /** Members named `name` of the type `owner` (declared in `file`), or of its bases. */
  memberOf(file: string, owner: string, name: string, depth = 0): readonly SymbolRow[] | undefined {
    const qualified = `${owner}.${name}`;
    // A constructor is named like its type, but the type's name never denotes it.
    const typeName = name === owner.slice(owner.lastIndexOf('.') + 1);
    const members = (f: string): readonly SymbolRow[] => (this.view.symbols(f).named(qualified) ?? [])
      .filter((d) => !typeName || (d.kind !== 'method' && d.kind !== 'function'));
    const own = members(file);
    if (own.length) return own;
    const elsewhere = this.memberFiles(file).flatMap((f) => (f === file ? [] : members(f)));
    if (elsewhere.length) return elsewhere;
    if (depth >= MAX_BASE_DEPTH) return undefined;
    let hits: SymbolRow[] | undefined;
    for (const base of this.basesOf(file, owner).types) {
      const h = this.memberOf(base.file, base.qualified, name, depth + 1);
      if (h) hits = [...(hits ?? []), ...h];
    }
    return hits;
  }

  /** Other files where members of a type seen from `file` may be declared: the rest of a Go package, the headers a C/C++ file includes. */
  private memberFiles(file: string): readonly string[] {
    switch (this.view.file(file)?.language) {
      case 'go': return this.view.packageOf(file);
      case 'c': case 'cpp': return this.view.edges(file).map((e) => e.target);
      default: return [];
    }
  }

  /** A file's extends/implements/embedding references, by the type whose header or body holds them. */
  private inheritRefs(file: string): Map<string, RefSite[]> {
    let v = this.inheritCache.get(file);
    if (!v) {
      const id = this.view.file(file)?.id;
      v = this.byType(file, id === undefined ? [] : this.view.store.refsOfFile(id));
      this.inheritCache.set(file, v);
    }
    return v;
  }

  private byType(file: string, refs: readonly RefSite[]): Map<string, RefSite[]> {
    const syms = this.view.symbols(file);
    const out = new Map<string, RefSite[]>();
    for (const r of refs) {
      const type = r.kind === 'inherit' ? syms.typeAt(r.line) : undefined;
      if (type) push(out, type.qualified_name, r);
    }
    return out;
  }

  private throughImports(path: string, local: string, member?: string, byImportedName = false): Binding {
    let bound: SymbolRow[] | null = null;
    for (const rec of this.view.imports(path)) {
      const b = rec.bindings.find((x) => x.local === local || (byImportedName && x.imported === local));
      if (!b) continue;
      for (const t of this.follow(path, rec, b.imported)) {
        const hit = member === undefined ? this.exported(t, local) : this.moduleMember(t, member);
        if (hit) bound = [...(bound ?? []), ...hit];
      }
    }
    return bound && unique(bound);
  }

  /** The definition an import binding names in its target (`*` is the module itself, no definition). */
  private exported(t: Target, local: string): readonly SymbolRow[] | undefined {
    if (t.name === '*') return undefined;
    return this.view.symbols(t.file).named(t.name === 'default' ? local : t.name);
  }

  /** `member` of what an import binding names: a module's top-level name, or a member of a class. */
  private moduleMember(t: Target, member: string): readonly SymbolRow[] | undefined {
    const syms = this.view.symbols(t.file);
    const owner = t.name === '*' || t.name === 'default' ? undefined : t.name;
    // An owner the target does not define is the module itself (`from pkg import mod; mod.f`).
    if (owner === undefined || !syms.named(owner)) return syms.named(member);
    return this.memberOf(t.file, owner, member);
  }

  /** Files (and the name there) that `imported`, bound by `rec` in `path`, finally refers to. */
  private follow(path: string, rec: ImportRecord, imported: string, hops = 0): Target[] {
    const key = `${path}\0${rec.line}\0${rec.specifier}\0${imported}\0${hops}`;
    let v = this.followCache.get(key);
    if (v) return v;
    v = [];
    const targets = this.view.edges(path).filter((e) => e.line === rec.line && e.specifier === rec.specifier).map((e) => e.target);
    for (const target of targets) {
      if (imported === '*' || imported === 'default' || this.view.symbols(target).named(imported) || hops >= MAX_REEXPORT_HOPS) {
        v.push({ file: target, name: imported });
        continue;
      }
      // Not defined there: follow the target's re-export of that name; a named re-export wins
      // over `export *` (as in TypeScript), and star re-exports are tried only without one.
      const reexports = this.view.imports(target).filter((r) => r.reexport);
      let forwarded = false;
      for (const r of reexports) {
        const b = r.bindings.find((x) => x.local === imported);
        if (b) { v.push(...this.follow(target, r, b.imported, hops + 1)); forwarded = true; }
      }
      for (const r of forwarded ? [] : reexports.filter((x) => !x.bindings.length)) {
        const next = this.follow(target, r, imported, hops + 1).filter((t) => this.view.symbols(t.file).named(t.name));
        if (next.length) { v.push(...next); forwarded = true; }
      }
      if (!forwarded) v.push({ file: target, name: imported });
    }
    this.followCache.set(key, v);
    return v;
  }

  /**
   * A free reference depends only on its file, enclosing type, receiver and name: answers are
   * kept for the rest of the file (a name is usually referenced many times in one type), looked
   * up by the strings the reference already holds.
   */
  private bindFree(path: string, ref: RefSite): Binding {
    const receiver = ref.receiver;
    if (receiver === '.') return undefined;
    if (path !== this.memoFile) { this.sites.clear(); this.answers.clear(); this.memoFile = path; }
    const syms = this.view.symbols(path);
    const language = this.view.file(path)?.language ?? '';
    const siteKey = ref.caller ?? `\u0002${ref.line}`;
    let site = this.sites.get(siteKey);
    if (!site) {
      const owner = enclosingType(syms, ref) ?? '';
      let answers = this.answers.get(owner);
      if (!answers) this.answers.set(owner, (answers = new Map()));
      site = { owner, answers, goReceiver: language === 'go' ? goReceiverName(syms, ref.caller) : undefined };
      this.sites.set(siteKey, site);
    }
    const self = receiver !== undefined && (SELF_RECEIVERS.has(receiver) || receiver === site.goReceiver);
    const receiverKey = self ? '\u0001' : receiver ?? '';
    let byName = site.answers.get(receiverKey);
    if (!byName) site.answers.set(receiverKey, (byName = new Map()));
    if (byName.has(ref.name)) return byName.get(ref.name);
    const owner = site.owner || undefined;
    let v: Binding;
    if (self) v = owner === undefined ? undefined : this.memberOf(path, owner, ref.name);
    else if (receiver === undefined) {
      v = (owner && IMPLICIT_THIS.has(language) && this.inTypes(owner, (o) => this.memberOf(path, o, ref.name))) || this.seen(path, ref.name);
    } else {
      let hits: SymbolRow[] | undefined;
      for (const type of this.typesNamed(path, receiver, owner)) {
        const h = this.memberOf(type.file_path, type.qualified_name, ref.name);
        if (h) hits = [...(hits ?? []), ...h];
      }
      v = hits;
    }
    byName.set(ref.name, v);
    return v;
  }

  /** Runs `find` on `owner`, then on each type enclosing it, until it finds something. */
  private inTypes(owner: string, find: (owner: string) => readonly SymbolRow[] | undefined): readonly SymbolRow[] | undefined {
    for (let o: string | undefined = owner; o; o = o.includes('.') ? o.slice(0, o.lastIndexOf('.')) : undefined) {
      const hit = find(o);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Types a receiver name denotes from `path`: nested in an enclosing type, top-level in the file, or seen from another file. */
  private typesNamed(path: string, name: string, owner: string | undefined): readonly SymbolRow[] {
    const syms = this.view.symbols(path);
    const isType = (d: SymbolRow): boolean => MEMBER_OWNER_KINDS.has(d.kind);
    const nested = owner === undefined ? undefined : this.inTypes(owner, (o) => syms.named(`${o}.${name}`)?.filter(isType));
    if (nested?.length) return nested;
    const own = syms.named(name)?.filter(isType);
    if (own?.length) return own;
    return this.seen(path, name)?.filter(isType) ?? [];
  }

  /** Top-level definitions named `name` that `path` sees without binding them (includes, star imports, its package); bound when they sit in one file. */
  private seen(path: string, name: string): Binding {
    const found = [...(this.edgeScope(path).get(name) ?? []), ...(this.packageScope(path).get(name) ?? [])].filter((d) => d.file_path !== path);
    if (!found.length) return undefined;
    const file = found[0]!.file_path;
    return found.every((d) => d.file_path === file) ? unique(found) : undefined;
  }

  private edgeScope(path: string): Map<string, SymbolRow[]> {
    let v = this.edgeScopes.get(path);
    if (v) return v;
    v = new Map();
    const language = this.view.file(path)?.language ?? '';
    if (!NO_EDGE_SCOPE.has(language)) {
      // Python sees another module's names without binding them only through `from m import *`.
      const star = language === 'python' ? new Set(this.view.imports(path).filter((r) => !r.bindings.length).map((r) => `${r.line}\0${r.specifier}`)) : undefined;
      const targets = new Set(this.view.edges(path).filter((e) => !star || star.has(`${e.line}\0${e.specifier}`)).map((e) => e.target));
      for (const t of targets) for (const d of this.view.symbols(t).visible) push(v, d.name, d);
    }
    this.edgeScopes.set(path, v);
    return v;
  }

  private packageScope(path: string): Map<string, SymbolRow[]> {
    const mates = this.view.packageOf(path);
    const key = mates[0] ?? '';
    let v = this.packageScopes.get(key);
    if (!v) {
      v = new Map();
      for (const mate of mates) for (const d of this.view.symbols(mate).visible) push(v, d.name, d);
      this.packageScopes.set(key, v);
    }
    return v;
  }
}

/** The qualified name of the type a reference sits in: its caller's owner, else the innermost type around its line. */
function enclosingType(syms: FileSymbols, ref: RefSite): string | undefined {
  const caller = ref.caller;
  if (caller?.includes('.')) return caller.slice(0, caller.lastIndexOf('.'));
  return syms.typeAt(ref.line)?.qualified_name;
}

/** The receiver variable of a Go method (`s` in `func (s *Server) run()`), from its signature. */
function goReceiverName(syms: FileSymbols, caller: string | undefined): string | undefined {
  if (!caller) return undefined;
  const sig = syms.named(caller)?.[0]?.signature;
  return sig ? /^func\s*\(\s*([A-Za-z_]\w*)\s/.exec(sig)?.[1] : undefined;
}

function unique(rows: readonly SymbolRow[]): SymbolRow[] {
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}
