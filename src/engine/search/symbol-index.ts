// In-memory index of every definition's ranking facts (name, kind, exported, file), so name
// lookups rank candidates without reading SQL rows; only the results shown are read from the
// store. Loaded on first use and patched per file as the index changes.
import type { SymbolKind } from '../model.js';
import type { IndexStore } from '../index/store.js';
import { identifierTokens } from './identifiers.js';

export interface SymbolEntry {
  id: number;
  name: string;
  kind: SymbolKind;
  exported: boolean;
  fileId: number;
}

export class SymbolIndex {
  private readonly byName = new Map<string, SymbolEntry[]>();
  private readonly byFile = new Map<number, SymbolEntry[]>();
  private readonly paths = new Map<number, string>();
  private scan: NameScan | undefined;
  private tokenIndex: Map<string, Set<string>> | undefined;

  static load(store: IndexStore): SymbolIndex {
    const index = new SymbolIndex();
    for (const [fileId, path] of store.filePathsById()) index.paths.set(fileId, path);
    for (const e of store.symbolEntries()) index.add(e);
    return index;
  }

  /** Replaces what the index holds for one file (after it was re-parsed). */
  replaceFile(fileId: number, path: string, entries: readonly SymbolEntry[]): void {
    this.removeFile(fileId);
    this.paths.set(fileId, path);
    for (const e of entries) this.add(e);
  }

  removeFile(fileId: number): void {
    for (const e of this.byFile.get(fileId) ?? []) {
      const list = this.byName.get(e.name)!;
      const rest = list.filter((x) => x.id !== e.id);
      if (rest.length) this.byName.set(e.name, rest);
      else {
        this.byName.delete(e.name);
        this.namesChanged();
        if (this.tokenIndex) for (const t of identifierTokens(e.name)) this.tokenIndex.get(t)?.delete(e.name);
      }
    }
    this.byFile.delete(fileId);
    this.paths.delete(fileId);
  }

  private add(e: SymbolEntry): void {
    let list = this.byName.get(e.name);
    if (!list) {
      this.byName.set(e.name, (list = []));
      this.namesChanged();
      if (this.tokenIndex) this.indexTokens(e.name);
    }
    list.push(e);
    (this.byFile.get(e.fileId) ?? this.byFile.set(e.fileId, []).get(e.fileId)!).push(e);
  }

  private namesChanged(): void {
    this.scan = undefined;
  }

  private indexTokens(name: string): void {
    for (const t of identifierTokens(name)) {
      (this.tokenIndex!.get(t) ?? this.tokenIndex!.set(t, new Set()).get(t)!).add(name);
    }
  }

  /** Distinct names, in a form that finds substrings with one native search (built on first use). */
  names(): NameScan {
    return (this.scan ??= new NameScan([...this.byName.keys()]));
  }

  /** Names containing each identifier token (built on first use). */
  namesWithToken(token: string): ReadonlySet<string> {
    if (!this.tokenIndex) {
      this.tokenIndex = new Map();
      for (const n of this.byName.keys()) this.indexTokens(n);
    }
    return this.tokenIndex.get(token) ?? new Set();
  }

  entries(name: string): readonly SymbolEntry[] { return this.byName.get(name) ?? []; }

  pathOf(fileId: number): string { return this.paths.get(fileId) ?? ''; }

  /** How many definitions a file holds. */
  countInFile(fileId: number): number { return this.byFile.get(fileId)?.length ?? 0; }
}

/**
 * Every distinct name, lower-cased and joined by newlines into one string, so that the names
 * containing a query are found by `indexOf` over that string rather than by a loop over names.
 */
export class NameScan {
  readonly names: readonly string[];
  readonly lowerNames: readonly string[];
  private readonly joined: string;
  private readonly starts: Int32Array;
  private byLength: Map<number, number[]> | undefined;

  constructor(names: string[]) {
    this.names = names;
    this.starts = new Int32Array(names.length);
    let offset = 0;
    names.forEach((n, i) => { this.starts[i] = offset; offset += n.length + 1; });
    this.lowerNames = names.map((n) => n.toLowerCase());
    this.joined = this.lowerNames.join('\n');
  }

  /** Indexes of the names whose lower-cased form contains `lowerQuery`, each once. */
  containing(lowerQuery: string): number[] {
    const out: number[] = [];
    if (!lowerQuery || lowerQuery.includes('\n')) return out;
    let last = -1;
    for (let pos = this.joined.indexOf(lowerQuery); pos >= 0; pos = this.joined.indexOf(lowerQuery, pos + 1)) {
      const i = this.nameAt(pos);
      if (i !== last) out.push((last = i));
    }
    return out;
  }

  /** Indexes of the names whose length is `length` (fuzzy candidates are within one of it). */
  ofLength(length: number): readonly number[] {
    if (!this.byLength) {
      this.byLength = new Map();
      this.names.forEach((n, i) => { (this.byLength!.get(n.length) ?? this.byLength!.set(n.length, []).get(n.length)!).push(i); });
    }
    return this.byLength.get(length) ?? [];
  }

  private nameAt(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
}
