// DNS-rebinding and cross-origin guards over real HTTP: the Host must be a name the server is known
// by, a foreign Origin is refused, and only configured origins get CORS headers.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/server.js';
import { harness, rawCall, STATUS, type Harness } from './harness.js';

let h: Harness;
let plain: RunningServer;
let configured: RunningServer;

beforeAll(async () => {
  h = await harness();
  plain = await h.serve();
  configured = await h.serve({ allowed_hosts: 'code.internal, Other.Example', allowed_origins: 'https://app.example.com/' });
});
afterAll(async () => { await h.close(); });

describe('Host', () => {
  it.each(['127.0.0.1', 'localhost', '[::1]'])('accepts %s with any port', async (host) => {
    expect((await rawCall(plain, STATUS, { headers: { Host: `${host}:${plain.port}` } })).status).toBe(200);
    expect((await rawCall(plain, STATUS, { headers: { Host: `${host}:1` } })).status).toBe(200);
    expect((await rawCall(plain, STATUS, { headers: { Host: host.toUpperCase() } })).status).toBe(200);
  });

  it.each(['evil.example', `evil.example:${80}`, 'localhost.evil.example', '127.0.0.1.nip.io'])('refuses Host %j with 403 forbidden_host', async (host) => {
    const res = await rawCall(plain, STATUS, { headers: { Host: host } });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('invalid_argument');
    expect(res.body.error?.details?.reason).toBe('forbidden_host');
    expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
  });

  it('refuses a request without a Host header (HTTP/1.0)', async () => {
    const socket = connect(plain.port, '127.0.0.1');
    socket.end('GET /health HTTP/1.0\r\n\r\n');
    let text = '';
    for await (const chunk of socket) text += String(chunk);
    expect(text).toMatch(/^HTTP\/1\.\d 403 /);
    expect(text).toContain('forbidden_host');
  });

  it('guards /health as well', async () => {
    expect((await rawCall(plain, '/health', { headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('accepts the hosts in allowed_hosts, case-insensitively', async () => {
    expect((await rawCall(configured, STATUS, { headers: { Host: 'code.internal:7345' } })).status).toBe(200);
    expect((await rawCall(configured, STATUS, { headers: { Host: 'other.example' } })).status).toBe(200);
    expect((await rawCall(configured, STATUS, { headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('accepts any host with allowed_hosts=*', async () => {
    const any = await h.serve({ allowed_hosts: '*' });
    expect((await rawCall(any, STATUS, { headers: { Host: 'evil.example' } })).status).toBe(200);
  });
});

describe('Origin', () => {
  it('refuses a foreign origin with 403 forbidden_origin', async () => {
    const res = await rawCall(plain, STATUS, { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.body.error?.details?.reason).toBe('forbidden_origin');
    expect(res.body.error?.details?.origin).toBe('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each(['null', 'http://localhost', `http://127.0.0.1:${1}`])('refuses origin %s that is not this server', async (origin) => {
    expect((await rawCall(plain, STATUS, { headers: { Origin: origin } })).status).toBe(403);
  });

  it('accepts a same-host origin without CORS headers', async () => {
    const res = await rawCall(plain, STATUS, { headers: { Origin: `http://127.0.0.1:${plain.port}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives a configured origin CORS headers, on answers and preflights', async () => {
    const res = await rawCall(configured, STATUS, { headers: { Origin: 'https://APP.example.com' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://APP.example.com');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-ID');
    expect(res.headers.get('vary')).toContain('Origin');

    const pre = await rawCall(configured, STATUS, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('answers a configured origin\'s preflight before asking for a key', async () => {
    const keyed = await h.serve({ api_key: 'k-123', allowed_origins: 'https://app.example.com' });
    const pre = await rawCall(keyed, STATUS, { method: 'OPTIONS', headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(pre.status).toBe(204);
    const res = await rawCall(keyed, STATUS, { headers: { Origin: 'https://app.example.com' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});
