// The language servers of one project: started lazily on the first request for a language, kept
// warm, shut down after an idle period, restarted with backoff when they die (at most 3 times in 5
// minutes, then the language is unavailable until that window has passed; while a restart waits
// for its backoff, answers come from the index). Nothing here takes an index lock or is awaited by
// the indexer, and languages never wait on each other. Answers leave in Cartograph terms:
// root-relative paths and 1-based code-point positions (positions.ts).
import { existsSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Settings } from '../../config.js';
import { log } from '../../log.js';
import { LspClient, LspError, type ProtocolDiagnostic } from './client.js';
import { TextPositions, type Position, type ProtocolPosition, type Range } from './positions.js';
import { serverFor, serverTable, type ServerSpec } from './servers.js';

const RESTART_WINDOW_MS = 5 * 60_000;
const MAX_RESTARTS = 3;
/** Delay before the n-th restart within the window; until it has passed, answers come from the index. */
const BACKOFF_MS = [0, 1000, 5000];
/** At most this many files mentioning a name are opened for a server that sees only open documents. */
const REFERENCE_FILES_OPENED = 30;

export interface Location extends Range {
  /** Root-relative path; null outside the root. */
  file: string | null;
  external?: true;
  uri?: string;
}

export interface Hover { content: string; range?: Range }

export interface Diagnostic extends Range {
  severity: 'error' | 'warning' | 'information' | 'hint';
  source: string;
  code?: string;
  message: string;
}

/** An answer from a server, or why there is none (no server, failed, timed out…). */
export type LspAnswer<T> = { ok: true; value: T } | { ok: false; reason: string };

interface Slot {
  client?: LspClient;
  starting?: Promise<LspClient>;
  crashes: number[];
  idle?: NodeJS.Timeout;
}

type ProtocolLocation = { uri: string; range: { start: ProtocolPosition; end: ProtocolPosition } };
type ProtocolLink = { targetUri: string; targetSelectionRange: ProtocolLocation['range'] };

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
const MAX_HOVER_CHARS = 4000;

export class LspPool {
  private readonly table: ServerSpec[];
  private readonly slots = new Map<string, Slot>();
  private closed = false;

  constructor(
    readonly root: string,
    private readonly settings: Pick<Settings, 'lsp_servers' | 'lsp_idle_ms' | 'lsp_timeout_ms'>,
    /** Text of a root-relative file (undefined when unreadable). */
    private readonly read: (rel: string) => string | undefined,
  ) {
    this.table = serverTable(settings);
  }

  /** The server id for a file, whether or not it is installed. */
  serverId(rel: string): string | undefined { return serverFor(this.table, rel)?.id; }

  async definition(rel: string, text: string, at: Position, signal?: AbortSignal): Promise<LspAnswer<Location[]>> {
    return this.ask(rel, text, signal, async (c, uri, pos) => {
      const res = await c.request<ProtocolLocation | ProtocolLocation[] | ProtocolLink[] | null>('textDocument/definition', { textDocument: { uri }, position: pos }, signal);
      return this.locations(c, res);
    }, at);
  }

  /** `mentioning`: files the index says mention the name, opened first when the server sees only open documents. */
  async references(rel: string, text: string, at: Position, includeDeclaration: boolean, mentioning: readonly string[], signal?: AbortSignal): Promise<LspAnswer<Location[]>> {
    return this.ask(rel, text, signal, async (c, uri, pos) => {
      if (this.seesOnlyOpenFiles(c.spec, rel)) {
        for (const other of mentioning.filter((p) => p !== rel && serverFor(this.table, p) === c.spec).slice(0, REFERENCE_FILES_OPENED)) {
          const t = this.read(other);
          if (t !== undefined) await c.sync(this.uriOf(other), t, c.spec.languageId(extname(other)));
        }
      }
      const res = await c.request<ProtocolLocation[] | null>('textDocument/references',
        { textDocument: { uri }, position: pos, context: { includeDeclaration } }, signal);
      return this.locations(c, res);
    }, at);
  }

  async hover(rel: string, text: string, at: Position, signal?: AbortSignal): Promise<LspAnswer<Hover | null>> {
    return this.ask(rel, text, signal, async (c, uri, pos) => {
      const res = await c.request<{ contents: unknown; range?: ProtocolLocation['range'] } | null>('textDocument/hover', { textDocument: { uri }, position: pos }, signal);
      const content = res ? hoverText(res.contents).trim() : '';
      if (!content) return null;
      const hover: Hover = { content: content.length > MAX_HOVER_CHARS ? `${content.slice(0, MAX_HOVER_CHARS - 1)}…` : content };
      if (res?.range) hover.range = new TextPositions(text).rangeFromProtocol(res.range, c.encoding);
      return hover;
    }, at);
  }

  async diagnostics(rel: string, text: string, signal?: AbortSignal): Promise<LspAnswer<Diagnostic[]>> {
    return this.ask(rel, text, signal, async (c, uri) => {
      const positions = new TextPositions(text);
      return (await c.diagnostics(uri, signal)).map((d: ProtocolDiagnostic): Diagnostic => ({
        severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error',
        source: d.source ?? c.spec.id,
        ...(d.code !== undefined ? { code: String(d.code) } : {}),
        ...positions.rangeFromProtocol(d.range, c.encoding),
        message: d.message,
      }));
    });
  }

  /** The running client of a server, if any (tests use it to kill the process). */
  running(id: string): LspClient | undefined { return this.slots.get(id)?.client; }

  async close(): Promise<void> {
    this.closed = true;
    const stops: Array<Promise<void>> = [];
    for (const slot of this.slots.values()) {
      clearTimeout(slot.idle);
      if (slot.client) stops.push(slot.client.stop());
      else if (slot.starting) stops.push(slot.starting.then((c) => c.stop(), () => undefined));
    }
    this.slots.clear();
    await Promise.all(stops);
  }

  // ---- internals ---------------------------------------------------------------------------

  private async ask<T>(rel: string, text: string, signal: AbortSignal | undefined,
    fn: (c: LspClient, uri: string, pos: ProtocolPosition) => Promise<T>, at: Position = { line: 1, col: 1 }): Promise<LspAnswer<T>> {
    const spec = serverFor(this.table, rel);
    if (!spec) return { ok: false, reason: `no language server is configured for ${extname(rel) || 'files without an extension'}` };
    let client: LspClient;
    try {
      client = await this.client(spec);
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
    try {
      const uri = this.uriOf(rel);
      await client.sync(uri, text, spec.languageId(extname(rel)));
      return { ok: true, value: await fn(client, uri, new TextPositions(text).toProtocol(at, client.encoding)) };
    } catch (err) {
      if (err instanceof LspError && err.reason === 'cancelled') throw err;
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    } finally {
      this.touch(spec.id);
    }
  }

  private client(spec: ServerSpec): Promise<LspClient> {
    if (this.closed) return Promise.reject(new Error('the project is closing'));
    const slot = this.slots.get(spec.id) ?? { crashes: [] };
    this.slots.set(spec.id, slot);
    if (slot.client?.alive) return Promise.resolve(slot.client);
    if (slot.starting) return slot.starting;
    const argv = spec.argv();
    if (!argv) return Promise.reject(new Error(`the ${spec.id} language server is not installed (${spec.install})`));
    const now = Date.now();
    slot.crashes = slot.crashes.filter((t) => now - t < RESTART_WINDOW_MS);
    if (slot.crashes.length >= MAX_RESTARTS) {
      return Promise.reject(new Error(`the ${spec.id} language server crashed ${slot.crashes.length} times in 5 minutes; it is not restarted for now`));
    }
    const last = slot.crashes[slot.crashes.length - 1];
    const wait = last === undefined ? 0 : last + (BACKOFF_MS[slot.crashes.length - 1] ?? 0) - now;
    if (wait > 0) return Promise.reject(new Error(`the ${spec.id} language server is restarting after a failure (next attempt in ${wait} ms)`));
    slot.client = undefined;
    slot.starting = (async () => {
      const started = Date.now();
      const client = await LspClient.start(spec, argv, this.root, this.settings.lsp_timeout_ms);
      log.debug({ server: spec.id, ms: Date.now() - started }, 'language server started');
      client.onExit = (expected) => {
        if (slot.client === client) slot.client = undefined;
        if (!expected) {
          slot.crashes.push(Date.now());
          log.warn({ server: spec.id }, 'language server exited unexpectedly; it restarts on the next request');
        }
      };
      if (this.closed) { await client.stop(); throw new Error('the project is closing'); }
      slot.client = client;
      return client;
    })().finally(() => { slot.starting = undefined; });
    slot.starting.catch((err: unknown) => { slot.crashes.push(Date.now()); log.warn({ server: spec.id, err: String(err) }, 'language server failed to start'); });
    return slot.starting;
  }

  /** Restarts the idle timer of a server. */
  private touch(id: string): void {
    const slot = this.slots.get(id);
    if (!slot) return;
    clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      const c = slot.client;
      slot.client = undefined;
      if (c) { log.debug({ server: id }, 'language server idle; shutting down'); void c.stop(); }
    }, this.settings.lsp_idle_ms);
    slot.idle.unref();
  }

  /** Whether no project file of the server sits between the file and the root. */
  private seesOnlyOpenFiles(spec: ServerSpec, rel: string): boolean {
    if (!spec.projectFiles) return false;
    for (let dir = dirname(join(this.root, rel)); ; dir = dirname(dir)) {
      if (spec.projectFiles.some((f) => existsSync(join(dir, f)))) return false;
      if (dir === this.root || dirname(dir) === dir) return true;
    }
  }

  private uriOf(rel: string): string { return pathToFileURL(join(this.root, rel)).href; }

  private locations(c: LspClient, res: ProtocolLocation | ProtocolLocation[] | ProtocolLink[] | null): Location[] {
    const list = res === null ? [] : Array.isArray(res) ? res : [res];
    const texts = new Map<string, TextPositions | undefined>();
    const out: Location[] = [];
    for (const item of list) {
      const uri = 'targetUri' in item ? item.targetUri : item.uri;
      const range = 'targetUri' in item ? item.targetSelectionRange : item.range;
      const rel = this.relOf(uri);
      if (rel === undefined) {
        // Outside the root nothing is read: the columns are the server's characters, plus one.
        out.push({
          file: null, external: true, uri, line: range.start.line + 1, col: range.start.character + 1,
          end_line: range.end.line + 1,
          end_col: Math.max(1, range.end.line === range.start.line ? Math.max(range.start.character + 1, range.end.character) : range.end.character),
        });
        continue;
      }
      if (!texts.has(rel)) { const t = this.read(rel); texts.set(rel, t === undefined ? undefined : new TextPositions(t)); }
      const positions = texts.get(rel) ?? new TextPositions('');
      out.push({ file: rel, ...positions.rangeFromProtocol(range, c.encoding) });
    }
    return out;
  }

  private relOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const rel = relative(this.root, fileURLToPath(uri));
    return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : undefined;
  }
}

/** Hover contents as Markdown: MarkupContent, a MarkedString, or an array of them. */
function hoverText(contents: unknown): string {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(hoverText).filter(Boolean).join('\n\n');
  if (contents && typeof contents === 'object') {
    const c = contents as { kind?: string; value?: string; language?: string };
    if (c.language !== undefined) return `\`\`\`${c.language}\n${c.value ?? ''}\n\`\`\``;
    return c.value ?? '';
  }
  return '';
}
