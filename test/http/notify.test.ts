// The notify routes over real HTTP on a temp repository: file-changed debounces a burst into one
// re-index batch, remembers idempotency keys, honours if_match (409 with the current generation)
// and the pending cap; flush applies now and loses nothing accepted meanwhile; bulk-sync runs at
// once on up to 500 paths; outside-root paths are reported; read-only servers refuse; the notify
// rate-limit tier applies; closing the hub applies what is pending.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { Project } from '../../src/engine/project.js';
import type { RunningServer } from '../helpers/server.js';
import { startHttp } from '../helpers/server.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';
import { call, postJson, until, type Reply } from './harness.js';

const FILE_CHANGED = '/api/v1/notify/file-changed';
const FLUSH = '/api/v1/notify/flush';
const BULK = '/api/v1/notify/bulk-sync';

let root: string;
let project: Project;
let server: RunningServer;
/** Each edit adds a new function, so every notify really changes the file. */
let edits = 0;

beforeAll(async () => {
  root = makeRepo({ 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n', 'src/c.ts': 'export const c = 1;\n' });
  project = await openIndexed(root);
  await project.startIndexing();
  server = await startHttp(project, { rate_limit_per_min: 900, rate_limit_notify_per_min: 9000 });
});

afterAll(async () => {
  await server.close();
  await server.hub.close();
  removeDir(root);
});

/** Rewrites `rel` with one more function; returns that function's name. */
function edit(rel: string): string {
  const name = `edit${++edits}`;
  writeFiles(root, { [rel]: `export const ${rel.slice(4, 5)} = 1;\nexport function ${name}() { return ${edits}; }\n` });
  return name;
}

const generation = async () => (await call(server, '/api/v1/projects/default')).body.generation as number;
const hydration = async () => (await call(server, '/api/v1/projects/default/hydration')).body;
const flush = (body: unknown = {}) => postJson(server, FLUSH, body);
const symbolNames = (rel: string) => project.store.symbolsOfFile(rel).map((s) => s.name);

function expectError(res: Reply, status: number, code: string, details?: Record<string, unknown>): void {
  expect(res.status).toBe(status);
  expect(res.body.error?.code).toBe(code);
  if (details) expect(res.body.error?.details).toMatchObject(details);
  expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
}

describe('file-changed', () => {
  it('debounces a burst of posts into one re-index batch, applied after 500 ms', async () => {
    const g0 = await generation();
    const fns = ['src/a.ts', 'src/b.ts', 'src/c.ts'].map((rel) => [rel, edit(rel)] as const);
    for (const [rel] of fns) {
      const res = await postJson(server, FILE_CHANGED, { paths: [rel] });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ accepted: 1, message: expect.stringContaining('500 ms'), generation: g0, rejected: [] });
    }
    expect(await generation()).toBe(g0); // still waiting for the debounce
    await until(generation, (g) => g > g0);
    // One batch: the latest incremental run covered all three files.
    expect((await hydration()).last_incremental).toMatchObject({ files: 3 });
    for (const [rel, fn] of fns) expect(symbolNames(rel)).toContain(fn);
  });

  it('answers a repeated idempotency key with accepted 0, and a new key normally', async () => {
    const first = await postJson(server, FILE_CHANGED, { paths: ['src/a.ts'], idempotency_key: 'hook-1' });
    expect(first.body.accepted).toBe(1);
    const repeat = await postJson(server, FILE_CHANGED, { paths: ['src/a.ts', 'src/b.ts'], idempotency_key: 'hook-1' });
    expect(repeat.status).toBe(202);
    expect(repeat.body).toMatchObject({ accepted: 0, message: expect.stringContaining("Duplicate idempotency_key 'hook-1'") });
    expect((await postJson(server, FILE_CHANGED, { paths: ['src/b.ts'], idempotency_key: 'hook-2' })).body.accepted).toBe(1);
    expect((await postJson(server, FILE_CHANGED, { paths: ['src/b.ts'], idempotency_key: '' })).body.accepted).toBe(1);
    expect((await postJson(server, FILE_CHANGED, { paths: ['src/b.ts'], idempotency_key: '' })).body.accepted).toBe(1);
    // Only a.ts and b.ts were queued by these posts (the repeat added nothing).
    const applied = await flush();
    expect([...applied.body.unchanged as string[], ...applied.body.updated as string[]].sort()).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('answers 409 with the current generation when if_match differs, and queues nothing', async () => {
    const g = await generation();
    const res = await postJson(server, FILE_CHANGED, { paths: ['src/a.ts'], if_match: g - 1 });
    expectError(res, 409, 'invalid_argument', { reason: 'generation_mismatch', generation: g });
    expect((await flush()).body).toEqual({ generation: g, updated: [], created: [], deleted: [], unchanged: [], ignored: [], pending: [], rejected: [] });
    const ok = await postJson(server, FILE_CHANGED, { paths: ['src/a.ts'], if_match: g });
    expect(ok.status).toBe(202);
    await flush();
  });

  it('reports outside-root paths as rejected, queues a path spelled two ways once, and refuses when all are outside', async () => {
    const res = await postJson(server, FILE_CHANGED, { paths: ['../outside.ts', 'src/a.ts', join(root, 'src/a.ts'), '/etc/passwd'] });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ accepted: 1, rejected: [{ path: '../outside.ts', reason: 'outside_root' }, { path: '/etc/passwd', reason: 'outside_root' }] });
    const all = await postJson(server, FILE_CHANGED, { paths: ['../../x.ts'] });
    expectError(all, 403, 'invalid_argument', { reason: 'outside_root', rejected: [{ path: '../../x.ts', reason: 'outside_root' }] });
    expect((await flush()).body.unchanged).toEqual(['src/a.ts']);
  });

  it('refuses bad bodies with typed errors: empty, not a list, malformed JSON, too many paths, unknown project', async () => {
    expectError(await postJson(server, FILE_CHANGED, { paths: [] }), 422, 'invalid_argument', { parameter: 'paths' });
    expectError(await postJson(server, FILE_CHANGED, { paths: 'src/a.ts' }), 422, 'invalid_argument', { parameter: 'paths' });
    expectError(await postJson(server, FILE_CHANGED, {}), 422, 'invalid_argument', { parameter: 'paths' });
    expectError(await postJson(server, FILE_CHANGED, { paths: ['src/a.ts'], if_match: 'one' }), 422, 'invalid_argument', { parameter: 'if_match' });
    expectError(await postJson(server, FILE_CHANGED, { paths: ['src/a.ts'], idempotency_key: 'k'.repeat(201) }), 422, 'invalid_argument', { parameter: 'idempotency_key' });
    const malformed = await call(server, FILE_CHANGED, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"paths": [' });
    expectError(malformed, 400, 'invalid_argument', { reason: 'malformed_json' });
    const many = Array.from({ length: 10_001 }, (_, i) => `f${i}.ts`);
    expectError(await postJson(server, FILE_CHANGED, { paths: many }), 413, 'too_large', { parameter: 'paths', limit: 10_000 });
    expectError(await postJson(server, FILE_CHANGED, { paths: ['x'.repeat(10_001)] }), 413, 'too_large', { parameter: 'paths' });
    expectError(await postJson(server, FILE_CHANGED, { paths: ['src/a.ts'], project: 'nope' }), 404, 'not_found', { project: 'nope' });
    expectError(await flush({ project: 'nope' }), 404, 'not_found');
  });

  it('holds at most 10,000 pending paths per project (413 past it, nothing added)', async () => {
    const paths = Array.from({ length: 10_000 }, (_, i) => `gone/f${i}.ts`);
    expect((await postJson(server, FILE_CHANGED, { paths })).body.accepted).toBe(10_000);
    expectError(await postJson(server, FILE_CHANGED, { paths: ['src/a.ts'] }), 413, 'too_large', { pending: 10_000, limit: 10_000 });
    // Already pending paths still fit.
    expect((await postJson(server, FILE_CHANGED, { paths: ['gone/f1.ts'] })).status).toBe(202);
    const applied = await flush();
    expect(applied.body.rejected).toHaveLength(10_000);
    expect((applied.body.rejected as Array<{ reason: string }>).every((r) => r.reason === 'unknown')).toBe(true);
  });
});

describe('flush', () => {
  it('applies the pending batch now and returns what changed', async () => {
    const g = await generation();
    const fn = edit('src/b.ts');
    expect((await postJson(server, FILE_CHANGED, { paths: ['src/b.ts'] })).status).toBe(202);
    const res = await flush({ project: 'default' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ updated: ['src/b.ts'], created: [], deleted: [], rejected: [] });
    expect(res.body.generation).toBeGreaterThan(g);
    expect(symbolNames('src/b.ts')).toContain(fn);
  });

  it('loses nothing accepted while a flush runs: a later flush applies it', async () => {
    const fa = edit('src/a.ts');
    const fc = edit('src/c.ts');
    await postJson(server, FILE_CHANGED, { paths: ['src/a.ts'] });
    const [during, accepted] = await Promise.all([flush(), postJson(server, FILE_CHANGED, { paths: ['src/c.ts'] })]);
    expect(accepted.status).toBe(202);
    const after = await flush();
    expect([...during.body.updated as string[], ...after.body.updated as string[]].sort()).toEqual(['src/a.ts', 'src/c.ts']);
    expect(symbolNames('src/a.ts')).toContain(fa);
    expect(symbolNames('src/c.ts')).toContain(fc);
  });
});

describe('bulk-sync', () => {
  it('re-indexes at once and returns the notify result, outside-root paths rejected', async () => {
    const g = await generation();
    const fn = edit('src/c.ts');
    writeFiles(root, { 'src/d.ts': 'export function delta() { return 4; }\n' });
    const res = await postJson(server, BULK, { paths: ['src/c.ts', 'src/d.ts', '../x.ts'], idempotency_key: 'bulk-1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      updated: ['src/c.ts'], created: ['src/d.ts'], deleted: [], unchanged: [], rejected: [{ path: '../x.ts', reason: 'outside_root' }],
      freshness: expect.objectContaining({ generation: res.body.generation }),
    });
    expect(res.body.generation).toBeGreaterThan(g);
    expect(symbolNames('src/c.ts')).toContain(fn);
    const repeat = await postJson(server, BULK, { paths: ['src/c.ts'], idempotency_key: 'bulk-1' });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ updated: [], created: [], notes: [expect.stringContaining("Duplicate idempotency_key 'bulk-1'")] });
  });

  it('takes at most 500 paths, and honours if_match', async () => {
    const paths = Array.from({ length: 501 }, (_, i) => `f${i}.ts`);
    expectError(await postJson(server, BULK, { paths }), 413, 'too_large', { parameter: 'paths', limit: 500 });
    const g = await generation();
    expectError(await postJson(server, BULK, { paths: ['src/a.ts'], if_match: g + 5 }), 409, 'invalid_argument', { reason: 'generation_mismatch', generation: g });
    expect((await postJson(server, BULK, { paths: ['src/a.ts'], if_match: g })).body.unchanged).toEqual(['src/a.ts']);
  });
});

describe('service rules', () => {
  it('counts notify routes in the notify rate-limit tier', async () => {
    for (const path of [FILE_CHANGED, FLUSH, BULK]) {
      expect((await postJson(server, path, {})).headers.get('x-ratelimit-limit'), path).toBe('9000');
    }
    expect((await call(server, '/api/v1/projects')).headers.get('x-ratelimit-limit')).toBe('900');
  });

  it('refuses every notify route on a read-only server (403 read_only)', async () => {
    const ro = await startHttp(project, { read_only: true });
    try {
      for (const [path, body] of [[FILE_CHANGED, { paths: ['src/a.ts'] }], [FLUSH, {}], [BULK, { paths: ['src/a.ts'] }]] as const) {
        expectError(await postJson(ro, path, body), 403, 'invalid_argument', { reason: 'read_only', action: 'notify' });
      }
    } finally {
      await ro.close();
    }
  });

  it('applies pending batches when the hub closes', async () => {
    const dir = makeRepo({ 'src/e.ts': 'export const e = 1;\n' });
    const own = await openIndexed(dir);
    const dataDir = own.dataDir;
    const s = await startHttp(own);
    writeFiles(dir, { 'src/e.ts': 'export function epsilon() { return 5; }\n' });
    expect((await postJson(s, FILE_CHANGED, { paths: ['src/e.ts'] })).status).toBe(202);
    await s.close();
    await s.hub.close();
    const reopened = Project.open(loadSettings({ project: dir, data_dir: dataDir, watch: false }, {}));
    try {
      expect(reopened.store.symbolsOfFile('src/e.ts').map((x) => x.name)).toEqual(['epsilon']);
    } finally {
      await reopened.close();
      removeDir(dir);
      removeDir(dataDir);
    }
  });
});
