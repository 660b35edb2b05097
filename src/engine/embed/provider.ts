// What the rest of the engine sees of an embedding provider (Ollama or a local ONNX model), and
// the one place that picks the implementation from the settings.
import type { Settings } from '../../config.js';
import { embeddingConfig } from './config.js';
import { OllamaProvider } from './ollama.js';
import { OnnxProvider } from './onnx.js';

export type EmbedPurpose = 'document' | 'query';

/** `details.reason` of the `unavailable` errors providers throw. */
export type FailureReason = 'provider_unreachable' | 'model_missing' | 'timeout' | 'bad_response' | 'dimension_mismatch';

export interface ProviderHealth {
  reachable: boolean;
  model_present: boolean;
  /** A probe text came back as one finite vector of the model's (learned) dimension. */
  dimension_ok: boolean;
  dimension?: number;
  digest?: string;
  /** ISO time of the check. */
  checked_at: string;
  error?: string;
}

export interface EmbeddingProvider {
  readonly kind: 'ollama' | 'onnx';
  readonly model: string;
  /** Vector length, learned from the first answer (a probe text when nothing was embedded yet). */
  dimension(signal?: AbortSignal): Promise<number>;
  /** Identifies the model's weights: a re-pulled or replaced model has another digest. Cached; health() refreshes it. */
  digest(): Promise<string>;
  /**
   * One vector per text, in order, each checked for length and finiteness. Texts get the query or
   * document prefix of the model. Throws CartographError `unavailable` with a FailureReason.
   */
  embed(texts: readonly string[], opts: { purpose: EmbedPurpose; signal?: AbortSignal }): Promise<Float32Array[]>;
  /** Reachability, model presence and dimension checked together, now; never throws (an abort shows as an error). */
  health(signal?: AbortSignal): Promise<ProviderHealth>;
  /** Frees the model (ONNX); the provider is unusable afterwards. */
  close(): Promise<void>;
}

/** The configured provider, or undefined for `embedding_provider: none`. Nothing is contacted or loaded yet. */
export function createProvider(settings: Settings): EmbeddingProvider | undefined {
  const config = embeddingConfig(settings);
  switch (config.provider) {
    case 'none': return undefined;
    case 'ollama': return new OllamaProvider(config);
    case 'onnx': return new OnnxProvider(config);
  }
}
