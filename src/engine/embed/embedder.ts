// Background embedding: keeps the vector store in step with the chunk source. Files to (re)embed
// wait in a deduplicated queue; a batch of files is read, only chunks whose text hash differs from
// the stored one are sent to the provider (an edit re-embeds the changed functions, not the whole
// file), and each file's rows are replaced together. A reconcile pass, a slice of files at a time,
// finds what the store lacks or holds in excess (after a restart, a crash or a model change).
//
// When the provider is down (unreachable, timing out, model missing) the batch goes back to the
// front of the queue and the loop sleeps with exponential backoff, then re-checks the provider
// (a model replaced meanwhile rebuilds the table). A batch the provider rejects is split per
// file; a file rejected on its own while a probe succeeds is counted failed and skipped until it
// changes or the next reconcile. Memory holds one batch of chunks and vectors at a time, plus a
// pair of counts per file for progress and, during a reconcile, the set of source paths.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '../../log.js';
import { failureReason } from './base.js';
import type { EmbeddingProvider, FailureReason, ProviderHealth } from './provider.js';
import type { VectorHit, VectorIdentity, VectorRow, VectorStore } from './vector-store.js';

/** Where the chunks come from (the lead adapts the index store to it). */
export interface ChunkSource {
  /** The chunks of a file as indexed now; [] for a deleted or unchunked file. */
  chunksOf(path: string): Array<{ chunk_id: string; text: string }>;
  allPaths(): Iterable<string>;
}

export type EmbedStatus = 'idle' | 'running' | 'paused' | 'completed' | 'error';

export interface EmbedProgress {
  status: EmbedStatus;
  /** Files with at least one chunk, as far as reconcile and processing have seen them. */
  files_total: number;
  /** Files whose every chunk has a current vector. */
  files_embedded: number;
  chunks_total: number;
  embedded: number;
  pending: number;
  failed_files: number;
  /** Chunks embedded per second over the last RATE_WINDOW_MS. */
  rate?: number;
  eta_seconds?: number;
  /** When the current (or last) run began. */
  started_at?: string;
  elapsed_seconds?: number;
  last_error?: string;
  queue_length: number;
}

/** Why the vector leg cannot serve a search now (the search's degraded reasons). */
export type VectorUnusable = 'provider_unavailable' | 'embeddings_building' | 'model_mismatch';

export interface EmbedderOptions {
  /** Chunks per write: a batch takes files until it holds this many (the provider splits them into its own calls). */
  batchChunks?: number;
  /** First and longest sleep while the provider is down, in ms. */
  backoffMs?: { min: number; max: number };
}

/** Share of files that must be embedded before vector search is used (spec §4.6). */
export const VECTOR_COVERAGE_FLOOR = 0.8;
const RATE_WINDOW_MS = 30_000;
/** Source files per reconcile slice (one store query each). */
const RECONCILE_SLICE = 200;
/** Files per batch at most, however few chunks they need embedded. */
const MAX_BATCH_FILES = 200;
/** Batches written between two compactions of the store during a long run (each write adds versions). */
const OPTIMIZE_EVERY = 100;
/** Batches written since the last compaction that make a finished run compact the store (a bulk change). */
const OPTIMIZE_AT_REST = 10;

/** The provider cannot serve now; the batch is retried after a backoff. */
class ProviderDown extends Error {}
/** Failures that say the provider (not the input) is the problem. */
const OUTAGES: ReadonlySet<FailureReason> = new Set(['provider_unreachable', 'timeout', 'model_missing']);

const textHash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);

export class Embedder {
  private readonly queue = new Set<string>();
  /** Per file: chunks it has now and how many of them have a current vector. */
  private readonly files = new Map<string, { chunks: number; embedded: number }>();
  private readonly failed = new Set<string>();
  private readonly totals = { files: 0, filesEmbedded: 0, chunks: 0, embedded: 0 };
  private readonly samples: Array<{ at: number; n: number }> = [];
  private readonly waiters = new Set<() => void>();
  private readonly stopper = new AbortController();
  private readonly backoff: { min: number; max: number };
  private readonly batchChunks: number;
  private status: EmbedStatus = 'idle';
  private lastError: string | undefined;
  private startedAt: number | undefined;
  private finishedAt: number | undefined;
  private looping = false;
  private loopDone: Promise<void> = Promise.resolve();
  private ready = false;
  private reconcileWanted = false;
  /** A reconcile has counted every source file for the store's current model. */
  private reconciled = false;
  private paused = false;
  private resume_: (() => void) | undefined;
  private downCount = 0;
  private writesSinceOptimize = 0;
  private lastHealth: ProviderHealth | undefined;

  /** Takes ownership of `provider` and `store`: close() closes both. */
  constructor(
    readonly provider: EmbeddingProvider,
    readonly store: VectorStore,
    private readonly source: ChunkSource,
    opts: EmbedderOptions = {},
  ) {
    this.backoff = opts.backoffMs ?? { min: 1000, max: 60_000 };
    this.batchChunks = opts.batchChunks ?? 64;
  }

  // ---- control ---------------------------------------------------------------------------------

  /** Reconciles the whole source with the store, then embeds what is missing; call again after a full re-index. */
  start(): void {
    this.reconcileWanted = true;
    this.kick();
  }

  /** Queues files to (re)embed (changed or deleted ones); each path is queued once. */
  enqueue(paths: Iterable<string>): void {
    for (const p of paths) {
      this.queue.add(p);
      this.failed.delete(p);
    }
    this.kick();
  }

  /** Stops taking batches after the current one; resume() goes on. */
  pause(): void {
    this.paused = true;
    if (!this.looping) this.status = 'paused';
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.resume_) this.resume_();
    else if (!this.looping) this.status = this.finishedAt !== undefined ? 'completed' : 'idle';
  }

  /** Aborts the provider call in flight, waits for the loop to stop, then closes provider and store. */
  async close(): Promise<void> {
    this.stopper.abort();
    this.resume_?.();
    await this.loopDone;
    for (const w of this.waiters) w();
    await this.provider.close();
    this.store.close();
  }

  // ---- what the search and the status read -----------------------------------------------------

  progress(): EmbedProgress {
    const now = Date.now();
    const rate = this.rate(now);
    const pending = this.totals.chunks - this.totals.embedded;
    const end = this.looping ? now : this.finishedAt ?? now;
    return {
      status: this.status,
      files_total: this.totals.files,
      files_embedded: this.totals.filesEmbedded,
      chunks_total: this.totals.chunks,
      embedded: this.totals.embedded,
      pending,
      failed_files: this.failed.size,
      ...(rate !== undefined ? { rate: round2(rate) } : {}),
      ...(rate && pending ? { eta_seconds: Math.ceil(pending / rate) } : {}),
      ...(this.startedAt !== undefined ? { started_at: new Date(this.startedAt).toISOString(), elapsed_seconds: round2((end - this.startedAt) / 1000) } : {}),
      ...(this.lastError ? { last_error: this.lastError } : {}),
      queue_length: this.queue.size,
    };
  }

  /** The last provider check (at start and after each outage); undefined before the first. */
  get health(): ProviderHealth | undefined { return this.lastHealth; }

  /** Set from a model change until the rebuilt table has been filled. */
  get modelMismatch(): { stored: string; active: string } | undefined { return this.store.modelMismatch; }

  /** Share of files (with chunks) whose chunks all have current vectors; 0 until a reconcile has counted them. */
  coverage(): number {
    if (!this.reconciled) return 0;
    return this.totals.files ? this.totals.filesEmbedded / this.totals.files : 1;
  }

  /** Why vector search cannot serve now, or undefined; starts the first reconcile if nobody has. */
  async unusable(): Promise<VectorUnusable | undefined> {
    if (!this.reconciled && !this.reconcileWanted) this.start();
    const h = this.lastHealth;
    if (this.stopper.signal.aborted || (h && !(h.reachable && h.model_present && h.dimension_ok))) return 'provider_unavailable';
    if (this.store.modelMismatch) return 'model_mismatch';
    return this.coverage() < VECTOR_COVERAGE_FLOOR ? 'embeddings_building' : undefined;
  }

  /** Resolves true once coverage reaches `target`, false after `ms`, on abort or on close. */
  waitForCoverage(target: number, ms: number, signal?: AbortSignal): Promise<boolean> {
    if (this.coverage() >= target) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiters.delete(check);
        resolve(ok);
      };
      const check = () => { if (this.coverage() >= target) done(true); else if (this.stopper.signal.aborted) done(false); };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(false), ms);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(check);
    });
  }

  /**
   * The query's vector, with the model's query prefix. An outage seen here marks the provider
   * unavailable (so later searches do not wait for it too) until the loop's next health check passes.
   */
  async embedQuery(text: string, signal?: AbortSignal): Promise<Float32Array> {
    try {
      const [vector] = await this.provider.embed([text], { purpose: 'query', signal });
      return vector!;
    } catch (err) {
      const reason = failureReason(err);
      if (reason && OUTAGES.has(reason)) {
        this.lastHealth = {
          reachable: reason === 'model_missing', model_present: false, dimension_ok: false,
          checked_at: new Date().toISOString(), error: err instanceof Error ? err.message : String(err),
        };
        this.ready = false;
        this.kick();
      }
      throw err;
    }
  }

  /** The `k` chunks nearest to `query`, optionally among `paths` only. */
  async search(query: string, k: number, paths?: ReadonlySet<string>, signal?: AbortSignal): Promise<VectorHit[]> {
    return this.store.search(await this.embedQuery(query, signal), k, paths ? { paths } : {});
  }

  // ---- the loop --------------------------------------------------------------------------------

  private kick(): void {
    if (this.looping || this.stopper.signal.aborted) return;
    this.looping = true;
    this.startedAt = Date.now();
    this.finishedAt = undefined;
    this.samples.length = 0;
    this.status = this.paused ? 'paused' : 'running';
    this.loopDone = this.loop().catch((err: unknown) => {
      // loop() handles its own errors; reaching here is a bug, but must not be an unhandled rejection.
      this.looping = false;
      this.status = 'error';
      this.lastError = String(err);
      log.error({ err: this.lastError }, 'embedder stopped');
    });
  }

  private async loop(): Promise<void> {
    const signal = this.stopper.signal;
    let batch: string[] = [];
    while (!signal.aborted) {
      if (this.paused) {
        this.status = 'paused';
        await new Promise<void>((r) => { this.resume_ = r; });
        this.resume_ = undefined;
        continue;
      }
      this.status = 'running';
      try {
        if (!this.ready) await this.prepare();
        if (this.reconcileWanted) await this.reconcile();
        batch = this.takeBatch();
        if (!batch.length) break;
        await this.process(batch);
        batch = [];
        if (++this.writesSinceOptimize >= OPTIMIZE_EVERY) await this.optimize();
      } catch (err) {
        if (signal.aborted) break;
        this.requeueFront(batch);
        batch = [];
        this.ready = false;
        this.status = 'error';
        this.lastError = err instanceof Error ? err.message : String(err);
        if (!(err instanceof ProviderDown)) log.error({ err: this.lastError }, 'embedding batch failed');
        const wait = Math.min(this.backoff.max, this.backoff.min * 2 ** this.downCount++);
        await sleep(wait, undefined, { signal, ref: false }).catch(() => undefined);
      }
    }
    if (signal.aborted) { this.looping = false; return; }
    // Drained: the table is complete for this model.
    this.store.clearMismatch();
    if (this.writesSinceOptimize >= OPTIMIZE_AT_REST) await this.optimize();
    this.finishedAt = Date.now();
    this.status = this.paused ? 'paused' : 'completed';
    this.looping = false;
    if (this.queue.size || this.reconcileWanted) this.kick(); // queued while the last compaction ran
  }

  /** Checks the provider and makes its model the store's (rebuilding the table for a new one). */
  private async prepare(): Promise<void> {
    const health = await this.provider.health(this.stopper.signal);
    this.lastHealth = health;
    if (!health.reachable || !health.model_present || !health.dimension_ok) throw new ProviderDown(health.error ?? 'embedding provider unavailable');
    const identity: VectorIdentity = { model: this.provider.model, digest: health.digest!, dimension: health.dimension! };
    if (await this.store.adopt(identity)) {
      this.reconcileWanted = true;
      this.reconciled = false;
      this.files.clear();
      Object.assign(this.totals, { files: 0, filesEmbedded: 0, chunks: 0, embedded: 0 });
    }
    this.ready = true;
    this.downCount = 0;
    this.lastError = undefined;
  }

  /**
   * Compares every source file's chunk hashes with the stored ones, a slice at a time: files with
   * a missing, stale or surplus row are queued; stored files no longer in the source are deleted.
   */
  private async reconcile(): Promise<void> {
    this.failed.clear(); // a file that failed is tried again once per reconcile
    const seen = new Set<string>();
    let slice: string[] = [];
    const flush = async () => {
      const stored = new Map<string, Map<string, string>>();
      for (const row of await this.store.storedChunks(slice)) {
        let m = stored.get(row.path);
        if (!m) stored.set(row.path, (m = new Map()));
        m.set(row.chunk_id, row.text_hash);
      }
      for (const path of slice) {
        const chunks = this.source.chunksOf(path);
        const have = stored.get(path);
        const current = chunks.filter((c) => have?.get(c.chunk_id) === textHash(c.text)).length;
        this.setFile(path, chunks.length, current);
        if (current < chunks.length || (have?.size ?? 0) > current) this.queue.add(path);
      }
      slice = [];
    };
    for (const path of this.source.allPaths()) {
      seen.add(path);
      slice.push(path);
      if (slice.length >= RECONCILE_SLICE) await flush();
    }
    await flush();
    const orphans = new Set<string>();
    for await (const rows of this.store.scan()) for (const r of rows) if (!seen.has(r.path)) orphans.add(r.path);
    for (const path of [...this.files.keys()]) if (!seen.has(path)) this.setFile(path, 0, 0);
    await this.store.deleteFiles([...orphans]);
    this.reconciled = true;
    this.reconcileWanted = false;
    this.notify();
  }

  /** Files from the front of the queue until they hold batch_size chunks (or MAX_BATCH_FILES files). */
  private takeBatch(): string[] {
    const batch: string[] = [];
    let chunks = 0;
    for (const path of this.queue) {
      if (batch.length && (chunks >= this.batchChunks || batch.length >= MAX_BATCH_FILES)) break;
      this.queue.delete(path);
      batch.push(path);
      chunks += this.files.get(path)?.chunks ?? 1;
    }
    return batch;
  }

  /** Embeds the batch's changed chunks and replaces its files' rows, reusing unchanged vectors. */
  private async process(paths: string[]): Promise<void> {
    const chunksByPath = new Map(paths.map((p) => [p, this.source.chunksOf(p)]));
    const stored = new Map((await this.store.rowsOf(paths)).map((r) => [r.chunk_id, r]));
    const rows: VectorRow[] = [];
    const todo: Array<{ chunk_id: string; path: string; text: string; text_hash: string }> = [];
    for (const [path, chunks] of chunksByPath) {
      for (const c of chunks) {
        const hash = textHash(c.text);
        const old = stored.get(c.chunk_id);
        if (old && old.path === path && old.text_hash === hash) rows.push(old);
        else todo.push({ chunk_id: c.chunk_id, path, text: c.text, text_hash: hash });
      }
    }
    let vectors: Float32Array[] = [];
    if (todo.length) {
      try {
        vectors = await this.provider.embed(todo.map((t) => t.text), { purpose: 'document', signal: this.stopper.signal });
      } catch (err) {
        await this.rejected(paths, err);
        return;
      }
    }
    todo.forEach((t, i) => rows.push({ chunk_id: t.chunk_id, path: t.path, text_hash: t.text_hash, vector: vectors[i]! }));
    if (todo.length || stored.size !== rows.length) await this.store.replaceFiles(paths, rows);
    for (const [path, chunks] of chunksByPath) {
      this.setFile(path, chunks.length, chunks.length);
      this.failed.delete(path);
    }
    if (todo.length) this.samples.push({ at: Date.now(), n: todo.length });
    this.notify();
  }

  /**
   * A provider error on a batch: outages become ProviderDown; a rejected batch is split per file,
   * and a file rejected alone is failed when a health probe passes with the same model (else the
   * provider, or its model, is what changed).
   */
  private async rejected(paths: string[], err: unknown): Promise<void> {
    const reason = failureReason(err);
    if (!reason) throw err; // an abort, or a bug
    if (OUTAGES.has(reason)) throw new ProviderDown(err instanceof Error ? err.message : String(err));
    if (paths.length > 1) {
      for (const path of paths) await this.process([path]); // an outage midway requeues the whole batch
      return;
    }
    const health = await this.provider.health(this.stopper.signal);
    this.lastHealth = health;
    const identity = this.store.identity;
    const same = health.dimension_ok && identity !== undefined && health.digest === identity.digest && health.dimension === identity.dimension;
    if (!same) throw new ProviderDown(health.error ?? 'The embedding model changed; the vector table will be rebuilt.');
    this.failed.add(paths[0]!);
    this.lastError = `${paths[0]}: ${err instanceof Error ? err.message : String(err)}`;
    log.warn({ path: paths[0], err: this.lastError }, 'file could not be embedded');
  }

  // ---- bookkeeping -----------------------------------------------------------------------------

  private setFile(path: string, chunks: number, embedded: number): void {
    const old = this.files.get(path);
    if (old) {
      this.totals.chunks -= old.chunks;
      this.totals.embedded -= old.embedded;
      if (old.chunks) this.totals.files--;
      if (old.chunks && old.embedded === old.chunks) this.totals.filesEmbedded--;
    }
    if (!chunks) { this.files.delete(path); return; }
    this.files.set(path, { chunks, embedded });
    this.totals.chunks += chunks;
    this.totals.embedded += embedded;
    this.totals.files++;
    if (embedded === chunks) this.totals.filesEmbedded++;
  }

  /** Puts a batch back at the front of the queue, less the files that failed on their own. */
  private requeueFront(paths: readonly string[]): void {
    const back = paths.filter((p) => !this.failed.has(p));
    if (!back.length) return;
    const rest = [...this.queue];
    this.queue.clear();
    for (const p of [...back, ...rest]) this.queue.add(p);
  }

  private rate(now: number): number | undefined {
    while (this.samples.length && now - this.samples[0]!.at > RATE_WINDOW_MS) this.samples.shift();
    if (!this.samples.length || this.startedAt === undefined) return undefined;
    const span = Math.min(RATE_WINDOW_MS, now - this.startedAt) / 1000;
    return this.samples.reduce((s, x) => s + x.n, 0) / Math.max(span, 0.001);
  }

  private async optimize(): Promise<void> {
    this.writesSinceOptimize = 0;
    await this.store.optimize().catch((err: unknown) => log.warn({ err: String(err) }, 'vector store optimize failed'));
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
