// API-key authentication over real HTTP: open mode, bearer / raw / X-API-Key, a keys file with
// several named keys, open paths, and a startup that refuses bad key files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiKeys } from '../../src/http/middleware/auth.js';
import { removeDir } from '../helpers/fixture.js';
import type { RunningServer } from '../helpers/server.js';
import { call, harness, STATUS, type Harness } from './harness.js';

let h: Harness;
let keyDir: string;
let single: RunningServer;
let named: RunningServer;

beforeAll(async () => {
  h = await harness();
  keyDir = mkdtempSync(join(tmpdir(), 'cg-keys-'));
  writeFileSync(join(keyDir, 'keys.yaml'), 'alice: alice-key-0123456789\nci: "ci-key-9876543210"\n');
  single = await h.serve({ api_key: 'sekret-key-42' });
  named = await h.serve({ api_keys_file: join(keyDir, 'keys.yaml') });
});
afterAll(async () => { await h.close(); removeDir(keyDir); });

describe('open mode', () => {
  it('answers without a key when none is configured', async () => {
    const open = await h.serve();
    expect((await call(open, STATUS)).status).toBe(200);
  });
});

describe('a single API key', () => {
  it('refuses a request without a key with 401 and the envelope', async () => {
    const res = await call(single, STATUS);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('invalid_argument');
    expect(res.body.error?.details?.reason).toBe('unauthenticated');
    expect(res.body.error?.message).toMatch(/API key is required/);
    expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="cartograph"');
  });

  it.each([
    ['a wrong bearer token', { Authorization: 'Bearer sekret-key-43' }],
    ['a prefix of the key', { Authorization: 'Bearer sekret-key-4' }],
    ['a wrong X-API-Key', { 'X-API-Key': 'nope' }],
    ['an empty bearer', { Authorization: 'Bearer ' }],
  ])('refuses %s with 401', async (_label, headers) => {
    const res = await call(single, STATUS, { headers });
    expect(res.status).toBe(401);
    expect(res.body.error?.details?.reason).toBe('unauthenticated');
  });

  it.each([
    ['Authorization: Bearer', { Authorization: 'Bearer sekret-key-42' }],
    ['a lower-case bearer scheme', { Authorization: 'bearer sekret-key-42' }],
    ['the raw key in Authorization', { Authorization: 'sekret-key-42' }],
    ['X-API-Key', { 'X-API-Key': 'sekret-key-42' }],
  ])('accepts the key sent as %s', async (_label, headers) => {
    const res = await call(single, STATUS, { headers });
    expect(res.status).toBe(200);
    expect(res.body.freshness).toBeDefined();
  });

  // /ready answers 503 until a background index finishes; what matters here is that it is not 401.
  it('keeps /health and /ready open', async () => {
    expect((await call(single, '/health')).status).toBe(200);
    expect((await call(single, '/ready')).status).not.toBe(401);
  });

  it('keeps the API docs and their assets open (a browser cannot send the key), and nothing next to them', async () => {
    expect((await call(single, '/openapi.json')).status).toBe(200);
    const page = await fetch(`${single.url}/docs`);
    expect(page.status).toBe(200);
    const asset = (await page.text()).match(/(?:src|href)="(\/docs\/assets\/[^"]+)"/)?.[1];
    expect(asset).toBeDefined();
    expect((await fetch(`${single.url}${asset}`)).status).toBe(200);
    expect((await call(single, '/docsx')).status).toBe(401);
  });

  it('protects MCP too', async () => {
    const res = await call(single, '/mcp', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it('closes /ready when it is not in open_paths', async () => {
    const strict = await h.serve({ api_key: 'sekret-key-42', open_paths: '/health' });
    expect((await call(strict, '/health')).status).toBe(200);
    expect((await call(strict, '/ready')).status).toBe(401);
    expect((await call(strict, '/ready', { headers: { 'X-API-Key': 'sekret-key-42' } })).status).not.toBe(401);
  });
});

describe('a keys file with named keys', () => {
  it('accepts each named key and refuses others', async () => {
    expect((await call(named, STATUS, { headers: { Authorization: 'Bearer alice-key-0123456789' } })).status).toBe(200);
    expect((await call(named, STATUS, { headers: { 'X-API-Key': 'ci-key-9876543210' } })).status).toBe(200);
    expect((await call(named, STATUS, { headers: { 'X-API-Key': 'sekret-key-42' } })).status).toBe(401);
    expect((await call(named, STATUS)).status).toBe(401);
  });

  it('reads JSON and merges api_key as the key named default', () => {
    const file = join(keyDir, 'keys.json');
    writeFileSync(file, JSON.stringify({ bob: 'b' }));
    expect([...loadApiKeys({ api_key: 'k', api_keys_file: file }).keys()]).toEqual(['default', 'bob']);
  });

  it.each([
    ['an empty file', '', /names no keys|expected/],
    ['a list', '- a\n- b\n', /expected/i],
    ['a key that is not a string', 'alice: 12\n', /expected string/i],
    ['a bad key name', '"a b": key\n', /key names are letters/],
  ])('refuses %s at startup', (_label, text, message) => {
    const file = join(keyDir, 'bad.yaml');
    writeFileSync(file, text);
    expect(() => loadApiKeys({ api_keys_file: file })).toThrow(message);
    expect(() => loadApiKeys({ api_keys_file: file })).toThrow(/Cannot use api_keys_file/);
  });

  it('refuses a missing file and a name clash with api_key', () => {
    expect(() => loadApiKeys({ api_keys_file: join(keyDir, 'missing.yaml') })).toThrow(/Cannot use api_keys_file .*ENOENT/);
    const file = join(keyDir, 'clash.yaml');
    writeFileSync(file, 'default: other\n');
    expect(() => loadApiKeys({ api_key: 'k', api_keys_file: file })).toThrow(/'default' is already taken/);
  });
});
