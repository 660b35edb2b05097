// Slow or stalled clients (slowloris) are cut by the server's header and request timeouts, so they
// cannot hold connections open. Only a generous upper bound on timing is asserted.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/server.js';
import { harness, type Harness } from './harness.js';

let h: Harness;
let server: RunningServer;

beforeAll(async () => {
  h = await harness();
  server = await h.serve({ headers_timeout_ms: 300, request_timeout_ms: 600 });
});
afterAll(async () => { await h.close(); });

/** Sends `partial` and never the rest; resolves with what the server wrote once it closes the connection. */
function stall(partial: string, boundMs: number): Promise<{ closed: boolean; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(partial));
    let text = '';
    socket.on('data', (c) => { text += String(c); });
    socket.on('error', () => undefined);
    const timer = setTimeout(() => { socket.destroy(); resolve({ closed: false, text }); }, boundMs);
    socket.on('close', () => { clearTimeout(timer); resolve({ closed: true, text }); });
  });
}

describe('request timeouts', () => {
  it('cuts a client that never finishes its headers', async () => {
    const res = await stall(`GET /health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: 1\r\n`, 15_000);
    expect(res.closed).toBe(true);
    expect(res.text).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts a client that stalls in the body', async () => {
    const head = `POST /api/v1/projects HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const res = await stall(`${head}{"pa`, 15_000);
    expect(res.closed).toBe(true);
  });

  it('still answers a client that sends its request in time', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
  });
});
