// The embedding settings resolved into what a provider needs: model defaults, the Ollama host,
// the model folder made absolute, and query/document prefixes for the asymmetric models we know.
import { resolve } from 'node:path';
import type { Settings } from '../../config.js';
import { invalidArgument } from '../../errors.js';

export type ProviderName = Settings['embedding_provider'];

export interface EmbeddingConfig {
  provider: ProviderName;
  model: string;
  /** Ollama server URL (the client accepts host:port without a scheme too). */
  host: string;
  /** Absolute folder holding the ONNX model folders. */
  model_dir: string;
  batch_size: number;
  timeout_ms: number;
  retries: number;
  query_prefix: string;
  document_prefix: string;
}

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
export const DEFAULT_OLLAMA_MODEL = 'nomic-embed-text';

const RETRIEVAL_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

/** Prefixes the model cards prescribe; a model matching none gets none. */
const KNOWN_PREFIXES: ReadonlyArray<{ model: RegExp; query: string; document: string }> = [
  { model: /nomic-embed-text/i, query: 'search_query: ', document: 'search_document: ' },
  { model: /(^|[^a-z0-9])e5([^a-z0-9]|$)/i, query: 'query: ', document: 'passage: ' },
  { model: /mxbai-embed-large|snowflake-arctic-embed|bge-(small|base|large)-en/i, query: RETRIEVAL_INSTRUCTION, document: '' },
];

function knownPrefixes(model: string): { query: string; document: string } {
  const known = KNOWN_PREFIXES.find((k) => k.model.test(model));
  return { query: known?.query ?? '', document: known?.document ?? '' };
}

/** Throws `invalid_argument` for an onnx provider without a model folder or name. */
export function embeddingConfig(settings: Settings): EmbeddingConfig {
  const provider = settings.embedding_provider;
  if (provider === 'onnx' && (!settings.embedding_model || !settings.embedding_model_dir)) {
    throw invalidArgument('embedding_provider onnx needs embedding_model_dir (the models folder) and embedding_model (the folder name inside it).', {
      parameter: settings.embedding_model_dir ? 'embedding_model' : 'embedding_model_dir',
    });
  }
  const model = settings.embedding_model ?? (provider === 'ollama' ? DEFAULT_OLLAMA_MODEL : '');
  const prefixes = knownPrefixes(model);
  return {
    provider,
    model,
    host: settings.embedding_host ?? DEFAULT_OLLAMA_HOST,
    model_dir: settings.embedding_model_dir ? resolve(settings.project, settings.embedding_model_dir) : '',
    batch_size: settings.embedding_batch_size,
    timeout_ms: settings.embedding_timeout_ms,
    retries: settings.embedding_retries,
    query_prefix: settings.embedding_query_prefix ?? prefixes.query,
    document_prefix: settings.embedding_document_prefix ?? prefixes.document,
  };
}
