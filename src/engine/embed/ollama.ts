// Embeddings from an Ollama server through the `ollama` client: `/api/embed` with a batch per call,
// a per-call timeout (the client's own abort only reaches streamed requests, so the timeout lives
// in the fetch it is given), retries with jittered exponential backoff on network errors and 5xx,
// and every failure turned into `unavailable` with a reason, the host and the model.
import { setTimeout as sleep } from 'node:timers/promises';
import { Ollama } from 'ollama';
import type { EmbeddingConfig } from './config.js';
import { BatchingProvider, providerError } from './base.js';
import type { FailureReason } from './provider.js';

export interface OllamaTuning {
  /** First retry delay; each further retry doubles it (±50 % jitter). */
  retryBaseMs: number;
}

const DEFAULT_TUNING: OllamaTuning = { retryBaseMs: 250 };

/**
 * `fetch` bounded by `timeoutMs` and by the caller's signal, reading the whole body under that
 * bound (then no timer outlives the call). Error bodies are rewritten as JSON: on any other body
 * the client writes to stdout, which MCP stdio owns.
 */
function boundedFetch(timeoutMs: number, signal?: AbortSignal): typeof fetch {
  return async (input, init) => {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    const onAbort = () => ac.abort(signal!.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await fetch(input, { ...init, signal: ac.signal });
      const body = await res.text();
      if (res.ok) return new Response(body, { status: res.status, headers: res.headers });
      let error = body.trim() || `HTTP ${res.status}`;
      try {
        const parsed = JSON.parse(body) as { error?: unknown };
        if (typeof parsed.error === 'string') error = parsed.error;
      } catch { /* not JSON: the text is the message */ }
      return new Response(JSON.stringify({ error }), { status: res.status, headers: { 'content-type': 'application/json' } });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}

/** `nomic-embed-text` and `nomic-embed-text:latest` are one model. */
const withTag = (name: string) => (name.slice(name.lastIndexOf('/') + 1).includes(':') ? name : `${name}:latest`);

interface Failure { reason: FailureReason; retry: boolean; message: string; status?: number }

export class OllamaProvider extends BatchingProvider {
  constructor(config: EmbeddingConfig, private readonly tuning: OllamaTuning = DEFAULT_TUNING) {
    super('ollama', config);
  }

  protected where(): Record<string, unknown> {
    return { host: this.config.host, model: this.config.model };
  }

  protected async embedBatch(texts: string[], signal?: AbortSignal): Promise<unknown> {
    const res = await this.call((client) => client.embed({ model: this.model, input: texts, truncate: true }), signal);
    return (res as { embeddings?: unknown } | null)?.embeddings;
  }

  protected async fetchDigest(signal?: AbortSignal): Promise<string> {
    const { models } = await this.call((client) => client.list(), signal);
    const wanted = withTag(this.model);
    const found = (models ?? []).find((m) => withTag(m.name) === wanted || withTag(m.model) === wanted);
    if (!found) throw providerError('model_missing', this.missingMessage(), this.where());
    return found.digest;
  }

  async close(): Promise<void> { /* no connection is kept */ }

  private missingMessage(): string {
    return `Ollama at ${this.config.host} has no model '${this.model}' (run: ollama pull ${this.model}).`;
  }

  /** One client call with retries; a fresh client per attempt carries this attempt's timeout. */
  private async call<T>(fn: (client: Ollama) => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn(new Ollama({ host: this.config.host, fetch: boundedFetch(this.config.timeout_ms, signal) }));
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        const failure = this.classify(err);
        if (!failure.retry || attempt >= this.config.retries) {
          throw providerError(failure.reason, failure.message, {
            ...this.where(), attempts: attempt + 1, ...(failure.status ? { status: failure.status } : {}),
          });
        }
        const delay = this.tuning.retryBaseMs * 2 ** attempt * (0.5 + Math.random() / 2);
        await sleep(delay, undefined, signal ? { signal } : undefined);
      }
    }
  }

  /** Timeouts are not retried: the timeout bounds the call, and the embedder retries later anyway. */
  private classify(err: unknown): Failure {
    const e = err as { name?: string; message?: string; status_code?: number; cause?: { code?: string; message?: string } };
    const host = this.config.host;
    if (e.name === 'TimeoutError') {
      return { reason: 'timeout', retry: false, message: `Ollama at ${host} did not answer within ${this.config.timeout_ms} ms.` };
    }
    if (e.name === 'ResponseError' && typeof e.status_code === 'number') {
      const status = e.status_code;
      if (status === 404) return { reason: 'model_missing', retry: false, message: this.missingMessage(), status };
      return { reason: 'bad_response', retry: status >= 500, message: `Ollama at ${host} answered ${status}: ${e.message ?? ''}`.trim(), status };
    }
    if (e.name === 'TypeError') {
      const cause = e.cause?.code ?? e.cause?.message ?? e.message ?? 'network error';
      return { reason: 'provider_unreachable', retry: true, message: `Cannot reach Ollama at ${host} (${cause}).` };
    }
    return { reason: 'bad_response', retry: false, message: `Ollama at ${host} gave an unreadable answer: ${e.message ?? String(err)}` };
  }
}
