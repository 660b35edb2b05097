// The vector leg's store: one LanceDB row per embedded chunk (chunk id, path, a hash of the text
// that was embedded, the vector), searched by cosine distance.
//
// The model's name, digest and dimension live in the table's Arrow schema metadata rather than in
// a side table: they are committed in the same manifest as the vectors, so no crash or concurrent
// writer can leave vectors labelled with another model's identity. Adopting another identity drops
// the table and creates an empty one (vectors of two models are never mixed) and reports the
// mismatch until the embedder has filled it again.
//
// LanceDB pads or truncates a vector of the wrong length without a word, so every vector is
// checked here before it is written; the text hash lets an edit re-embed only the chunks whose
// text changed. A flat scan answers small tables; an IVF_FLAT index is built only by maintain()
// once the table outgrows BRUTE_FORCE_MAX_FLOATS.
import { Field, FixedSizeList, Float32, Schema, Utf8 } from 'apache-arrow';
import type * as lancedb from '@lancedb/lancedb';
import { unavailable } from '../../errors.js';
import { log } from '../../log.js';
import { connectLance, escapeLiteral, lancedb as loadLance } from '../lance.js';

export interface VectorIdentity { model: string; digest: string; dimension: number }

export interface VectorRow {
  chunk_id: string;
  path: string;
  /** Hash of the text the vector was computed from (see Embedder). */
  text_hash: string;
  vector: Float32Array;
}

export interface VectorHit { chunk_id: string; path: string; cosine: number }

export interface StoredChunk { chunk_id: string; path: string; text_hash: string }

const TABLE = 'vectors';
const META_MODEL = 'cartograph.model';
const META_DIGEST = 'cartograph.digest';
const META_DIMENSION = 'cartograph.dimension';
/**
 * Rows × dimension up to which a flat scan is used. Measured here (2 cores, LanceDB 0.37.1, top
 * 150, after optimize): 384-d 10k/25k/50k rows p95 19/33/48 ms; 768-d 10k/25k/50k p95 30/63/124 ms.
 * 20 M floats (52k rows at 384-d, 26k at 768-d) keeps the scan near 50 ms, inside hybrid's 80 ms.
 */
const BRUTE_FORCE_MAX_FLOATS = 20_000_000;
/** Paths per `IN (…)` list when deleting or reading files. */
const FILTER_SLICE = 200;
/**
 * A search restricted to more paths than this filters after ranking (fetching 4 × k) instead of
 * through an `IN (…)` list, which costs about 16 ms per 1000 paths (10k paths, 20k rows: 163 ms).
 */
const PREFILTER_MAX_PATHS = 2000;

function describeIdentity(id: VectorIdentity): string {
  return `${id.model}@${id.digest.replace(/^sha256:/, '').slice(0, 12)} (${id.dimension}-d)`;
}

const sameIdentity = (a: VectorIdentity, b: VectorIdentity) => a.model === b.model && a.digest === b.digest && a.dimension === b.dimension;

function schemaFor(id: VectorIdentity): Schema {
  return new Schema([
    new Field('chunk_id', new Utf8(), false),
    new Field('path', new Utf8(), false),
    new Field('text_hash', new Utf8(), false),
    new Field('vector', new FixedSizeList(id.dimension, new Field('item', new Float32(), false)), false),
  ], new Map([[META_MODEL, id.model], [META_DIGEST, id.digest], [META_DIMENSION, String(id.dimension)]]));
}

function identityOf(schema: Schema): VectorIdentity | undefined {
  const model = schema.metadata.get(META_MODEL);
  const digest = schema.metadata.get(META_DIGEST);
  const dimension = Number(schema.metadata.get(META_DIMENSION));
  return model !== undefined && digest !== undefined && Number.isInteger(dimension) && dimension > 0 ? { model, digest, dimension } : undefined;
}

const pathIn = (paths: readonly string[]) => `path IN (${paths.map(escapeLiteral).join(', ')})`;

export class VectorStore {
  private mismatch: { stored: string; active: string } | undefined;

  private constructor(
    private readonly db: lancedb.Connection,
    private table: lancedb.Table | undefined,
    private current: VectorIdentity | undefined,
    private readonly bruteForceMaxFloats: number,
  ) {}

  /** Opens the store under `dir` as it is; nothing is written until adopt(). */
  static async open(dir: string, opts: { bruteForceMaxFloats?: number } = {}): Promise<VectorStore> {
    const db = await connectLance(dir);
    const table = (await db.tableNames()).includes(TABLE) ? await db.openTable(TABLE) : undefined;
    const identity = table ? identityOf(await table.schema()) : undefined;
    return new VectorStore(db, table, identity, opts.bruteForceMaxFloats ?? BRUTE_FORCE_MAX_FLOATS);
  }

  /** The model the stored vectors come from; undefined before the first adopt(). */
  get identity(): VectorIdentity | undefined { return this.current; }

  /** Set when adopt() replaced another model's vectors; cleared by clearMismatch() once rebuilt. */
  get modelMismatch(): { stored: string; active: string } | undefined { return this.mismatch; }

  clearMismatch(): void { this.mismatch = undefined; }

  /**
   * Makes `active` the table's model: a no-op when it already is, otherwise the table is dropped
   * and created empty with the new identity. Returns true when it was rebuilt.
   */
  async adopt(active: VectorIdentity): Promise<boolean> {
    if (this.table && this.current && sameIdentity(this.current, active)) return false;
    if (this.current) {
      this.mismatch = { stored: describeIdentity(this.current), active: describeIdentity(active) };
      log.info(this.mismatch, 'embedding model changed: vector table rebuilt');
    }
    if (this.table) {
      this.table.close();
      this.table = undefined;
      await this.db.dropTable(TABLE);
    }
    this.table = await this.db.createEmptyTable(TABLE, schemaFor(active), { mode: 'overwrite' });
    this.current = active;
    return true;
  }

  /**
   * Makes `rows` the only rows of `paths` (every row must belong to one of them). All vectors are
   * checked first: one of the wrong length or with a non-finite number fails the call and nothing
   * is written. A delete and an add (two commits): a crash between them leaves the files without
   * vectors, which the embedder's reconcile finds and redoes.
   */
  async replaceFiles(paths: readonly string[], rows: readonly VectorRow[]): Promise<void> {
    const { table, identity } = this.writable();
    const allowed = new Set(paths);
    for (const row of rows) {
      if (!allowed.has(row.path)) throw new Error(`Vector row ${row.chunk_id} belongs to ${row.path}, which is not being replaced.`);
      if (row.vector.length !== identity.dimension) {
        throw unavailable(`Vector for ${row.chunk_id} has ${row.vector.length} dimensions; the table holds ${identity.dimension}.`, {
          reason: 'dimension_mismatch', chunk_id: row.chunk_id, expected: identity.dimension, got: row.vector.length,
        });
      }
      if (!row.vector.every(Number.isFinite)) {
        throw unavailable(`Vector for ${row.chunk_id} has a non-finite number.`, { reason: 'bad_response', chunk_id: row.chunk_id });
      }
    }
    await this.deleteFiles(paths);
    if (rows.length) await table.add(rows.map((r) => ({ chunk_id: r.chunk_id, path: r.path, text_hash: r.text_hash, vector: r.vector })));
  }

  replaceFile(path: string, rows: readonly VectorRow[]): Promise<void> {
    return this.replaceFiles([path], rows);
  }

  async deleteFiles(paths: readonly string[]): Promise<void> {
    if (!this.table) return;
    for (let i = 0; i < paths.length; i += FILTER_SLICE) await this.table.delete(pathIn(paths.slice(i, i + FILTER_SLICE)));
  }

  deleteFile(path: string): Promise<void> {
    return this.deleteFiles([path]);
  }

  /** The `k` nearest chunks by cosine similarity, best first (ties by chunk id), among `paths` when given. */
  async search(vector: Float32Array, k: number, opts: { paths?: Iterable<string> } = {}): Promise<VectorHit[]> {
    if (!this.table || !this.current) return [];
    if (vector.length !== this.current.dimension) {
      throw unavailable(`The query vector has ${vector.length} dimensions; the table holds ${this.current.dimension}.`, {
        reason: 'dimension_mismatch', expected: this.current.dimension, got: vector.length,
      });
    }
    const paths = opts.paths ? new Set(opts.paths) : undefined;
    if (paths && !paths.size) return [];
    const prefilter = paths !== undefined && paths.size <= PREFILTER_MAX_PATHS;
    let q = this.table.vectorSearch(vector).distanceType('cosine').limit(paths && !prefilter ? 4 * k : k).select(['chunk_id', 'path', '_distance']);
    if (prefilter) q = q.where(pathIn([...paths]));
    const rows = (await q.toArray()) as Array<{ chunk_id: string; path: string; _distance: number }>;
    return rows
      .filter((r) => !paths || paths.has(r.path))
      .map((r) => ({ chunk_id: r.chunk_id, path: r.path, cosine: 1 - r._distance }))
      .sort((a, b) => b.cosine - a.cosine || (a.chunk_id < b.chunk_id ? -1 : a.chunk_id > b.chunk_id ? 1 : 0))
      .slice(0, k);
  }

  async count(): Promise<number> {
    return this.table ? this.table.countRows() : 0;
  }

  /** Every stored (chunk, path, text hash), a LanceDB batch at a time. */
  async *scan(): AsyncGenerator<StoredChunk[]> {
    if (!this.table) return;
    for await (const batch of this.table.query().select(['chunk_id', 'path', 'text_hash'])) {
      const ids = batch.getChild('chunk_id')!;
      const paths = batch.getChild('path')!;
      const hashes = batch.getChild('text_hash')!;
      const out: StoredChunk[] = [];
      for (let i = 0; i < batch.numRows; i++) out.push({ chunk_id: String(ids.get(i)), path: String(paths.get(i)), text_hash: String(hashes.get(i)) });
      yield out;
    }
  }

  /** The stored (chunk, path, text hash) of `paths`, without vectors. */
  async storedChunks(paths: readonly string[]): Promise<StoredChunk[]> {
    const out: StoredChunk[] = [];
    for await (const r of this.rowsWhere<StoredChunk>(paths, ['chunk_id', 'path', 'text_hash'])) out.push({ chunk_id: r.chunk_id, path: r.path, text_hash: r.text_hash });
    return out;
  }

  /** The stored rows of `paths`, vectors included. */
  async rowsOf(paths: readonly string[]): Promise<VectorRow[]> {
    const out: VectorRow[] = [];
    for await (const r of this.rowsWhere<StoredChunk & { vector: Iterable<number> }>(paths, ['chunk_id', 'path', 'text_hash', 'vector'])) {
      out.push({ chunk_id: r.chunk_id, path: r.path, text_hash: r.text_hash, vector: Float32Array.from(r.vector) });
    }
    return out;
  }

  private async *rowsWhere<T>(paths: readonly string[], columns: string[]): AsyncGenerator<T> {
    if (!this.table) return;
    for (let i = 0; i < paths.length; i += FILTER_SLICE) {
      yield* (await this.table.query().where(pathIn(paths.slice(i, i + FILTER_SLICE))).select(columns).toArray()) as T[];
    }
  }

  /** Compacts fragments and prunes versions older than a minute (each write makes a version). */
  async optimize(): Promise<void> {
    if (this.table) await this.table.optimize({ cleanupOlderThan: new Date(Date.now() - 60_000) });
  }

  /**
   * Builds the IVF_FLAT index (cosine, √rows partitions) once rows × dimension exceeds the flat-scan
   * bound, drops it when the table has shrunk below it, then optimises. Returns whether an index exists.
   */
  async maintain(): Promise<boolean> {
    if (!this.table || !this.current) return false;
    const rows = await this.table.countRows();
    const index = (await this.table.listIndices()).find((i) => i.columns.includes('vector'));
    const wanted = rows * this.current.dimension > this.bruteForceMaxFloats;
    if (wanted && !index) {
      await this.table.createIndex('vector', {
        config: (await loadLance()).Index.ivfFlat({ distanceType: 'cosine', numPartitions: Math.max(1, Math.round(Math.sqrt(rows))) }),
        replace: true,
      });
    } else if (!wanted && index) {
      await this.table.dropIndex(index.name);
    }
    await this.optimize();
    return wanted;
  }

  close(): void {
    this.table?.close();
    this.db.close();
  }

  private writable(): { table: lancedb.Table; identity: VectorIdentity } {
    if (!this.table || !this.current) throw new Error('VectorStore.adopt() must run before writing.');
    return { table: this.table, identity: this.current };
  }
}
