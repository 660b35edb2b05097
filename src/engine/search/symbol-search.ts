// Ranked definition lookup by name (spec §4.5): match tiers give a base score, small boosts
// (≤ 0.04, never enough to cross a tier) order results within a tier.
import type { SymbolKind } from '../model.js';
import type { NameIndex } from '../name-index.js';
import type { IndexStore, SymbolRow } from '../index/store.js';
import { editDistanceIsOne, identifierTokens } from './identifiers.js';

export const MATCH_TIERS = ['exact_qualified', 'exact', 'case_insensitive', 'prefix', 'substring', 'token', 'fuzzy'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

/** `kind` filters name families so Go/Rust structs and traits answer `class`/`interface` queries. */
export const KIND_FAMILIES: Record<string, readonly SymbolKind[]> = {
  function: ['function'], method: ['method'], type: ['type'], enum: ['enum'], variable: ['variable'],
  property: ['property'], module: ['module'], struct: ['struct'], trait: ['trait'],
  class: ['class', 'struct'], interface: ['interface', 'trait'], constant: ['constant', 'enum_member'],
};

const CLASS_LIKE = new Set<SymbolKind>(['class', 'struct', 'interface', 'trait', 'type', 'enum']);
/** Rows fetched at most before ranking; beyond it the total is a lower bound. */
const FETCH_CAP = 5000;

export interface SymbolHit extends SymbolRow { score: number; match: MatchTier; importance: number }

export interface SymbolSearchResult { hits: SymbolHit[]; total: number; capped: boolean }

export interface SymbolSearchOptions {
  kind?: string;
  dir?: string;
  file?: string;
  importance: (path: string) => number;
}

function nameTiers(names: NameIndex, q: string): Map<MatchTier, string[]> {
  const tiers = new Map<MatchTier, string[]>();
  const push = (t: MatchTier, n: string) => { (tiers.get(t) ?? tiers.set(t, []).get(t)!).push(n); };
  const ql = q.toLowerCase();
  const qTokens = identifierTokens(q);
  const all = names.names();
  const lower = names.lowerNames();
  for (let i = 0; i < all.length; i++) {
    const n = all[i]!;
    const nl = lower[i]!;
    if (n === q) push('exact', n);
    else if (nl === ql) push('case_insensitive', n);
    else if (nl.startsWith(ql)) push('prefix', n);
    else if (q.length >= 2 && nl.includes(ql)) push('substring', n);
    else if (qTokens.length > 1 && tokenScore(qTokens, names.tokens(n)) >= 0.25) push('token', n);
    else if (q.length >= 5 && editDistanceIsOne(nl, ql)) push('fuzzy', n);
  }
  return tiers;
}

function tokenScore(qTokens: readonly string[], nTokens: readonly string[]): number {
  const set = new Set(nTokens);
  return (0.5 * qTokens.filter((t) => set.has(t)).length) / qTokens.length;
}

const BASE: Record<MatchTier, number> = {
  exact_qualified: 1, exact: 0.95, case_insensitive: 0.85, prefix: 0.75, substring: 0.6, token: 0.5, fuzzy: 0.4,
};

export function searchSymbols(store: IndexStore, names: NameIndex, query: string, limit: number, opts: SymbolSearchOptions): SymbolSearchResult {
  const families = opts.kind ? KIND_FAMILIES[opts.kind] : undefined;
  const keep = (s: SymbolRow) => (!families || families.includes(s.kind))
    && (!opts.dir || s.file_path === opts.dir || s.file_path.startsWith(`${opts.dir}/`))
    && (!opts.file || s.file_path === opts.file);

  const hits: SymbolHit[] = [];
  const seen = new Set<number>();
  let fetched = 0;
  let capped = false;
  const take = (rows: SymbolRow[], tier: MatchTier, qTokens?: readonly string[]) => {
    for (const s of rows) {
      if (seen.has(s.id) || !keep(s)) continue;
      seen.add(s.id);
      const importance = opts.importance(s.file_path);
      let base = BASE[tier];
      if (tier === 'token' && qTokens) base = tokenScore(qTokens, identifierTokens(s.name));
      const boost = (s.exported && !s.name.startsWith('_') ? 0.01 : 0) + (CLASS_LIKE.has(s.kind) ? 0.01 : 0)
        + (s.kind === 'function' || s.kind === 'method' ? 0.005 : 0) + 0.01 * importance;
      hits.push({ ...s, score: Math.round(Math.min(1, base + boost) * 10000) / 10000, match: tier, importance });
    }
  };

  if (query.includes('.')) {
    const last = query.slice(query.lastIndexOf('.') + 1);
    take(store.symbolsNamed([last]).filter((s) => s.qualified_name === query || s.qualified_name.endsWith(`.${query}`)), 'exact_qualified');
  }
  const qTokens = identifierTokens(query);
  const tiers = nameTiers(names, query);
  for (const tier of MATCH_TIERS) {
    const list = tiers.get(tier);
    if (!list?.length) continue;
    if (fetched >= FETCH_CAP) { capped = true; break; }
    const batch: string[] = [];
    for (const n of list.sort()) {
      if (fetched >= FETCH_CAP) { capped = true; break; }
      batch.push(n);
      fetched += names.count(n);
    }
    take(store.symbolsNamed(batch), tier, qTokens);
  }
  hits.sort((a, b) => b.score - a.score || b.importance - a.importance
    || (a.file_path < b.file_path ? -1 : a.file_path > b.file_path ? 1 : 0) || a.start_line - b.start_line);
  return { hits: hits.slice(0, limit), total: hits.length, capped };
}
