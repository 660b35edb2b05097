// A project's search indexes kept in step with its SQLite index. After every commit the keyword
// table is synced in the background: files whose content hash differs from the rows' hash are
// rewritten, deleted files dropped. Syncs run one at a time and coalesce; a crash midway only
// leaves files whose hash still differs, so the next sync redoes exactly those. Files the keyword
// sync touched are then handed to the embedder, when a provider is configured.
import { join } from 'node:path';
import type { Settings } from '../../config.js';
import { log } from '../../log.js';
import type { FileRow, IndexStore } from '../index/store.js';
import type { Calibration } from './calibration.js';
import { KeywordIndex, keywordRow } from './keyword-index.js';
import type { SearchStatus } from './search-status.js';
import type { VectorLeg } from './semantic-search.js';
import { EmbeddingLayer } from './vector-leg.js';

/** Rows per LanceDB write: big enough to amortise a commit, small enough to bound memory. */
const WRITE_BATCH = 4000;
/** Files rewritten per incremental step. */
const FILE_SLICE = 200;
/** Unindexed rows (searched by flat scan) tolerated before the full-text indexes are refreshed. */
const REFRESH_AFTER_ROWS = 20_000;
/** A newer generation recalibrates the no-confidence bar at most this often. */
const RECALIBRATE_MS = 60_000;

/** Files with text to search: parsed ones and those kept for keywords only (Markdown, JSON …); not binary or over-cap ones. */
function searchable(f: FileRow): boolean {
  return f.status !== 'skipped' || f.skip_reason === 'no_parser';
}

export interface KeywordProgress {
  status: 'idle' | 'running' | 'error';
  /** Generation the keyword table fully reflects; -1 before the first sync. */
  generation: number;
  files_total: number;
  files_done: number;
  documents: number;
  started_at?: string;
  last_ms?: number;
  last_error?: string;
}

export class SearchService {
  private keywordIndex: Promise<KeywordIndex> | undefined;
  private hashes: Map<string, string> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private readonly waiters: Array<{ generation: number; resolve: () => void }> = [];
  private bar: Calibration | undefined;
  private calibrating: Promise<Calibration> | undefined;
  private calibratedAt = 0;
  private keywordReady = false;
  readonly progress: KeywordProgress = { status: 'idle', generation: -1, files_total: 0, files_done: 0, documents: 0 };

  private readonly dir: string;
  private readonly vectors: EmbeddingLayer | undefined;

  /** `calibrator` runs the made-up queries through the search (it needs the project, which owns this service). */
  constructor(private readonly store: IndexStore, dataDir: string, settings: Settings, private readonly calibrator: () => Promise<Calibration>) {
    this.dir = join(dataDir, 'lance');
    this.vectors = EmbeddingLayer.create(settings, this.dir, {
      chunksOf: (path) => store.chunksOfFile(path).map((c) => ({ chunk_id: c.chunk_id, text: c.text })),
      allPaths: () => store.allFiles().filter(searchable).map((f) => f.path),
    });
  }

  /** The vector leg; undefined while no embedding provider is configured. */
  vectorLeg(): VectorLeg | undefined {
    return this.vectors;
  }

  /**
   * The repository's no-confidence bar, possibly from an earlier generation; a stale or missing
   * one is recomputed in the background (undefined until the first exists).
   */
  calibration(): Calibration | undefined {
    const stale = !this.bar || this.bar.generation !== this.store.generation;
    if (stale && !this.calibrating && !this.closed && (!this.bar || Date.now() - this.calibratedAt > RECALIBRATE_MS)) {
      void this.calibrate().catch((err: unknown) => log.warn({ err: String(err) }, 'search calibration failed'));
    }
    return this.bar;
  }

  /** Runs the calibration now (once at a time) and keeps its result. */
  calibrate(): Promise<Calibration> {
    this.calibrating ??= this.calibrator().then((bar) => {
      this.bar = bar;
      this.calibratedAt = Date.now();
      return bar;
    }).finally(() => { this.calibrating = undefined; });
    return this.calibrating;
  }

  keyword(): Promise<KeywordIndex> {
    this.keywordIndex ??= KeywordIndex.open(this.dir);
    return this.keywordIndex;
  }

  /** Asks for a sync after a commit; returns at once. */
  schedule(): void {
    if (this.closed) return;
    if (this.running) { this.again = true; return; }
    this.running = this.syncLoop().finally(() => { this.running = undefined; });
  }

  /** Resolves when the keyword table reflects the store's current generation (or the service closes). */
  ready(): Promise<void> {
    const generation = this.store.generation;
    if (this.progress.generation >= generation || this.closed) return Promise.resolve();
    const p = new Promise<void>((resolve) => this.waiters.push({ generation, resolve }));
    this.schedule();
    return p;
  }

  /** True when the keyword table reflects the current generation. */
  get current(): boolean { return this.progress.generation >= this.store.generation; }

  private async syncLoop(): Promise<void> {
    do {
      this.again = false;
      const generation = this.store.generation;
      const started = Date.now();
      this.progress.status = 'running';
      this.progress.started_at = new Date(started).toISOString();
      try {
        const changed = await this.syncOnce();
        if (this.vectors) void this.vectors.keywordSynced(changed);
        this.progress.status = 'idle';
        this.progress.generation = generation;
        this.progress.last_ms = Date.now() - started;
        delete this.progress.last_error;
      } catch (err) {
        this.progress.status = 'error';
        this.progress.last_error = err instanceof Error ? err.message : String(err);
        log.error({ err: this.progress.last_error }, 'keyword index sync failed');
        this.releaseWaiters(Number.POSITIVE_INFINITY); // callers fall back to what is there
        return;
      }
      this.releaseWaiters(this.progress.generation);
    } while ((this.again || this.store.generation > this.progress.generation) && !this.closed);
  }

  private releaseWaiters(upTo: number): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (w.generation <= upTo) { this.waiters.splice(i, 1); w.resolve(); }
    }
  }

  /** Brings the keyword table in step; returns the paths it rewrote or dropped. */
  private async syncOnce(): Promise<string[]> {
    const kw = await this.keyword();
    this.hashes ??= await kw.storedHashes();
    const hashes = this.hashes;
    const files = new Map<string, string>();
    for (const f of this.store.allFiles()) if (searchable(f)) files.set(f.path, f.hash);
    const dirty = [...files].filter(([p, h]) => hashes.get(p) !== h).map(([p]) => p).sort();
    const removed = [...hashes.keys()].filter((p) => !files.has(p));
    this.progress.files_total = dirty.length;
    this.progress.files_done = 0;
    if (removed.length) {
      await kw.deletePaths(removed);
      for (const p of removed) hashes.delete(p);
    }
    if (dirty.length) {
      if (hashes.size === 0) await this.bulkLoad(kw, new Set(dirty), files);
      else await this.rewrite(kw, dirty, files);
    }
    this.progress.documents = await kw.count();
    if (!kw.ready || (await kw.unindexedRows()) > REFRESH_AFTER_ROWS) await kw.refreshIndexes();
    this.keywordReady = kw.ready;
    return [...dirty, ...removed];
  }

  /** First load: streams every chunk from the store, in batches, into the empty table. */
  private async bulkLoad(kw: KeywordIndex, dirty: ReadonlySet<string>, files: ReadonlyMap<string, string>): Promise<void> {
    let rows: Array<Record<string, unknown>> = [];
    let lastPath: string | undefined;
    for (const batch of this.store.chunkBatches(WRITE_BATCH)) {
      if (this.closed) return;
      for (const c of batch) {
        if (!dirty.has(c.path)) continue;
        if (c.path !== lastPath) {
          // Written in whole files: a crash between two writes must not leave part of a file's rows
          // under its hash, which the next sync would take as done.
          if (rows.length >= WRITE_BATCH) { await kw.add(rows); rows = []; }
          this.progress.files_done++;
          lastPath = c.path;
        }
        rows.push(keywordRow(c.path, files.get(c.path)!, c));
      }
    }
    await kw.add(rows);
    for (const p of dirty) this.hashes!.set(p, files.get(p)!);
    this.progress.files_done = dirty.size;
  }

  /** Later syncs: each changed file's rows are deleted and written again. */
  private async rewrite(kw: KeywordIndex, dirty: readonly string[], files: ReadonlyMap<string, string>): Promise<void> {
    for (let i = 0; i < dirty.length && !this.closed; i += FILE_SLICE) {
      const slice = dirty.slice(i, i + FILE_SLICE);
      const rows: Array<Record<string, unknown>> = [];
      for (const path of slice) {
        for (const c of this.store.chunksOfFile(path)) rows.push(keywordRow(path, files.get(path)!, c));
      }
      await kw.deletePaths(slice);
      await kw.add(rows);
      for (const p of slice) this.hashes!.set(p, files.get(p)!);
      this.progress.files_done += slice.length;
    }
  }

  /** semantic_search_status: the keyword table and, with a provider, the embedder's progress and health. */
  async status(files: readonly FileRow[]): Promise<SearchStatus> {
    const candidates = files.filter(searchable);
    const synced = this.hashes ? candidates.filter((f) => this.hashes!.get(f.path) === f.hash).length : 0;
    const keywordFailed = this.progress.status === 'error';
    const keyword = {
      total_files: candidates.length,
      keyword_index: {
        ready: this.keywordReady, documents: this.progress.documents, files: synced,
        pending_files: candidates.length - synced, generation: this.progress.generation,
      },
      discovery_count: files.length,
      ast_indexed_files: files.filter((f) => f.status !== 'skipped').length,
    };
    const unhealthy = keywordFailed
      ? { health_status: 'unhealthy' as const, degraded_reason: 'keyword_index_failed', last_error: this.progress.last_error }
      : undefined;
    if (!this.vectors) {
      return {
        provider: 'none', available: true,
        provider_health: { reachable: false, model_present: false, dimension_ok: false, checked_at: null },
        status: 'idle', indexed_files: 0, failed_files: 0, coverage: 0,
        chunks: { total: this.progress.documents, embedded: 0, pending: 0 }, queue_length: 0, vector_search_active: false,
        ...keyword, ...(unhealthy ?? { health_status: 'healthy' as const }),
      };
    }
    const reason = await this.vectors.unusable();
    const embedder = this.vectors.current;
    const p = embedder?.progress();
    const health = embedder?.health;
    const identity = embedder?.store.identity;
    const mismatch = embedder?.modelMismatch;
    const lastError = this.vectors.error ?? p?.last_error ?? health?.error;
    const degraded = reason === 'provider_unavailable' || reason === 'model_mismatch' ? reason
      : (p?.failed_files ?? 0) > 0 ? 'failed_files' : undefined;
    return {
      provider: this.vectors.provider.kind, model: this.vectors.provider.model,
      ...(identity ? { digest: identity.digest, dimension: identity.dimension } : {}),
      available: reason !== 'provider_unavailable',
      provider_health: health
        ? { reachable: health.reachable, model_present: health.model_present, dimension_ok: health.dimension_ok, checked_at: health.checked_at }
        : { reachable: false, model_present: false, dimension_ok: false, checked_at: null },
      status: p?.status ?? 'idle',
      indexed_files: p?.files_embedded ?? 0, failed_files: p?.failed_files ?? 0, coverage: this.vectors.coverage(),
      chunks: { total: p?.chunks_total ?? 0, embedded: p?.embedded ?? 0, pending: p?.pending ?? 0 },
      ...(p?.rate !== undefined ? { embed_rate: p.rate } : {}),
      queue_length: p?.queue_length ?? 0,
      ...(p?.elapsed_seconds !== undefined ? { elapsed_seconds: p.elapsed_seconds } : {}),
      ...(p?.eta_seconds !== undefined ? { eta_seconds: p.eta_seconds } : {}),
      vector_search_active: reason === undefined,
      ...keyword,
      ...(unhealthy ?? (degraded
        ? { health_status: 'degraded' as const, degraded_reason: degraded, ...(lastError ? { last_error: lastError } : {}) }
        : { health_status: 'healthy' as const, ...(reason ? { degraded_reason: reason } : {}) })),
      ...(mismatch ? { model_mismatch: mismatch } : {}),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([this.running, this.calibrating]);
    await this.vectors?.close();
    this.releaseWaiters(Number.POSITIVE_INFINITY);
    if (this.keywordIndex) (await this.keywordIndex).close();
  }
}
