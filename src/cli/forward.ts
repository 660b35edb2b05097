// `cartograph serve --transport stdio` as a forwarder: rather than opening its own index, the
// process an MCP client starts relays MCP between its stdio and the Streamable HTTP endpoint of the
// server that serves the project (`<dataDir>/server.json`), starting that server when none runs.
// N clients then share one index, one watcher and one language-server pool. Messages are relayed
// unchanged, so clients see the same tools, results and errors; stdout carries nothing but protocol.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, realpathSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  ErrorCode, isJSONRPCErrorResponse, isJSONRPCRequest, isJSONRPCResultResponse,
  type JSONRPCMessage, type JSONRPCRequest, type RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import { dataDirOf, ENV_NAMES, type Settings } from '../config.js';
import { log } from '../log.js';
import { claimFile, liveServer, pidAlive, releaseFile, serverAlive, type ServerLock } from './server-lock.js';

/** A server started for forwarding exits after this long without clients unless idle_exit_ms says otherwise. */
const DEFAULT_IDLE_EXIT_MS = 300_000;
/** How long a client waits for a server to come up (its own or another client's). */
const START_TIMEOUT_MS = 30_000;
/** A started server's log is kept (as `server.log.1`) and begun anew once it is this big. */
const LOG_ROTATE_BYTES = 4 * 1024 * 1024;
const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

interface Target { root: string; dataDir: string; settings: Settings; flags: Record<string, unknown> }

/**
 * Starts relaying stdio to the project's server; false when this client should serve in-process
 * instead (no server could be started, or the running one would answer differently or refuses
 * this client's key). The reason goes to stderr.
 */
export async function forwardStdio(settings: Settings, flags: Record<string, unknown>): Promise<boolean> {
  let root: string;
  try { root = realpathSync(settings.project); } catch { return false; } // the in-process path reports it
  const target: Target = { root, dataDir: dataDirOf({ ...settings, project: root }), settings, flags };
  let lock: ServerLock;
  try {
    lock = await usableServer(target);
  } catch (e) {
    log.warn({ err: e instanceof Error ? e.message : String(e) }, 'not forwarding to a shared server; serving in-process');
    return false;
  }
  await new Forwarder(lock, () => usableServer(target), authHeaders(settings)).start();
  return true;
}

function authHeaders(settings: Settings): Record<string, string> {
  return settings.api_key ? { authorization: `Bearer ${settings.api_key}` } : {};
}

/** The live server for the target, started when none runs, and checked to suit this client. */
async function usableServer(target: Target): Promise<ServerLock> {
  const lock = await ensureServer(target);
  if (lock.read_only !== target.settings.read_only) {
    throw new Error(`the server at ${lock.url} has read_only=${lock.read_only}, this client asks for read_only=${target.settings.read_only}`);
  }
  if (lock.api_key_required) {
    const res = target.settings.api_key ? await fetch(`${lock.url}/api/v1/projects`, { headers: authHeaders(target.settings) }) : undefined;
    await res?.body?.cancel();
    if (!res || res.status === 401) {
      throw new Error(`the server at ${lock.url} requires an API key; set CARTOGRAPH_API_KEY for this client to one of its keys`);
    }
  }
  return lock;
}

/**
 * The live server's lock; when there is none, one client (the holder of `server.start`, claimed
 * race-free) starts it while the others wait for its lock to appear.
 */
async function ensureServer(target: Target): Promise<ServerLock> {
  mkdirSync(target.dataDir, { recursive: true });
  const startLock = join(target.dataDir, 'server.start');
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const live = await liveServer(target.dataDir);
    if (live) return live;
    const mine = JSON.stringify({ pid: process.pid, at: Date.now() });
    const holder = await claimFile(startLock, mine, startLockStale);
    if (holder === undefined) {
      try {
        // Another client may have finished starting one between the check above and the claim.
        return (await liveServer(target.dataDir)) ?? (await startServer(target, deadline));
      } finally {
        releaseFile(startLock, mine);
      }
    }
    await sleep(100);
  }
  throw new Error(`no server for ${target.root} came up within ${START_TIMEOUT_MS / 1000} s`);
}

/** A start lock whose client died, or that is older than any start takes. */
function startLockStale(text: string): boolean {
  try {
    const { pid, at } = JSON.parse(text) as { pid: number; at: number };
    return !pidAlive(pid) || Date.now() - at > START_TIMEOUT_MS;
  } catch {
    return true;
  }
}

/**
 * Spawns `cartograph serve --transport http` for the project, detached so it outlives this client,
 * on an ephemeral loopback port, logging to `<dataDir>/server.log` (appended to, so every start shows). It gets this client's settings:
 * the environment as is, flags as environment variables (keys stay out of the process list).
 */
async function startServer(target: Target, deadline: number): Promise<ServerLock> {
  const logPath = join(target.dataDir, 'server.log');
  if ((statSync(logPath, { throwIfNoEntry: false })?.size ?? 0) > LOG_ROTATE_BYTES) renameSync(logPath, `${logPath}.1`);
  const logFd = openSync(logPath, 'a', 0o600);
  const flagsEnv = Object.fromEntries(Object.entries(target.flags)
    .filter(([k]) => k in ENV_NAMES).map(([k, v]) => [ENV_NAMES[k as keyof Settings], String(v)]));
  const child = spawn(process.execPath, [MAIN, 'serve', '--transport', 'http', '--host', '127.0.0.1', '--port', '0',
    '--project', target.root, '--data-dir', target.dataDir, '--idle-exit-ms', String(target.settings.idle_exit_ms ?? DEFAULT_IDLE_EXIT_MS)], {
    detached: true, stdio: ['ignore', 'ignore', logFd], env: { ...process.env, ...flagsEnv },
  });
  closeSync(logFd);
  let exitCode: number | null | undefined;
  child.once('exit', (code) => { exitCode = code; });
  child.unref();
  while (Date.now() < deadline) {
    const live = await liveServer(target.dataDir);
    if (live) return live;
    if (exitCode !== undefined) throw new Error(`the server exited (code ${exitCode}) before serving; see ${logPath}`);
    await sleep(100);
  }
  throw new Error(`the server did not come up within ${START_TIMEOUT_MS / 1000} s; see ${logPath}`);
}

/** A send that failed because the server is no longer there (stopped, crashed, idle exit). */
const serverGone = (e: unknown): boolean => e instanceof TypeError || (e instanceof StreamableHTTPError && e.code === 404);

/**
 * The relay. Client messages go out in order (each send returns once the server has taken the
 * message, so a long call does not hold up the next). When the server goes away, calls waiting on
 * it are answered with an error, and the next message finds or starts a server and replays the
 * client's `initialize` there before going on.
 */
class Forwarder {
  private readonly client = new StdioServerTransport();
  private upstream: StreamableHTTPClientTransport | undefined;
  /** The client's initialize request, and whether its answer has been relayed. */
  private initialize: JSONRPCRequest | undefined;
  private initialized = false;
  /** Requests relayed to the server and not answered yet. */
  private readonly pending = new Set<RequestId>();
  /** Requests this relay sends itself (initialize on a new server), by id. */
  private readonly own = new Map<RequestId, (m: JSONRPCMessage) => void>();
  private replays = 0;
  private queue: Promise<void> = Promise.resolve();
  private relocate = false;
  private closing = false;

  constructor(private lock: ServerLock, private readonly find: () => Promise<ServerLock>, private readonly headers: Record<string, string>) {}

  async start(): Promise<void> {
    this.client.onmessage = (m) => { this.queue = this.queue.then(() => this.toServer(m)); };
    this.client.onerror = (e) => log.warn({ err: e.message }, 'forward: unreadable message from the client');
    process.stdin.once('end', () => void this.close());
    process.stdout.on('error', () => void this.close());
    process.once('SIGINT', () => void this.close());
    process.once('SIGTERM', () => void this.close());
    await this.client.start();
    log.info({ url: this.lock.url, pid: this.lock.pid }, 'forwarding MCP stdio to the project server');
  }

  private async toServer(message: JSONRPCMessage): Promise<void> {
    const request = isJSONRPCRequest(message) ? message : undefined;
    if (request) {
      this.pending.add(request.id);
      if (request.method === 'initialize') this.initialize = request;
    }
    try {
      await this.send(message, request?.id);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      log.warn({ err: reason }, 'forward: cannot relay a message to the server');
      if (request) this.fail(request.id, serverGone(e) ? ErrorCode.ConnectionClosed : ErrorCode.InternalError, `Cartograph server at ${this.lock.url}: ${reason}`);
    }
  }

  private async send(message: JSONRPCMessage, id: RequestId | undefined): Promise<void> {
    const existing = this.upstream;
    try {
      await (existing ?? (await this.connect())).send(message);
      return;
    } catch (e) {
      if (!existing || !serverGone(e)) throw e;
      this.lost(existing, id);
    }
    await (await this.connect()).send(message);
  }

  private async connect(): Promise<StreamableHTTPClientTransport> {
    if (this.relocate) {
      this.lock = await this.find();
      this.relocate = false;
    }
    const url = new URL(`${this.lock.url}/mcp?project=${encodeURIComponent(this.lock.project)}`);
    const up = new StreamableHTTPClientTransport(url, { requestInit: { headers: this.headers } });
    up.onmessage = (m) => this.fromServer(m, up);
    up.onerror = (e) => void this.upstreamError(e, up);
    await up.start();
    this.upstream = up;
    if (this.initialize && this.initialized) await this.replayInitialize(up, this.initialize);
    return up;
  }

  /** Opens a session on a new server the way the client opened its first one. */
  private async replayInitialize(up: StreamableHTTPClientTransport, init: JSONRPCRequest): Promise<void> {
    const id = `cartograph-forward-init-${++this.replays}`;
    const answer = new Promise<JSONRPCMessage>((resolve) => this.own.set(id, resolve));
    await up.send({ ...init, id });
    const reply = await answer;
    if (!isJSONRPCResultResponse(reply)) throw new Error('the new server refused to initialize');
    up.setProtocolVersion(String(reply.result.protocolVersion));
    await up.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  }

  private fromServer(message: JSONRPCMessage, up: StreamableHTTPClientTransport): void {
    if (up !== this.upstream) return;
    if ((isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) && message.id !== undefined) {
      const mine = this.own.get(message.id);
      if (mine) { this.own.delete(message.id); mine(message); return; }
      this.pending.delete(message.id);
      if (message.id === this.initialize?.id && isJSONRPCResultResponse(message)) {
        up.setProtocolVersion(String(message.result.protocolVersion));
        this.initialized = true;
      }
    }
    void this.client.send(message);
  }

  /** Stream errors are routine (a notification stream times out and reconnects) unless the server is gone. */
  private async upstreamError(e: Error, up: StreamableHTTPClientTransport): Promise<void> {
    log.debug({ err: e.message }, 'forward: server stream error');
    if (up === this.upstream && !this.closing && !(await serverAlive(this.lock))) this.lost(up);
  }

  /** Forgets a server that went away; calls it had not answered (but `keep`, about to be resent) get an error. */
  private lost(up: StreamableHTTPClientTransport, keep?: RequestId): void {
    if (up !== this.upstream) return;
    this.upstream = undefined;
    this.relocate = true;
    void up.close();
    for (const id of [...this.pending]) {
      if (id !== keep) this.fail(id, ErrorCode.ConnectionClosed, `The Cartograph server at ${this.lock.url} stopped before answering; retry the call.`);
    }
  }

  private fail(id: RequestId, code: number, message: string): void {
    this.pending.delete(id);
    void this.client.send({ jsonrpc: '2.0', id, error: { code, message } });
  }

  /** The client has gone: end the session on the server (it keeps running for other clients). */
  private async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const up = this.upstream;
    if (up) {
      await Promise.race([up.terminateSession().catch(() => undefined), sleep(2000)]);
      await up.close();
    }
    process.exit(0);
  }
}
