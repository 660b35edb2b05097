// Request ids and the access log: the id (the client's, when well-formed) is on every response,
// refusals from the middleware included, and each request is one info line with the route
// template, never the raw path with its user input.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { log } from '../../src/log.js';
import type { RunningServer } from '../helpers/server.js';
import { call, harness, rawCall, STATUS, type Harness } from './harness.js';

let h: Harness;
let server: RunningServer;

beforeAll(async () => {
  h = await harness();
  server = await h.serve({ api_key: 'log-key', rate_limit_per_min: 1000, max_body_bytes: 10 });
});
afterAll(async () => { await h.close(); });
afterEach(() => { vi.restoreAllMocks(); });

const key = { 'X-API-Key': 'log-key' };

/** The access-log lines written while `fn` runs. */
async function logged(fn: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const info = vi.spyOn(log, 'info');
  await fn();
  return info.mock.calls.filter((args) => args[1] === 'request').map((args) => args[0] as Record<string, unknown>);
}

describe('request ids', () => {
  it('generates one when none is given and echoes a well-formed one', async () => {
    const fresh = await call(server, STATUS, { headers: key });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await call(server, STATUS, { headers: { ...key, 'X-Request-ID': 'abc.123' } });
    expect(given.headers.get('x-request-id')).toBe('abc.123');
    const bad = await call(server, STATUS, { headers: { ...key, 'X-Request-ID': 'has spaces' } });
    expect(bad.headers.get('x-request-id')).not.toBe('has spaces');
  });

  it.each([
    ['401', () => call(server, STATUS, { headers: { 'X-Request-ID': 'rid-1' } }), 401],
    ['403 host', () => rawCall(server, STATUS, { headers: { Host: 'evil.example', 'X-Request-ID': 'rid-1' } }), 403],
    ['403 origin', () => rawCall(server, STATUS, { headers: { Origin: 'https://evil.example', 'X-Request-ID': 'rid-1' } }), 403],
    ['413', () => call(server, '/api/v1/projects', { method: 'POST', headers: { ...key, 'X-Request-ID': 'rid-1' }, body: '{"path": "far too long"}' }), 413],
    ['404', () => call(server, '/nowhere', { headers: { ...key, 'X-Request-ID': 'rid-1' } }), 404],
  ])('carries it on a %s refusal, in the header and the envelope', async (_label, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('x-request-id')).toBe('rid-1');
    expect(res.body.request_id).toBe('rid-1');
  });
});

describe('access log', () => {
  it('writes one info line per request with the route template, status, time and key name', async () => {
    const lines = await logged(() => call(server, '/api/v2/projects/default/symbols?path=src/a.ts', { headers: { ...key, 'X-Request-ID': 'log-1' } }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ request_id: 'log-1', method: 'GET', path: '/api/v2/projects/:id/symbols', status: 200, key: 'default' });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(JSON.stringify(lines[0])).not.toContain('src/a.ts');
  });

  it('logs refusals by the middleware, without a key name', async () => {
    const lines = await logged(() => call(server, '/api/v2/projects/default/symbols?path=secret.ts'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/api/v2/projects/:id/symbols', status: 401, key: undefined });
  });

  it('logs an unmatched path without echoing it', async () => {
    const lines = await logged(() => call(server, '/wp-admin/secret-path', { headers: key }));
    expect(lines).toEqual([expect.objectContaining({ path: '(no route)', status: 404 })]);
  });
});
