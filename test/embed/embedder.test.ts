// The background embedder with the stand-in Ollama server and a real LanceDB store: progress and
// dedupe, incremental re-embedding by text hash, reconcile after a restart, outages and recovery,
// model changes, rejected files, and a clean close.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { embeddingConfig } from '../../src/engine/embed/config.js';
import { Embedder, type ChunkSource, type EmbedStatus } from '../../src/engine/embed/embedder.js';
import { OllamaProvider } from '../../src/engine/embed/ollama.js';
import { VectorStore } from '../../src/engine/embed/vector-store.js';
import type { VectorLeg } from '../../src/engine/search/semantic-search.js';
import { FakeOllama, fakeEmbedding } from '../helpers/fake-ollama.js';

type Chunk = { chunk_id: string; text: string };

/** An in-memory chunk source the tests edit. */
class Source implements ChunkSource {
  constructor(readonly files: Map<string, Chunk[]>) {}
  chunksOf(path: string): Chunk[] { return this.files.get(path) ?? []; }
  allPaths(): Iterable<string> { return [...this.files.keys()].sort(); }
}

const chunks = (path: string, ...texts: string[]): [string, Chunk[]] => [path, texts.map((text, i) => ({ chunk_id: `func:${path}:f${i}`, text }))];

function baseSource(): Source {
  return new Source(new Map([
    chunks('src/http.ts', 'parse http header line', 'send http request with retry'),
    chunks('src/session.ts', 'sign session cookie', 'verify session cookie signature', 'refresh expiring session token'),
    chunks('src/math.ts', 'add two numbers'),
  ]));
}

let fake: FakeOllama;
const embedders: Embedder[] = [];
beforeEach(async () => { fake = await FakeOllama.start(); });
afterEach(async () => {
  await Promise.all(embedders.splice(0).map((e) => e.close()));
  await fake.close();
});

async function embedder(source: Source, opts: { dir?: string; flags?: Record<string, unknown>; batchChunks?: number } = {}): Promise<{ e: Embedder; dir: string }> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'cartograph-embedder-'));
  const settings = loadSettings({
    project: tmpdir(), embedding_provider: 'ollama', embedding_model: 'fake-embed', embedding_host: fake.host,
    embedding_timeout_ms: 300, embedding_retries: 0, ...opts.flags,
  }, {});
  const provider = new OllamaProvider(embeddingConfig(settings), { retryBaseMs: 5 });
  const e = new Embedder(provider, await VectorStore.open(dir), source, { batchChunks: opts.batchChunks ?? 2, backoffMs: { min: 20, max: 40 } });
  embedders.push(e);
  return { e, dir };
}

/** Polls (every 5 ms, at most 5 s) until the embedder reaches `status` and `extra` holds. */
async function until(e: Embedder, status: EmbedStatus, extra: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(e.progress().status === status && extra())) {
    if (Date.now() > deadline) throw new Error(`embedder stuck: ${JSON.stringify(e.progress())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function stored(e: Embedder): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for await (const rows of e.store.scan()) for (const r of rows) out.push([r.chunk_id, r.path]);
  return out.sort();
}

describe('Embedder', () => {
  it('embeds every chunk of the source and reports exact progress', async () => {
    const { e } = await embedder(baseSource());
    expect(e.progress()).toEqual({
      status: 'idle', files_total: 0, files_embedded: 0, chunks_total: 0, embedded: 0, pending: 0, failed_files: 0, queue_length: 0,
    });
    e.start();
    await until(e, 'completed');
    const p = e.progress();
    expect(p).toMatchObject({ status: 'completed', files_total: 3, files_embedded: 3, chunks_total: 6, embedded: 6, pending: 0, failed_files: 0, queue_length: 0 });
    expect(p.rate).toBeGreaterThan(0);
    expect(p.eta_seconds).toBeUndefined();
    expect(p.elapsed_seconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(p.started_at!)).not.toBeNaN();
    expect(e.coverage()).toBe(1);
    expect(await e.unusable()).toBeUndefined();
    expect(await e.store.count()).toBe(6);
    // The health probe, then files in path order, at least 2 chunks a batch: http (2), then math (1) + session (3).
    expect(fake.batches).toEqual([1, 2, 4]);
    expect(e.store.identity).toEqual({ model: 'fake-embed', digest: 'sha256:aaaa1111', dimension: 8 });
    const [row] = await e.store.rowsOf(['src/math.ts']);
    expect(row!.vector).toEqual(Float32Array.from(fakeEmbedding('add two numbers', 8)));
  });

  it('queues each path once and waits while paused', async () => {
    const { e } = await embedder(baseSource());
    e.pause();
    e.enqueue(['src/math.ts', 'src/http.ts', 'src/math.ts']);
    e.enqueue(['src/http.ts']);
    expect(e.progress()).toMatchObject({ status: 'paused', queue_length: 2 });
    await new Promise((r) => setTimeout(r, 30));
    expect(fake.requests.embed).toBe(0);
    e.resume();
    await until(e, 'completed');
    // A new table is filled from the whole source; each chunk is sent once.
    expect(e.progress()).toMatchObject({ files_total: 3, chunks_total: 6, embedded: 6 });
    expect(fake.inputs).toHaveLength(7);
    expect(new Set(fake.inputs).size).toBe(7);
  });

  it('re-embeds only the chunks whose text changed, and drops deleted files', async () => {
    const source = baseSource();
    const { e } = await embedder(source);
    e.start();
    await until(e, 'completed');
    const before = new Map((await e.store.rowsOf(['src/session.ts'])).map((r) => [r.chunk_id, r.vector]));
    const sent = fake.inputs.length;

    source.files.set('src/session.ts', [
      { chunk_id: 'func:src/session.ts:f0', text: 'sign session cookie' },
      { chunk_id: 'func:src/session.ts:f1', text: 'verify session cookie signature with hmac' },
    ]);
    source.files.delete('src/math.ts');
    e.enqueue(['src/session.ts', 'src/math.ts']);
    await until(e, 'completed');
    expect(fake.inputs.slice(sent)).toEqual(['verify session cookie signature with hmac']);
    const after = new Map((await e.store.rowsOf(['src/session.ts'])).map((r) => [r.chunk_id, r.vector]));
    expect([...after.keys()].sort()).toEqual(['func:src/session.ts:f0', 'func:src/session.ts:f1']);
    expect(after.get('func:src/session.ts:f0')).toEqual(before.get('func:src/session.ts:f0'));
    expect(after.get('func:src/session.ts:f1')).toEqual(Float32Array.from(fakeEmbedding('verify session cookie signature with hmac', 8)));
    expect(await stored(e)).toEqual([
      ['func:src/http.ts:f0', 'src/http.ts'], ['func:src/http.ts:f1', 'src/http.ts'],
      ['func:src/session.ts:f0', 'src/session.ts'], ['func:src/session.ts:f1', 'src/session.ts'],
    ]);
    expect(e.progress()).toMatchObject({ files_total: 2, files_embedded: 2, chunks_total: 4, embedded: 4, pending: 0 });
  });

  it('after a restart, reconciles: nothing re-embedded, changes found, vanished files deleted', async () => {
    const source = baseSource();
    const { e, dir } = await embedder(source);
    e.start();
    await until(e, 'completed');
    await e.close();
    embedders.splice(embedders.indexOf(e), 1);

    const sent = fake.inputs.length;
    source.files.delete('src/math.ts');
    source.files.set('src/http.ts', [{ chunk_id: 'func:src/http.ts:f0', text: 'parse http header line' }, { chunk_id: 'func:src/http.ts:f1', text: 'send http request once' }]);
    const { e: again } = await embedder(source, { dir });
    again.start();
    await until(again, 'completed');
    expect(fake.inputs.slice(sent)).toEqual(['dimension probe', 'send http request once']); // health(), then the one changed chunk
    expect((await stored(again)).map(([id]) => id)).toEqual([
      'func:src/http.ts:f0', 'func:src/http.ts:f1', 'func:src/session.ts:f0', 'func:src/session.ts:f1', 'func:src/session.ts:f2',
    ]);
    expect(again.progress()).toMatchObject({ files_total: 2, files_embedded: 2, chunks_total: 5, embedded: 5 });
  });

  it('survives the provider going away: error status, bounded retries, then recovery', async () => {
    const { e } = await embedder(baseSource());
    fake.behaviour = { kind: 'hang_up' };
    e.start();
    await until(e, 'error', () => e.progress().last_error !== undefined);
    expect(e.progress().last_error).toMatch(/^Cannot reach Ollama at http:\/\/127\.0\.0\.1:\d+ \(/);
    expect(e.health).toMatchObject({ reachable: false, model_present: false, dimension_ok: false });
    expect(await e.unusable()).toBe('provider_unavailable');
    const tags = fake.requests.tags;
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.requests.tags - tags).toBeLessThanOrEqual(200 / 20 + 1); // backoff ≥ 20 ms: no hot loop
    expect(await e.store.count()).toBe(0);

    fake.behaviour = { kind: 'ok' };
    await until(e, 'completed');
    expect(e.progress()).toMatchObject({ embedded: 6, pending: 0, status: 'completed' });
    expect(e.progress().last_error).toBeUndefined();
    expect(e.health).toMatchObject({ reachable: true, model_present: true, dimension_ok: true });
  });

  it('puts a stalled batch back and finishes it once the server answers again', async () => {
    const { e } = await embedder(baseSource());
    e.start();
    await until(e, 'completed');
    fake.behaviour = { kind: 'stall' };
    e.enqueue(['src/math.ts', 'src/http.ts']);
    const rows = await e.store.count();
    // The file's text is unchanged, so nothing needs the provider: the stall is never met.
    await until(e, 'completed');
    expect(await e.store.count()).toBe(rows);

    const source = (e as unknown as { source: Source }).source;
    source.files.set('src/math.ts', [{ chunk_id: 'func:src/math.ts:f0', text: 'add three numbers' }]);
    e.enqueue(['src/math.ts']);
    await until(e, 'error', () => /did not answer within 300 ms/.test(e.progress().last_error ?? ''));
    expect(e.progress().queue_length).toBe(1); // put back at the front
    fake.behaviour = { kind: 'ok' };
    await until(e, 'completed', () => e.progress().embedded === 6);
    const [row] = await e.store.rowsOf(['src/math.ts']);
    expect(row!.vector).toEqual(Float32Array.from(fakeEmbedding('add three numbers', 8)));
  });

  it('stores no vector of a wrong length: the batch waits until the server is sane again', async () => {
    const source = baseSource();
    const { e } = await embedder(source);
    e.start();
    await until(e, 'completed');
    fake.behaviour = { kind: 'wrong_dimension', dimension: 5 };
    source.files.set('src/math.ts', [{ chunk_id: 'func:src/math.ts:f0', text: 'add three numbers' }]);
    e.enqueue(['src/math.ts']);
    await until(e, 'error', () => /5-dimensional/.test(e.progress().last_error ?? ''));
    expect(e.health).toMatchObject({ reachable: true, model_present: true, dimension_ok: false, dimension: 8 });
    const [old] = await e.store.rowsOf(['src/math.ts']);
    expect(old!.vector).toEqual(Float32Array.from(fakeEmbedding('add two numbers', 8)));
    expect(e.store.identity!.dimension).toBe(8);
    fake.behaviour = { kind: 'ok' };
    await until(e, 'completed', () => e.progress().embedded === 6);
    expect((await e.store.rowsOf(['src/math.ts']))[0]!.vector).toEqual(Float32Array.from(fakeEmbedding('add three numbers', 8)));
  });

  it('rebuilds the table when the model is replaced under the same name (new digest and dimension)', async () => {
    const source = baseSource();
    const { e } = await embedder(source);
    e.start();
    await until(e, 'completed');
    fake.models.set('fake-embed:latest', { dimension: 12, digest: 'sha256:bbbb2222' });
    source.files.set('src/math.ts', [{ chunk_id: 'func:src/math.ts:f0', text: 'add three numbers' }]);
    e.enqueue(['src/math.ts']);
    await until(e, 'completed', () => e.store.identity?.dimension === 12 && e.progress().embedded === 6);
    expect(e.store.identity).toEqual({ model: 'fake-embed', digest: 'sha256:bbbb2222', dimension: 12 });
    const rows = await e.store.rowsOf(['src/http.ts', 'src/math.ts', 'src/session.ts']);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.vector.length === 12)).toBe(true);
    expect(e.modelMismatch).toBeUndefined();
  });

  it('reports model_mismatch from a configuration change until the new table is filled', async () => {
    fake.models.set('other-embed:latest', { dimension: 16, digest: 'sha256:cccc3333' });
    const source = baseSource();
    const { e, dir } = await embedder(source);
    e.start();
    await until(e, 'completed');
    await e.close();
    embedders.splice(embedders.indexOf(e), 1);

    const { e: other } = await embedder(source, { dir, flags: { embedding_model: 'other-embed' } });
    other.pause(); // holds the loop before its first step
    await other.store.adopt({ model: 'other-embed', digest: 'sha256:cccc3333', dimension: 16 });
    expect(other.modelMismatch).toEqual({ stored: 'fake-embed@aaaa1111 (8-d)', active: 'other-embed@cccc3333 (16-d)' });
    expect(await other.unusable()).toBe('model_mismatch');
    other.resume();
    await until(other, 'completed');
    expect(other.modelMismatch).toBeUndefined();
    expect(await other.unusable()).toBeUndefined();
    expect(other.progress()).toMatchObject({ embedded: 6, files_embedded: 3 });
  });

  it('fails a file the provider rejects on its own, and embeds the rest of its batch', async () => {
    const { e } = await embedder(baseSource(), { batchChunks: 64 });
    fake.behaviour = { kind: 'reject_text', text: 'cookie' };
    e.start();
    await until(e, 'completed');
    expect(e.progress()).toMatchObject({ failed_files: 1, files_total: 3, files_embedded: 2, chunks_total: 6, embedded: 3, pending: 3 });
    expect(e.progress().last_error).toMatch(/^src\/session\.ts: Ollama at .* answered 500/);
    expect((await stored(e)).map(([, p]) => p)).toEqual(['src/http.ts', 'src/http.ts', 'src/math.ts']);
    expect(await e.unusable()).toBe('embeddings_building'); // 2 of 3 files
    fake.behaviour = { kind: 'ok' };
    e.enqueue(['src/session.ts']); // changed again (or retried): the file is tried anew
    await until(e, 'completed', () => e.progress().failed_files === 0);
    expect(e.progress()).toMatchObject({ embedded: 6, files_embedded: 3 });
  });

  it('answers queries with the query prefix and finds the closest chunk', async () => {
    fake.models.set('nomic-embed-text:latest', { dimension: 64, digest: 'sha256:nomic' });
    const { e } = await embedder(baseSource(), { flags: { embedding_model: 'nomic-embed-text' } });
    e.start();
    expect(await e.waitForCoverage(1, 3000)).toBe(true);
    const hits = await e.search('session cookie signature', 2);
    expect(hits[0]).toMatchObject({ chunk_id: 'func:src/session.ts:f1', path: 'src/session.ts' });
    expect(fake.inputs.at(-1)).toBe('search_query: session cookie signature');
    expect(fake.inputs).toContain('search_document: verify session cookie signature');
    expect((await e.search('session cookie', 5, new Set(['src/http.ts']))).map((h) => h.path)).toEqual(['src/http.ts', 'src/http.ts']);
    expect(await e.embedQuery('x')).toHaveLength(64);
    const leg: VectorLeg = e; // the search's vector leg, as it is
    expect(leg.coverage()).toBe(1);
  });

  it('marks the provider unavailable when a query meets an outage, until a health check passes', async () => {
    const { e } = await embedder(baseSource());
    e.start();
    await until(e, 'completed');
    fake.behaviour = { kind: 'hang_up' };
    const err = await e.search('sign session cookie', 3).then(() => undefined, (x: unknown) => x);
    expect(err).toMatchObject({ code: 'unavailable', details: { reason: 'provider_unreachable' } });
    expect(await e.unusable()).toBe('provider_unavailable');
    await until(e, 'error');
    fake.behaviour = { kind: 'ok' };
    await until(e, 'completed', () => e.health?.reachable === true);
    expect(await e.unusable()).toBeUndefined();
    expect((await e.search('sign session cookie', 1))[0]!.chunk_id).toBe('func:src/session.ts:f0');
  });

  it('gives up waiting for coverage after the time given, and closes promptly mid-outage', async () => {
    const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const { e } = await embedder(baseSource());
    fake.behaviour = { kind: 'stall' };
    e.start();
    const started = Date.now();
    expect(await e.waitForCoverage(0.8, 50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
    const waiting = e.waitForCoverage(0.8, 60_000);
    const closing = Date.now();
    await e.close();
    embedders.splice(embedders.indexOf(e), 1);
    expect(await waiting).toBe(false);
    expect(Date.now() - closing).toBeLessThan(500);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(timers);
  });
});
