// The Ollama provider against a real stand-in server: batching, prefixes, retries with backoff,
// refused connections, stalls, missing models, bad vectors, digest and health.
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { CartographError } from '../../src/errors.js';
import { embeddingConfig } from '../../src/engine/embed/config.js';
import { OllamaProvider } from '../../src/engine/embed/ollama.js';
import { createProvider } from '../../src/engine/embed/provider.js';
import { FakeOllama, fakeEmbedding, refusedHost } from '../helpers/fake-ollama.js';

let fake: FakeOllama;
beforeEach(async () => { fake = await FakeOllama.start(); });
afterEach(async () => { await fake.close(); });

function provider(flags: Record<string, unknown> = {}, retryBaseMs = 10): OllamaProvider {
  const settings = loadSettings({
    project: tmpdir(), embedding_provider: 'ollama', embedding_model: 'fake-embed', embedding_host: fake.host,
    embedding_timeout_ms: 2000, ...flags,
  }, {});
  return new OllamaProvider(embeddingConfig(settings), { retryBaseMs });
}

async function failure(p: Promise<unknown>): Promise<CartographError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(CartographError);
  expect((err as CartographError).code).toBe('unavailable');
  return err as CartographError;
}

const texts = (n: number) => Array.from({ length: n }, (_, i) => `function number${i} returns ${i}`);

describe('OllamaProvider', () => {
  it('sends batch_size inputs per /api/embed call and keeps the order', async () => {
    const p = provider({ embedding_batch_size: 32 });
    const input = texts(70);
    const vectors = await p.embed(input, { purpose: 'document' });
    expect(fake.batches).toEqual([32, 32, 6]);
    expect(vectors).toHaveLength(70);
    expect(vectors[69]).toEqual(Float32Array.from(fakeEmbedding(input[69]!, 8)));
    expect(vectors.every((v) => v instanceof Float32Array && v.length === 8)).toBe(true);
    expect(await p.dimension()).toBe(8);
    expect(fake.requests.embed).toBe(3); // the dimension was learned from the first answer
  });

  it('is what createProvider builds for ollama', () => {
    const p = createProvider(loadSettings({ project: tmpdir(), embedding_provider: 'ollama', embedding_host: fake.host }, {}));
    expect(p).toBeInstanceOf(OllamaProvider);
    expect(p!.model).toBe('nomic-embed-text');
  });

  it('adds the document and query prefixes of the model', async () => {
    fake.models.set('nomic-embed-text:latest', { dimension: 8, digest: 'sha256:nomic' });
    const p = provider({ embedding_model: 'nomic-embed-text' });
    await p.embed(['alpha'], { purpose: 'document' });
    await p.embed(['beta'], { purpose: 'query' });
    expect(fake.inputs).toEqual(['search_document: alpha', 'search_query: beta']);
  });

  it('retries 5xx answers with growing, jittered delays, then succeeds', async () => {
    const p = provider({ embedding_retries: 3 }, 40);
    await p.digest();
    fake.behaviour = { kind: 'error', status: 500, times: 2 };
    const [v] = await p.embed(['retry me'], { purpose: 'document' });
    expect(v).toEqual(Float32Array.from(fakeEmbedding('retry me', 8)));
    expect(fake.requests.embed).toBe(3);
    const [t0, t1, t2] = fake.embedTimes as [number, number, number];
    expect(t1 - t0).toBeGreaterThanOrEqual(20 - 2); // 40 ms × [0.5, 1)
    expect(t2 - t1).toBeGreaterThanOrEqual(40 - 2); // 80 ms × [0.5, 1)
  });

  it('gives up after the configured retries with bad_response and the status', async () => {
    const p = provider({ embedding_retries: 2 });
    await p.digest();
    fake.behaviour = { kind: 'error', status: 503, times: 100 };
    const err = await failure(p.embed(['x'], { purpose: 'document' }));
    expect(err.details).toEqual({ reason: 'bad_response', host: fake.host, model: 'fake-embed', attempts: 3, status: 503 });
    expect(fake.requests.embed).toBe(3);
  });

  it('does not retry a 4xx, and a plain-text error body writes nothing to stdout', async () => {
    const log = vi.spyOn(console, 'log');
    fake.behaviour = { kind: 'error', status: 400, times: 1, plain: true };
    const err = await failure(provider().digest());
    expect(err.details).toMatchObject({ reason: 'bad_response', status: 400, attempts: 1 });
    expect(err.message).toContain('fake failure 400');
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('reports a model the server lacks as model_missing, without retrying', async () => {
    const p = provider({ embedding_model: 'absent-model' });
    const err = await failure(p.embed(['x'], { purpose: 'document' }));
    expect(err.details).toEqual({ reason: 'model_missing', host: fake.host, model: 'absent-model' });
    expect(err.message).toBe(`Ollama at ${fake.host} has no model 'absent-model' (run: ollama pull absent-model).`);
    expect(fake.requests).toEqual({ tags: 1, embed: 0, show: 0 });

    // Removed after the digest was read: /api/embed answers 404.
    const q = provider();
    await q.digest();
    fake.models.clear();
    expect((await failure(q.embed(['x'], { purpose: 'document' }))).details).toEqual({
      reason: 'model_missing', host: fake.host, model: 'fake-embed', attempts: 1, status: 404,
    });
    expect(fake.requests.embed).toBe(1);
  });

  it('fails fast with provider_unreachable when the port refuses connections', async () => {
    const host = await refusedHost();
    const started = Date.now();
    const err = await failure(provider({ embedding_host: host, embedding_retries: 2 }).embed(['x'], { purpose: 'document' }));
    expect(err.details).toEqual({ reason: 'provider_unreachable', host, model: 'fake-embed', attempts: 3 });
    expect(err.message).toBe(`Cannot reach Ollama at ${host} (ECONNREFUSED).`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('times out a stalled call within embedding_timeout_ms, without retrying it', async () => {
    const p = provider({ embedding_timeout_ms: 200, embedding_retries: 3 });
    await p.digest();
    fake.behaviour = { kind: 'stall' };
    const started = Date.now();
    const err = await failure(p.embed(['x'], { purpose: 'document' }));
    const elapsed = Date.now() - started;
    expect(err.details).toEqual({ reason: 'timeout', host: fake.host, model: 'fake-embed', attempts: 1 });
    expect(err.message).toBe(`Ollama at ${fake.host} did not answer within 200 ms.`);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1000);
    expect(fake.requests.embed).toBe(1);
  });

  it("stops at once when the caller's signal aborts, with the caller's reason", async () => {
    fake.behaviour = { kind: 'stall' };
    const ac = new AbortController();
    const pending = provider().embed(['x'], { purpose: 'query', signal: ac.signal });
    setTimeout(() => ac.abort(new Error('client went away')), 50);
    await expect(pending).rejects.toThrow('client went away');
  });

  it('rejects vectors whose length differs from the learned dimension, and non-finite numbers', async () => {
    const p = provider();
    expect(await p.dimension()).toBe(8);
    fake.behaviour = { kind: 'wrong_dimension', dimension: 5 };
    const err = await failure(p.embed(['x'], { purpose: 'document' }));
    expect(err.details).toEqual({ reason: 'dimension_mismatch', host: fake.host, model: 'fake-embed', expected: 8, got: 5 });
    fake.behaviour = { kind: 'non_finite' };
    expect((await failure(p.embed(['x'], { purpose: 'document' }))).details).toMatchObject({ reason: 'bad_response', index: 0 });
  });

  it('reads the digest from /api/tags, matching an untagged name to :latest', async () => {
    expect(await provider().digest()).toBe('sha256:aaaa1111');
    expect(await provider().digest()).toBe('sha256:aaaa1111');
    expect(fake.requests.tags).toBe(2);
  });

  it('checks reachability, model presence and dimension together in health()', async () => {
    const ok = await provider().health();
    expect(ok).toMatchObject({ reachable: true, model_present: true, dimension_ok: true, dimension: 8, digest: 'sha256:aaaa1111' });
    expect(Date.parse(ok.checked_at)).not.toBeNaN();

    expect(await provider({ embedding_model: 'absent-model' }).health()).toMatchObject({ reachable: true, model_present: false, dimension_ok: false });
    const down = await provider({ embedding_host: await refusedHost(), embedding_retries: 0 }).health();
    expect(down).toMatchObject({ reachable: false, model_present: false, dimension_ok: false });
    expect(down.error).toMatch(/Cannot reach Ollama/);

    const p = provider();
    await p.dimension();
    fake.behaviour = { kind: 'wrong_dimension', dimension: 5 };
    expect(await p.health()).toMatchObject({ reachable: true, model_present: true, dimension_ok: false, dimension: 8 });
  });

  it('learns the new dimension when the model is replaced (new digest)', async () => {
    const p = provider();
    expect(await p.dimension()).toBe(8);
    fake.models.set('fake-embed:latest', { dimension: 12, digest: 'sha256:bbbb2222' });
    expect(await p.health()).toMatchObject({ dimension_ok: true, dimension: 12, digest: 'sha256:bbbb2222' });
    expect(await p.digest()).toBe('sha256:bbbb2222');
    expect((await p.embed(['x'], { purpose: 'document' }))[0]).toHaveLength(12);
  });
});
