// Shared by the HTTP middleware tests: a tiny indexed repository, a server over it with chosen
// settings, and a fetch that returns status, headers and the parsed envelope.
import { request } from 'node:http';
import type { Project } from '../../src/engine/project.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import { startHttp, type RunningServer } from '../helpers/server.js';

export interface Envelope { error?: { code: string; message: string; details?: Record<string, unknown>; retry_after_ms?: number }; request_id?: string }
export interface Reply { status: number; headers: Headers; body: Envelope & Record<string, unknown> }

export interface Harness {
  serve(settings?: Parameters<typeof startHttp>[1]): Promise<RunningServer>;
  close(): Promise<void>;
}

/** One project for a test file; every server started from it is closed with it. */
export async function harness(): Promise<Harness> {
  const root = makeRepo({ 'src/a.ts': 'export function a() { return 1; }\n' });
  const project: Project = await openIndexed(root);
  const servers: RunningServer[] = [];
  return {
    async serve(settings = {}) {
      const s = await startHttp(project, settings);
      servers.push(s);
      return s;
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      await project.close();
      removeDir(root);
    },
  };
}

export async function call(server: RunningServer, path: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  let body: Reply['body'] = {};
  try { body = text ? JSON.parse(text) as Reply['body'] : {}; } catch { body = { text }; }
  return { status: res.status, headers: res.headers, body };
}

/** A REST route that needs the project (authenticated, rate-limited). */
export const STATUS = '/api/v2/projects/default/index-status';

/** Through node:http, which sends any Host or Origin header (fetch would pick its own Host). */
export function rawCall(server: RunningServer, path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers, body: text.startsWith('{') ? JSON.parse(text) as Reply['body'] : {} });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export function postJson(server: RunningServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return call(server, path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Probes until `done` holds (every 25 ms, for at most `ms`): waits on background work without a fixed sleep. */
export async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
