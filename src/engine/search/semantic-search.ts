// Natural-language code search (spec §4.6): the keyword leg (BM25 over pre-tokenised chunk fields,
// then structural boosts), the vector leg when an embedding provider is configured and ready,
// weighted reciprocal-rank fusion, a neighbour boost from the import graph, at most three chunks
// per file, and an honest low-confidence flag from the repository's calibrated bar.
import { CartographError, invalidArgument, notIndexedYet, unavailable } from '../../errors.js';
import type { Project } from '../project.js';
import { isTestPath } from '../discover/languages.js';
import { pathGlob } from '../path-glob.js';
import { escapeLiteral } from '../lance.js';
import { percentile95, nonsenseQueries, type Calibration } from './calibration.js';
import { fuse, type LegHit } from './fusion.js';
import { KEYWORD_FIELDS, type KeywordRow } from './keyword-index.js';
import { DEFAULT_WEIGHTS, rankCandidate, type QueryFacts, type Ranked } from './ranking.js';
import { queryTerms } from './terms.js';

export type SearchMode = 'auto' | 'keyword' | 'vector';
export type DegradedReason = 'no_provider' | 'provider_unavailable' | 'embeddings_building' | 'model_mismatch';

export interface SearchOptions {
  query: string;
  top_k: number;
  file_filter?: string;
  mode: SearchMode;
  /** RRF weight of the keyword leg (0..1); the vector leg gets the rest. */
  keyword_weight?: number;
  signal?: AbortSignal;
}

export interface SearchHit {
  file_path: string;
  line: number;
  end_line: number;
  kind: string;
  name: string;
  chunk_id: string;
  score: number;
  snippet: string;
  components: {
    bm25?: number;
    bm25_rank?: number;
    cosine?: number;
    vector_rank?: number;
    /** Structural factors applied to the keyword score (name, kind, coverage, tests …). */
    factors?: Record<string, number>;
  };
}

export interface SearchResponse {
  mode_used: 'keyword' | 'vector' | 'hybrid';
  degraded_reason?: DegradedReason;
  low_confidence: boolean;
  results: SearchHit[];
  total: number;
  notes: string[];
}

/** The vector side as the search sees it; provided by the project's search service when a provider is configured. */
export interface VectorLeg {
  /** Why the leg cannot serve now, or undefined when it can. */
  unusable(): Promise<DegradedReason | undefined>;
  /** Share of chunks embedded with the active model, 0..1. */
  coverage(): number;
  search(query: string, k: number, paths: ReadonlySet<string> | undefined, signal?: AbortSignal): Promise<Array<{ chunk_id: string; path: string; cosine: number }>>;
  /** Waits (up to `ms`) for coverage to reach `target`; true when it did. */
  waitForCoverage(target: number, ms: number, signal?: AbortSignal): Promise<boolean>;
}

/**
 * Field boosts of the keyword leg. Measured with evaluate_search on flask, express, typeorm and
 * curl (docs/benchmarks.md): a name boost above the body's lost MRR on every repository, doubling
 * the body gained on three of four.
 */
export const FIELD_BOOSTS: Readonly<Record<(typeof KEYWORD_FIELDS)[number], number>> = {
  name_terms: 1, sig_terms: 1.5, doc_terms: 1.5, path_terms: 1.2, body_terms: 2,
};
const PER_FILE = 3;
const NEIGHBOUR_BOOST = 1.3;
const COVERAGE_FLOOR = 0.4;
const VECTOR_WAIT_MS = 60_000;
/** A file filter matching more files than this is applied after the search instead of inside it. */
const PREFILTER_MAX_PATHS = 2000;

const widthFor = (topK: number) => Math.max(12 * topK, 150);

/** Identifier-shaped words: a case change inside, an underscore, a digit after letters, or a member access. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const looksLikeIdentifier = (w: string) => IDENTIFIER.test(w) && (/[a-z][A-Z]|_|[A-Za-z]\d|\./.test(w));

function facts(query: string, fileFilter: string): QueryFacts {
  const terms = queryTerms(query);
  const words = query.split(/[\s,;:()"'`]+/).filter(Boolean);
  const identifiers = words.length === 1 && IDENTIFIER.test(words[0]!) ? words : words.filter(looksLikeIdentifier);
  const names = [...new Set(identifiers.map((w) => w.slice(w.lastIndexOf('.') + 1).toLowerCase()))];
  const wantsTests = /\b(tests?|spec|specs|testing)\b/i.test(query) || /test|spec/i.test(fileFilter);
  return { terms, names, nameTerms: queryTerms(names.join(' ')), phrase: query.toLowerCase().trim().replace(/\s+/g, ' '), wantsTests };
}

/** Paths the file filter admits, or undefined for no filter. */
function filteredPaths(project: Project, fileFilter: string): Set<string> | undefined {
  if (!fileFilter) return undefined;
  let re: RegExp;
  try { re = pathGlob(fileFilter); } catch {
    throw invalidArgument(`Parameter 'file_filter' is not a valid glob: '${fileFilter}'.`, { parameter: 'file_filter' });
  }
  const out = new Set<string>();
  for (const path of project.graph().files.keys()) if (re.test(path)) out.add(path);
  return out;
}

interface KeywordLeg { ranked: Ranked[]; hits: LegHit[]; bm25: Map<string, number>; bestPerTerm: number }

/** BM25 candidates re-ranked by the structural factors. */
async function keywordLeg(project: Project, q: QueryFacts, width: number, paths: ReadonlySet<string> | undefined): Promise<KeywordLeg> {
  const kw = await project.search().keyword();
  if (paths?.size === 0) return { ranked: [], bm25: new Map(), hits: [], bestPerTerm: 0 };
  const prefilter = paths && paths.size <= PREFILTER_MAX_PATHS;
  const where = prefilter ? `path IN (${[...paths].map(escapeLiteral).join(', ')})` : undefined;
  const boosts = { ...FIELD_BOOSTS, ...project.settings.search_field_boosts };
  const raw = await kw.search(q.terms, KEYWORD_FIELDS.map((f) => boosts[f]), paths && !prefilter ? width * 4 : width, where);
  const rows = paths && !prefilter ? raw.filter((r) => paths.has(r.path)) : raw;
  const graph = project.graph();
  const bm25 = new Map(rows.map((r) => [r.chunk_id, r.bm25]));
  const ranked = rows.map((r) => rankCandidate(r, q, graph.importance(r.path), DEFAULT_WEIGHTS))
    .sort((a, b) => score(b) - score(a) || byPosition(a.row, b.row));
  function score(r: Ranked): number { return (bm25.get(r.row.chunk_id) ?? 0) * r.boost; }
  const best = rows.reduce((m, r) => Math.max(m, r.bm25), 0);
  return {
    ranked,
    bm25,
    hits: ranked.map((r) => ({ chunk_id: r.row.chunk_id, path: r.row.path, score: score(r) })),
    bestPerTerm: q.terms.length ? best / q.terms.length : 0,
  };
}

function byPosition(a: { path: string; start_line: number }, b: { path: string; start_line: number }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.start_line - b.start_line;
}

/** Signature and first doc sentence on one line, at most 120 characters. */
function snippetOf(row: KeywordRow): string {
  const firstSentence = row.doc.split(/(?<=[.!?])\s/)[0] ?? '';
  const dot = row.header.indexOf(' · '); // `path · owner · signature`, or `path · heading path`
  const head = row.signature || (dot >= 0 ? row.header.slice(dot + 3).trim() : '') || row.name || row.path;
  const line = [head, firstSentence].filter(Boolean).join(' | ').replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** Decides the leg mix for `mode`; throws for a `vector` call that cannot be served. */
async function chooseMode(project: Project, mode: SearchMode, signal: AbortSignal | undefined): Promise<{ leg?: VectorLeg; degraded?: DegradedReason }> {
  if (mode === 'keyword') return {};
  const leg = project.search().vectorLeg();
  if (!leg) {
    if (mode === 'vector') throw unavailable("mode 'vector' needs an embedding provider; none is configured (set embedding.provider to ollama or onnx).", { reason: 'no_provider' });
    return { degraded: 'no_provider' };
  }
  const reason = await leg.unusable();
  if (!reason) return { leg };
  if (mode === 'auto') return { degraded: reason };
  if (reason !== 'embeddings_building') throw unavailable(`mode 'vector' cannot run: ${reason.replace(/_/g, ' ')}.`, { reason });
  if (await leg.waitForCoverage(0.8, VECTOR_WAIT_MS, signal)) return { leg };
  throw notIndexedYet(`Embeddings cover ${Math.round(leg.coverage() * 100)}% of chunks; mode 'vector' needs 80%.`, { coverage: leg.coverage() }, 30_000);
}

export async function semanticSearch(project: Project, opts: SearchOptions): Promise<SearchResponse> {
  const query = opts.query.trim();
  if (!query) throw invalidArgument("Parameter 'query' must not be empty.", { parameter: 'query' });
  const q = facts(query, opts.file_filter ?? '');
  const paths = filteredPaths(project, opts.file_filter ?? '');
  await project.search().ready();
  const chosen = await chooseMode(project, opts.mode, opts.signal);
  let degraded = chosen.degraded;
  const width = widthFor(opts.top_k);
  const kw = opts.mode === 'vector' ? undefined : await keywordLeg(project, q, width, paths);
  let vector: Array<{ chunk_id: string; path: string; cosine: number }> | undefined;
  try {
    vector = chosen.leg ? await chosen.leg.search(query, width, paths, opts.signal) : undefined;
  } catch (err) {
    // auto never fails for the optional leg: the provider going away mid-call degrades to keyword.
    if (opts.mode !== 'auto' || !(err instanceof CartographError) || err.code !== 'unavailable') throw err;
    degraded = 'provider_unavailable';
  }
  const notes: string[] = [];
  if (!q.terms.length) notes.push('the query has no searchable words (only stop words or one-letter tokens).');

  const rowsById = new Map<string, KeywordRow>();
  const ranked = new Map<string, Ranked>();
  for (const r of kw?.ranked ?? []) { rowsById.set(r.row.chunk_id, r.row); ranked.set(r.row.chunk_id, r); }
  const cosine = new Map((vector ?? []).map((v) => [v.chunk_id, v.cosine]));
  const missing = (vector ?? []).map((v) => v.chunk_id).filter((id) => !rowsById.has(id));
  for (const row of await (await project.search().keyword()).rowsByIds(missing)) rowsById.set(row.chunk_id, row);

  // Fused order: RRF for two legs, the boosted keyword score (or cosine) for one.
  const vectorHits: LegHit[] = (vector ?? []).map((v) => ({ chunk_id: v.chunk_id, path: v.path, score: v.cosine }));
  const keywordHits = kw?.hits ?? [];
  const order = vector && kw
    ? fuse(keywordHits, vectorHits, { keyword_weight: opts.keyword_weight ?? project.settings.search_keyword_weight }).map((f) => ({ id: f.chunk_id, score: f.rrf }))
    : (vector ? vectorHits : keywordHits).map((h) => ({ id: h.chunk_id, score: h.score }));
  const keywordRank = new Map(keywordHits.map((h, i) => [h.chunk_id, i + 1]));
  const vectorRank = new Map(vectorHits.map((h, i) => [h.chunk_id, i + 1]));

  // Neighbour boost: files importing or imported by the top five files; tests down when only vectors ranked them.
  const graph = project.graph();
  const top = [...new Set(order.map((o) => rowsById.get(o.id)?.path).filter((p): p is string => !!p))].slice(0, 5);
  const neighbours = new Set<string>();
  for (const p of top) for (const n of [...graph.imports(p), ...graph.importers(p)]) if (!top.includes(n.path)) neighbours.add(n.path);
  const scored = order.flatMap(({ id, score }) => {
    const row = rowsById.get(id);
    if (!row) return [];
    let s = score;
    if (neighbours.has(row.path)) s *= NEIGHBOUR_BOOST;
    if (!ranked.has(id) && !q.wantsTests && isTestPath(row.path)) s *= DEFAULT_WEIGHTS.tests;
    return [{ row, score: s }];
  }).sort((a, b) => b.score - a.score || byPosition(a.row, b.row));

  const perFile = new Map<string, number>();
  const kept = scored.filter(({ row }) => {
    const n = perFile.get(row.path) ?? 0;
    perFile.set(row.path, n + 1);
    return n < PER_FILE;
  });
  const shown = kept.slice(0, opts.top_k);
  const topScore = shown[0]?.score ?? 1;
  const results: SearchHit[] = shown.map(({ row, score }) => {
    const r = ranked.get(row.chunk_id);
    const bm25 = kw?.bm25.get(row.chunk_id);
    return {
      file_path: row.path, line: row.start_line, end_line: row.end_line, kind: row.kind, name: row.name,
      chunk_id: row.chunk_id, score: round(score / topScore), snippet: snippetOf(row),
      components: {
        ...(bm25 !== undefined ? { bm25: round(bm25), bm25_rank: keywordRank.get(row.chunk_id)! } : {}),
        ...(cosine.has(row.chunk_id) ? { cosine: round(cosine.get(row.chunk_id)!), vector_rank: vectorRank.get(row.chunk_id)! } : {}),
        ...(r && Object.keys(r.factors).length ? { factors: r.factors } : {}),
      },
    };
  });

  const low = lowConfidence(project, kw, vector, q, shown.map((s) => ranked.get(s.row.chunk_id)));
  return {
    mode_used: vector && kw ? 'hybrid' : vector ? 'vector' : 'keyword',
    ...(degraded ? { degraded_reason: degraded } : {}),
    low_confidence: low,
    results,
    total: kept.length,
    notes,
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Calibrated when the repository's bar for this generation exists; until then, no shown result
 * covering 40 % of the query terms (and, with vectors, a best cosine under 0.3) means low confidence.
 */
function lowConfidence(project: Project, kw: KeywordLeg | undefined, vector: Array<{ cosine: number }> | undefined, q: QueryFacts, shown: Array<Ranked | undefined>): boolean {
  const bestCosine = vector?.reduce((m, v) => Math.max(m, v.cosine), 0);
  const bar = project.search().calibration();
  if (bar) {
    const keywordWeak = !kw || kw.bestPerTerm <= bar.bm25_per_term;
    const vectorWeak = bestCosine === undefined || bestCosine <= (bar.cosine ?? 0.3);
    return keywordWeak && vectorWeak;
  }
  const covered = shown.some((r) => r && r.coverage >= COVERAGE_FLOOR);
  return !covered && (bestCosine === undefined || bestCosine < 0.3);
}

/** Learns the repository's bar from the made-up queries (keyword leg; vectors too when they can serve). */
export async function calibrate(project: Project, leg?: VectorLeg): Promise<Calibration> {
  const generation = project.store.generation;
  const perTerm: number[] = [];
  let cosines: number[] | undefined = leg && !(await leg.unusable()) ? [] : undefined;
  for (const query of nonsenseQueries()) {
    perTerm.push((await keywordLeg(project, facts(query, ''), 10, undefined)).bestPerTerm);
    if (!cosines || !leg) continue;
    try {
      cosines.push((await leg.search(query, 1, undefined)).reduce((m, v) => Math.max(m, v.cosine), 0));
    } catch {
      cosines = undefined; // the provider went away: the keyword bar still stands
    }
  }
  return {
    generation, bm25_per_term: percentile95(perTerm), queries: perTerm.length,
    ...(cosines ? { cosine: percentile95(cosines) } : {}),
  };
}

/** True when vector search can serve now: a provider is configured, reachable and its embeddings are ready. */
export async function vectorSearchAvailable(project: Project): Promise<boolean> {
  const leg = project.search().vectorLeg();
  return leg !== undefined && (await leg.unusable()) === undefined;
}
