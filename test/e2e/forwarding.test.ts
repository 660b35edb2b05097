// Many agents, one index: `cartograph serve --transport stdio` forwards to the HTTP server named by
// the project's lock file, or starts one (exactly one, however many clients start at once), through
// the official MCP SDK client and the built CLI in dist/.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pidAlive, readServerLock, serverLockPath, type ServerLock } from '../../src/cli/server-lock.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { copyFixture, removeDir } from '../helpers/fixture.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const COMMON = ['--no-watch', '--workers', '1'];

let root: string;
const dataDirs: string[] = [];
const clients: Client[] = [];
let owned: ChildProcess;

const newDataDir = () => { const d = mkdtempSync(join(tmpdir(), 'cg-fwd-')); dataDirs.push(d); return d; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => T | undefined | false, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** An MCP client's stdio server with forwarding on; its stderr is kept to tell forwarding from in-process serving. */
function stdio(dataDir: string, extra: string[] = []): { transport: StdioClientTransport; stderr: () => string } {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'serve', '--transport', 'stdio', '--project', root, '--data-dir', dataDir, ...COMMON, '--log-level', 'info', '--forward', ...extra],
    stderr: 'pipe',
  });
  let text = '';
  transport.stderr!.on('data', (d: Buffer) => { text += d.toString(); });
  return { transport, stderr: () => text };
}

async function connect(dataDir: string, extra: string[] = []): Promise<{ client: Client; pid: number; stderr: () => string }> {
  const { transport, stderr } = stdio(dataDir, extra);
  const client = new Client({ name: 'fwd-test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return { client, pid: transport.pid!, stderr };
}

/** Cartograph HTTP servers running for a data dir, from the process table. */
function httpServers(dataDir: string): number[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')
    .filter((l) => l.includes('serve --transport http') && l.includes(`--data-dir ${dataDir}`))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

/** How many servers started in a data dir (each prints its banner to server.log). */
const serverStarts = (dataDir: string): number => {
  const path = join(dataDir, 'server.log');
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => /^cartograph \S+: serving /.test(l)).length : 0;
};

type Structured = Record<string, unknown>;
async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ isError: boolean; text: string; out: Structured }> {
  const res = await client.callTool({ name, arguments: args });
  return { isError: res.isError ?? false, text: (res.content as Array<{ text: string }>)[0]!.text, out: res.structuredContent as Structured };
}

beforeAll(async () => {
  root = copyFixture('app');
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  owned?.kill('SIGTERM');
  for (const d of dataDirs) {
    const lock = readServerLock(d);
    if (lock && pidAlive(lock.pid)) process.kill(lock.pid, 'SIGTERM');
    for (const pid of httpServers(d)) process.kill(pid, 'SIGKILL');
  }
  await sleep(500);
  for (const d of dataDirs) removeDir(d);
  removeDir(root);
});

describe('stdio clients of a project with a running server', () => {
  let dataDir: string;
  let lock: ServerLock;
  const fwd: Array<{ client: Client; pid: number; stderr: () => string }> = [];
  let direct: Client;

  beforeAll(async () => {
    dataDir = newDataDir();
    owned = spawn(process.execPath, [CLI, 'serve', '--transport', 'http', '--port', '0', '--project', root, '--data-dir', dataDir, ...COMMON, '--log-level', 'warn'],
      { stdio: 'ignore' });
    lock = await waitFor('the server lock', () => { const l = readServerLock(dataDir); return l?.pid === owned.pid && l; });
    for (let i = 0; i < 3; i++) fwd.push(await connect(dataDir));
    direct = new Client({ name: 'direct', version: '1.0.0' });
    await direct.connect(new StreamableHTTPClientTransport(new URL(`${lock.url}/mcp`)));
    clients.push(direct);
  });

  it('publishes a private lock naming the server', () => {
    expect(lock).toMatchObject({ pid: owned.pid, host: '127.0.0.1', project: 'default', root: realpathSync(root), read_only: false, api_key_required: false });
    expect(lock.url).toBe(`http://127.0.0.1:${lock.port}`);
    expect(execFileSync('stat', ['-c', '%a', serverLockPath(dataDir)], { encoding: 'utf8' }).trim()).toBe('600');
  });

  it('forwards all three clients to that one server', async () => {
    for (const c of fwd) expect(c.stderr()).toContain(`"url":"${lock.url}","pid":${owned.pid},"msg":"forwarding MCP stdio to the project server"`);
    expect(httpServers(dataDir)).toEqual([owned.pid]);
    expect(serverStarts(dataDir)).toBe(0); // nobody spawned another
    const statuses = await Promise.all([...fwd.map((c) => c.client), direct].map((c) => call(c, 'index_status')));
    const generations = new Set(statuses.map((s) => s.out.generation));
    expect(generations.size).toBe(1);
    for (const s of statuses) expect(s.out.root).toBe(realpathSync(root));
  });

  it('recalls through client 3 a learning recorded through client 1', async () => {
    const recorded = await call(fwd[0]!.client, 'record_learning', { type: 'gotcha', description: 'formatName trims whitespace first', scope: 'src/util.ts', confidence: 1 });
    expect(recorded.isError).toBe(false);
    const recalled = await call(fwd[2]!.client, 'recall', { query: 'trims whitespace' });
    expect((recalled.out.results as Array<{ description: string }>).map((r) => r.description)).toContain('formatName trims whitespace first');
  });

  it('shows the same tools, results and errors as a direct Streamable HTTP client', async () => {
    const client = fwd[1]!.client;
    expect((await client.listTools()).tools).toEqual((await direct.listTools()).tools);
    for (const [name, args] of [
      ['search_symbols', { name: 'formatName' }], // a result
      ['symbols', { path: 'src/missing.ts' }], // a typed tool error
      ['dependencies', { path: 7 }], // invalid arguments
      ['no_such_tool', {}],
    ] as const) {
      const [a, b] = await Promise.all([client.callTool({ name, arguments: args }), direct.callTool({ name, arguments: args })]);
      expect(a, name).toEqual(b);
    }
    const [e1, e2] = await Promise.all([client.readResource({ uri: 'nope://x' }).catch((e: Error) => e.message), direct.readResource({ uri: 'nope://x' }).catch((e: Error) => e.message)]);
    expect(e1).toBe(e2);
  });

  it('survives clients killed in the middle of a call', async () => {
    for (let i = 0; i < 2; i++) {
      const victim = await connect(dataDir);
      const pending = victim.client.callTool({ name: 'bootstrap', arguments: { task_hint: 'format user names', max_tokens: 3000 } }).catch(() => 'killed');
      await sleep(30);
      process.kill(victim.pid, 'SIGKILL');
      await pending;
    }
    expect(pidAlive(owned.pid)).toBe(true);
    const after = await call(fwd[0]!.client, 'search_symbols', { name: 'formatName' });
    expect(after.isError).toBe(false);
    expect((after.out.results as Array<{ file_path: string }>)[0]!.file_path).toBe('src/util.ts');
  });

  it('writes nothing but JSON-RPC to stdout', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--transport', 'stdio', '--project', root, '--data-dir', dataDir, ...COMMON, '--log-level', 'debug', '--forward'],
      { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const send = (msg: object) => child.stdin.write(`${JSON.stringify(msg)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    await waitFor('the initialize answer', () => stdout.includes('"id":1'));
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'symbols', arguments: { path: 'src/app.ts' } } });
    await waitFor('the call answer', () => stdout.includes('"id":2'));
    child.stdin.end(); // the client goes away: the forwarder ends its session and exits
    await waitFor('the forwarder to exit', () => child.exitCode !== null);
    expect(child.exitCode).toBe(0);
    expect(stderr).toContain('forwarding MCP stdio to the project server');
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(JSON.parse(lines[1]!).result.structuredContent.symbols.map((s: { name: string }) => s.name)).toEqual(['App', 'users', 'start', 'main']);
  });

  it('serves a read-only client in-process rather than hand it a writable server', async () => {
    const ro = await connect(dataDir, ['--read-only']);
    expect(ro.stderr()).toContain('has read_only=false, this client asks for read_only=true');
    const names = (await ro.client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('search_symbols');
    expect(names).not.toContain('record_learning');
    expect(httpServers(dataDir)).toEqual([owned.pid]);
  });

  it('refuses a second HTTP server for the same project', () => {
    const second = spawnSync(process.execPath, [CLI, 'serve', '--transport', 'http', '--port', '0', '--project', root, '--data-dir', dataDir, ...COMMON],
      { encoding: 'utf8', timeout: 30_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is already served by process ${owned.pid} at ${lock.url}; one server writes a project's index.`);
    expect(readServerLock(dataDir)).toEqual(lock);
  });
});

describe('a server that requires an API key', () => {
  let dataDir: string;
  let keyed: ChildProcess;

  beforeAll(async () => {
    dataDir = newDataDir();
    keyed = spawn(process.execPath, [CLI, 'serve', '--transport', 'http', '--port', '0', '--project', root, '--data-dir', dataDir, ...COMMON, '--log-level', 'warn'],
      { stdio: 'ignore', env: { ...process.env, CARTOGRAPH_API_KEY: 'sekret-key-42' } });
    await waitFor('the server lock', () => readServerLock(dataDir)?.pid === keyed.pid);
  });
  afterAll(() => { keyed.kill('SIGTERM'); });

  it('is forwarded to by a client with the key, and not by one without', async () => {
    expect(readServerLock(dataDir)?.api_key_required).toBe(true);
    expect(readFileSync(serverLockPath(dataDir), 'utf8')).not.toContain('sekret');
    const withKey = await connect(dataDir, ['--api-key', 'sekret-key-42']);
    expect(withKey.stderr()).toContain('forwarding MCP stdio to the project server');
    expect((await call(withKey.client, 'index_status')).isError).toBe(false);
    const without = await connect(dataDir);
    expect(without.stderr()).toContain('requires an API key; set CARTOGRAPH_API_KEY for this client to one of its keys');
    expect((await call(without.client, 'search_symbols', { name: 'formatName' })).isError).toBe(false);
  });
});

describe('stdio clients of a project with no running server', () => {
  it('start exactly one server when three start at once, and it exits once they are gone', async () => {
    const dataDir = newDataDir();
    const started = await Promise.all([0, 1, 2].map(() => connect(dataDir, ['--idle-exit-ms', '2000'])));
    const lock = readServerLock(dataDir)!;
    expect(serverStarts(dataDir)).toBe(1);
    expect(httpServers(dataDir)).toEqual([lock.pid]);
    // stderr is a separate pipe: the log line may arrive after the first answer on stdout.
    const line = `"pid":${lock.pid},"msg":"forwarding MCP stdio to the project server"`;
    await waitFor('every client to log where it forwards', () => started.every((s) => s.stderr().includes(line)), 10_000);
    const statuses = await Promise.all(started.map((s) => call(s.client, 'index_status')));
    expect(new Set(statuses.map((s) => s.out.generation)).size).toBe(1);
    expect(existsSync(join(dataDir, 'server.start'))).toBe(false);

    await Promise.all(started.map((s) => s.client.close()));
    await waitFor('the idle server to exit', () => !pidAlive(lock.pid), 20_000);
    expect(existsSync(serverLockPath(dataDir))).toBe(false);
  });

  it.each([
    ['its process is gone', () => spawnSync(process.execPath, ['-e', '']).pid],
    ['its port does not answer', () => process.pid],
  ])('replace a stale lock (%s), and a server killed under them', async (_, stalePid) => {
    const dataDir = newDataDir();
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
    });
    const stale: ServerLock = {
      pid: stalePid(), host: '127.0.0.1', port, url: `http://127.0.0.1:${port}`, project: 'default', root: realpathSync(root),
      started_at: new Date(0).toISOString(), version: '0.0.0', read_only: false, api_key_required: false,
    };
    writeFileSync(serverLockPath(dataDir), JSON.stringify(stale));
    const c = await connect(dataDir);
    const first = readServerLock(dataDir)!;
    expect(first.pid).not.toBe(stale.pid);
    expect(pidAlive(first.pid)).toBe(true);
    expect((await call(c.client, 'search_symbols', { name: 'formatName' })).isError).toBe(false);

    // The server dies under a connected client: the next call starts a new one and is answered there.
    process.kill(first.pid, 'SIGKILL');
    await waitFor('the server to die', () => !pidAlive(first.pid));
    const again = await call(c.client, 'search_symbols', { name: 'formatName' });
    expect(again.isError).toBe(false);
    expect((again.out.results as Array<{ file_path: string }>)[0]!.file_path).toBe('src/util.ts');
    const second = readServerLock(dataDir)!;
    expect(second.pid).not.toBe(first.pid);
    expect(httpServers(dataDir)).toEqual([second.pid]);
  });
});
