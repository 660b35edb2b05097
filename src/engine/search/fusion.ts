// Weighted reciprocal-rank fusion of the keyword and vector legs (spec §4.6): Σ w / (k + rank),
// keyword weight 0.6 by default. attocode's adaptive rule is kept: when BM25's top hit clearly
// leads (top-1/top-2 ≥ 1.5) and its file is in the vector top 3, the keyword leg dominates
// (rank constants 10 keyword / 250 vector).

export interface LegHit { chunk_id: string; path: string; score: number }

export interface Fused {
  chunk_id: string;
  rrf: number;
  keyword_rank?: number;
  vector_rank?: number;
}

export interface FusionOptions { keyword_weight: number; k?: number }

/** True when the keyword leg should dominate this query. */
export function keywordDominates(keyword: readonly LegHit[], vector: readonly LegHit[]): boolean {
  const [first, second] = keyword;
  if (!first || first.score <= 0) return false;
  const clearLead = !second || first.score / Math.max(second.score, 1e-9) >= 1.5;
  return clearLead && vector.slice(0, 3).some((v) => v.path === first.path);
}

/** Fuses two best-first lists; ties are broken by chunk id so the order is deterministic. */
export function fuse(keyword: readonly LegHit[], vector: readonly LegHit[], opts: FusionOptions): Fused[] {
  const dominant = keywordDominates(keyword, vector);
  const kKeyword = dominant ? 10 : (opts.k ?? 60);
  const kVector = dominant ? 250 : (opts.k ?? 60);
  const wKeyword = opts.keyword_weight;
  const wVector = 1 - opts.keyword_weight;
  const out = new Map<string, Fused>();
  keyword.forEach((h, i) => {
    out.set(h.chunk_id, { chunk_id: h.chunk_id, rrf: wKeyword / (kKeyword + i + 1), keyword_rank: i + 1 });
  });
  vector.forEach((h, i) => {
    const add = wVector / (kVector + i + 1);
    const f = out.get(h.chunk_id);
    if (f) { f.rrf += add; f.vector_rank = i + 1; } else out.set(h.chunk_id, { chunk_id: h.chunk_id, rrf: add, vector_rank: i + 1 });
  });
  return [...out.values()].sort((a, b) => b.rrf - a.rrf || (a.chunk_id < b.chunk_id ? -1 : a.chunk_id > b.chunk_id ? 1 : 0));
}
