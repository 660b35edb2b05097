// The projects API over real HTTP on temp repositories: register (idempotent per real path, system
// directories refused), paginated list, details, delete with and without purge, background
// reindex that really re-parses (incremental and forced, one job at a time), hydration progress,
// v1 and v2 alike, typed errors and read-only refusals.
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import type { RunningServer } from '../helpers/server.js';
import { startHttp } from '../helpers/server.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';
import { call, postJson, until, type Reply } from './harness.js';

const FILES = {
  'src/alpha.ts': 'export function alphaOne() { return 1; }\n',
  'lib/beta.py': 'def beta_two():\n    return 2\n',
};

let defaultRoot: string;
let project: Project;
let server: RunningServer;
const repos: string[] = [];

beforeAll(async () => {
  defaultRoot = makeRepo({ 'src/main.ts': 'export const main = 1;\n' });
  project = await openIndexed(defaultRoot);
  await project.startIndexing();
  server = await startHttp(project);
});

afterAll(async () => {
  await server.close();
  await server.hub.close(); // closes the default project too
  for (const dir of [defaultRoot, ...repos]) removeDir(dir);
});

function repo(files: Record<string, string> = FILES): string {
  const dir = makeRepo(files);
  repos.push(dir);
  return dir;
}

const get = (path: string) => call(server, path);
const del = (path: string) => call(server, path, { method: 'DELETE' });

async function registered(dir: string): Promise<string> {
  const res = await postJson(server, '/api/v1/projects', { path: dir });
  expect([200, 201]).toContain(res.status);
  const id = res.body.id as string;
  await until(() => get(`/api/v1/projects/${id}`), (r) => r.body.status === 'ready');
  return id;
}

async function reindexed(id: string, body: unknown): Promise<Reply['body']> {
  const res = await postJson(server, `/api/v1/projects/${id}/reindex`, body);
  expect(res.status).toBe(202);
  const jobId = (res.body.job as { id: string }).id;
  const done = await until(() => get(`/api/v1/projects/${id}/hydration`),
    (r) => (r.body.reindex as { id: string; state: string }).id === jobId && (r.body.reindex as { state: string }).state !== 'running');
  return done.body.reindex as Reply['body'];
}

const names = async (id: string, name: string) => {
  const res = await get(`/api/v2/projects/${id}/search-symbols?name=${name}`);
  expect(res.status).toBe(200);
  return (res.body.results as Array<{ name: string; file_path: string }>).map((r) => `${r.file_path}#${r.name}`);
};

function expectError(res: Reply, status: number, code: string, details?: Record<string, unknown>): void {
  expect(res.status).toBe(status);
  expect(res.body.error?.code).toBe(code);
  if (details) expect(res.body.error?.details).toMatchObject(details);
  expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
}

describe('register', () => {
  it('registers a directory once per real path (201 then 200), on v1 and v2', async () => {
    const dir = repo();
    const first = await postJson(server, '/api/v1/projects', { path: dir });
    expect(first.status).toBe(201);
    const real = realpathSync(dir);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^cartograph-test-[a-z0-9-]+-[0-9a-f]{8}$/), path: real, created_at: expect.any(String),
      generation: expect.any(Number), status: expect.stringMatching(/^(indexing|ready)$/),
    });
    for (const [path, spelling] of [['/api/v1/projects', `${dir}/`], ['/api/v2/projects', `${dir}/src/..`]] as const) {
      const again = await postJson(server, path, { path: spelling });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
    }
    // The startup project's path is the default project.
    expect((await postJson(server, '/api/v1/projects', { path: defaultRoot })).body.id).toBe('default');
  });

  it('refuses system directories, missing directories and bodies without a path', async () => {
    expectError(await postJson(server, '/api/v1/projects', { path: '/etc' }), 422, 'invalid_argument', { reason: 'system_directory', path: '/etc' });
    expectError(await postJson(server, '/api/v1/projects', { path: join(defaultRoot, 'no-such-dir') }), 404, 'not_found');
    expectError(await postJson(server, '/api/v1/projects', { dir: defaultRoot }), 422, 'invalid_argument', { parameter: 'path' });
    const malformed = await call(server, '/api/v1/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"path": ' });
    expectError(malformed, 400, 'invalid_argument', { reason: 'malformed_json' });
  });
});

describe('details and hydration', () => {
  it('details a project: state, file counts, languages, symbols, data dir, latest reindex', async () => {
    const dir = repo();
    const id = await registered(dir);
    for (const version of ['v1', 'v2']) {
      const res = await get(`/api/${version}/projects/${id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id, path: realpathSync(dir), created_at: expect.any(String), generation: expect.any(Number), status: 'ready',
        data_dir: join(realpathSync(dir), '.cartograph'), watching: false,
        files: { indexed: 2, parsed: 2, partial: 0, skipped: 0 },
        languages: { python: 1, typescript: 1 },
        symbols: 2, edges: 0, reindex: null,
      });
    }
  });

  it('reports hydration: idle with a full index, parse counts, timings and an idle embedding layer', async () => {
    const res = await get('/api/v2/projects/default/hydration');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      project: 'default', status: 'ready', generation: project.store.generation, phase: 'idle',
      files: { discovered: 1, parsed: 1, skipped: 0, pending: 0 },
      percent: 100, rate_files_per_s: null, eta_seconds: 0,
      last_cold: { files: 1, ms: expect.any(Number), parse_ms: expect.any(Number), resolve_ms: expect.any(Number), at: expect.any(String) },
      last_incremental: expect.objectContaining({ files: 0 }),
      reindex: null,
      embedding: { provider: 'none', status: 'idle', coverage: 0, pending: 0 },
    });
  });

  it('answers not_found with the envelope for an unknown id on every project route', async () => {
    for (const [method, path] of [['GET', '/api/v1/projects/nope'], ['GET', '/api/v2/projects/nope/hydration'], ['DELETE', '/api/v1/projects/nope'],
      ['POST', '/api/v2/projects/nope/reindex'], ['GET', '/api/v1/projects/nope/symbols?path=a.ts']] as const) {
      const res = await call(server, path, { method });
      expectError(res, 404, 'not_found', { project: 'nope' });
    }
  });
});

describe('list', () => {
  it('pages through the projects in id order, with the total and the next offset', async () => {
    for (let i = 0; i < 2; i++) await registered(repo());
    const all = await get('/api/v1/projects?limit=200');
    const ids = (all.body.projects as Array<{ id: string }>).map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain('default');
    expect(all.body).toMatchObject({ total: ids.length, limit: 200, offset: 0, next_offset: null });
    expect(ids.length).toBeGreaterThanOrEqual(4);

    const pages: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: Reply = await get(`/api/v2/projects?limit=3&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: ids.length, limit: 3, offset });
      const got = (page.body.projects as Array<{ id: string }>).map((p) => p.id);
      expect(got.length).toBe(Math.min(3, ids.length - offset));
      pages.push(...got);
      offset = page.body.next_offset as number | null;
    }
    expect(pages).toEqual(ids);
    expect((await get('/api/v1/projects')).body.limit).toBe(50);
  });

  it('clamps an out-of-range limit or offset with a note, and refuses a non-number', async () => {
    const res = await get('/api/v1/projects?limit=500&offset=-3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 200, offset: 0, notes: ['limit 500 was clamped to 200 (1..200).', 'offset -3 was clamped to 0.'] });
    expect((await get('/api/v1/projects?limit=0')).body.limit).toBe(1);
    expectError(await get('/api/v1/projects?limit=many'), 422, 'invalid_argument', { parameter: 'limit' });
  });
});

describe('reindex', () => {
  it('picks up a file changed on disk without a notify (incremental), and re-parses every file when forced', async () => {
    const dir = repo();
    const id = await registered(dir);
    writeFiles(dir, { 'src/alpha.ts': 'export function alphaOne() { return 1; }\nexport function gammaRay() { return 3; }\n' });
    expect(await names(id, 'gammaRay')).not.toContain('src/alpha.ts#gammaRay');

    const incremental = await reindexed(id, {});
    expect(incremental).toMatchObject({ force: false, state: 'succeeded', result: { created: 0, updated: 1, deleted: 0, unchanged: 1 } });
    expect(await names(id, 'gammaRay')).toContain('src/alpha.ts#gammaRay');

    const forced = await reindexed(id, { force: true });
    expect(forced).toMatchObject({ force: true, state: 'succeeded', result: { created: 0, updated: 2, deleted: 0, unchanged: 0 } });
    expect(forced.id).not.toBe(incremental.id);
    // Files are replaced, never emptied: the index still holds both files and all three symbols.
    expect((await get(`/api/v1/projects/${id}`)).body).toMatchObject({ files: { indexed: 2, parsed: 2 }, symbols: 3 });
    const hydration = await get(`/api/v1/projects/${id}/hydration`);
    expect(hydration.body.last_cold).toMatchObject({ files: 2 });
  });

  it('runs one job at a time: a second request while one runs gets that job back', async () => {
    const id = await registered(repo());
    const [a, b] = await Promise.all([
      postJson(server, `/api/v1/projects/${id}/reindex`, { force: true }),
      postJson(server, `/api/v2/projects/${id}/reindex`, { force: false }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect((a.body.job as { id: string }).id).toBe((b.body.job as { id: string }).id);
    expect([a.body.started, b.body.started].sort()).toEqual([false, true]);
    const during = await get(`/api/v1/projects/${id}`);
    expect(['reindexing', 'ready']).toContain(during.body.status);
    await until(() => get(`/api/v1/projects/${id}`), (r) => r.body.status === 'ready');
    expect((await get(`/api/v1/projects/${id}`)).body.reindex).toMatchObject({ state: 'succeeded', force: true });
  });

  it('refuses a body of the wrong shape', async () => {
    expectError(await postJson(server, '/api/v1/projects/default/reindex', { force: 'yes' }), 422, 'invalid_argument', { parameter: 'force' });
  });
});

describe('delete', () => {
  it('forgets a project and closes its engine, keeping its data dir unless purged', async () => {
    const dir = repo();
    const id = await registered(dir);
    const res = await del(`/api/v1/projects/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, deleted: true, purged: false });
    expectError(await get(`/api/v1/projects/${id}`), 404, 'not_found');
    expect(((await get('/api/v1/projects?limit=200')).body.projects as Array<{ id: string }>).map((p) => p.id)).not.toContain(id);
    expect(existsSync(join(dir, '.cartograph', 'index.db'))).toBe(true);
    // Registering the path again serves it afresh, under the same id.
    const again = await postJson(server, '/api/v1/projects', { path: dir });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(id);
  });

  it('purges only the data dir: sources stay, and team rules are kept', async () => {
    const plain = repo();
    const withRules = repo({ ...FILES, '.cartograph/rules/no-eval.yaml': 'rules: []\n' });
    for (const dir of [plain, withRules]) {
      const id = await registered(dir);
      const res = await del(`/api/v2/projects/${id}?purge=true`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id, deleted: true, purged: true });
      for (const [rel, text] of Object.entries(FILES)) expect(readFileSync(join(dir, rel), 'utf8')).toBe(text);
    }
    expect(existsSync(join(plain, '.cartograph'))).toBe(false);
    expect(readdirSync(join(withRules, '.cartograph')).sort()).toEqual(['.gitignore', 'rules']);
    expect(readFileSync(join(withRules, '.cartograph/rules/no-eval.yaml'), 'utf8')).toBe('rules: []\n');
  });

  it('refuses to delete the default project, and a purge flag that is not a boolean', async () => {
    expectError(await del('/api/v1/projects/default'), 422, 'invalid_argument', { reason: 'default_project' });
    expect((await get('/api/v1/projects/default')).status).toBe(200);
    const id = await registered(repo());
    expectError(await del(`/api/v1/projects/${id}?purge=maybe`), 422, 'invalid_argument', { parameter: 'purge' });
    expect((await get(`/api/v1/projects/${id}`)).status).toBe(200);
  });
});

describe('read-only server', () => {
  it('refuses reindex and delete with 403 read_only, and still answers reads', async () => {
    const ro = await startHttp(project, { read_only: true });
    try {
      for (const res of [await postJson(ro, '/api/v1/projects/default/reindex', {}), await call(ro, '/api/v2/projects/default', { method: 'DELETE' })]) {
        expectError(res, 403, 'invalid_argument', { reason: 'read_only' });
      }
      expect((await call(ro, '/api/v1/projects/default/hydration')).body.reindex).toBeNull();
      expect((await call(ro, '/api/v1/projects')).status).toBe(200);
    } finally {
      await ro.close();
    }
  });
});

describe('openapi.json', () => {
  it('documents the project and notify routes', async () => {
    const doc = (await get('/openapi.json')).body as unknown as { paths: Record<string, Record<string, unknown>> };
    for (const v of ['v1', 'v2']) {
      expect(Object.keys(doc.paths[`/api/${v}/projects`]!).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths[`/api/${v}/projects/{id}`]!).sort()).toEqual(['delete', 'get']);
      expect(Object.keys(doc.paths[`/api/${v}/projects/{id}/reindex`]!)).toEqual(['post']);
      expect(Object.keys(doc.paths[`/api/${v}/projects/{id}/hydration`]!)).toEqual(['get']);
    }
    for (const route of ['file-changed', 'flush', 'bulk-sync']) expect(Object.keys(doc.paths[`/api/v1/notify/${route}`]!)).toEqual(['post']);
  });
});
