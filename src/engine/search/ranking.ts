// Cheap structural boosts applied to keyword candidates (spec §4.6): name matches, chunk kind,
// source roots, query coverage, the whole query as a phrase, file class (docs, config, tests) and
// graph importance. Each factor is reported with the hit, so a ranking can be explained.
import { isTestPath } from '../discover/languages.js';
import { isConfigPath } from '../graph/importance.js';
import type { KeywordRow } from './keyword-index.js';

export interface RankingWeights {
  name_exact: number;
  name_contains: number;
  name_token: number;
  kind: Record<string, number>;
  source_root: number;
  coverage_high: number;
  coverage_mid: number;
  phrase: number;
  docs: number;
  config: number;
  tests: number;
  /** C/C++ headers: declarations repeat the words of the implementation the question is about. */
  header: number;
  importance: number;
}

/**
 * attocode's tuned values (spec §4.6), except importance: ×(1 + 2 × importance) instead of 0.5
 * scored better on all four measured repositories (docs/benchmarks.md).
 */
export const DEFAULT_WEIGHTS: RankingWeights = {
  name_exact: 5, name_contains: 3, name_token: 2.2,
  kind: { class: 1.8, function: 1.4, method: 1.3 },
  source_root: 1.7, coverage_high: 2.5, coverage_mid: 1.8, phrase: 3,
  docs: 0.3, config: 0.15, tests: 0.6, header: 0.5, importance: 2,
};

const SOURCE_ROOTS = new Set(['src', 'lib', 'pkg', 'core', 'internal', 'app', 'main']);
const DOC_KINDS = new Set(['section', 'text']);
const HEADER = /\.(h|hh|hpp|hxx)$/;

/** What a query brings to ranking, computed once per query. */
export interface QueryFacts {
  /** Distinct search terms (stemmed parts and whole identifiers). */
  terms: readonly string[];
  /**
   * The query's identifiers, lower-cased (`retryFailedRequest`, `parse_header`, `Foo.bar` → bar, or
   * the query itself when it is one word). Only these earn name boosts: measured on commit-subject
   * questions, boosting names that equal a prose word (`send`, `get`) ranked worse, not better.
   */
  names: readonly string[];
  /** Search terms of `names`. */
  nameTerms: readonly string[];
  /** The whole query lower-cased and whitespace-collapsed, for the phrase boost. */
  phrase: string;
  /** Tests are wanted: the query or the file filter mentions them. */
  wantsTests: boolean;
}

export interface Ranked {
  row: KeywordRow;
  /** Fraction of the query's terms found in the chunk's fields. */
  coverage: number;
  /** The multiplicative factors that applied (name → factor). */
  factors: Record<string, number>;
  /** The product of the factors. */
  boost: number;
}


/** The factors of one candidate; `importance` is the file's graph importance in 0..1. */
export function rankCandidate(row: KeywordRow, q: QueryFacts, importance: number, w: RankingWeights = DEFAULT_WEIGHTS): Ranked {
  const factors: Record<string, number> = {};
  const name = row.name.slice(row.name.lastIndexOf('.') + 1).toLowerCase();
  if (name && q.names.length) {
    const nameTokens = new Set(row.name_terms.split(' '));
    if (q.names.includes(name)) factors.name_exact = w.name_exact;
    else if (q.names.some((t) => t.length >= 3 && name.includes(t))) factors.name_contains = w.name_contains;
    else if (q.nameTerms.some((t) => nameTokens.has(t))) factors.name_token = w.name_token;
  }
  const kindFactor = w.kind[row.kind];
  if (kindFactor) factors.kind = kindFactor;
  if (SOURCE_ROOTS.has(row.path.split('/')[0] ?? '')) factors.source_root = w.source_root;
  const present = new Set(row.uniq_terms.split(' '));
  const coverage = q.terms.length ? q.terms.filter((t) => present.has(t)).length / q.terms.length : 0;
  if (coverage >= 0.7) factors.coverage = w.coverage_high;
  else if (coverage >= 0.4) factors.coverage = w.coverage_mid;
  if (q.phrase.includes(' ') && `${row.name} ${row.signature} ${row.doc}`.toLowerCase().replace(/\s+/g, ' ').includes(q.phrase)) factors.phrase = w.phrase;
  if (DOC_KINDS.has(row.kind)) factors.docs = w.docs;
  else if (isConfigPath(row.path)) factors.config = w.config;
  if (!q.wantsTests && isTestPath(row.path)) factors.tests = w.tests;
  if (HEADER.test(row.path)) factors.header = w.header;
  if (importance > 0) factors.importance = 1 + w.importance * importance;
  let boost = 1;
  for (const f of Object.values(factors)) boost *= f;
  return { row, coverage, factors, boost };
}
