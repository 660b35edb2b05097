// The keyword leg's store (spec §4.6): one LanceDB row per chunk, its fields pre-tokenised by our
// identifier-aware tokenizer (LanceDB's own tokenizer cannot split `parseHttpHeader`), one
// full-text index per field, and BM25 across the fields with per-field boosts (MultiMatchQuery).
// The table is a derived copy of the SQLite index: rows carry their file's content hash, so a
// sync after any commit (or a crash) compares hashes and rewrites only the files that differ.
import { Field, Int32, Schema, Utf8 } from 'apache-arrow';
import type * as lancedb from '@lancedb/lancedb';
import type { Chunk } from '../model.js';
import { log } from '../../log.js';
import { connectLance, escapeLiteral, lancedb as loadLance } from '../lance.js';
import { pushTerms } from './terms.js';

/** The fields the keyword leg scores, in MultiMatchQuery column order. */
export const KEYWORD_FIELDS = ['name_terms', 'sig_terms', 'doc_terms', 'path_terms', 'body_terms'] as const;
export type KeywordField = (typeof KEYWORD_FIELDS)[number];

/** What the keyword table needs to know of a chunk. */
export type ChunkInput = Pick<Chunk, 'chunk_id' | 'kind' | 'name' | 'start_line' | 'end_line' | 'header' | 'signature' | 'doc' | 'text'>;

/**
 * A row as read back for ranking and display. The chunk's text and body terms are not read back:
 * fetching them for 150 candidates cost more than the full-text search itself (JDK, 280k rows);
 * `uniq_terms` (every field's distinct terms) is what ranking needs of them.
 */
export type KeywordRow = Omit<ChunkInput, 'kind' | 'text'> & { kind: string; path: string; name_terms: string; uniq_terms: string };

export interface KeywordHit extends KeywordRow { bm25: number }

/** Versioned: a table of an older layout is dropped and rebuilt, never misread. */
const TABLE = 'chunks_v2';
const OLD_TABLES = ['chunks'];
const DISPLAY_COLUMNS = ['chunk_id', 'path', 'kind', 'name', 'start_line', 'end_line', 'header', 'signature', 'doc', 'name_terms', 'uniq_terms'];

const SCHEMA = new Schema([
  new Field('chunk_id', new Utf8(), false),
  new Field('path', new Utf8(), false),
  new Field('content_hash', new Utf8(), false),
  new Field('kind', new Utf8(), false),
  new Field('name', new Utf8(), false),
  new Field('start_line', new Int32(), false),
  new Field('end_line', new Int32(), false),
  new Field('signature', new Utf8(), false),
  new Field('doc', new Utf8(), false),
  new Field('header', new Utf8(), false),
  ...KEYWORD_FIELDS.map((f) => new Field(f, new Utf8(), false)),
  new Field('uniq_terms', new Utf8(), false),
]);

/** Path segments without the extension: `src/auth/session.ts` → src auth session. */
function pathWords(path: string): string {
  return path.replace(/\.[A-Za-z0-9]+$/, '').replace(/[/\\._-]+/g, ' ');
}

/** The row for one chunk of one file. */
export function keywordRow(path: string, hash: string, c: ChunkInput): Record<string, unknown> {
  const short = c.name.slice(c.name.lastIndexOf('.') + 1);
  const fields: Record<KeywordField, string[]> = {
    name_terms: pushTerms(short === c.name ? c.name : `${short} ${c.name}`, []),
    sig_terms: pushTerms(c.signature, []),
    doc_terms: pushTerms(c.doc, []),
    path_terms: pushTerms(pathWords(path), []),
    body_terms: pushTerms(c.text, []),
  };
  const uniq = new Set<string>();
  for (const list of Object.values(fields)) for (const t of list) uniq.add(t);
  return {
    chunk_id: c.chunk_id, path, content_hash: hash, kind: c.kind, name: c.name,
    start_line: c.start_line, end_line: c.end_line, signature: c.signature, doc: c.doc, header: c.header,
    ...Object.fromEntries(KEYWORD_FIELDS.map((f) => [f, fields[f].join(' ')])),
    uniq_terms: [...uniq].join(' '),
  };
}

export class KeywordIndex {
  private indexed = false;

  private constructor(private readonly db: lancedb.Connection, private table: lancedb.Table | undefined) {}

  /** Opens (or prepares to create) the keyword table under `dir`; other processes' writes are seen at once. */
  static async open(dir: string): Promise<KeywordIndex> {
    const db = await connectLance(dir);
    const names = await db.tableNames();
    for (const old of OLD_TABLES) if (names.includes(old)) await db.dropTable(old);
    const table = names.includes(TABLE) ? await db.openTable(TABLE) : undefined;
    const index = new KeywordIndex(db, table);
    if (table) index.indexed = (await table.listIndices()).length >= KEYWORD_FIELDS.length;
    return index;
  }

  private async writable(): Promise<lancedb.Table> {
    this.table ??= await this.db.createEmptyTable(TABLE, SCHEMA, { mode: 'overwrite' });
    return this.table;
  }

  /** Content hash of every file that has rows, as the table holds them now. */
  async storedHashes(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!this.table) return out;
    for await (const batch of this.table.query().select(['path', 'content_hash'])) {
      const paths = batch.getChild('path');
      const hashes = batch.getChild('content_hash');
      for (let i = 0; i < batch.numRows; i++) out.set(String(paths?.get(i)), String(hashes?.get(i)));
    }
    return out;
  }

  async count(): Promise<number> {
    return this.table ? this.table.countRows() : 0;
  }

  /** Deletes the rows of `paths` (in slices, to keep the filter short). */
  async deletePaths(paths: readonly string[]): Promise<void> {
    if (!this.table || !paths.length) return;
    for (let i = 0; i < paths.length; i += 200) {
      const list = paths.slice(i, i + 200).map(escapeLiteral).join(', ');
      await this.table.delete(`path IN (${list})`);
    }
  }

  async add(rows: Array<Record<string, unknown>>): Promise<void> {
    if (!rows.length) return;
    await (await this.writable()).add(rows);
  }

  /**
   * Builds the full-text indexes (once, after the first bulk load) or folds rows added since into
   * them (`optimize`, which also compacts fragments and prunes old versions).
   */
  async refreshIndexes(): Promise<void> {
    const table = this.table;
    if (!table) return;
    if (!this.indexed) {
      const lance = await loadLance();
      // The vector leg looks its hits up by chunk id; without a scalar index that is a full scan.
      await table.createIndex('chunk_id', { config: lance.Index.btree(), replace: true });
      for (const field of KEYWORD_FIELDS) {
        await table.createIndex(field, {
          config: lance.Index.fts({ baseTokenizer: 'whitespace', lowercase: false, stem: false, removeStopWords: false, asciiFolding: false, withPosition: false }),
          replace: true,
        });
      }
      this.indexed = true;
    }
    const stats = await table.optimize({ cleanupOlderThan: new Date(Date.now() - 60_000) });
    log.debug({ stats }, 'keyword index optimised');
  }

  /** Rows not yet folded into the full-text indexes (they are still searched, by a flat scan). */
  async unindexedRows(): Promise<number> {
    if (!this.table || !this.indexed) return 0;
    const stats = await this.table.indexStats(`${KEYWORD_FIELDS[4]}_idx`);
    return stats?.numUnindexedRows ?? 0;
  }

  get ready(): boolean { return this.indexed; }

  /**
   * BM25 over the five fields with per-field boosts; `where` is an SQL filter over `path`
   * (already escaped). Returns up to `limit` rows, best first.
   */
  async search(queryTerms: readonly string[], boosts: readonly number[], limit: number, where?: string): Promise<KeywordHit[]> {
    if (!this.table || !this.indexed || !queryTerms.length) return [];
    const query = new (await loadLance()).MultiMatchQuery(queryTerms.join(' '), [...KEYWORD_FIELDS], { boosts: [...boosts] });
    let q = this.table.query().fullTextSearch(query).select(['_score', ...DISPLAY_COLUMNS]).limit(limit);
    if (where) q = q.where(where);
    const rows = (await q.toArray()) as Array<KeywordRow & { _score: number }>;
    return rows.map((r) => ({ ...plain(r), bm25: r._score }));
  }

  /** Rows by chunk id (the vector leg's hits, for display and ranking). */
  async rowsByIds(ids: readonly string[]): Promise<KeywordRow[]> {
    if (!this.table || !ids.length) return [];
    const out: KeywordRow[] = [];
    for (let i = 0; i < ids.length; i += 200) {
      const list = ids.slice(i, i + 200).map(escapeLiteral).join(', ');
      const rows = (await this.table.query().where(`chunk_id IN (${list})`).select(DISPLAY_COLUMNS).toArray()) as KeywordRow[];
      out.push(...rows.map(plain));
    }
    return out;
  }

  close(): void {
    this.table?.close();
    this.db.close();
  }
}

/** Arrow rows expose getters; copy the fields into a plain object. */
function plain<T extends KeywordRow>(r: T): KeywordRow {
  return {
    chunk_id: r.chunk_id, path: r.path, kind: r.kind, name: r.name, start_line: Number(r.start_line), end_line: Number(r.end_line),
    header: r.header, signature: r.signature, doc: r.doc, name_terms: r.name_terms, uniq_terms: r.uniq_terms,
  };
}
