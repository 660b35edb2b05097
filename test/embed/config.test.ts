// Embedding settings: defaults, environment and file mapping, OLLAMA_HOST, per-model prefixes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { CartographError } from '../../src/errors.js';
import { embeddingConfig } from '../../src/engine/embed/config.js';
import { createProvider } from '../../src/engine/embed/provider.js';

const dir = () => mkdtempSync(join(tmpdir(), 'cartograph-embed-config-'));

describe('embedding settings', () => {
  it('defaults to no provider, batches of 32, 30 s timeout and 3 retries', () => {
    const c = embeddingConfig(loadSettings({ project: dir() }, {}));
    expect(c).toEqual({
      provider: 'none', model: '', host: 'http://127.0.0.1:11434', model_dir: '', batch_size: 32, timeout_ms: 30_000,
      retries: 3, query_prefix: '', document_prefix: '',
    });
    expect(createProvider(loadSettings({ project: dir() }, {}))).toBeUndefined();
  });

  it('reads CARTOGRAPH_EMBEDDING_* variables; OLLAMA_HOST only when no Cartograph setting names a host', () => {
    const project = dir();
    const env = {
      CARTOGRAPH_EMBEDDING_PROVIDER: 'ollama', CARTOGRAPH_EMBEDDING_BATCH_SIZE: '64', CARTOGRAPH_EMBEDDING_TIMEOUT_MS: '500',
      CARTOGRAPH_EMBEDDING_RETRIES: '0', OLLAMA_HOST: '10.0.0.5:11434',
    };
    const c = embeddingConfig(loadSettings({ project }, env));
    expect(c).toMatchObject({ provider: 'ollama', model: 'nomic-embed-text', host: '10.0.0.5:11434', batch_size: 64, timeout_ms: 500, retries: 0 });
    expect(embeddingConfig(loadSettings({ project }, { ...env, CARTOGRAPH_EMBEDDING_HOST: 'http://gpu:11434' })).host).toBe('http://gpu:11434');
    writeFileSync(join(project, 'cartograph.json'), JSON.stringify({ embedding: { host: 'http://file:1' } }));
    expect(embeddingConfig(loadSettings({ project }, env)).host).toBe('http://file:1');
    expect(embeddingConfig(loadSettings({ project, embedding_host: 'http://flag:2' }, env)).host).toBe('http://flag:2');
  });

  it('accepts an "embedding" section in cartograph.json, flat keys winning', () => {
    const project = dir();
    writeFileSync(join(project, 'cartograph.json'), JSON.stringify({
      embedding: { provider: 'onnx', model: 'e5-small-v2', model_dir: 'models', batch_size: 8 },
      embedding_batch_size: 16,
    }));
    const c = embeddingConfig(loadSettings({ project }, {}));
    expect(c).toMatchObject({ provider: 'onnx', model: 'e5-small-v2', model_dir: join(project, 'models'), batch_size: 16, query_prefix: 'query: ', document_prefix: 'passage: ' });
  });

  it('knows the prefixes of asymmetric models; explicit prefixes win, even empty ones', () => {
    const cfg = (flags: Record<string, unknown>) => embeddingConfig(loadSettings({ project: dir(), embedding_provider: 'ollama', ...flags }, {}));
    expect(cfg({})).toMatchObject({ query_prefix: 'search_query: ', document_prefix: 'search_document: ' });
    expect(cfg({ embedding_model: 'jeffh/intfloat-multilingual-e5-large:f16' })).toMatchObject({ query_prefix: 'query: ', document_prefix: 'passage: ' });
    expect(cfg({ embedding_model: 'mxbai-embed-large' })).toMatchObject({ query_prefix: 'Represent this sentence for searching relevant passages: ', document_prefix: '' });
    expect(cfg({ embedding_model: 'all-minilm' })).toMatchObject({ query_prefix: '', document_prefix: '' });
    expect(cfg({ embedding_model: 'some5e' })).toMatchObject({ query_prefix: '', document_prefix: '' });
    expect(cfg({ embedding_query_prefix: '', embedding_document_prefix: 'doc: ' })).toMatchObject({ query_prefix: '', document_prefix: 'doc: ' });
  });

  it('rejects out-of-range values and an onnx provider without its folder', () => {
    expect(() => loadSettings({ project: dir(), embedding_batch_size: 65 }, {})).toThrow(/embedding_batch_size/);
    expect(() => loadSettings({ project: dir(), embedding_provider: 'openai' }, {})).toThrow(/embedding_provider/);
    const err = (() => { try { embeddingConfig(loadSettings({ project: dir(), embedding_provider: 'onnx', embedding_model: 'm' }, {})); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(CartographError);
    expect((err as CartographError).code).toBe('invalid_argument');
    expect((err as CartographError).details).toEqual({ parameter: 'embedding_model_dir' });
  });
});
