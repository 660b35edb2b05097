// semantic_search with an embedding provider: the stand-in Ollama server on 127.0.0.1 (real wire
// protocol, deterministic bag-of-words vectors) drives hybrid fusion, the status report, and what
// happens when the provider goes away: auto degrades to keyword with a reason, vector refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { FakeOllama } from '../helpers/fake-ollama.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

let fake: FakeOllama;
let project: Project;
let root: string;

beforeAll(async () => {
  fake = await FakeOllama.start();
  root = makeRepo({
    'src/retry.ts': '/** Retries a failed request with backoff. */\nexport async function retryFailedRequest() { return 1; }\n',
    'src/session.ts': '/** Signs the session cookie. */\nexport function signSessionCookie(value: string) { return value; }\n',
    'src/pool.ts': '/** Hands out pooled database connections. */\nexport class ConnectionPool { acquire() { return 1; } }\n',
  });
  project = await openIndexed(root, {
    embedding_provider: 'ollama', embedding_host: fake.host, embedding_model: 'fake-embed', embedding_timeout_ms: 500, embedding_retries: 0,
  });
  await project.search().ready();
  const leg = project.search().vectorLeg()!;
  expect(await leg.waitForCoverage(1, 20_000)).toBe(true);
});
afterAll(async () => { await project.close(); await fake.close(); removeDir(root); });

const search = (args: Record<string, unknown>) => invoke(operationNamed('semantic_search')!, project, args);

describe('hybrid search', () => {
  it('fuses both legs and reports cosine and BM25 components', async () => {
    const res = await search({ query: 'retry failed request backoff' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.output.mode_used).toBe('hybrid');
    expect(res.output.degraded_reason).toBeUndefined();
    const top = res.output.results[0]!;
    expect(top).toMatchObject({ file_path: 'src/retry.ts', name: 'retryFailedRequest' });
    expect(top.components).toMatchObject({ bm25_rank: 1, vector_rank: expect.any(Number) });
    expect(top.components.cosine).toBeGreaterThan(0);
    expect(res.text).toContain('mode=hybrid');
  });

  it('answers mode=vector from vectors alone', async () => {
    const res = await search({ query: 'pooled database connections', mode: 'vector' });
    expect(res.ok && res.output.mode_used).toBe('vector');
    if (res.ok) {
      expect(res.output.results[0]!.file_path).toBe('src/pool.ts');
      expect(res.output.results[0]!.components.bm25).toBeUndefined();
    }
  });

  it('reports the provider, model, coverage and a healthy state', async () => {
    const res = await invoke(operationNamed('semantic_search_status')!, project, {});
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.output).toMatchObject({
      provider: 'ollama', model: 'fake-embed', digest: 'sha256:aaaa1111', dimension: 8, available: true,
      provider_health: { reachable: true, model_present: true, dimension_ok: true },
      coverage: 1, vector_search_active: true, health_status: 'healthy',
      chunks: { pending: 0 },
    });
    expect(res.output.chunks.embedded).toBe(res.output.chunks.total);
    expect(res.text).toContain('Provider: ollama (fake-embed, 8 dims)');
  });

  it('degrades auto to keyword with a reason, and refuses vector, when the provider stalls', async () => {
    fake.behaviour = { kind: 'stall' };
    try {
      const started = Date.now();
      const auto = await search({ query: 'retry failed request' });
      expect(auto.ok).toBe(true);
      if (auto.ok) {
        expect(auto.output).toMatchObject({ mode_used: 'keyword', degraded_reason: 'provider_unavailable' });
        expect(auto.output.results[0]!.file_path).toBe('src/retry.ts');
        expect(auto.text).toContain('keyword search only: provider unavailable.');
      }
      const vector = await search({ query: 'retry failed request', mode: 'vector' });
      expect(vector.ok).toBe(false);
      if (!vector.ok) expect(vector.error.code).toBe('unavailable');
      expect(Date.now() - started).toBeLessThan(10_000); // bounded by the 500 ms provider timeout, never a hang
    } finally {
      fake.behaviour = { kind: 'ok' };
    }
  });
});
