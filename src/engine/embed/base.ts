// What every provider does the same way: the query/document prefix, batches of batch_size texts,
// the model's dimension learned from its first answer, every vector checked (count, length,
// finiteness) before anyone can store it, the digest cached, and one health check built from a
// digest lookup plus a probe embedding.
import { CartographError, unavailable } from '../../errors.js';
import type { EmbeddingConfig } from './config.js';
import type { EmbedPurpose, EmbeddingProvider, FailureReason, ProviderHealth } from './provider.js';

const PROBE_TEXT = 'dimension probe';

export function providerError(reason: FailureReason, message: string, details: Record<string, unknown> = {}): CartographError {
  return unavailable(message, { reason, ...details });
}

/** The FailureReason of an error a provider threw, or undefined for anything else (an abort, a bug). */
export function failureReason(err: unknown): FailureReason | undefined {
  if (!(err instanceof CartographError) || err.code !== 'unavailable') return undefined;
  return err.details?.reason as FailureReason | undefined;
}

export abstract class BatchingProvider implements EmbeddingProvider {
  private learned: number | undefined;
  private digestValue: string | undefined;

  protected constructor(readonly kind: 'ollama' | 'onnx', protected readonly config: EmbeddingConfig) {}

  get model(): string { return this.config.model; }

  /** Raw vectors for one batch, before any checking. */
  protected abstract embedBatch(texts: string[], signal?: AbortSignal): Promise<unknown>;
  /** The model's digest, looked up now (throws model_missing when the model is not there). */
  protected abstract fetchDigest(signal?: AbortSignal): Promise<string>;
  /** Where the provider looks (host or folder, model), for error details. */
  protected abstract where(): Record<string, unknown>;

  abstract close(): Promise<void>;

  async digest(signal?: AbortSignal): Promise<string> {
    return (this.digestValue ??= await this.fetchDigest(signal));
  }

  async dimension(signal?: AbortSignal): Promise<number> {
    if (this.learned === undefined) await this.embed([PROBE_TEXT], { purpose: 'document', signal });
    return this.learned!;
  }

  async embed(texts: readonly string[], opts: { purpose: EmbedPurpose; signal?: AbortSignal }): Promise<Float32Array[]> {
    // The dimension is learned for a known digest, so health() can tell a replaced model from a bad answer.
    if (this.learned === undefined) await this.digest(opts.signal);
    const prefix = opts.purpose === 'query' ? this.config.query_prefix : this.config.document_prefix;
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.config.batch_size) {
      opts.signal?.throwIfAborted();
      const batch = texts.slice(i, i + this.config.batch_size).map((t) => prefix + t);
      out.push(...this.check(await this.embedBatch(batch, opts.signal), batch.length));
    }
    return out;
  }

  async health(signal?: AbortSignal): Promise<ProviderHealth> {
    const checked_at = new Date().toISOString();
    let digest: string | undefined;
    try {
      digest = await this.fetchDigest(signal);
      // Another digest is another model: its dimension is learned afresh.
      if (this.digestValue !== undefined && digest !== this.digestValue) this.learned = undefined;
      this.digestValue = digest;
      const [probe] = await this.embed([PROBE_TEXT], { purpose: 'document', signal });
      const dimension = probe!.length;
      return { reachable: true, model_present: true, dimension_ok: true, dimension, digest, checked_at };
    } catch (err) {
      const reason = failureReason(err);
      const reachable = reason !== undefined && reason !== 'provider_unreachable' && reason !== 'timeout';
      return {
        reachable, model_present: reachable && reason !== 'model_missing', dimension_ok: false,
        ...(this.learned !== undefined ? { dimension: this.learned } : {}), ...(digest ? { digest } : {}),
        checked_at, error: err instanceof Error ? err.message : String(err),
      };
    }
  }

  /** Vectors as Float32Array after checking them; the first valid answer fixes the dimension. */
  private check(raw: unknown, expected: number): Float32Array[] {
    if (!Array.isArray(raw) || raw.length !== expected) {
      const got = Array.isArray(raw) ? raw.length : typeof raw;
      throw providerError('bad_response', `The ${this.kind} provider returned ${got} vectors for ${expected} texts.`, { ...this.where(), expected, got });
    }
    let dimension = this.learned;
    const out = raw.map((v: unknown, i) => {
      const length = Array.isArray(v) || ArrayBuffer.isView(v) ? (v as ArrayLike<number>).length : -1;
      if (length <= 0) throw providerError('bad_response', `The ${this.kind} provider returned a malformed vector.`, { ...this.where(), index: i });
      dimension ??= length;
      if (length !== dimension) {
        throw providerError('dimension_mismatch', `The ${this.kind} provider returned a ${length}-dimensional vector; the model's vectors have ${dimension}.`, { ...this.where(), expected: dimension, got: length });
      }
      const vector = new Float32Array(length);
      for (let j = 0; j < length; j++) {
        const x = (v as ArrayLike<unknown>)[j];
        vector[j] = typeof x === 'number' ? x : Number.NaN; // a null would otherwise become 0
        if (!Number.isFinite(vector[j])) { // also catches doubles beyond float32 range
          throw providerError('bad_response', `The ${this.kind} provider returned a vector with a non-finite number.`, { ...this.where(), index: i });
        }
      }
      return vector;
    });
    this.learned = dimension;
    return out;
  }
}
