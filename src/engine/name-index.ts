// In-memory index of distinct symbol names, kept in step with the store as files change, so name
// lookups (prefix, substring, token and fuzzy tiers) scan a compact list instead of SQL rows.
import { identifierTokens } from './search/identifiers.js';

export class NameIndex {
  private readonly counts = new Map<string, number>();
  private list: string[] | undefined;
  private lower: string[] | undefined;
  private readonly tokenCache = new Map<string, string[]>();

  constructor(initial: Map<string, number>) {
    for (const [n, c] of initial) this.counts.set(n, c);
  }

  update(removed: readonly string[], added: readonly string[]): void {
    for (const n of removed) {
      const c = (this.counts.get(n) ?? 0) - 1;
      if (c > 0) this.counts.set(n, c);
      else this.counts.delete(n);
    }
    for (const n of added) this.counts.set(n, (this.counts.get(n) ?? 0) + 1);
    if (removed.length || added.length) { this.list = undefined; this.lower = undefined; }
  }

  has(name: string): boolean { return this.counts.has(name); }

  /** All distinct names (rebuilt lazily after changes). */
  names(): readonly string[] {
    return (this.list ??= [...this.counts.keys()]);
  }

  /** Lower-cased names, index-aligned with names(). */
  lowerNames(): readonly string[] {
    return (this.lower ??= this.names().map((n) => n.toLowerCase()));
  }

  count(name: string): number { return this.counts.get(name) ?? 0; }

  tokens(name: string): string[] {
    let t = this.tokenCache.get(name);
    if (!t) this.tokenCache.set(name, (t = identifierTokens(name)));
    return t;
  }

  get size(): number { return this.counts.size; }
}
