// Load: one `cartograph serve --transport http` process and 8 concurrent MCP clients — 4 stdio
// clients forwarded to it, 4 Streamable HTTP clients — issuing a mixed stream of calls while a
// writer edits files underneath and reports each edit through the notify routes. Every call must
// succeed (rate limits, set out of reach, are counted apart), every edit must reach the index, and
// the server's answers must equal those of a fresh index of the final files. Loopback only.
// CARTOGRAPH_LOAD_CALLS sets the number of calls: the default keeps `npm test` short on a 2-core
// machine (75 to 130 calls/s there); the issue's figure is 10,000.
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerLock } from '../../src/cli/server-lock.js';
import type { Project } from '../../src/engine/project.js';
import { seededRandom } from '../../src/engine/random.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { CLI, killAll, sleep, spawnServer, waitForLock, type CliServer } from '../helpers/cli-server.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

const CALLS = Number(process.env.CARTOGRAPH_LOAD_CALLS ?? 3000);
const FILES = 30;
const SEED = 20_261_123;
const DIRS = ['core', 'feature', 'app'];

const pathOf = (i: number) => `src/${DIRS[Math.floor(i / 10)]}/mod${i}.ts`;
const PATHS = Array.from({ length: FILES }, (_, i) => pathOf(i));

/** 30 small modules in three folders, each importing one or two earlier ones. */
function repoFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) {
    const deps = [i - 1, i - 7].filter((d) => d >= 0);
    const spec = (d: number) => `./${posix.relative(posix.dirname(pathOf(i)), pathOf(d)).replace(/\.ts$/, '.js')}`.replace('./../', '../');
    files[pathOf(i)] = [
      ...deps.map((d) => `import { alpha${d}, Service${d} } from '${spec(d)}';`),
      `/** Module ${i} of the load fixture. */`,
      `export function alpha${i}(n: number): number { return ${deps.map((d) => `alpha${d}(n)`).join(' + ') || 'n'} + ${i}; }`,
      `export class Service${i} {`,
      `  total(xs: number[]): number { return xs.reduce((a, b) => a + b, alpha${i}(0)); }`,
      ...deps.slice(0, 1).map((d) => `  helper(): Service${d} { return new Service${d}(); }`),
      '}',
      `export const LIMIT_${i} = ${i * 10};`,
      '',
    ].join('\n');
  }
  return files;
}

type Args = Record<string, unknown>;
interface Answer { isError: boolean; text: string; out: Args }

async function callTool(client: Client, name: string, args: Args): Promise<Answer> {
  const res = await client.callTool({ name, arguments: args });
  return { isError: res.isError === true, text: (res.content as Array<{ text: string }>)[0]?.text ?? '', out: (res.structuredContent ?? {}) as Args };
}

/** An answer without what legitimately differs between two indexes of the same files: the freshness stamp. */
function comparable(out: Args, text: string): { out: Args; text: string } {
  const { freshness: _, ...rest } = out;
  return { out: JSON.parse(JSON.stringify(rest)) as Args, text: text.split('\n').filter((l) => !l.startsWith('[index gen ')).join('\n') };
}

/** Runs `fn` over `items` with every client busy at once, each taking the next item when done. */
async function spread<T>(items: readonly T[], fn: (client: Client, item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(clients.map(async (client) => {
    while (next < items.length) await fn(client, items[next++]!);
  }));
}

const isRateLimit = (message: string) => /\b429\b|rate.?limit/i.test(message);

let root: string;
let dataDir: string;
let server: CliServer | undefined;
let lock: ServerLock;
const clients: Client[] = [];
const stdioPids: number[] = [];
let fresh: Project | undefined;

beforeAll(async () => {
  root = makeRepo(repoFiles(), { git: true });
  dataDir = mkdtempSync(join(tmpdir(), 'cg-load-'));
  // Every client comes from 127.0.0.1, so they share one rate-limit bucket: set it out of reach.
  server = spawnServer(root, dataDir, {
    args: ['--workers', '1', '--log-level', 'warn'],
    env: { CARTOGRAPH_RATE_LIMIT_PER_MIN: '10000000', CARTOGRAPH_RATE_LIMIT_NOTIFY_PER_MIN: '10000000' },
  });
  lock = await waitForLock(dataDir, server);
  const forwarded = async (i: number): Promise<Client> => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'serve', '--transport', 'stdio', '--project', root, '--data-dir', dataDir, '--no-watch', '--log-level', 'info', '--forward'],
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    const client = new Client({ name: `load-stdio-${i}`, version: '1.0.0' });
    await client.connect(transport);
    stdioPids.push(transport.pid!);
    // Attached to the running server, not serving in-process nor starting another.
    const attached = `"url":"${lock.url}","pid":${server!.pid},"msg":"forwarding MCP stdio to the project server"`;
    for (let t = 0; t < 100 && !stderr.includes(attached); t++) await sleep(50);
    expect(stderr).toContain(attached);
    return client;
  };
  const direct = async (i: number): Promise<Client> => {
    const client = new Client({ name: `load-http-${i}`, version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${lock.url}/mcp`)));
    return client;
  };
  clients.push(...await Promise.all([0, 1, 2, 3].map(forwarded)), ...await Promise.all([0, 1, 2, 3].map(direct)));
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  await fresh?.close();
  killAll([server?.pid, ...stdioPids], dataDir ? [dataDir] : []);
  await server?.exited;
  if (dataDir) removeDir(dataDir);
  if (root) removeDir(root);
});

describe('8 MCP clients (4 forwarded stdio, 4 Streamable HTTP) on one server while files change', () => {
  it(`answers ${CALLS} mixed calls without error, loses no notify and agrees with a fresh index`, async () => {
    const markers: Array<{ name: string; file: string }> = [];
    const errors: string[] = [];
    const tally = { calls: 0, rateLimited: 0, notifies: 0, bulkSyncs: 0, learnings: 0, byOp: {} as Record<string, number> };
    const latencies: number[] = [];
    const msByOp: Record<string, number> = {};

    const post = async (path: string, body: unknown, expected: number): Promise<void> => {
      const res = await fetch(`${lock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      if (res.status === 429) tally.rateLimited++;
      else if (res.status !== expected) errors.push(`${path} → ${res.status}: ${text.slice(0, 300)}`);
    };
    const writeMarker = (file: string): void => {
      const name = `marker_${markers.length}`;
      appendFileSync(join(root, file), `export function ${name}(): number { return ${markers.length}; }\n`);
      markers.push({ name, file });
    };

    // The mix: mostly reads of every kind, some memory writes; names include markers written so far.
    const nextCall = (rng: () => number, client: number): [string, Args] => {
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
      const file = pick(PATHS);
      const n = Math.floor(rng() * FILES);
      const r = rng();
      if (r < 0.22) return ['search_symbols', { name: markers.length && rng() < 0.5 ? pick(markers).name : pick([`alpha${n}`, `Service${n}`, 'total', 'LIMIT']) }];
      if (r < 0.36) return ['symbols', { path: file }];
      if (r < 0.50) return ['dependencies', { path: file }];
      if (r < 0.58) return ['impact_analysis', { changed_files: [file] }];
      if (r < 0.66) return ['semantic_search', { query: `total of service ${n} alpha`, mode: 'keyword', top_k: 5 }];
      if (r < 0.76) return ['cross_references', { symbol_name: `alpha${n}` }];
      if (r < 0.84) return ['index_status', {}];
      if (r < 0.94) return ['recall', { query: `service ${n} token`, scope: rng() < 0.5 ? file : '' }];
      return ['record_learning', { type: 'pattern', description: `client${client} noted token${tally.calls}x${n} about service`, scope: file }];
    };

    let issued = 0;
    const started = Date.now();
    const worker = async (client: Client, index: number) => {
      const rng = seededRandom(SEED + index);
      while (issued < CALLS) {
        issued++;
        const [name, args] = nextCall(rng, index);
        const t0 = performance.now();
        try {
          const res = await callTool(client, name, args);
          if (res.isError) {
            if (isRateLimit(res.text)) tally.rateLimited++;
            else errors.push(`${name} ${JSON.stringify(args)} → ${res.text.slice(0, 300)}`);
          } else if (name === 'record_learning' && res.out.created === true) tally.learnings++;
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          if (isRateLimit(message)) tally.rateLimited++;
          else errors.push(`${name} ${JSON.stringify(args)} threw ${message.slice(0, 300)}`);
        }
        latencies.push(performance.now() - t0);
        tally.calls++;
        tally.byOp[name] = (tally.byOp[name] ?? 0) + 1;
        msByOp[name] = (msByOp[name] ?? 0) + performance.now() - t0;
      }
    };

    let loadDone = false;
    const writer = async () => {
      const rng = seededRandom(SEED - 1);
      while (!loadDone) {
        const file = PATHS[Math.floor(rng() * FILES)]!;
        writeMarker(file);
        if (rng() < 0.1) {
          // A bulk sync applies at once, next to paths still in the debounced batch.
          tally.bulkSyncs++;
          await post('/api/v1/notify/bulk-sync', { paths: [file, PATHS[Math.floor(rng() * FILES)]!] }, 200);
        } else {
          tally.notifies++;
          await post('/api/v1/notify/file-changed', { paths: [file] }, 202);
        }
        await sleep(10 + rng() * 30);
      }
    };

    const writing = writer();
    await Promise.all(clients.map((c, i) => worker(c, i)));
    loadDone = true;
    await writing;
    const loadMs = Date.now() - started;

    // A last burst no read has looked at: only the notify path can bring these into the index.
    for (const file of PATHS) {
      writeMarker(file);
      tally.notifies++;
      await post('/api/v1/notify/file-changed', { paths: [file] }, 202);
    }
    await post('/api/v1/notify/flush', {}, 200);
    const status = await callTool(clients[4]!, 'index_status', {});
    expect(status.out.phase).toBe('idle');

    latencies.sort((a, b) => a - b);
    const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!);
    console.log(`load: ${tally.calls} calls by 8 clients in ${(loadMs / 1000).toFixed(1)} s (p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms); `
      + `${markers.length} markers, ${tally.notifies} file-changed, ${tally.bulkSyncs} bulk-sync, ${tally.learnings} learnings; `
      + `${tally.rateLimited} rate-limited; calls and mean ms per op ${JSON.stringify(Object.fromEntries(Object.entries(tally.byOp)
        .sort().map(([op, n]) => [op, [n, Math.round(msByOp[op]! / n)]])))}`);
    expect(errors).toEqual([]);
    expect(tally.rateLimited).toBe(0);
    expect(tally.calls).toBe(CALLS);

    // No lost notify: every marker is found by name (search_symbols repairs nothing inline).
    const missing: string[] = [];
    await spread(markers, async (client, m) => {
      const { out } = await callTool(client, 'search_symbols', { name: m.name });
      if (!(out.results as Array<{ name: string; file_path: string }>).some((r) => r.name === m.name && r.file_path === m.file)) missing.push(m.name);
    });
    expect(missing).toEqual([]);

    const listed = await callTool(clients[0]!, 'list_learnings', { limit: 1000 });
    expect(listed.out.total).toBe(tally.learnings);

    // The same answers as a fresh index of the final files. Ranking uses file importance, which the
    // server recomputes once edits have paused for a few seconds (FileGraph.importance): wait for it.
    fresh = await openIndexed(root);
    const local = async (name: string, args: Args) => {
      const res = await invoke(operationNamed(name)!, fresh!, args);
      if (!res.ok) throw res.error;
      return comparable(res.output, res.text);
    };
    const probe = { name: 'marker', limit: 200 };
    const settled = await local('search_symbols', probe);
    const settleStarted = Date.now();
    const deadline = settleStarted + 30_000;
    for (;;) {
      const got = await callTool(clients[0]!, 'search_symbols', probe);
      if (JSON.stringify(comparable(got.out, got.text)) === JSON.stringify(settled) || Date.now() > deadline) break;
      await sleep(250);
    }
    console.log(`load: importance settled ${Date.now() - settleStarted} ms after the fresh index was built`);
    const queries: Array<[string, Args]> = [
      ['search_symbols', probe],
      ...markers.map((m): [string, Args] => ['search_symbols', { name: m.name }]),
      ...PATHS.flatMap((path): Array<[string, Args]> => [['symbols', { path }], ['dependencies', { path }]]),
      ...[0, 7, 14, 29].flatMap((n): Array<[string, Args]> => [
        ['impact_analysis', { changed_files: [pathOf(n)] }], ['cross_references', { symbol_name: `alpha${n}` }], ['search_symbols', { name: `Service${n}` }],
      ]),
    ];
    await spread(queries, async (client, [name, args]) => {
      const got = await callTool(client, name, args);
      expect(comparable(got.out, got.text), `${name} ${JSON.stringify(args)}`).toEqual(await local(name, args));
    });
    const [serverStatus, freshStatus] = [(await callTool(clients[1]!, 'index_status', {})).out, (await local('index_status', {})).out];
    for (const key of ['files_indexed', 'symbols', 'edges', 'languages', 'files_skipped']) expect(serverStatus[key], key).toEqual(freshStatus[key]);
  }, 600_000);
});
