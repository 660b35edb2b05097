// Ranked definition lookup by name (spec §4.5): match tiers give a base score, small boosts
// (≤ 0.04, never enough to cross a tier) order results within a tier. Candidates are ranked in
// memory (SymbolIndex); only the rows shown are read from the store.
import type { SymbolKind } from '../model.js';
import type { IndexStore, SymbolRow } from '../index/store.js';
import { editDistanceIsOne, identifierTokens } from './identifiers.js';
import type { SymbolEntry, SymbolIndex } from './symbol-index.js';

export const MATCH_TIERS = ['exact_qualified', 'exact', 'case_insensitive', 'prefix', 'substring', 'token', 'fuzzy'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

/** `kind` filters name families so Go/Rust structs and traits answer `class`/`interface` queries. */
export const KIND_FAMILIES: Record<string, readonly SymbolKind[]> = {
  function: ['function'], method: ['method'], type: ['type'], enum: ['enum'], variable: ['variable'],
  property: ['property'], module: ['module'], struct: ['struct'], trait: ['trait'],
  class: ['class', 'struct'], interface: ['interface', 'trait'], constant: ['constant', 'enum_member'],
};

const CLASS_LIKE = new Set<SymbolKind>(['class', 'struct', 'interface', 'trait', 'type', 'enum']);
const BASE: Record<MatchTier, number> = {
  exact_qualified: 1, exact: 0.95, case_insensitive: 0.85, prefix: 0.75, substring: 0.6, token: 0.5, fuzzy: 0.4,
};

export interface SymbolHit extends SymbolRow { score: number; match: MatchTier; importance: number }

export interface SymbolSearchResult { hits: SymbolHit[]; total: number }

export interface SymbolSearchOptions {
  kind?: string;
  dir?: string;
  file?: string;
  importance: (path: string) => number;
}

/** The best tier and base score of every matching name. */
function matchNames(index: SymbolIndex, q: string): Map<string, { tier: MatchTier; base: number }> {
  const out = new Map<string, { tier: MatchTier; base: number }>();
  const ql = q.toLowerCase();
  const scan = index.names();
  for (const i of scan.containing(ql)) {
    const n = scan.names[i]!;
    const nl = scan.lowerNames[i]!;
    const tier: MatchTier | undefined = n === q ? 'exact' : nl === ql ? 'case_insensitive' : nl.startsWith(ql) ? 'prefix'
      : q.length >= 2 ? 'substring' : undefined;
    if (tier) out.set(n, { tier, base: BASE[tier] });
  }
  if (q.length >= 5) {
    for (const length of [ql.length - 1, ql.length, ql.length + 1]) {
      for (const i of scan.ofLength(length)) {
        const n = scan.names[i]!;
        if (!out.has(n) && editDistanceIsOne(scan.lowerNames[i]!, ql)) out.set(n, { tier: 'fuzzy', base: BASE.fuzzy });
      }
    }
  }
  // Identifier-token overlap: 0.5 × matched query tokens / query tokens, kept from 0.25.
  const qTokens = [...new Set(identifierTokens(q))];
  if (qTokens.length > 1) {
    const matched = new Map<string, number>();
    for (const t of qTokens) for (const n of index.namesWithToken(t)) matched.set(n, (matched.get(n) ?? 0) + 1);
    for (const [n, count] of matched) {
      const base = (0.5 * count) / qTokens.length;
      const prev = out.get(n);
      if (base >= 0.25 && (!prev || prev.base < base)) out.set(n, { tier: 'token', base });
    }
  }
  return out;
}

interface Candidate { id: number; score: number; tier: MatchTier; importance: number; path: string; row?: SymbolRow }

/** Result order: score desc, importance desc, path, then id (the line, for equal rows, is settled later). */
function compare(a: Candidate, b: Candidate): number {
  return b.score - a.score || b.importance - a.importance || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.id - b.id;
}

/** Keeps the best `limit` candidates seen, in order, without sorting every match. */
class TopK {
  readonly items: Candidate[] = [];
  constructor(private readonly limit: number) {}
  /** Cheap pre-check on the score alone, before a candidate is built. */
  wants(score: number): boolean {
    return this.items.length < this.limit || score >= this.items[this.items.length - 1]!.score;
  }
  offer(c: Candidate): void {
    const items = this.items;
    if (items.length === this.limit && compare(c, items[items.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (compare(items[mid]!, c) <= 0) lo = mid + 1; else hi = mid; }
    items.splice(lo, 0, c);
    if (items.length > this.limit) items.pop();
  }
}

export function searchSymbols(store: IndexStore, index: SymbolIndex, query: string, limit: number, opts: SymbolSearchOptions): SymbolSearchResult {
  const families = opts.kind ? KIND_FAMILIES[opts.kind] : undefined;
  const inScope = (kind: SymbolKind, path: string) => (!families || families.includes(kind))
    && (!opts.dir || path === opts.dir || path.startsWith(`${opts.dir}/`))
    && (!opts.file || path === opts.file);
  const score = (e: { name: string; kind: SymbolKind; exported: boolean }, base: number, importance: number) => {
    const boost = (e.exported && !e.name.startsWith('_') ? 0.01 : 0) + (CLASS_LIKE.has(e.kind) ? 0.01 : 0)
      + (e.kind === 'function' || e.kind === 'method' ? 0.005 : 0) + 0.01 * importance;
    return Math.round(Math.min(1, base + boost) * 10000) / 10000;
  };
  const importanceByFile = new Map<number, number>();
  const top = new TopK(limit);
  const seen = new Set<number>();
  let total = 0;

  if (query.includes('.')) {
    const last = query.slice(query.lastIndexOf('.') + 1);
    for (const s of store.symbolsNamed([last])) {
      if ((s.qualified_name !== query && !s.qualified_name.endsWith(`.${query}`)) || !inScope(s.kind, s.file_path)) continue;
      const importance = opts.importance(s.file_path);
      seen.add(s.id);
      total++;
      top.offer({ id: s.id, score: score(s, BASE.exact_qualified, importance), tier: 'exact_qualified', importance, path: s.file_path, row: s });
    }
  }
  const filtered = Boolean(families || opts.dir || opts.file);
  for (const [name, m] of matchNames(index, query)) {
    for (const e of index.entries(name)) {
      if (seen.has(e.id)) continue;
      // Most candidates cannot beat the current top even with the largest importance boost:
      // count them without looking up their file.
      if (!filtered && !top.wants(score(e, m.base, 1))) { total++; continue; }
      const path = index.pathOf(e.fileId);
      if (filtered && !inScope(e.kind, path)) continue;
      total++;
      let importance = importanceByFile.get(e.fileId);
      if (importance === undefined) importanceByFile.set(e.fileId, (importance = opts.importance(path)));
      const s = score(e, m.base, importance);
      if (top.wants(s)) top.offer({ id: e.id, score: s, tier: m.tier, importance, path });
    }
  }
  const chosen = top.items;
  const rows = new Map(store.symbolsByIds(chosen.filter((c) => !c.row).map((c) => c.id)).map((r) => [r.id, r]));
  const hits = chosen.map((c) => ({ ...(c.row ?? rows.get(c.id)!), score: c.score, match: c.tier, importance: c.importance }));
  // Equal scores, importance and path fall back to the line, as the spec orders them.
  hits.sort((a, b) => b.score - a.score || b.importance - a.importance
    || (a.file_path < b.file_path ? -1 : a.file_path > b.file_path ? 1 : 0) || a.start_line - b.start_line);
  return { hits, total };
}
