// The vector leg as the search service holds it: the configured provider, its LanceDB vector table
// and the background embedder, opened lazily (opening the table is async, the service is not).
// Embedding starts only after the keyword table is first in step, so keyword search is never
// kept waiting by a model.
import type { Settings } from '../../config.js';
import { Embedder, type ChunkSource } from '../embed/embedder.js';
import { createProvider, type EmbeddingProvider } from '../embed/provider.js';
import { VectorStore } from '../embed/vector-store.js';
import type { DegradedReason, VectorLeg } from './semantic-search.js';

export class EmbeddingLayer implements VectorLeg {
  private embedder: Embedder | undefined;
  private opening: Promise<Embedder | undefined> | undefined;
  private openError: string | undefined;
  private started = false;

  private constructor(readonly provider: EmbeddingProvider, private readonly dir: string, private readonly source: ChunkSource) {}

  /** Undefined when no provider is configured. */
  static create(settings: Settings, dir: string, source: ChunkSource): EmbeddingLayer | undefined {
    const provider = createProvider(settings);
    return provider ? new EmbeddingLayer(provider, dir, source) : undefined;
  }

  private open(): Promise<Embedder | undefined> {
    this.opening ??= VectorStore.open(this.dir).then(
      (store) => (this.embedder = new Embedder(this.provider, store, this.source)),
      (err: unknown) => { this.openError = err instanceof Error ? err.message : String(err); return undefined; },
    );
    return this.opening;
  }

  /** The keyword table is in step: the first time, reconcile everything; later, the files that changed. */
  async keywordSynced(changed: readonly string[]): Promise<void> {
    const embedder = await this.open();
    if (!embedder) return;
    if (!this.started) { this.started = true; embedder.start(); } else if (changed.length) embedder.enqueue(changed);
  }

  get current(): Embedder | undefined { return this.embedder; }
  get error(): string | undefined { return this.openError; }

  async unusable(): Promise<DegradedReason | undefined> {
    const embedder = await this.open();
    return embedder ? embedder.unusable() : 'provider_unavailable';
  }

  coverage(): number { return this.embedder?.coverage() ?? 0; }

  async search(query: string, k: number, paths: ReadonlySet<string> | undefined, signal?: AbortSignal) {
    const embedder = await this.open();
    return embedder ? embedder.search(query, k, paths, signal) : [];
  }

  async waitForCoverage(target: number, ms: number, signal?: AbortSignal): Promise<boolean> {
    const embedder = await this.open();
    return embedder ? embedder.waitForCoverage(target, ms, signal) : false;
  }

  async close(): Promise<void> {
    const embedder = await this.opening;
    if (embedder) await embedder.close();
    else await this.provider.close();
  }
}
