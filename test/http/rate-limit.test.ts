// Rate limits over real HTTP: headers on every limited response, 429 with Retry-After and the
// envelope past the limit, a larger notify tier, separate budgets per key name, exempt probes, and
// limits switched off with 0. Limits are tiny so a few requests reach them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from '../helpers/fixture.js';
import { call, harness, STATUS, type Harness } from './harness.js';

let h: Harness;
let keyDir: string;

beforeAll(async () => {
  h = await harness();
  keyDir = mkdtempSync(join(tmpdir(), 'cg-rl-keys-'));
  // Windows are aligned to the minute: start well inside one so a test's requests share it.
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoWindow));
});
afterAll(async () => { await h.close(); removeDir(keyDir); });

const NOTIFY = '/api/v2/projects/default/notify';
const notify = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ paths: ['src/a.ts'] }) };

describe('rate limits', () => {
  it('counts down in headers, then answers 429 with Retry-After and the envelope', async () => {
    const server = await h.serve({ rate_limit_per_min: 3 });
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(server, STATUS);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      remaining.push(res.headers.get('x-ratelimit-remaining'));
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      expect(reset * 1000).toBeGreaterThan(Date.now());
      expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const over = await call(server, STATUS, { headers: { 'X-Request-ID': 'limited-1' } });
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('unavailable');
    expect(over.body.error?.details).toMatchObject({ reason: 'rate_limited', tier: 'standard', limit: 3 });
    expect(over.body.request_id).toBe('limited-1');
    expect(over.headers.get('x-request-id')).toBe('limited-1');
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.body.error?.retry_after_ms).toBeGreaterThan(0);
  });

  it('gives notify routes their own, larger budget', async () => {
    const server = await h.serve({ rate_limit_per_min: 2, rate_limit_notify_per_min: 20 });
    for (let i = 0; i < 3; i++) await call(server, STATUS);
    expect((await call(server, STATUS)).status).toBe(429);
    for (let i = 0; i < 5; i++) {
      const res = await call(server, NOTIFY, notify);
      expect(res.status).not.toBe(429);
      expect(res.headers.get('x-ratelimit-limit')).toBe('20');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(19 - i));
    }
  });

  it('defaults notify to ten times the standard limit', async () => {
    const server = await h.serve();
    expect((await call(server, STATUS)).headers.get('x-ratelimit-limit')).toBe('600');
    expect((await call(server, NOTIFY, notify)).headers.get('x-ratelimit-limit')).toBe('6000');
  });

  it('keeps one budget per API key name', async () => {
    const file = join(keyDir, 'keys.json');
    writeFileSync(file, JSON.stringify({ alice: 'alice-key', ci: 'ci-key' }));
    const server = await h.serve({ api_keys_file: file, rate_limit_per_min: 2 });
    const as = (key: string) => ({ headers: { 'X-API-Key': key } });
    for (let i = 0; i < 2; i++) expect((await call(server, STATUS, as('alice-key'))).status).toBe(200);
    expect((await call(server, STATUS, as('alice-key'))).status).toBe(429);
    const ci = await call(server, STATUS, as('ci-key'));
    expect(ci.status).toBe(200);
    expect(ci.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('never limits the open probes', async () => {
    const server = await h.serve({ rate_limit_per_min: 1 });
    for (let i = 0; i < 4; i++) {
      const res = await call(server, '/health');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });

  it('is off with 0', async () => {
    const server = await h.serve({ rate_limit_per_min: 0, rate_limit_notify_per_min: 0 });
    for (let i = 0; i < 5; i++) {
      const res = await call(server, STATUS);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });
});
