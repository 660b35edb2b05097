// How much each definition is used: references bound to it from anywhere (its own file included,
// references inside its own body excluded), references from inside its own body, and references
// to its name that nothing binds (`obj.name` on an unknown object, free names: name matches).
// Binding is ref-binding.ts, the same as cross_references.
//
// The whole-repository table decodes every file's references once and is cached per index
// generation; the next generation patches it, re-binding the files that changed, and elsewhere
// the references to a name the changed files define (or use as a receiver). A caller interested in a few names gets a table
// for those names alone, built from the files the name index says mention them, while no whole
// table exists.
import type { IndexStore, SymbolRow } from '../index/store.js';
import { decodeRefs } from '../index/refs-codec.js';
import type { RefSite } from '../model.js';
import type { Project } from '../project.js';
import { IndexView, RefBinder, type Binding } from '../ref-binding.js';

export interface Usage {
  /** References bound to the definition from outside its own body. */
  resolved: number;
  /** References bound to it from inside its own body (recursion, a class naming itself). */
  self: number;
  /** Unbound references to its name, which may or may not mean it. */
  name_matches: number;
}

/** A names-only table is built when the names are mentioned by at most this many files. */
const PARTIAL_FILE_LIMIT = 2000;
/** A whole table is rebuilt rather than patched when more than this share of the files (and 100 files) changed. */
const PATCH_SHARE = 0.05;
const PATCH_ALWAYS = 100;

/**
 * What one file's references added: definition ids (negative: from inside their own body), the
 * name of the reference behind each, and unbound names.
 */
interface Share { defs: number[]; via: string[]; names: string[] }

export class UsageTable {
  private readonly counts = new Map<number, { resolved: number; self: number }>();
  private readonly nameMatches = new Map<string, number>();
  private readonly shares = new Map<string, Share>();

  /** `generation`: the index generation a whole table was built or patched for. */
  constructor(readonly binder: RefBinder, public generation = -1) {}

  of(def: SymbolRow): Usage {
    const c = this.counts.get(def.id);
    return { resolved: c?.resolved ?? 0, self: c?.self ?? 0, name_matches: this.nameMatches.get(def.name) ?? 0 };
  }

  /** Binds and counts the reference sites of `path` (those the table covers). */
  addFile(path: string, refs: readonly RefSite[], covers: (name: string) => boolean): void {
    const share = this.bindAll(path, refs, covers);
    this.shares.set(path, share);
    this.apply(share, 1);
  }

  /** Binds again the references of `path` whose name is `named` (`refs`: all of those, read afresh). */
  rebindNames(path: string, refs: readonly RefSite[], named: (name: string) => boolean, covers: (name: string) => boolean): void {
    const old = this.shares.get(path);
    if (!old) return this.addFile(path, refs, covers);
    const kept: Share = { defs: [], via: [], names: old.names.filter((n) => !named(n)) };
    const dropped: Share = { defs: [], via: [], names: old.names.filter(named) };
    old.defs.forEach((id, i) => {
      const into = named(old.via[i]!) ? dropped : kept;
      into.defs.push(id);
      into.via.push(old.via[i]!);
    });
    this.apply(dropped, -1);
    const added = this.bindAll(path, refs, covers);
    this.apply(added, 1);
    this.shares.set(path, { defs: [...kept.defs, ...added.defs], via: [...kept.via, ...added.via], names: [...kept.names, ...added.names] });
  }

  private bindAll(path: string, refs: readonly RefSite[], covers: (name: string) => boolean): Share {
    const share: Share = { defs: [], via: [], names: [] };
    for (const ref of refs) {
      if (!covers(ref.name)) continue;
      const bound = this.binder.bind(path, ref);
      if (bound === null) continue;
      if (bound === undefined) share.names.push(ref.name);
      else {
        for (const d of bound) {
          share.defs.push(insideOwnBody(d, path, ref) ? -d.id : d.id);
          share.via.push(ref.name);
        }
      }
    }
    return share;
  }

  /** Takes back what `path`'s references added. */
  forgetFile(path: string): void {
    const share = this.shares.get(path);
    if (share) this.apply(share, -1);
    this.shares.delete(path);
  }

  private apply(share: Share, sign: 1 | -1): void {
    for (const id of share.defs) {
      const key = Math.abs(id);
      let c = this.counts.get(key);
      if (!c) this.counts.set(key, (c = { resolved: 0, self: 0 }));
      if (id < 0) c.self += sign;
      else c.resolved += sign;
      if (!c.self && !c.resolved) this.counts.delete(key);
    }
    for (const name of share.names) {
      const n = (this.nameMatches.get(name) ?? 0) + sign;
      if (n) this.nameMatches.set(name, n);
      else this.nameMatches.delete(name);
    }
  }
}

/**
 * True when `ref` sits inside `def`'s own body: on one of its lines after the first (the
 * declaration line may hold other statements), on its first line when called from it, or in one
 * of its members declared apart (Go and Rust methods of a type). Overloads share a qualified
 * name, so the caller alone cannot tell one from another.
 */
export function insideOwnBody(def: SymbolRow, path: string, ref: RefSite): boolean {
  if (def.file_path !== path) return false;
  if (ref.line > def.start_line && ref.line <= def.end_line) return true;
  const q = def.qualified_name;
  return ref.caller !== undefined && ((ref.caller === q && ref.line === def.start_line) || ref.caller.startsWith(`${q}.`));
}

interface Cached { full?: UsageTable; byKey: Map<string, UsageTable> }

/** Each project's latest whole table, patched into the next generation's. */
const latestWhole = new WeakMap<Project, UsageTable>();

/**
 * The usage table of the current generation. With `only`, a table that covers at least the
 * names `only.names()` gives (cached under `only.key`) may serve instead, when it is cheaper
 * than the whole one: no earlier whole table to patch, and few files mentioning the names.
 */
export function usageTable(project: Project, only?: { key: string; names: () => ReadonlySet<string> }): UsageTable {
  const cached = project.derived<Cached>('analysis.usage', () => ({ byKey: new Map() }));
  if (cached.full) return cached.full;
  const earlier = latestWhole.get(project);
  if (earlier) {
    if (patchWhole(project.store, earlier)) return (cached.full = earlier);
    latestWhole.delete(project); // half patched: never patch it again
  }
  if (only) {
    const hit = cached.byKey.get(only.key);
    if (hit) return hit;
    const table = namesTable(project.store, only.names());
    if (table) {
      cached.byKey.set(only.key, table);
      return table;
    }
  }
  cached.full = wholeTable(project.store);
  latestWhole.set(project, cached.full);
  return cached.full;
}

function wholeTable(store: IndexStore): UsageTable {
  const generation = store.generation;
  const view = new IndexView(store).preload();
  const binder = new RefBinder(view);
  const table = new UsageTable(binder, generation);
  const covers = (name: string): boolean => view.isDefinedName(name);
  for (const [fileId, json] of store.allEncodedRefs()) {
    const path = view.pathOf(fileId);
    if (path === undefined) continue;
    const refs = decodeRefs(json);
    binder.noteRefs(path, refs);
    table.addFile(path, refs, covers);
  }
  return table;
}

/**
 * Brings a whole table to the store's generation: re-reads the files that changed and binds their
 * references again; elsewhere only a reference named like a definition of theirs (before or
 * after), or with such a receiver (`Type.member`), can bind differently, so only those are bound
 * again. False when so many files changed that a rebuild is cheaper.
 */
function patchWhole(store: IndexStore, table: UsageTable): boolean {
  const generation = store.generation;
  if (table.generation === generation) return true;
  const view = table.binder.view;
  const present = new Set(store.allPaths());
  const listed = [...store.filesChangedSince(table.generation).map((f) => f.path), ...view.knownPaths().filter((p) => !present.has(p))];
  // Re-resolving a package marks many files whose definitions and links come out the same: those bind as before.
  const defsOf = (p: string): string => JSON.stringify(view.symbols(p).rows.map((d) => [d.id, d.qualified_name, d.start_line, d.end_line]));
  const linksOf = (p: string): string => JSON.stringify([view.imports(p), view.edges(p)]);
  const before = new Map(listed.map((p) => [p, { defs: defsOf(p), links: linksOf(p), names: view.symbols(p).rows.map((d) => d.name) }]));
  view.reload(listed);
  const changed = listed.filter((p) => before.get(p)!.defs !== defsOf(p) || before.get(p)!.links !== linksOf(p));
  if (changed.length > PATCH_ALWAYS && changed.length > PATCH_SHARE * present.size) return false;
  const names = new Set<string>();
  for (const p of changed) {
    if (before.get(p)!.defs === defsOf(p)) continue;
    for (const n of before.get(p)!.names) names.add(n); // what the file defined
    for (const d of view.symbols(p).rows) names.add(d.name); // and what it defines now
  }
  table.binder.forget(changed);
  const covers = (name: string): boolean => view.isDefinedName(name);
  const changedSet = new Set(changed);
  for (const path of [...changedSet].sort()) {
    table.forgetFile(path);
    const id = view.file(path)?.id;
    if (id !== undefined) table.addFile(path, store.refsOfFile(id), covers);
  }
  const others = new Map<string, number>();
  for (const name of names) for (const f of store.filesReferencing(name)) if (!changedSet.has(f.path)) others.set(f.path, f.id);
  for (const path of [...others.keys()].sort()) {
    const refs = store.refsOfFile(others.get(path)!);
    const viaReceiver = new Set(refs.filter((r) => r.receiver !== undefined && names.has(r.receiver)).map((r) => r.name));
    const again = (name: string): boolean => names.has(name) || viaReceiver.has(name);
    table.rebindNames(path, refs.filter((r) => again(r.name)), again, covers);
  }
  table.generation = generation;
  return true;
}

/** A table for `names` from the files that mention them; undefined when too many do. */
function namesTable(store: IndexStore, names: ReadonlySet<string>): UsageTable | undefined {
  const files = new Map<number, string>();
  for (const name of names) {
    for (const f of store.filesReferencing(name)) files.set(f.id, f.path);
    if (files.size > PARTIAL_FILE_LIMIT) return undefined;
  }
  const table = new UsageTable(new RefBinder(new IndexView(store)));
  for (const [id, path] of [...files].sort((a, b) => a[0] - b[0])) table.addFile(path, store.refsOfFile(id, names), () => true);
  return table;
}
