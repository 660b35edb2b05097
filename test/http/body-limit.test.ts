// Request bodies over max_body_bytes are refused with 413 too_large and the envelope, whether the
// client declares the length or streams the body in chunks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/server.js';
import { call, harness, type Harness } from './harness.js';

let h: Harness;
let server: RunningServer;

beforeAll(async () => {
  h = await harness();
  server = await h.serve({ max_body_bytes: 1000 });
});
afterAll(async () => { await h.close(); });

const json = (size: number) => JSON.stringify({ pad: 'x'.repeat(size) });
const chunked = (text: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: new ReadableStream({
    start(controller) {
      for (let i = 0; i < text.length; i += 100) controller.enqueue(new TextEncoder().encode(text.slice(i, i + 100)));
      controller.close();
    },
  }),
  duplex: 'half',
} as RequestInit);

describe('body limit', () => {
  it('refuses a declared body over the limit with 413 too_large', async () => {
    const res = await call(server, '/api/v1/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(2000) });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('too_large');
    expect(res.body.error?.details?.limit).toBe(1000);
    expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const res = await call(server, '/api/v1/projects', chunked(json(5000)));
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('too_large');
  });

  it('lets bodies within the limit through to the route, declared or chunked', async () => {
    // The route then rejects the body's shape (422), which shows it read the whole body.
    const declared = await call(server, '/api/v1/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(900) });
    expect(declared.status).toBe(422);
    const streamed = await call(server, '/api/v1/projects', chunked(json(900)));
    expect(streamed.status).toBe(422);
  });

  it('defaults to 1 MiB', async () => {
    const dflt = await h.serve();
    const over = await call(dflt, '/api/v1/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(1_048_576) });
    expect(over.status).toBe(413);
    const under = await call(dflt, '/api/v1/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json(1_000_000) });
    expect(under.status).toBe(422);
  });
});
