// Architecture decision records: numbered decisions (numbers are never reused) that move through
// a status lifecycle; every transition is kept in a history, supersession is recorded on the
// replaced decision, and related files carry content anchors to show where code drifted from a
// decision.
import { z } from 'zod';
import { invalidArgument, notFound } from '../../errors.js';
import type { Anchors } from './anchors.js';
import type { MemoryDb } from './memory.js';

export const ADR_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export const AdrStatus = z.enum(ADR_STATUSES);
export type AdrStatus = z.infer<typeof AdrStatus>;

/** Allowed transitions; `superseded` and `rejected` are terminal. */
const TRANSITIONS: Readonly<Record<AdrStatus, readonly AdrStatus[]>> = {
  proposed: ['accepted', 'rejected', 'deprecated', 'superseded'],
  accepted: ['deprecated', 'superseded'],
  deprecated: ['superseded'],
  superseded: [],
  rejected: [],
};

export const AdrTransition = z.object({
  from: AdrStatus,
  to: AdrStatus,
  at: z.string(),
  superseded_by: z.number().int().optional(),
});
export type AdrTransition = z.infer<typeof AdrTransition>;

export const Adr = z.object({
  number: z.number().int(),
  title: z.string(),
  status: AdrStatus,
  context: z.string(),
  decision: z.string(),
  consequences: z.string(),
  related_files: z.array(z.string()),
  tags: z.array(z.string()),
  author: z.string(),
  superseded_by: z.number().int().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  anchor_blob_oids: z.array(z.string()).describe('One per related file, in the same order; "" for a file that did not exist when recorded.'),
  history: z.array(AdrTransition).describe('Status transitions, oldest first.'),
});
export type Adr = z.infer<typeof Adr>;

export interface NewAdr {
  title: string;
  context: string;
  decision: string;
  consequences: string;
  /** Root-relative paths, confined and de-duplicated. */
  related_files: string[];
  /** Normalised tags. */
  tags: string[];
  /** One validated anchor (or "") per related file, or null to compute them. */
  anchors: string[] | null;
  status: 'proposed' | 'accepted';
  author: string;
}

export interface AdrListFilter { status: AdrStatus | ''; tag: string; search: string; limit: number }

export const RelatedFileState = z.object({
  path: z.string(),
  exists: z.boolean(),
  anchor_changed: z.boolean().describe('The file exists and its content differs from when the ADR recorded it.'),
});
export type RelatedFileState = z.infer<typeof RelatedFileState>;

export interface StatusChange { number: number; from: AdrStatus; to: AdrStatus; changed: boolean; adr: Adr }

interface Row {
  number: number; title: string; status: AdrStatus; context: string; decision: string; consequences: string;
  related_files: string; tags: string; author: string; superseded_by: number | null; created_at: string; updated_at: string;
}

interface StoredFile { path: string; anchor_blob_oid: string }

const COLUMNS = 'number, title, status, context, decision, consequences, related_files, tags, author, superseded_by, created_at, updated_at';

/** Trimmed, lower-cased, without empties and repeats, in first-seen order. */
export const normaliseTags = (tags: readonly string[]): string[] =>
  [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];

export class Adrs {
  constructor(private readonly db: MemoryDb, private readonly anchors: Anchors, private readonly now: () => number) {}

  private history(number: number): AdrTransition[] {
    const rows = this.db.sql('SELECT from_status, to_status, at, superseded_by FROM adr_history WHERE adr = ? ORDER BY seq').raw()
      .all(number) as Array<[AdrStatus, AdrStatus, string, number | null]>;
    return rows.map(([from, to, at, by]) => ({ from, to, at, ...(by !== null ? { superseded_by: by } : {}) }));
  }

  private toAdr(r: Row): Adr {
    const files = JSON.parse(r.related_files) as StoredFile[];
    return {
      number: r.number, title: r.title, status: r.status, context: r.context, decision: r.decision, consequences: r.consequences,
      related_files: files.map((f) => f.path), tags: JSON.parse(r.tags) as string[], author: r.author,
      ...(r.superseded_by !== null ? { superseded_by: r.superseded_by } : {}),
      created_at: r.created_at, updated_at: r.updated_at, anchor_blob_oids: files.map((f) => f.anchor_blob_oid),
      history: this.history(r.number),
    };
  }

  private row(number: number): Row | undefined {
    return this.db.sql(`SELECT ${COLUMNS} FROM adrs WHERE number = ?`).get(number) as Row | undefined;
  }

  get(number: number): Adr | undefined {
    const r = this.row(number);
    return r && this.toAdr(r);
  }

  /** Every ADR, or the given numbers (not_found for an unknown one), by number. */
  all(numbers?: readonly number[]): Adr[] {
    if (!numbers) return (this.db.sql(`SELECT ${COLUMNS} FROM adrs ORDER BY number`).all() as Row[]).map((r) => this.toAdr(r));
    return [...new Set(numbers)].sort((a, b) => a - b).map((n) => {
      const adr = this.get(n);
      if (!adr) throw notFound(`ADR #${n} does not exist.`, { number: n });
      return adr;
    });
  }

  async record(input: NewAdr): Promise<Adr> {
    const anchors = input.anchors ?? await this.anchorsOf(input.related_files);
    const files: StoredFile[] = input.related_files.map((path, i) => ({ path, anchor_blob_oid: anchors[i] ?? '' }));
    return this.db.write(() => {
      const at = new Date(this.now()).toISOString();
      const [number] = this.db.sql(`INSERT INTO adrs(title, status, context, decision, consequences, related_files, tags, author, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING number`).raw().get(input.title, input.status, input.context, input.decision,
        input.consequences, JSON.stringify(files), JSON.stringify(input.tags), input.author, at, at) as [number];
      return this.get(number)!;
    });
  }

  private async anchorsOf(paths: readonly string[]): Promise<string[]> {
    const found = await this.anchors.of(paths);
    return paths.map((p) => found.get(p) ?? '');
  }

  /** ADRs by number, newest first. `search` is a literal, case-insensitive substring of the texts. */
  list(filter: AdrListFilter): { adrs: Adr[]; total: number } {
    const tag = filter.tag.trim().toLowerCase();
    const needle = filter.search.toLowerCase();
    const rows = this.db.sql(`SELECT ${COLUMNS} FROM adrs WHERE (?1 = '' OR status = ?1) ORDER BY number DESC`).all(filter.status) as Row[];
    const kept = rows.filter((r) => (!tag || (JSON.parse(r.tags) as string[]).includes(tag))
      && (!needle || [r.title, r.context, r.decision, r.consequences].some((t) => t.toLowerCase().includes(needle))));
    return { adrs: kept.slice(0, filter.limit).map((r) => this.toAdr(r)), total: kept.length };
  }

  /** Numbers of the ADRs this one replaced. */
  supersedes(number: number): number[] {
    return (this.db.sql('SELECT number FROM adrs WHERE superseded_by = ? ORDER BY number').raw().all(number) as Array<[number]>).map((r) => r[0]);
  }

  /** Whether each related file still exists and still has the content it had when recorded. */
  async relatedFiles(adr: Adr): Promise<RelatedFileState[]> {
    const changed = await this.anchors.changed(adr.related_files.map((path, i) => ({ path, anchor: adr.anchor_blob_oids[i] ?? '' })));
    return adr.related_files.map((path, i) => {
      const exists = this.anchors.exists(path);
      return { path, exists, anchor_changed: exists && changed[i]! };
    });
  }

  /**
   * Moves an ADR to `to`. Re-applying the current status (with the same `superseded_by`) changes
   * nothing; a forbidden transition names the allowed ones; `superseded` needs a live replacement.
   */
  setStatus(number: number, to: AdrStatus, supersededBy: number | null): StatusChange {
    return this.db.write(() => {
      const current = this.row(number);
      if (!current) throw notFound(`ADR #${number} does not exist.`, { number });
      const from = current.status;
      if (supersededBy !== null && to !== 'superseded') {
        throw invalidArgument(`Parameter 'superseded_by' only applies to status 'superseded', not '${to}'.`, { parameter: 'superseded_by' });
      }
      if (from === to && (to !== 'superseded' || supersededBy === current.superseded_by)) {
        return { number, from, to, changed: false, adr: this.toAdr(current) };
      }
      const allowed = TRANSITIONS[from];
      if (!allowed.includes(to)) {
        throw invalidArgument(`ADR #${number} cannot move from '${from}' to '${to}'; allowed: ${allowed.length ? allowed.join(', ') : 'none (terminal)'}.`,
          { number, from, to, allowed: [...allowed] });
      }
      if (to === 'superseded') this.checkReplacement(number, supersededBy);
      const at = new Date(this.now()).toISOString();
      this.db.sql('UPDATE adrs SET status = ?, superseded_by = ?, updated_at = ? WHERE number = ?').run(to, supersededBy, at, number);
      this.db.sql(`INSERT INTO adr_history(adr, seq, from_status, to_status, at, superseded_by)
        VALUES (?1, (SELECT count(*) FROM adr_history WHERE adr = ?1), ?2, ?3, ?4, ?5)`).run(number, from, to, at, supersededBy);
      return { number, from, to, changed: true, adr: this.get(number)! };
    });
  }

  private checkReplacement(number: number, supersededBy: number | null): void {
    if (supersededBy === null) {
      throw invalidArgument(`Status 'superseded' needs 'superseded_by': the number of the ADR that replaces #${number}.`, { parameter: 'superseded_by' });
    }
    if (supersededBy === number) throw invalidArgument(`ADR #${number} cannot supersede itself.`, { parameter: 'superseded_by' });
    const target = this.row(supersededBy);
    if (!target) throw invalidArgument(`superseded_by: ADR #${supersededBy} does not exist.`, { parameter: 'superseded_by', superseded_by: supersededBy });
    if (target.status === 'superseded' || target.status === 'rejected') {
      throw invalidArgument(`superseded_by: ADR #${supersededBy} is ${target.status} itself; name a live decision.`,
        { parameter: 'superseded_by', superseded_by: supersededBy, status: target.status });
    }
  }

  /**
   * Writes whole records as given (an import): existing numbers are overwritten, new ones inserted
   * with their number. ADRs whose `superseded_by` names an ADR that exists neither in the store nor
   * among the accepted ones are returned as rejected. One transaction.
   */
  replace(adrs: readonly Adr[]): { created: number[]; updated: number[]; rejected: Array<{ number: number; reason: string }> } {
    return this.db.write(() => {
      const exists = (n: number) => this.row(n) !== undefined;
      let kept = [...adrs];
      const rejected: Array<{ number: number; reason: string }> = [];
      for (let changed = true; changed;) {
        const numbers = new Set(kept.map((a) => a.number));
        const bad = kept.filter((a) => a.superseded_by !== undefined && !numbers.has(a.superseded_by) && !exists(a.superseded_by));
        for (const a of bad) rejected.push({ number: a.number, reason: `superseded_by names ADR #${a.superseded_by}, which does not exist` });
        kept = kept.filter((a) => !bad.includes(a));
        changed = bad.length > 0;
      }
      const created: number[] = [];
      const updated: number[] = [];
      for (const a of kept) {
        (exists(a.number) ? updated : created).push(a.number);
        const files: StoredFile[] = a.related_files.map((path, i) => ({ path, anchor_blob_oid: a.anchor_blob_oids[i] ?? '' }));
        this.db.sql(`INSERT INTO adrs(${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(number) DO UPDATE SET title = excluded.title, status = excluded.status, context = excluded.context,
          decision = excluded.decision, consequences = excluded.consequences, related_files = excluded.related_files,
          tags = excluded.tags, author = excluded.author, superseded_by = excluded.superseded_by,
          created_at = excluded.created_at, updated_at = excluded.updated_at`).run(a.number, a.title, a.status, a.context, a.decision,
          a.consequences, JSON.stringify(files), JSON.stringify(a.tags), a.author, a.superseded_by ?? null, a.created_at, a.updated_at);
        this.db.sql('DELETE FROM adr_history WHERE adr = ?').run(a.number);
        a.history.forEach((h, seq) => this.db.sql('INSERT INTO adr_history(adr, seq, from_status, to_status, at, superseded_by) VALUES (?, ?, ?, ?, ?, ?)')
          .run(a.number, seq, h.from, h.to, h.at, h.superseded_by ?? null));
      }
      return { created: created.sort((x, y) => x - y), updated: updated.sort((x, y) => x - y), rejected: rejected.sort((x, y) => x.number - y.number) };
    });
  }
}
