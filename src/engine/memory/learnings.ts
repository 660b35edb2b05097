// Learnings: patterns, gotchas and conventions an agent records for later. Confidence moves with
// feedback and decays with time (computed at read time from a stored starting point, so answers are
// deterministic), near-duplicates are merged instead of stored twice, and recall ranks by text
// relevance (FTS5 with stemming, query terms OR-ed) × closeness of scope × effective confidence.
import { z } from 'zod';
import { notFound } from '../../errors.js';
import type { Anchors } from './anchors.js';
import type { MemoryDb } from './memory.js';

export const LEARNING_TYPES = ['pattern', 'antipattern', 'workaround', 'convention', 'gotcha'] as const;
export const LearningType = z.enum(LEARNING_TYPES);
export type LearningType = z.infer<typeof LearningType>;

export const LearningStatus = z.enum(['active', 'archived']);

export const Learning = z.object({
  id: z.number().int(),
  type: LearningType,
  description: z.string(),
  details: z.string(),
  scope: z.string().describe('"" = global, a directory prefix ending in "/", or a file path.'),
  confidence: z.number().describe('Stored confidence, before the time decay.'),
  effective_confidence: z.number().describe('Confidence after the time decay: what ranking uses.'),
  status: LearningStatus,
  archived_reason: z.string().optional(),
  help_count: z.number().int(),
  unhelpful_count: z.number().int(),
  apply_count: z.number().int(),
  last_applied_at: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  anchor_blob_oid: z.string().describe('git:<40 hex> or sha256:<64 hex> of the scope file when recorded; "" when none.'),
});
export type Learning = z.infer<typeof Learning>;

export const CONFIDENCE = { min: 0.1, max: 1, initial: 0.7 } as const;
const HELPFUL_STEP = 0.05;
const UNHELPFUL_STEP = 0.1;
const DUPLICATE_STEP = 0.05;
const DECAY_STEP = 0.02;
const DECAY_PERIOD_MS = 30 * 86_400_000;
const ARCHIVE_BELOW = 0.15;
const ARCHIVE_UNHELPFUL = 5;
const DUPLICATE_JACCARD = 0.8;
const LOW_CONFIDENCE_REASON = `confidence below ${ARCHIVE_BELOW * 100}%`;
/** Scope weight of learnings outside the scope chain, and the floor along it. */
const OUTSIDE_WEIGHT = 0.3;

/** Effective confidence in SQL, with the same arithmetic as `effectiveConfidence` (parameter: now). */
const EFFECTIVE_SQL = `max(${CONFIDENCE.min}, confidence - ${DECAY_STEP} * max(0, CAST((? - decay_from) / ${DECAY_PERIOD_MS} AS INTEGER)))`;

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const clampConfidence = (x: number): number => round4(Math.min(CONFIDENCE.max, Math.max(CONFIDENCE.min, x)));

/** Stored confidence minus 0.02 per full 30 days since `decayFrom`, never below 0.1. */
function effectiveConfidence(confidence: number, decayFrom: number, now: number): number {
  return Math.max(CONFIDENCE.min, confidence - DECAY_STEP * Math.max(0, Math.floor((now - decayFrom) / DECAY_PERIOD_MS)));
}

const belowArchiveLine = (effective: number): boolean => effective < ARCHIVE_BELOW - 1e-9;

/** The first moment the decay takes a learning below the archive line (every one gets there: the floor is 0.1). */
function archiveAt(confidence: number, decayFrom: number): number {
  let periods = 0;
  while (!belowArchiveLine(Math.max(CONFIDENCE.min, confidence - DECAY_STEP * periods))) periods++;
  return decayFrom + periods * DECAY_PERIOD_MS;
}

/** Lower-cased, punctuation and symbols stripped, whitespace collapsed. */
function normaliseDescription(text: string): string {
  return text.toLowerCase().replace(/[\p{P}\p{S}]/gu, '').replace(/\s+/g, ' ').trim();
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

const wordSet = (normalised: string): Set<string> => new Set(normalised.split(' ').filter(Boolean));

/** The scope, each parent directory prefix (with `/`), then global. */
function scopeChain(scope: string): string[] {
  if (!scope) return [''];
  const parts = (scope.endsWith('/') ? scope.slice(0, -1) : scope).split('/');
  const chain = [scope];
  for (let i = parts.length - 1; i >= 1; i--) chain.push(`${parts.slice(0, i).join('/')}/`);
  chain.push('');
  return chain;
}

/** 1.0 for the scope itself, −0.15 per step up the chain, never below 0.3. */
const chainWeight = (step: number): number => Math.max(OUTSIDE_WEIGHT, Math.round((1 - 0.15 * step) * 100) / 100);

/** A file scope (not global, not a directory prefix) can carry an anchor. */
const isFileScope = (scope: string): boolean => scope !== '' && !scope.endsWith('/');

/** Query words as FTS5 sees them (unicode61 splits on everything but letters and digits), quoted. */
const queryTerms = (query: string): string[] => [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].map((t) => `"${t}"`);

function archiveReason(unhelpful: number, effective: number): string | undefined {
  if (unhelpful >= ARCHIVE_UNHELPFUL) return `${unhelpful} unhelpful votes`;
  if (belowArchiveLine(effective)) return LOW_CONFIDENCE_REASON;
  return undefined;
}

interface Row {
  id: number; type: LearningType; description: string; details: string; scope: string; confidence: number;
  status: 'active' | 'archived'; archived_reason: string | null; help_count: number; unhelpful_count: number;
  apply_count: number; last_applied_at: string | null; decay_from: number; created_at: string; updated_at: string;
  anchor_blob_oid: string;
}

const ROW_COLUMNS = 'id, type, description, details, scope, confidence, status, archived_reason, help_count, unhelpful_count, apply_count, last_applied_at, decay_from, created_at, updated_at, anchor_blob_oid';

export interface NewLearning {
  type: LearningType;
  description: string;
  details: string;
  /** Already normalised: "", "dir/" or a file path. */
  scope: string;
  confidence: number;
  /** Validated anchor, or "" to compute one for an existing file scope. */
  anchor: string;
}

export interface RecordResult { id: number; created: boolean; duplicate_of?: number; learning: Learning }

export interface Recalled { learning: Learning; relevance_score: number; matched: boolean; stale_anchor: boolean }

export interface FeedbackResult {
  id: number; helpful: boolean; confidence_before: number; confidence: number; status_before: 'active' | 'archived';
  status: 'active' | 'archived'; help_count: number; unhelpful_count: number; archived_reason?: string;
}

export interface ListFilter { status: 'active' | 'archived' | 'all'; type: LearningType | ''; scope: string; limit: number }

interface Scored { id: number; score: number; matched: boolean }

export class Learnings {
  constructor(private readonly db: MemoryDb, private readonly anchors: Anchors, private readonly now: () => number) {}

  private toLearning(r: Row, now: number): Learning {
    return {
      id: r.id, type: r.type, description: r.description, details: r.details, scope: r.scope,
      confidence: r.confidence, effective_confidence: round4(effectiveConfidence(r.confidence, r.decay_from, now)),
      status: r.status, ...(r.archived_reason ? { archived_reason: r.archived_reason } : {}),
      help_count: r.help_count, unhelpful_count: r.unhelpful_count, apply_count: r.apply_count,
      ...(r.last_applied_at ? { last_applied_at: r.last_applied_at } : {}),
      created_at: r.created_at, updated_at: r.updated_at, anchor_blob_oid: r.anchor_blob_oid,
    };
  }

  private row(id: number): Row | undefined {
    return this.db.sql(`SELECT ${ROW_COLUMNS} FROM learnings WHERE id = ?`).get(id) as Row | undefined;
  }

  get(id: number): Learning | undefined {
    const r = this.row(id);
    return r && this.toLearning(r, this.now());
  }

  /**
   * Stores a learning, or merges it into an active one of the same type and scope whose description
   * is the same once normalised or shares ≥ 80 % of its words (Jaccard): that one gains +0.05
   * confidence and gets the details and anchor it lacked.
   */
  async record(input: NewLearning): Promise<RecordResult> {
    let anchor = input.anchor;
    if (!anchor && isFileScope(input.scope)) anchor = (await this.anchors.of([input.scope])).get(input.scope) ?? '';
    return this.db.write(() => {
      const now = this.now();
      const at = new Date(now).toISOString();
      const norm = normaliseDescription(input.description);
      const dup = this.duplicateOf(input.type, input.scope, norm);
      if (dup) {
        const confidence = clampConfidence(dup.confidence + DUPLICATE_STEP);
        this.db.sql(`UPDATE learnings SET confidence = ?, archive_at = ?, details = CASE WHEN details = '' THEN ? ELSE details END,
          anchor_blob_oid = CASE WHEN anchor_blob_oid = '' THEN ? ELSE anchor_blob_oid END, updated_at = ? WHERE id = ?`)
          .run(confidence, archiveAt(confidence, dup.decayFrom), input.details, anchor, at, dup.id);
        return { id: dup.id, created: false, duplicate_of: dup.id, learning: this.toLearning(this.row(dup.id)!, now) };
      }
      const confidence = clampConfidence(input.confidence);
      const [id] = this.db.sql(`INSERT INTO learnings(type, description, norm_description, details, scope, confidence, decay_from,
        archive_at, created_at, updated_at, anchor_blob_oid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).raw()
        .get(input.type, input.description, norm, input.details, input.scope, confidence, now, archiveAt(confidence, now), at, at, anchor) as [number];
      return { id, created: true, learning: this.toLearning(this.row(id)!, now) };
    });
  }

  private duplicateOf(type: LearningType, scope: string, norm: string): { id: number; confidence: number; decayFrom: number } | undefined {
    const rows = this.db.sql(`SELECT id, norm_description, confidence, decay_from FROM learnings
      WHERE type = ? AND scope = ? AND status = 'active' ORDER BY id`).raw().all(type, scope) as Array<[number, string, number, number]>;
    const words = wordSet(norm);
    let best: { row: [number, string, number, number]; similarity: number } | undefined;
    for (const row of rows) {
      const similarity = row[1] === norm ? 2 : jaccard(words, wordSet(row[1])); // equal text beats any overlap
      if (similarity >= DUPLICATE_JACCARD && similarity > (best?.similarity ?? 0)) best = { row, similarity };
    }
    return best && { id: best.row[0], confidence: best.row[2], decayFrom: best.row[3] };
  }

  /** Archives every active learning whose effective confidence fell below 0.15. */
  private archiveDecayed(now: number, at: string): void {
    this.db.sql(`UPDATE learnings SET status = 'archived', archived_reason = ?, updated_at = ? WHERE status = 'active' AND archive_at <= ?`)
      .run(LOW_CONFIDENCE_REASON, at, now);
  }

  /**
   * The query's terms OR-ed. A term found in half the learnings or more gets no weight from bm25
   * (FTS5 clamps its idf to 1e-6), yet it would make most learnings "match" and cost a score each;
   * such terms are left out when the query has a term that does tell learnings apart.
   */
  private matchExpression(terms: readonly string[]): string | undefined {
    if (terms.length < 2) return terms[0];
    const [learnings] = this.db.sql('SELECT count(*) FROM learnings').raw().get() as [number];
    const count = this.db.sql('SELECT count(*) FROM learnings_fts WHERE learnings_fts MATCH ?').raw();
    const telling = terms.filter((t) => {
      const [n] = count.get(t) as [number];
      return n > 0 && n < learnings / 2;
    });
    return (telling.length ? telling : terms).join(' OR ');
  }

  /**
   * The learnings most relevant to a query from a scope. Matched learnings come first, by
   * relevance (−bm25 over the best) × scope weight × effective confidence; learnings of the scope
   * chain that did not match follow, by scope weight × effective confidence, only when the query is
   * empty or matched fewer than `max`. Returned learnings count as applied.
   */
  async recall(query: string, scope: string, max: number): Promise<{ results: Recalled[]; total: number }> {
    const chain = scopeChain(scope);
    const weights = new Map(chain.map((s, i) => [s, chainWeight(i)]));
    const weightOf = (s: string): number => weights.get(s) ?? OUTSIDE_WEIGHT;
    const picked = this.db.write(() => {
      const now = this.now();
      const at = new Date(now).toISOString();
      this.archiveDecayed(now, at);
      const expression = this.matchExpression(queryTerms(query));
      // Ranked in SQL so that only what is shown crosses into JS, which recomputes the same scores
      // with the same arithmetic (so the same order) for the output.
      const weightCase = `(CASE scope ${chain.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${OUTSIDE_WEIGHT} END)`;
      const weightArgs = chain.flatMap((s) => [s, weightOf(s)]);
      const matched: Scored[] = [];
      let total = 0;
      if (expression) {
        // CROSS JOIN keeps the full-text search the outer loop (SQLite would otherwise run it once per learning).
        const rows = this.db.sql(`WITH m AS MATERIALIZED (SELECT l.id, l.scope, l.confidence, l.decay_from, -bm25(learnings_fts) AS rel
            FROM learnings_fts CROSS JOIN learnings l ON l.id = learnings_fts.rowid WHERE learnings_fts MATCH ? AND l.status = 'active')
          SELECT id, scope, confidence, decay_from, rel, (SELECT max(rel) FROM m), (SELECT count(*) FROM m) FROM m
          ORDER BY rel / (SELECT max(rel) FROM m) * ${weightCase} * ${EFFECTIVE_SQL} DESC, id LIMIT ?`).raw()
          .all(expression, ...weightArgs, now, max) as Array<[number, string, number, number, number, number, number]>;
        for (const [id, s, confidence, decayFrom, rank, best, count] of rows) {
          matched.push({ id, score: rank / best * weightOf(s) * effectiveConfidence(confidence, decayFrom, now), matched: true });
          total = count;
        }
      }
      const unmatched: Scored[] = [];
      if (!expression || total < max) {
        const where = `status = 'active' AND scope IN (${chain.map(() => '?').join(', ')})`
          + (expression ? ' AND id NOT IN (SELECT rowid FROM learnings_fts WHERE learnings_fts MATCH ?)' : '');
        const whereArgs = expression ? [...chain, expression] : chain;
        total += (this.db.sql(`SELECT count(*) FROM learnings WHERE ${where}`).raw().get(...whereArgs) as [number])[0];
        const rows = this.db.sql(`SELECT id, scope, confidence, decay_from FROM learnings WHERE ${where}
          ORDER BY ${weightCase} * ${EFFECTIVE_SQL} DESC, id LIMIT ?`).raw()
          .all(...whereArgs, ...weightArgs, now, max - matched.length) as Array<[number, string, number, number]>;
        for (const [id, s, confidence, decayFrom] of rows) {
          unmatched.push({ id, score: weightOf(s) * effectiveConfidence(confidence, decayFrom, now), matched: false });
        }
      }
      const shown = [...matched, ...unmatched];
      if (shown.length) {
        this.db.sql(`UPDATE learnings SET apply_count = apply_count + 1, last_applied_at = ? WHERE id IN (SELECT value FROM json_each(?))`)
          .run(at, JSON.stringify(shown.map((s) => s.id)));
      }
      const rows = new Map((this.db.sql(`SELECT ${ROW_COLUMNS} FROM learnings WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(shown.map((s) => s.id))) as Row[]).map((r) => [r.id, r]));
      return { total, shown: shown.map((s) => ({ scored: s, learning: this.toLearning(rows.get(s.id)!, now) })) };
    });
    const stale = await this.anchors.changed(picked.shown.map(({ learning: l }) => ({ path: l.scope, anchor: isFileScope(l.scope) ? l.anchor_blob_oid : '' })));
    return {
      total: picked.total,
      results: picked.shown.map(({ scored, learning }, i) => ({
        learning,
        relevance_score: scored.matched ? round4(scored.score) : 0,
        matched: scored.matched,
        stale_anchor: stale[i]!,
      })),
    };
  }

  /** Helpful: +0.05 and the decay restarts; unhelpful: −0.10. Archives or re-activates by the rule. */
  feedback(id: number, helpful: boolean): FeedbackResult {
    return this.db.write(() => {
      const now = this.now();
      const at = new Date(now).toISOString();
      const r = this.row(id);
      if (!r) throw notFound(`Learning #${id} does not exist.`, { learning_id: id });
      const before = effectiveConfidence(r.confidence, r.decay_from, now);
      const confidence = clampConfidence(r.confidence + (helpful ? HELPFUL_STEP : -UNHELPFUL_STEP));
      const decayFrom = helpful ? now : r.decay_from;
      const help = r.help_count + (helpful ? 1 : 0);
      const unhelpful = r.unhelpful_count + (helpful ? 0 : 1);
      const after = effectiveConfidence(confidence, decayFrom, now);
      const reason = archiveReason(unhelpful, after);
      this.db.sql(`UPDATE learnings SET confidence = ?, decay_from = ?, archive_at = ?, help_count = ?, unhelpful_count = ?, status = ?,
        archived_reason = ?, updated_at = ? WHERE id = ?`)
        .run(confidence, decayFrom, archiveAt(confidence, decayFrom), help, unhelpful, reason ? 'archived' : 'active', reason ?? null, at, id);
      return {
        id, helpful, confidence_before: round4(before), confidence: round4(after), status_before: r.status,
        status: reason ? 'archived' : 'active', help_count: help, unhelpful_count: unhelpful, ...(reason ? { archived_reason: reason } : {}),
      };
    });
  }

  /** Learnings by effective confidence (desc), then last update (newest first), then id. */
  list(filter: ListFilter): { learnings: Learning[]; total: number } {
    const now = this.now();
    const rows = this.db.sql(`SELECT ${ROW_COLUMNS} FROM learnings WHERE (?1 = 'all' OR status = ?1) AND (?2 = '' OR type = ?2)
      AND (scope = '' OR substr(scope, 1, length(?3)) = ?3)`).all(filter.status, filter.type, filter.scope) as Row[];
    const all = rows.map((r) => this.toLearning(r, now)).sort((a, b) =>
      b.effective_confidence - a.effective_confidence || (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0) || a.id - b.id);
    return { learnings: all.slice(0, filter.limit), total: all.length };
  }
}
