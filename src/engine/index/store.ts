// The persisted index: one SQLite database (libsql, WAL) per project. Every write is one
// synchronous transaction that also advances the generation, so a reader — in this process or
// another — sees either the previous generation or the next, never half of one.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import type { Chunk, ChunkKind, ExtractedSymbol, ImportBinding, ImportKind, ImportRecord, RefSite, SymbolKind } from '../model.js';
import type { SymbolEntry } from '../search/symbol-index.js';
import type { FileResolution } from '../graph/resolve/types.js';
import type { ParseOutcome } from '../parse/protocol.js';
import { decodeRefs } from './refs-codec.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

type Db = InstanceType<typeof Database>;
type Statement = Database.Statement<unknown[]>;

export interface FileRow {
  id: number;
  path: string;
  language: string | null;
  size: number;
  mtime_ms: number;
  hash: string;
  status: 'ok' | 'partial' | 'skipped';
  skip_reason: string | null;
  detail: string | null;
  parse_errors: number;
  lines: number;
  code_lines: number;
  comment_lines: number;
  blank_lines: number;
  namespace: string | null;
  resolved: number;
  generation: number;
}

export interface SymbolRow extends ExtractedSymbol {
  id: number;
  file_id: number;
  file_path: string;
  symbol_id: string;
}

export interface ChunkRow extends Chunk { path: string }

export interface EdgeRow { source: string; target: string; kind: ImportKind; line: number; specifier: string }

export interface FileChange {
  outcome: ParseOutcome;
  mtimeMs: number;
}

const FILE_COLUMNS = 'id, path, language, size, mtime_ms, hash, status, skip_reason, detail, parse_errors, lines, code_lines, comment_lines, blank_lines, namespace, resolved, generation';
const SYMBOL_COLUMNS = 's.id, s.file_id, f.path AS file_path, s.symbol_id, s.name, s.qualified_name, s.kind, s.start_line, s.end_line, s.start_col, s.signature, s.parent, s.exported, s.doc, s.complexity, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async';
const CLASS_LIKE_KINDS = `('class','struct','interface','trait','enum','type')`;

const CHUNK_COLUMNS = 'c.chunk_id, c.kind, c.name, c.start_line, c.end_line, c.part, c.header, c.signature, c.doc, c.text';
type ChunkTuple = [string, ChunkKind, string, number, number, number, string, string, string, string];

function toChunk(path: string, [chunk_id, kind, name, start_line, end_line, part, header, signature, doc, text]: ChunkTuple): ChunkRow {
  return { path, chunk_id, kind, name, start_line, end_line, part, header, signature, doc, text };
}

const IMPORT_COLUMNS = 'specifier, line, kind, form, system, reexport, bindings';
type ImportTuple = [string, number, ImportKind, string | null, number, number, string];

function toImport([specifier, line, kind, form, system, reexport, bindings]: ImportTuple): ImportRecord {
  const rec: ImportRecord = { specifier, line, kind, bindings: JSON.parse(bindings) as ImportBinding[] };
  if (form) rec.form = form;
  if (system) rec.system = true;
  if (reexport) rec.reexport = true;
  return rec;
}

/** libsql adds a `_metadata` field to row objects; rows leave the store without it. */
function clean<T>(row: unknown): T {
  if (row && typeof row === 'object' && '_metadata' in row) delete (row as Record<string, unknown>)._metadata;
  return row as T;
}

/** A symbol row read raw, its values in SYMBOL_COLUMNS order (raw rows read several times faster than objects). */
type SymbolTuple = [number, number, string, string, string, string, string, number, number, number, string, string | null,
  number, string | null, number | null, number | null, number | null, string | null, string | null, number | null];

function toSymbol(t: SymbolTuple): SymbolRow {
  const [id, file_id, file_path, symbol_id, name, qualified_name, kind, start_line, end_line, start_col, signature, parent,
    exported, doc, complexity, param_count, typed_params, return_type, decorators, is_async] = t;
  const s: SymbolRow = {
    id, file_id, file_path, symbol_id, name, qualified_name, kind: kind as SymbolRow['kind'], start_line, end_line, start_col,
    signature, exported: exported === 1,
  };
  if (parent != null) s.parent = parent;
  if (doc != null) s.doc = doc;
  if (complexity != null) s.complexity = complexity;
  if (param_count != null) s.param_count = param_count;
  if (typed_params != null) s.typed_params = typed_params;
  if (return_type != null) s.return_type = return_type;
  if (decorators != null) s.decorators = JSON.parse(decorators) as string[];
  if (is_async != null) s.is_async = is_async === 1;
  return s;
}

export class IndexStore {
  readonly db: Db;
  private readonly statements = new Map<string, Statement>();

  private constructor(db: Db) { this.db = db; }

  /** Prepared once per SQL text: preparing dominates the cost of small writes. */
  private sql(text: string): Statement {
    let st = this.statements.get(text);
    if (!st) this.statements.set(text, (st = this.db.prepare(text)));
    return st;
  }

  /** Opens (creating if needed) the index in `dataDir`; an index of another schema version is rebuilt. */
  static open(dataDir: string): IndexStore {
    mkdirSync(dataDir, { recursive: true });
    // The data dir ignores itself, except team-written rules meant to be committed.
    writeFileSync(join(dataDir, '.gitignore'), '*\n!.gitignore\n!rules/\n');
    const file = join(dataDir, 'index.db');
    let db = new Database(file);
    const version = IndexStore.storedVersion(db);
    if (version !== undefined && version !== SCHEMA_VERSION) {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      db = new Database(file);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.exec(SCHEMA_SQL);
    db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run('generation', '0');
    return new IndexStore(db);
  }

  private static storedVersion(db: Db): number | undefined {
    try {
      const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").raw().get() as [string] | undefined;
      return row ? Number(row[0]) : undefined;
    } catch {
      return undefined; // fresh database
    }
  }

  close(): void { this.db.close(); }

  // ---- meta -------------------------------------------------------------------------------

  meta(key: string): string | undefined {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').raw().get(key) as [string] | undefined;
    return row?.[0];
  }

  setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  get generation(): number { return Number(this.meta('generation') ?? 0); }
  get indexedAt(): string | undefined { return this.meta('indexed_at'); }

  /** Runs `fn` in one transaction that advances the generation; returns the new generation. */
  commit(fn: (generation: number) => void): number {
    const tx = this.db.transaction(() => {
      const generation = this.generation + 1;
      fn(generation);
      this.setMeta('generation', String(generation));
      this.setMeta('indexed_at', new Date().toISOString());
      return generation;
    });
    return tx.immediate() as number;
  }

  // ---- writes (call inside commit) -------------------------------------------------------

  /** Stores a parsed file, replacing what was stored for its path. */
  putFile(change: FileChange, generation: number): number {
    const o = change.outcome;
    const row = this.sql(`
      INSERT INTO files(path, language, size, mtime_ms, hash, status, skip_reason, detail, parse_errors, lines, code_lines,
                        comment_lines, blank_lines, namespace, resolved, generation)
      VALUES (@path, @language, @size, @mtime, @hash, @status, @skip, @detail, @errors, @lines, @code, @comment, @blank, @ns, 0, @gen)
      ON CONFLICT(path) DO UPDATE SET language = excluded.language, size = excluded.size, mtime_ms = excluded.mtime_ms,
        hash = excluded.hash, status = excluded.status, skip_reason = excluded.skip_reason, detail = excluded.detail,
        parse_errors = excluded.parse_errors, lines = excluded.lines, code_lines = excluded.code_lines,
        comment_lines = excluded.comment_lines, blank_lines = excluded.blank_lines, namespace = excluded.namespace,
        resolved = 0, generation = excluded.generation
      RETURNING id`).raw().get({
      path: o.path, language: o.language ?? null, size: o.size, mtime: change.mtimeMs, hash: o.hash, status: o.status,
      skip: o.skipReason ?? null, detail: o.detail ?? null, errors: o.parseErrors, lines: o.lines.total, code: o.lines.code,
      comment: o.lines.comment, blank: o.lines.blank, ns: o.namespace ?? null, gen: generation,
    }) as [number];
    const id = row[0];
    this.clearFileContent(id);
    this.insertSymbols(id, o.path, o.symbols);
    const chunk = this.sql('INSERT INTO chunks(file_id, seq, chunk_id, kind, name, start_line, end_line, part, header, signature, doc, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)');
    o.chunks.forEach((c, i) => chunk.run(id, i, c.chunk_id, c.kind, c.name, c.start_line, c.end_line, c.part, c.header, c.signature, c.doc, c.text));
    const imp = this.sql('INSERT INTO imports(file_id, seq, specifier, line, kind, form, system, reexport, bindings) VALUES (?,?,?,?,?,?,?,?,?)');
    o.imports.forEach((r, i) => imp.run(id, i, r.specifier, r.line, r.kind, r.form ?? null, r.system ? 1 : 0, r.reexport ? 1 : 0, JSON.stringify(r.bindings)));
    if (o.refNames.length) {
      this.sql('INSERT INTO file_refs(file_id, refs) VALUES (?, ?)').run(id, o.refsJson);
      this.sql('INSERT INTO ref_names(rowid, names) VALUES (?, ?)').run(id, o.refNames.join(' '));
    }
    return id;
  }

  /** Only the stat changed (same content hash): keep everything, record the new mtime/size. */
  touchFile(path: string, mtimeMs: number, size: number): void {
    this.sql('UPDATE files SET mtime_ms = ?, size = ? WHERE path = ?').run(mtimeMs, size, path);
  }

  private insertSymbols(fileId: number, path: string, symbols: readonly ExtractedSymbol[]): void {
    const ins = this.sql(`INSERT INTO symbols(file_id, symbol_id, name, qualified_name, kind, start_line, end_line, start_col,
      signature, parent, exported, doc, complexity, param_count, typed_params, return_type, decorators, is_async)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
    const seen = new Map<string, number>();
    for (const s of symbols) seen.set(s.qualified_name, (seen.get(s.qualified_name) ?? 0) + 1);
    for (const s of symbols) {
      const collides = (seen.get(s.qualified_name) ?? 0) > 1;
      const symbolId = `${path}#${s.qualified_name}${collides ? `@${s.start_line}` : ''}`;
      ins.run(fileId, symbolId, s.name, s.qualified_name, s.kind, s.start_line, s.end_line, s.start_col, s.signature,
        s.parent ?? null, s.exported ? 1 : 0, s.doc ?? null, s.complexity ?? null, s.param_count ?? null,
        s.typed_params ?? null, s.return_type ?? null, s.decorators?.length ? JSON.stringify(s.decorators) : null,
        s.is_async === undefined ? null : s.is_async ? 1 : 0);
    }
  }

  private clearFileContent(id: number): void {
    this.sql('DELETE FROM symbols WHERE file_id = ?').run(id);
    this.sql('DELETE FROM chunks WHERE file_id = ?').run(id);
    this.sql('DELETE FROM imports WHERE file_id = ?').run(id);
    this.sql('DELETE FROM file_refs WHERE file_id = ?').run(id);
    this.sql('DELETE FROM ref_names WHERE rowid = ?').run(id);
  }

  /**
   * Removes a file. Importers keep their import as an unresolved one that remembers the deleted
   * path, so impact analysis still sees who is broken.
   */
  deleteFile(path: string): void {
    const id = this.fileId(path);
    if (id === undefined) return;
    this.sql(`INSERT INTO unresolved(file_id, specifier, line, missing_path)
      SELECT source_id, specifier, line, ? FROM edges WHERE target_id = ? AND source_id != ?`).run(path, id, id);
    this.sql('UPDATE files SET resolved = 0 WHERE id IN (SELECT source_id FROM edges WHERE target_id = ?)').run(id);
    this.sql('DELETE FROM edges WHERE target_id = ? OR source_id = ?').run(id, id);
    this.sql('DELETE FROM externals WHERE file_id = ?').run(id);
    this.sql('DELETE FROM unresolved WHERE file_id = ?').run(id);
    this.clearFileContent(id);
    this.sql('DELETE FROM files WHERE id = ?').run(id);
  }

  /** Replaces a file's resolved imports; unresolved imports keep the deleted path they pointed at. */
  putResolution(fileId: number, res: FileResolution, generation: number): void {
    const missing = new Map<string, string>();
    for (const r of this.sql('SELECT specifier, line, missing_path FROM unresolved WHERE file_id = ? AND missing_path IS NOT NULL')
      .raw().all(fileId) as Array<[string, number, string]>) missing.set(`${r[1]}:${r[0]}`, r[2]);
    this.sql('DELETE FROM edges WHERE source_id = ?').run(fileId);
    this.sql('DELETE FROM externals WHERE file_id = ?').run(fileId);
    this.sql('DELETE FROM unresolved WHERE file_id = ?').run(fileId);
    const edge = this.sql('INSERT INTO edges(source_id, target_id, kind, line, specifier) SELECT ?, id, ?, ?, ? FROM files WHERE path = ?');
    for (const e of res.edges) edge.run(fileId, e.kind, e.line, e.specifier, e.target);
    const ext = this.sql('INSERT INTO externals(file_id, specifier, package, line) VALUES (?,?,?,?)');
    for (const e of res.external) ext.run(fileId, e.specifier, e.package, e.line);
    const unres = this.sql('INSERT INTO unresolved(file_id, specifier, line, missing_path) VALUES (?,?,?,?)');
    for (const u of res.unresolved) unres.run(fileId, u.specifier, u.line, missing.get(`${u.line}:${u.specifier}`) ?? null);
    this.sql('UPDATE files SET resolved = 1, generation = ? WHERE id = ?').run(generation, fileId);
  }

  // ---- reads -----------------------------------------------------------------------------

  counts(): { files: number; symbols: number; edges: number } {
    const [files, symbols, edges] = this.sql('SELECT (SELECT count(*) FROM files), (SELECT count(*) FROM symbols), (SELECT count(*) FROM edges)').raw().get() as [number, number, number];
    return { files, symbols, edges };
  }

  fileId(path: string): number | undefined {
    const row = this.sql('SELECT id FROM files WHERE path = ?').raw().get(path) as [number] | undefined;
    return row?.[0];
  }

  file(path: string): FileRow | undefined {
    const row = this.sql(`SELECT ${FILE_COLUMNS} FROM files WHERE path = ?`).get(path);
    return row ? clean<FileRow>(row) : undefined;
  }

  /** Files whose content or resolved imports changed after `generation`. */
  filesChangedSince(generation: number): FileRow[] {
    return this.sql(`SELECT ${FILE_COLUMNS} FROM files WHERE generation > ? ORDER BY path`).all(generation).map((r) => clean<FileRow>(r));
  }

  /** True when a file of `language` sits directly in `dir` ('' = the root). */
  hasLanguageInDir(dir: string, language: string): boolean {
    const prefix = dir ? `${dir}/` : '';
    const rows = this.sql("SELECT path FROM files WHERE language = ? AND path LIKE ? ESCAPE '\\'").raw()
      .all(language, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as Array<[string]>;
    return rows.some(([p]) => !p.slice(prefix.length).includes('/'));
  }

  allPaths(): string[] {
    return (this.sql('SELECT path FROM files').raw().all() as Array<[string]>).map((r) => r[0]);
  }

  allFiles(): FileRow[] {
    return this.sql(`SELECT ${FILE_COLUMNS} FROM files ORDER BY path`).all().map((r) => clean<FileRow>(r));
  }

  /** path → [size, mtime, hash] for the freshness checks at startup. */
  fileStats(): Map<string, { size: number; mtimeMs: number; hash: string }> {
    const m = new Map<string, { size: number; mtimeMs: number; hash: string }>();
    for (const [path, size, mtimeMs, hash] of this.sql('SELECT path, size, mtime_ms, hash FROM files').raw().all() as Array<[string, number, number, string]>) {
      m.set(path, { size, mtimeMs, hash });
    }
    return m;
  }

  unresolvedFiles(): Array<{ id: number; path: string; language: string | null }> {
    return (this.sql("SELECT id, path, language FROM files WHERE resolved = 0 AND status != 'skipped'").raw().all() as Array<[number, string, string | null]>)
      .map(([id, path, language]) => ({ id, path, language }));
  }

  markUnresolved(paths: Iterable<string>): void {
    const st = this.sql('UPDATE files SET resolved = 0 WHERE path = ?');
    for (const p of paths) st.run(p);
  }

  symbolsOfFile(path: string): SymbolRow[] {
    return (this.sql(`SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE f.path = ? ORDER BY s.start_line, s.start_col`)
      .raw().all(path) as SymbolTuple[]).map(toSymbol);
  }

  /**
   * Definition counts per file, grouped by kind, nesting (top level or not) and export, with the
   * highest complexity in each group: whole-repository metrics without loading every definition.
   */
  symbolTallies(): Array<{ path: string; kind: SymbolKind; top_level: boolean; exported: boolean; count: number; max_complexity: number | null }> {
    return (this.sql(`SELECT f.path, s.kind, s.parent IS NULL, s.exported, COUNT(*), MAX(s.complexity) FROM symbols s JOIN files f ON f.id = s.file_id
      GROUP BY s.file_id, s.kind, s.parent IS NULL, s.exported`).raw().all() as Array<[string, SymbolKind, number, number, number, number | null]>)
      .map(([path, kind, top, exported, count, max]) => ({ path, kind, top_level: top === 1, exported: exported === 1, count, max_complexity: max }));
  }

  /**
   * The `limit` functions and methods with the highest `lines × perLine + params × perParam`, plus
   * `missingReturn` when a function of one of `optionalReturnLanguages` declares no return type;
   * ties by path, then line. The weights come from the caller, so the formula lives in one place.
   */
  functionsByWeight(weights: { perLine: number; perParam: number; missingReturn: number }, optionalReturnLanguages: readonly string[], limit: number): SymbolRow[] {
    const langs = optionalReturnLanguages.map(() => '?').join(',') || 'NULL';
    return (this.sql(`SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.kind IN ('function', 'method')
      ORDER BY (s.end_line - s.start_line + 1) * ? + COALESCE(s.param_count, 0) * ?
        + CASE WHEN s.return_type IS NULL AND f.language IN (${langs}) THEN ? ELSE 0 END DESC, f.path, s.start_line LIMIT ?`)
      .raw().all(weights.perLine, weights.perParam, ...optionalReturnLanguages, weights.missingReturn, limit) as SymbolTuple[]).map(toSymbol);
  }

  /**
   * Every definition by file path, in position order: one JSON document per file, so a whole-
   * repository pass steps through one row per file instead of one per definition. Doc comments
   * are left out: whole-repository passes need names and positions, and docs would be most of
   * the memory.
   */
  symbolsByFile(): Map<string, SymbolRow[]> {
    const tuple = SYMBOL_COLUMNS.split(', ').map((c) => (c === 'f.path AS file_path' || c === 's.doc' ? 'NULL' : c)).join(', ');
    const out = new Map<string, SymbolRow[]>();
    for (const [path, json] of this.sql(`SELECT f.path, json_group_array(json_array(${tuple})) FROM files f JOIN symbols s ON s.file_id = f.id GROUP BY f.id`)
      .raw().all() as Array<[string, string]>) {
      const rows = (JSON.parse(json) as SymbolTuple[]).map((t) => { t[2] = path; return toSymbol(t); });
      out.set(path, rows.sort((a, b) => a.start_line - b.start_line || a.start_col - b.start_col));
    }
    return out;
  }

  symbolsNamed(names: readonly string[]): SymbolRow[] {
    const out: SymbolRow[] = [];
    for (let i = 0; i < names.length; i += 500) {
      const part = names.slice(i, i + 500);
      const sql = `SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.name IN (${part.map(() => '?').join(',')})`;
      for (const r of this.sql(sql).raw().all(...part) as SymbolTuple[]) out.push(toSymbol(r));
    }
    return out;
  }

  /** Symbols whose qualified name is `qualified`, found through the name index on its last segment. */
  symbolsQualified(qualified: string): SymbolRow[] {
    return this.symbolsNamed([qualified.slice(qualified.lastIndexOf('.') + 1)]).filter((s) => s.qualified_name === qualified);
  }

  /** Ranking facts of every symbol, for the in-memory symbol index. */
  symbolEntries(fileId?: number): SymbolEntry[] {
    const rows = (fileId === undefined
      ? this.sql('SELECT id, name, kind, exported, file_id FROM symbols').raw().all()
      : this.sql('SELECT id, name, kind, exported, file_id FROM symbols WHERE file_id = ?').raw().all(fileId)) as Array<[number, string, SymbolKind, number, number]>;
    return rows.map(([id, name, kind, exported, fid]) => ({ id, name, kind, exported: exported === 1, fileId: fid }));
  }

  filePathsById(): Map<number, string> {
    return new Map(this.sql('SELECT id, path FROM files').raw().all() as Array<[number, string]>);
  }

  symbolsByIds(ids: readonly number[]): SymbolRow[] {
    if (!ids.length) return [];
    return (this.sql(`SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.id IN (${ids.map(() => '?').join(',')})`)
      .raw().all(...ids) as SymbolTuple[]).map(toSymbol);
  }

  /** A file's search chunks in reading order. */
  chunksOfFile(path: string): ChunkRow[] {
    return (this.sql(`SELECT ${CHUNK_COLUMNS} FROM chunks c JOIN files f ON f.id = c.file_id WHERE f.path = ? ORDER BY c.seq`)
      .raw().all(path) as ChunkTuple[]).map((t) => toChunk(path, t));
  }

  chunkCount(): number {
    return (this.sql('SELECT count(*) FROM chunks').raw().get() as [number])[0];
  }

  /**
   * Every chunk in (path, reading order), `batchSize` rows at a time, read a page of files at a
   * time so memory stays bounded. Each page is read when asked for: a commit between two batches
   * shows in the later ones (consumers compare content hashes afterwards).
   */
  *chunkBatches(batchSize: number): Generator<ChunkRow[]> {
    const files = this.sql('SELECT id, path FROM files WHERE path > ? ORDER BY path LIMIT 64').raw();
    const rows = this.sql(`SELECT ${CHUNK_COLUMNS} FROM chunks c WHERE c.file_id = ? ORDER BY c.seq`).raw();
    let batch: ChunkRow[] = [];
    for (let last = ''; ;) {
      const page = files.all(last) as Array<[number, string]>;
      if (!page.length) break;
      for (const [id, path] of page) {
        for (const t of rows.all(id) as ChunkTuple[]) {
          batch.push(toChunk(path, t));
          if (batch.length >= batchSize) { yield batch; batch = []; }
        }
      }
      last = page[page.length - 1]![1];
    }
    if (batch.length) yield batch;
  }

  /** Chunks by id (search results), in (path, reading order); unknown ids are left out. */
  chunksByIds(ids: readonly string[]): ChunkRow[] {
    const out: Array<ChunkRow & { seq: number }> = [];
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const sql = `SELECT f.path, c.seq, ${CHUNK_COLUMNS} FROM chunks c JOIN files f ON f.id = c.file_id WHERE c.chunk_id IN (${part.map(() => '?').join(',')})`;
      for (const [path, seq, ...t] of this.sql(sql).raw().all(...part) as Array<[string, number, ...ChunkTuple]>) out.push({ ...toChunk(path, t), seq });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.seq - b.seq)).map(({ seq: _seq, ...c }) => c);
  }

  importsOfFile(fileId: number): ImportRecord[] {
    return (this.sql(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE file_id = ? ORDER BY seq`).raw().all(fileId) as ImportTuple[]).map(toImport);
  }

  /** Every file's import records (file id → records in statement order), for whole-repository binding. */
  allImports(): Map<number, ImportRecord[]> {
    const out = new Map<number, ImportRecord[]>();
    for (const row of this.sql(`SELECT file_id, ${IMPORT_COLUMNS} FROM imports ORDER BY file_id, seq`).raw().all() as Array<[number, ...ImportTuple]>) {
      const [fileId, ...rest] = row;
      (out.get(fileId) ?? out.set(fileId, []).get(fileId)!).push(toImport(rest));
    }
    return out;
  }

  refsOfFile(fileId: number, only?: string | ReadonlySet<string>): RefSite[] {
    const row = this.sql('SELECT refs FROM file_refs WHERE file_id = ?').raw().get(fileId) as [string] | undefined;
    return row ? decodeRefs(row[0], only) : [];
  }

  /** Every file's encoded reference sites (refs-codec), read in pages, for passes over the whole repository. */
  *allEncodedRefs(): Generator<[fileId: number, refs: string]> {
    const page = this.sql('SELECT file_id, refs FROM file_refs WHERE file_id > ? ORDER BY file_id LIMIT 256').raw();
    for (let last = -1; ;) {
      const rows = page.all(last) as Array<[number, string]>;
      if (!rows.length) return;
      yield* rows;
      last = rows[rows.length - 1]![0];
    }
  }

  /** Files whose references mention `name` (case-insensitive full-text match; callers filter exactly). */
  filesReferencing(name: string): Array<{ id: number; path: string }> {
    const phrase = `"${name.replace(/"/g, '""')}"`;
    return (this.sql('SELECT f.id, f.path FROM ref_names JOIN files f ON f.id = ref_names.rowid WHERE ref_names MATCH ?')
      .raw().all(`names : ${phrase}`) as Array<[number, string]>).map(([id, path]) => ({ id, path }));
  }

  /** How many files' references mention `name` (same case-insensitive match as filesReferencing). */
  countFilesReferencing(name: string): number {
    const phrase = `"${name.replace(/"/g, '""')}"`;
    return (this.sql('SELECT count(*) FROM ref_names WHERE ref_names MATCH ?').raw().get(`names : ${phrase}`) as [number])[0];
  }

  edgesFrom(path: string): EdgeRow[] {
    return this.edgeQuery('s.path = ?', path);
  }

  edgesTo(path: string): EdgeRow[] {
    return this.edgeQuery('t.path = ?', path);
  }

  allEdges(): EdgeRow[] {
    return this.edgeQuery('1 = 1');
  }

  private edgeQuery(where: string, ...params: unknown[]): EdgeRow[] {
    return (this.sql(`SELECT s.path, t.path, e.kind, e.line, e.specifier FROM edges e
      JOIN files s ON s.id = e.source_id JOIN files t ON t.id = e.target_id WHERE ${where} ORDER BY s.path, t.path, e.line`)
      .raw().all(...params) as Array<[string, string, ImportKind, number, string]>)
      .map(([source, target, kind, line, specifier]) => ({ source, target, kind, line, specifier }));
  }

  externalsOf(fileId: number): Array<{ specifier: string; package: string; line: number }> {
    return (this.sql('SELECT specifier, package, line FROM externals WHERE file_id = ? ORDER BY line, specifier').raw().all(fileId) as Array<[string, string, number]>)
      .map(([specifier, pkg, line]) => ({ specifier, package: pkg, line }));
  }

  /** Each (importing file, external package) pair once: the tech stack counts importing files per package. */
  externalImporters(): Array<{ path: string; language: string | null; package: string }> {
    return (this.sql('SELECT DISTINCT f.path, f.language, e.package FROM externals e JOIN files f ON f.id = e.file_id ORDER BY f.path, e.package')
      .raw().all() as Array<[string, string | null, string]>).map(([path, language, pkg]) => ({ path, language, package: pkg }));
  }

  unresolvedOf(fileId: number): Array<{ specifier: string; line: number; missing_path: string | null }> {
    return (this.sql('SELECT specifier, line, missing_path FROM unresolved WHERE file_id = ? ORDER BY line, specifier').raw().all(fileId) as Array<[string, number, string | null]>)
      .map(([specifier, line, missing_path]) => ({ specifier, line, missing_path }));
  }

  /** Files whose imports pointed at `path` before it was deleted. */
  importersOfMissing(path: string): string[] {
    return (this.sql('SELECT DISTINCT f.path FROM unresolved u JOIN files f ON f.id = u.file_id WHERE u.missing_path = ? ORDER BY f.path')
      .raw().all(path) as Array<[string]>).map((r) => r[0]);
  }

  /** Files that have at least one unresolved import (a new file may satisfy them). */
  filesWithUnresolved(): string[] {
    return (this.sql('SELECT DISTINCT f.path FROM unresolved u JOIN files f ON f.id = u.file_id').raw().all() as Array<[string]>).map((r) => r[0]);
  }

  filesDeclaringNamespace(ns: string): string[] {
    return (this.sql('SELECT path FROM files WHERE namespace = ? ORDER BY path').raw().all(ns) as Array<[string]>).map((r) => r[0]);
  }

  namespaceIndex(): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const [ns, path] of this.sql('SELECT namespace, path FROM files WHERE namespace IS NOT NULL ORDER BY path').raw().all() as Array<[string, string]>) {
      (m.get(ns) ?? m.set(ns, []).get(ns)!).push(path);
    }
    return m;
  }

  /** Top-level class-like symbol name → files defining it. */
  typeIndex(): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const [name, path] of this.sql(`SELECT DISTINCT s.name, f.path FROM symbols s JOIN files f ON f.id = s.file_id
      WHERE s.parent IS NULL AND s.kind IN ${CLASS_LIKE_KINDS} ORDER BY f.path`).raw().all() as Array<[string, string]>) {
      (m.get(name) ?? m.set(name, []).get(name)!).push(path);
    }
    return m;
  }

  /** Files with a top-level class-like symbol named `name`. */
  filesDefiningType(name: string): string[] {
    return (this.sql(`SELECT DISTINCT f.path FROM symbols s JOIN files f ON f.id = s.file_id
      WHERE s.name = ? AND s.parent IS NULL AND s.kind IN ${CLASS_LIKE_KINDS} ORDER BY f.path`).raw().all(name) as Array<[string]>).map((r) => r[0]);
  }

  /** Class-like top-level type names a file declares (for re-resolving their users). */
  typeNamesOf(fileId: number): string[] {
    return (this.sql(`SELECT DISTINCT name FROM symbols WHERE file_id = ? AND parent IS NULL AND kind IN ${CLASS_LIKE_KINDS}`)
      .raw().all(fileId) as Array<[string]>).map((r) => r[0]);
  }
}
