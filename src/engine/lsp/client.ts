// One running language server: a child process spoken to over stdio with vscode-jsonrpc. It does
// the handshake, answers the server's own requests, keeps an LRU of open documents in sync with the
// texts it is given, sends requests with a timeout followed by `$/cancelRequest`, and collects
// diagnostics (pulled when the server offers it, else pushed). Its stderr goes to the debug log so
// stdout stays clean for MCP stdio.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import { log } from '../../log.js';
import { POSITION_ENCODINGS, type PositionEncoding } from './positions.js';
import type { ServerSpec } from './servers.js';

/** Documents kept open per server (spec §10.1); the least recently used one is closed beyond it. */
const OPEN_DOCUMENTS = 50;
/** Push diagnostics: the answer is taken once no message came for the document for this long… */
const DIAGNOSTICS_QUIET_MS = 600;
/** …and at most this long after the last one (or after the document was synced, with none). */
const DIAGNOSTICS_MAX_WAIT_MS = 5000;
const SHUTDOWN_GRACE_MS = 2000;

export interface ProtocolDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}

interface OpenDocument { version: number; text: string; languageId: string }
interface PushedDiagnostics { version: number | undefined; at: number; items: ProtocolDiagnostic[] }

export class LspError extends Error {
  constructor(message: string, readonly reason: 'timeout' | 'cancelled' | 'crashed' | 'failed') {
    super(message);
    this.name = 'LspError';
  }
}

export class LspClient {
  encoding: PositionEncoding = 'utf-16';
  private connection: MessageConnection | undefined;
  private capabilities: Record<string, unknown> = {};
  private readonly documents = new Map<string, OpenDocument>();
  private readonly pushed = new Map<string, PushedDiagnostics>();
  private readonly pushWaiters = new Set<() => void>();
  private stopping = false;
  private exited = false;
  /** Called once when the process ends; `expected` is false for a crash. */
  onExit: (expected: boolean) => void = () => undefined;

  private constructor(readonly spec: ServerSpec, readonly root: string, private readonly proc: ChildProcess, private readonly timeoutMs: number) {}

  /** Starts the server and completes the handshake; rejects when it cannot start. */
  static async start(spec: ServerSpec, argv: readonly string[], root: string, timeoutMs: number): Promise<LspClient> {
    const proc = spawn(argv[0]!, argv.slice(1), { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const client = new LspClient(spec, root, proc, timeoutMs);
    const spawned = new Promise<void>((resolve, reject) => {
      proc.once('spawn', resolve);
      proc.once('error', (err) => reject(new LspError(`${spec.id} language server failed to start: ${err.message}`, 'failed')));
    });
    proc.once('exit', (code, signal) => {
      client.exited = true;
      log.debug({ server: spec.id, code, signal }, 'language server exited');
      client.connection?.dispose();
      for (const wake of client.pushWaiters) wake();
      client.onExit(client.stopping);
    });
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => log.debug({ server: spec.id, stderr: chunk.trimEnd() }, 'language server stderr'));
    await spawned;
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    client.connection = connection;
    client.listen(connection);
    connection.listen();
    try {
      await client.handshake();
    } catch (err) {
      await client.stop();
      throw err;
    }
    return client;
  }

  private listen(c: MessageConnection): void {
    c.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? []).map(() => ({})));
    c.onRequest('workspace/workspaceFolders', () => [this.folder()]);
    for (const m of ['window/workDoneProgress/create', 'client/registerCapability', 'client/unregisterCapability', 'window/showMessageRequest', 'workspace/diagnostic/refresh']) {
      c.onRequest(m, () => null);
    }
    c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: ProtocolDiagnostic[] }) => {
      this.pushed.set(p.uri, { version: p.version ?? this.documents.get(p.uri)?.version, at: Date.now(), items: p.diagnostics });
      for (const wake of this.pushWaiters) wake();
    });
    c.onNotification('window/logMessage', (p: { message: string }) => log.debug({ server: this.spec.id, message: p.message }, 'language server log'));
    c.onError(([err]) => log.debug({ server: this.spec.id, err: err.message }, 'language server connection error'));
  }

  private folder(): { uri: string; name: string } {
    return { uri: pathToFileURL(this.root).href, name: this.root.slice(this.root.lastIndexOf('/') + 1) || this.root };
  }

  private async handshake(): Promise<void> {
    const result = await this.request<{ capabilities?: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'cartograph' },
      rootUri: this.folder().uri,
      rootPath: this.root,
      workspaceFolders: [this.folder()],
      initializationOptions: this.spec.initializationOptions ?? {},
      capabilities: {
        general: { positionEncodings: POSITION_ENCODINGS },
        workspace: { configuration: true, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          definition: { linkSupport: true },
          references: {},
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
          diagnostic: { dynamicRegistration: false },
        },
      },
    });
    this.capabilities = result.capabilities ?? {};
    const enc = this.capabilities.positionEncoding;
    if (typeof enc === 'string' && (POSITION_ENCODINGS as readonly string[]).includes(enc)) this.encoding = enc as PositionEncoding;
    await this.connection!.sendNotification('initialized', {});
  }

  get alive(): boolean { return !this.exited && !this.stopping; }

  /** A request with the client's timeout (then `$/cancelRequest`), also cancelled by `signal`. */
  async request<T>(method: string, params: unknown, signal?: AbortSignal): Promise<T> {
    if (!this.connection || this.exited) throw new LspError(`${this.spec.id} language server is not running.`, 'crashed');
    const source = new CancellationTokenSource();
    let reason: 'timeout' | 'cancelled' | undefined;
    const timer = setTimeout(() => { reason = 'timeout'; source.cancel(); }, this.timeoutMs);
    const onAbort = () => { reason = 'cancelled'; source.cancel(); };
    signal?.addEventListener('abort', onAbort);
    try {
      return await this.connection.sendRequest<T>(method, params, source.token);
    } catch (err) {
      if (reason === 'timeout') throw new LspError(`${this.spec.id} language server did not answer ${method} within ${this.timeoutMs} ms.`, 'timeout');
      if (reason === 'cancelled') throw new LspError(`${method} was cancelled.`, 'cancelled');
      if (this.exited) throw new LspError(`${this.spec.id} language server exited during ${method}.`, 'crashed');
      throw new LspError(`${this.spec.id} language server failed ${method}: ${err instanceof Error ? err.message : String(err)}`, 'failed');
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      source.dispose();
    }
  }

  /** Opens the document, or sends its new text when it changed; closes the least recently used beyond the LRU. */
  async sync(uri: string, text: string, languageId: string): Promise<void> {
    const doc = this.documents.get(uri);
    const c = this.connection!;
    if (doc) {
      this.documents.delete(uri);
      this.documents.set(uri, doc); // most recently used last
      if (doc.text === text) return;
      doc.version++;
      doc.text = text;
      await c.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
      return;
    }
    this.documents.set(uri, { version: 1, text, languageId });
    this.pushed.delete(uri);
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    while (this.documents.size > OPEN_DOCUMENTS) {
      const oldest = this.documents.keys().next().value!;
      this.documents.delete(oldest);
      this.pushed.delete(oldest);
      await c.sendNotification('textDocument/didClose', { textDocument: { uri: oldest } });
    }
  }

  /** Diagnostics of an open document: pulled when the server offers it, else the pushed ones once they settle. */
  async diagnostics(uri: string, signal?: AbortSignal): Promise<ProtocolDiagnostic[]> {
    if (this.capabilities.diagnosticProvider) {
      const report = await this.request<{ kind?: string; items?: ProtocolDiagnostic[] } | null>('textDocument/diagnostic', { textDocument: { uri } }, signal);
      return report?.items ?? [];
    }
    const version = this.documents.get(uri)?.version;
    const synced = Date.now();
    const current = () => {
      const p = this.pushed.get(uri);
      return p && (p.version === undefined || p.version === version) ? p : undefined;
    };
    // A document whose diagnostics have settled, unchanged since, answers at once.
    const settled = current();
    if (settled && Date.now() - settled.at >= DIAGNOSTICS_QUIET_MS) return settled.items;
    return new Promise<ProtocolDiagnostic[]>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(timer);
        this.pushWaiters.delete(check);
        signal?.removeEventListener('abort', finish);
        resolve(current()?.items ?? []);
      };
      const check = () => {
        clearTimeout(timer);
        if (this.exited || signal?.aborted) { finish(); return; }
        const p = current();
        const wait = p ? DIAGNOSTICS_QUIET_MS - (Date.now() - p.at) : DIAGNOSTICS_MAX_WAIT_MS - (Date.now() - synced);
        if (wait <= 0) finish();
        else timer = setTimeout(check, wait);
      };
      this.pushWaiters.add(check);
      signal?.addEventListener('abort', finish);
      check();
    });
  }

  /** Polite shutdown, then a kill if the server lingers. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), SHUTDOWN_GRACE_MS);
    try {
      await Promise.race([
        (async () => {
          await this.connection?.sendRequest('shutdown');
          await this.connection?.sendNotification('exit');
        })(),
        new Promise((r) => setTimeout(r, SHUTDOWN_GRACE_MS / 2)),
      ]);
    } catch { /* the process is killed below if it does not leave */ }
    if (!this.exited) this.proc.kill('SIGTERM');
    await exited;
    clearTimeout(killer);
  }

  /** The OS process id (tests kill it to check the restart). */
  get pid(): number | undefined { return this.proc.pid; }
}
