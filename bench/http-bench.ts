// HTTP service benchmark: `npm run bench -- http <dir> [--clients 16] [--duration-s 20] [--soak-s 0] [--projects 4] [--json]`.
// Starts a real `cartograph serve --transport http` child process (rate limit off, no watcher) and
// measures what the network front end costs and holds: per-call overhead of index_status over REST
// v2, REST v1 and MCP Streamable HTTP against in-process invoke() (the floor); sustained
// search_symbols throughput with concurrent keep-alive REST clients and MCP sessions; server RSS per
// additional registered project, as is and after a forced full GC; and, with --soak-s, server RSS
// under a steady mixed load. The clients run in this process, on the same cores as the server.
// Prints figures; never asserts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadSettings } from '../src/config.js';
import { Project } from '../src/engine/project.js';
import { restRoutes } from '../src/http/routes.js';
import { invoke } from '../src/operations/execute.js';
import { operationNamed } from '../src/operations/registry.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { percentile, rng, round } from './stats.js';

export interface HttpBenchOptions { clients: number; durationS: number; soakS: number; projects: number }

interface Latency { p50_ms: number; p95_ms: number }
export interface Overhead extends Latency { transport: string; calls: number; over_floor_p50_ms?: number; over_floor_p95_ms?: number }
export interface Throughput extends Latency { transport: string; clients: number; requests: number; req_per_s: number; p99_ms: number; errors: number; first_error?: string }
/** Server RSS as it is, after a full collection of the main thread's heap, and its thread count. */
export interface Rss { rss_mb: number; after_gc_mb: number; threads: number }
/** A reading once RSS stopped falling, how long that took, and false when it never did within STEADY_MAX_MS. */
export interface Steady extends Rss { waited_s: number; steady: boolean }
export interface Soak extends Throughput {
  duration_s: number; max_req_per_s: number; mcp_sessions_opened: number;
  samples: Array<{ t_s: number; rss_mb: number }>;
  first_mb: number; last_mb: number; min_mb: number; max_mb: number;
  first_minute_mean_mb: number; last_minute_mean_mb: number; drift_pct: number; stable: boolean;
  /** RSS after a full collection just before the load and just after it: what the load left live. */
  after_gc_start_mb: number; after_gc_end_mb: number; after_gc_growth_pct: number;
}
export interface HttpBenchResult {
  corpus: string; commit: string | null; files: number; symbols: number; server_pid: number;
  loadavg_start: number[]; loadavg_end: number[];
  overhead: Overhead[];
  search_floor: Latency & { calls: number };
  sustained: Throughput[];
  memory: {
    indexed: Rss; before: Steady; steps: Array<Rss & { project: string; ready_s: number }>; after: Steady;
    per_project_mb: number; per_project_before_gc_mb: number; copied_from: string; copy_files: number;
  };
  soak?: Soak;
}

const OVERHEAD_CALLS = 2000;
const WARM_CALLS = 100;
const SOAK_CLIENTS = 8;
const SOAK_MAX_REQ_PER_S = 200;
const SOAK_WARMUP_S = 60;
const SAMPLE_EVERY_MS = 10_000;
/** A soak MCP client ends its session and opens another after this many calls, so session teardown is soaked too. */
const MCP_CALLS_PER_SESSION = 250;
/** Copies of the corpus are registered when it is at most this big; otherwise copies of test/fixtures/app. */
const SMALL_TREE = { files: 2000, bytes: 20 * 2 ** 20 };
const NOT_COPIED = new Set(['.git', '.cartograph', 'node_modules']);
const SETTLE_TIMEOUT_MS = 30 * 60_000;
/**
 * Loaded into the server with --expose-gc: SIGUSR2 runs a full garbage collection of its main
 * thread, so RSS can also be read without the garbage that indexing or a load left behind. Parser
 * workers' heaps and WebAssembly memories are not collected: they stay in every reading.
 */
const GC_ON_SIGUSR2 = 'data:text/javascript,process.on("SIGUSR2", () => globalThis.gc())';
/**
 * RSS is steady when it moved by at most 1 % over the last STEADY_WINDOW samples taken every
 * STEADY_EVERY_MS. After indexing, the server gives back what indexing and building the keyword
 * index used in steps over about a minute, with flat stretches of 10-20 s between them (measured
 * idle on express with five projects: 562 MB to 363 MB, 40 threads to 27), hence a 30 s window.
 */
const STEADY_EVERY_MS = 5000;
const STEADY_WINDOW = 7;
const STEADY_MAX_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const latency = (ms: readonly number[]): Latency => ({ p50_ms: round(percentile(ms, 50), 2), p95_ms: round(percentile(ms, 95), 2) });
const loads = () => loadavg().map((l) => round(l, 2));

/** Latencies of timed calls, failures counted rather than thrown. */
class Tally {
  readonly ms: number[] = [];
  errors = 0;
  firstError: string | undefined;

  async time(call: () => Promise<void>): Promise<void> {
    const t0 = performance.now();
    try {
      await call();
    } catch (e) {
      this.fail(e);
    }
    this.ms.push(performance.now() - t0);
  }

  fail(e: unknown): void {
    this.errors++;
    this.firstError ??= e instanceof Error ? e.message : String(e);
  }

  summary(transport: string, clients: number, seconds: number): Throughput {
    return {
      transport, clients, requests: this.ms.length, req_per_s: round(this.ms.length / seconds), ...latency(this.ms),
      p99_ms: round(percentile(this.ms, 99), 2), errors: this.errors, ...(this.firstError ? { first_error: this.firstError } : {}),
    };
  }
}

/** Runs `clients` loops of `step` until `seconds` have passed, each at most one step per `intervalMs`; returns the elapsed seconds. */
async function drive(clients: number, seconds: number, step: (client: number, k: number) => Promise<void>, intervalMs = 0): Promise<number> {
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let k = 0; performance.now() < end; k++) {
      const due = start + k * intervalMs;
      if (due > performance.now()) await sleep(due - performance.now());
      await step(c, k);
    }
  }));
  return (performance.now() - start) / 1000;
}

/** The `cartograph serve --transport http` child process, on its own data dir, rate limit off. */
class ServerProcess {
  private readonly child: ChildProcess;
  /** The end of its stderr, for error messages. */
  private tail = '';
  url = '';

  constructor(root: string, dataDir: string) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CARTOGRAPH_')));
    this.child = spawn(process.execPath, ['--expose-gc', '--import', GC_ON_SIGUSR2, join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'), 'serve', '--transport', 'http',
      '--port', '0', '--no-watch', '--project', root, '--data-dir', dataDir, '--log-level', 'warn'], {
      env: { ...env, CARTOGRAPH_RATE_LIMIT_PER_MIN: '0', CARTOGRAPH_RATE_LIMIT_NOTIFY_PER_MIN: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child.stderr!.on('data', (d: Buffer) => { this.tail = (this.tail + d.toString()).slice(-4000); });
  }

  get pid(): number { return this.child.pid!; }

  /** Waits for the URL the server prints once it listens (before it starts indexing). */
  async listening(): Promise<void> {
    const stderr = this.child.stderr!;
    this.url = await new Promise<string>((resolve, reject) => {
      const scan = () => {
        const m = /MCP \(Streamable HTTP\): (http:\/\/\S+)\/mcp/.exec(this.tail);
        if (m) { stderr.off('data', scan); resolve(m[1]!); }
      };
      stderr.on('data', scan);
      this.child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${this.tail}`)));
    });
  }

  /** Resident set size of the server process now (worker threads included), in MB. */
  rssMb(): number { return round(this.procStatus('VmRSS') / 1024); }

  /** RSS now, then after a full collection (given a second), and the threads: main, libuv's pool, V8's helpers, every project's parser workers. */
  async reading(): Promise<Rss> {
    const rss = this.rssMb();
    this.child.kill('SIGUSR2');
    await sleep(1000);
    return { rss_mb: rss, after_gc_mb: this.rssMb(), threads: this.procStatus('Threads') };
  }

  /** Waits until RSS is steady (see STEADY_WINDOW), then reads it. */
  async steady(): Promise<Steady> {
    const started = Date.now();
    const window: number[] = [];
    let steady = false;
    while (!steady && Date.now() - started < STEADY_MAX_MS) {
      if (window.length) await sleep(STEADY_EVERY_MS);
      window.push(this.rssMb());
      if (window.length > STEADY_WINDOW) window.shift();
      steady = window.length === STEADY_WINDOW && Math.max(...window) - Math.min(...window) <= 0.01 * Math.max(...window);
    }
    return { ...await this.reading(), waited_s: Math.round((Date.now() - started) / 1000), steady };
  }

  private procStatus(field: string): number {
    const m = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    if (!m) throw new Error(`no ${field} for pid ${this.pid}; server stderr: ${this.tail}`);
    return Number(m[1]);
  }

  /** Waits until project `id` is indexed and its keyword search index is built, so nothing runs in the background. */
  async settled(id: string): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`server exited: ${this.tail}`);
      if (Date.now() > deadline) throw new Error(`project ${id} not indexed after ${SETTLE_TIMEOUT_MS / 60_000} min`);
      const h = await getJson(`${this.url}/api/v1/projects/${id}/hydration`) as { status: string; phase: string };
      if (h.status === 'ready' && h.phase === 'idle') {
        const s = await getJson(`${this.url}/api/v2/projects/${id}/semantic-search-status`) as { keyword_index: { ready: boolean; pending_files: number } };
        if (s.keyword_index.ready && s.keyword_index.pending_files === 0) return;
      }
      await sleep(100);
    }
  }

  /** Ends the server gracefully (SIGTERM closes every project), killing it if that takes over 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  const body = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} GET ${url}: ${body.slice(0, 200)}`);
  return JSON.parse(body);
}

/** One REST call of an operation on its v1 or v2 route (query string for GET, JSON body otherwise); throws unless 2xx. */
async function rest(base: string, version: 'v1' | 'v2', project: string, name: string, args: Record<string, unknown>): Promise<void> {
  const op = operationNamed(name)!;
  const route = restRoutes(op).find((r) => r.version === version && !r.alias)!;
  let url = `${base}${route.path.replace('{id}', encodeURIComponent(project))}`;
  const init: RequestInit = { method: op.route.method };
  if (op.route.method === 'GET') {
    const query = new URLSearchParams(Object.entries(args).map(([k, v]): [string, string] => [k, String(v)])).toString();
    if (query) url += `?${query}`;
  } else {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(args);
  }
  const res = await fetch(url, init);
  const body = await res.arrayBuffer(); // read to the end, so the keep-alive connection is reused
  if (!res.ok) throw new Error(`HTTP ${res.status} ${op.route.method} ${url}: ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
}

/** An official MCP SDK client on one Streamable HTTP session. */
class McpSession {
  private constructor(private readonly client: Client, private readonly transport: StreamableHTTPClientTransport) {}

  static async open(base: string, project = 'default'): Promise<McpSession> {
    const client = new Client({ name: 'cartograph-http-bench', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp?project=${encodeURIComponent(project)}`));
    await client.connect(transport);
    return new McpSession(client, transport);
  }

  async call(name: string, args: Record<string, unknown>): Promise<void> {
    const res = await this.client.callTool({ name, arguments: args });
    if (res.isError) throw new Error(`MCP ${name}: ${JSON.stringify(res.content).slice(0, 200)}`);
  }

  /** Ends the session on the server (HTTP DELETE), as a well-behaved client does. */
  async close(): Promise<void> {
    await this.transport.terminateSession();
    await this.client.close();
  }
}

/**
 * Latencies of sequential calls by each caller, after WARM_CALLS untimed rounds; the callers take
 * turns call by call, so changes in the machine's load hit every one alike. Any failure throws.
 */
async function interleaved(calls: number, callers: Record<string, () => Promise<void>>): Promise<Record<string, number[]>> {
  const entries = Object.entries(callers).map(([name, call]) => ({ name, call, tally: new Tally() }));
  for (let i = 0; i < WARM_CALLS; i++) for (const e of entries) await e.call();
  for (let i = 0; i < calls; i++) for (const e of entries) await e.tally.time(e.call);
  const failed = entries.find((e) => e.tally.errors);
  if (failed) throw new Error(`${failed.tally.errors} of ${calls} ${failed.name} calls failed: ${failed.tally.firstError}`);
  return Object.fromEntries(entries.map((e) => [e.name, e.tally.ms]));
}

/** Files and bytes of a tree without the directories that are never copied, counting stopped past the limit. */
function treeSize(dir: string, limit: typeof SMALL_TREE): { files: number; bytes: number } {
  const total = { files: 0, bytes: 0 };
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (total.files > limit.files || total.bytes > limit.bytes) return;
      if (NOT_COPIED.has(e.name)) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) { total.files++; total.bytes += statSync(p).size; }
    }
  };
  walk(dir);
  return total;
}

function gitCommit(dir: string): string | null {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * Node's fetch adds a listener to the request's abort signal and removes it only once the request is
 * garbage-collected; the MCP client transport gives every request of a session one long-lived
 * signal, so a long session makes Node warn on every call past 1,500 listeners. That is client-side
 * bookkeeping in this process, not a server leak: those warnings are dropped, every other one
 * printed. Returns the function that restores Node's own printing.
 */
function dropAbortSignalWarnings(): () => void {
  const printers = process.listeners('warning');
  const filter = (w: Error) => {
    if (w.name === 'MaxListenersExceededWarning' && w.message.includes('AbortSignal')) return;
    for (const print of printers) print(w);
  };
  process.removeAllListeners('warning');
  process.on('warning', filter);
  return () => {
    process.removeListener('warning', filter);
    for (const print of printers) process.on('warning', print);
  };
}

export async function httpBench(dir: string, opts: HttpBenchOptions): Promise<HttpBenchResult> {
  const root = resolve(dir);
  const scratch = mkdtempSync(join(tmpdir(), 'cg-http-bench-'));
  let server: ServerProcess | undefined;
  // An interrupted run leaves neither a server nor its temporary indexes behind.
  const abandon = () => {
    server?.kill();
    rmSync(scratch, { recursive: true, force: true });
  };
  const onSignal = () => { abandon(); process.exit(130); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', abandon);
  const restoreWarnings = dropAbortSignalWarnings();
  try {
    const loadavgStart = loads();

    // The floor: the same operations through invoke() in this process, on its own index of the tree.
    const local = Project.open(loadSettings({ project: root, data_dir: join(scratch, 'in-process'), watch: false, log_level: 'warn' }));
    await local.index();
    const random = rng(5);
    const allNames = [...local.symbols().names().names].sort();
    if (!allNames.length) throw new Error(`no symbols indexed in ${root}`);
    // Half full names, half prefixes, as the index bench samples search_symbols.
    const names = Array.from({ length: 500 }, () => {
      const n = allNames[Math.floor(random() * allNames.length)]!;
      return random() < 0.5 ? n : n.slice(0, Math.max(3, Math.ceil(n.length / 2)));
    });
    const files = local.store.allFiles().filter((f) => f.status === 'ok').map((f) => f.path).sort();
    const { files: fileCount, symbols } = local.store.counts();
    const invoked = async (name: string, args: Record<string, unknown>) => {
      const r = await invoke(operationNamed(name)!, local, args);
      if (!r.ok) throw r.error;
    };

    server = new ServerProcess(root, join(scratch, 'server'));
    await server.listening();
    const base = server.url;
    await server.settled('default');
    const indexed = await server.reading();

    // Memory per additional project, measured first so both ends are the same state (idle after
    // indexing): plain copies of a small tree, each registered and indexed in turn.
    const small = treeSize(root, SMALL_TREE);
    const copiedFrom = small.files <= SMALL_TREE.files && small.bytes <= SMALL_TREE.bytes ? root : join(PACKAGE_ROOT, 'test', 'fixtures', 'app');
    const copyFiles = copiedFrom === root ? small.files : treeSize(copiedFrom, SMALL_TREE).files;
    const before = await server.steady();
    const steps: HttpBenchResult['memory']['steps'] = [];
    const projectIds: string[] = [];
    for (let i = 1; i <= opts.projects; i++) {
      const copy = join(scratch, 'projects', `${basename(copiedFrom)}-copy-${i}`);
      cpSync(copiedFrom, copy, { recursive: true, filter: (src) => !NOT_COPIED.has(basename(src)) });
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: copy }) });
      const body = await res.json() as { id?: string };
      if (res.status !== 201 || !body.id) throw new Error(`registering ${copy}: HTTP ${res.status} ${JSON.stringify(body)}`);
      await server.settled(body.id);
      const readyS = round((performance.now() - t0) / 1000, 2);
      projectIds.push(body.id);
      steps.push({ project: body.id, ready_s: readyS, ...await server.reading() });
    }
    const after = await server.steady();
    const perProject = (key: 'rss_mb' | 'after_gc_mb') => (opts.projects ? round((after[key] - before[key]) / opts.projects) : 0);
    const memory = {
      indexed, before, steps, after, per_project_mb: perProject('after_gc_mb'), per_project_before_gc_mb: perProject('rss_mb'),
      copied_from: copiedFrom, copy_files: copyFiles,
    };

    // Per-call overhead of a trivial operation, one call at a time; the floor is the same call in this process.
    const one = await McpSession.open(base);
    const FLOOR = 'in-process invoke() (floor)';
    const times = await interleaved(OVERHEAD_CALLS, {
      [FLOOR]: () => invoked('index_status', {}),
      'REST v2 (JSON)': () => rest(base, 'v2', 'default', 'index_status', {}),
      'REST v1 (text)': () => rest(base, 'v1', 'default', 'index_status', {}),
      'MCP Streamable HTTP (SDK client)': () => one.call('index_status', {}),
    });
    await one.close();
    const floor = latency(times[FLOOR]!);
    const overhead: Overhead[] = Object.entries(times).map(([transport, ms]) => {
      const l = latency(ms);
      return transport === FLOOR ? { transport, calls: OVERHEAD_CALLS, ...l }
        : { transport, calls: OVERHEAD_CALLS, ...l, over_floor_p50_ms: round(l.p50_ms - floor.p50_ms, 2), over_floor_p95_ms: round(l.p95_ms - floor.p95_ms, 2) };
    });
    let n = 0;
    const searchFloor = (await interleaved(OVERHEAD_CALLS / 4, { search: () => invoked('search_symbols', { name: names[n++ % names.length]! }) })).search!;
    await local.close();

    // Sustained search_symbols: every client walks the seeded name list from its own offset.
    const nameFor = (c: number, k: number) => names[(c * 31 + k) % names.length]!;
    const sustained: Throughput[] = [];
    const restTally = new Tally();
    for (let i = 0; i < WARM_CALLS; i++) await rest(base, 'v2', 'default', 'search_symbols', { name: nameFor(0, i) });
    const restS = await drive(opts.clients, opts.durationS, (c, k) => restTally.time(() => rest(base, 'v2', 'default', 'search_symbols', { name: nameFor(c, k) })));
    sustained.push(restTally.summary('REST v2, keep-alive', opts.clients, restS));
    const sessions = await Promise.all(Array.from({ length: opts.clients }, () => McpSession.open(base)));
    const mcpTally = new Tally();
    const mcpS = await drive(opts.clients, opts.durationS, (c, k) => mcpTally.time(() => sessions[c]!.call('search_symbols', { name: nameFor(c, k) })));
    sustained.push(mcpTally.summary('MCP Streamable HTTP, one session per client', opts.clients, mcpS));
    await Promise.all(sessions.map((s) => s.close()));

    const result: HttpBenchResult = {
      corpus: root, commit: gitCommit(root), files: fileCount, symbols, server_pid: server.pid, loadavg_start: loadavgStart, loadavg_end: [],
      overhead, search_floor: { calls: searchFloor.length, ...latency(searchFloor) }, sustained, memory,
    };
    if (opts.soakS > 0) result.soak = await soak(server, opts.soakS, { names, files, projects: ['default', ...projectIds], sameFiles: copiedFrom === root });
    result.loadavg_end = loads();
    await server.stop();
    return result;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', abandon);
    restoreWarnings();
    abandon();
  }
}

/**
 * A steady mixed load: REST v2, REST v1 and MCP clients (each MCP client ends its session and opens
 * another on the next project every MCP_CALLS_PER_SESSION calls), a seeded mix of lookups, analyses
 * and status calls spread over every project, paced to at most SOAK_MAX_REQ_PER_S in all. It runs
 * SOAK_WARMUP_S untimed first, so per-generation caches are filled and the memory earlier phases
 * left to give back is given back; then `seconds` with server RSS sampled every 10 s. Calls that
 * take a path go only to projects holding the default project's files (all of them when the
 * registered projects are copies of the corpus).
 */
async function soak(server: ServerProcess, seconds: number, data: { names: string[]; files: string[]; projects: string[]; sameFiles: boolean }): Promise<Soak> {
  const base = server.url;
  const { names, files } = data;
  const pathProjects = data.sameFiles ? data.projects : ['default'];
  const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  type Call = [op: string, args: Record<string, unknown>];
  const kinds: Array<{ weight: number; takesPath: boolean; make: (r: () => number) => Call }> = [
    { weight: 0.4, takesPath: false, make: (r) => ['search_symbols', { name: pick(r, names) }] },
    { weight: 0.15, takesPath: true, make: (r) => ['dependencies', { path: pick(r, files) }] },
    { weight: 0.15, takesPath: true, make: (r) => ['file_analysis', { path: pick(r, files) }] },
    { weight: 0.1, takesPath: true, make: (r) => ['find_related', { file: pick(r, files) }] },
    { weight: 0.1, takesPath: false, make: () => ['repo_map', { max_tokens: 2000 }] },
    { weight: 0.1, takesPath: false, make: () => ['index_status', {}] },
  ];
  const kindFor = (r: () => number) => {
    let x = r();
    return kinds.find((k) => (x -= k.weight) < 0) ?? kinds.at(-1)!;
  };

  const transports = ['v2', 'v2', 'v2', 'v2', 'v2', 'v1', 'mcp', 'mcp'] as const;
  const randoms = transports.map((_, c) => rng(100 + c));
  const sessions: Array<McpSession | undefined> = [];
  let opened = 0;
  let tally = new Tally();
  const load = (secs: number) => drive(SOAK_CLIENTS, secs, async (c, k) => {
    const r = randoms[c]!;
    const kind = kindFor(r);
    const [op, args] = kind.make(r);
    const transport = transports[c]!;
    if (transport !== 'mcp') {
      const project = pick(r, kind.takesPath ? pathProjects : data.projects);
      return tally.time(() => rest(base, transport, project, op, args));
    }
    if (k % MCP_CALLS_PER_SESSION === 0) {
      try {
        await sessions[c]?.close();
        sessions[c] = await McpSession.open(base, pathProjects[opened++ % pathProjects.length]);
      } catch (e) {
        return tally.fail(e);
      }
    }
    const session = sessions[c];
    return tally.time(() => session!.call(op, args));
  }, (1000 * SOAK_CLIENTS) / SOAK_MAX_REQ_PER_S);

  const samples: Soak['samples'] = [];
  let elapsed: number;
  let gcStart: number;
  try {
    await load(SOAK_WARMUP_S);
    if (tally.errors) throw new Error(`${tally.errors} soak warm-up calls failed: ${tally.firstError}`);
    tally = new Tally();
    gcStart = (await server.reading()).after_gc_mb;
    const started = performance.now();
    const sample = () => samples.push({ t_s: Math.round((performance.now() - started) / 1000), rss_mb: server.rssMb() });
    sample();
    const sampler = setInterval(sample, SAMPLE_EVERY_MS);
    try {
      elapsed = await load(seconds);
    } finally {
      clearInterval(sampler);
    }
    sample();
  } finally {
    await Promise.all(sessions.map((s) => s?.close()));
  }
  const gcEnd = (await server.reading()).after_gc_mb;
  const rss = samples.map((s) => s.rss_mb);
  const firstMinute = mean(samples.filter((s) => s.t_s < 60).map((s) => s.rss_mb));
  const lastMinute = mean(samples.filter((s) => s.t_s > seconds - 60).map((s) => s.rss_mb));
  const drift = round(((lastMinute - firstMinute) / firstMinute) * 100);
  return {
    ...tally.summary('mixed: 5 REST v2, 1 REST v1, 2 MCP clients', SOAK_CLIENTS, elapsed),
    duration_s: seconds, max_req_per_s: SOAK_MAX_REQ_PER_S, mcp_sessions_opened: opened, samples,
    first_mb: rss[0]!, last_mb: rss.at(-1)!, min_mb: Math.min(...rss), max_mb: Math.max(...rss),
    first_minute_mean_mb: round(firstMinute), last_minute_mean_mb: round(lastMinute), drift_pct: drift, stable: Math.abs(drift) <= 10,
    after_gc_start_mb: gcStart, after_gc_end_mb: gcEnd, after_gc_growth_pct: round(((gcEnd - gcStart) / gcStart) * 100),
  };
}

export function printHttp(r: HttpBenchResult): void {
  const out = process.stdout;
  const ms = (v: number | undefined) => (v === undefined ? '' : `${v.toLocaleString('en-US')} ms`);
  out.write(`Corpus ${r.corpus}${r.commit ? ` at ${r.commit.slice(0, 8)}` : ''}: ${r.files.toLocaleString('en-US')} files, `
    + `${r.symbols.toLocaleString('en-US')} symbols; server pid ${r.server_pid}; load average ${r.loadavg_start.join(' ')} at start, ${r.loadavg_end.join(' ')} at end\n`);
  const m = r.memory;
  const rss = (x: Rss) => `RSS ${x.rss_mb} MB, ${x.after_gc_mb} MB after GC, ${x.threads} threads`;
  const steady = (x: Steady) => `${rss(x)} (${x.steady ? 'steady' : 'still moving'} after ${x.waited_s} s)`;
  out.write(`Server memory once the default project was indexed: ${rss(m.indexed)}; then ${steady(m.before)}.\n`);
  out.write(`${m.steps.length} copies of ${m.copied_from} (${m.copy_files} files each) registered in turn:\n`);
  for (const s of m.steps) out.write(`  ${s.project.padEnd(40)} ready in ${s.ready_s} s; ${rss(s)}\n`);
  out.write(`  then ${steady(m.after)}\n`);
  out.write(`  => ${m.per_project_mb} MB per additional project after GC (${m.per_project_before_gc_mb} MB before), steady to steady\n`);
  out.write(`\nPer-call overhead, index_status, ${OVERHEAD_CALLS.toLocaleString('en-US')} sequential calls each, taking turns, after ${WARM_CALLS} warm-up rounds:\n`);
  out.write(`${'transport'.padEnd(36)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'+p50'.padStart(10)} ${'+p95'.padStart(10)}\n`);
  for (const o of r.overhead) {
    out.write(`${o.transport.padEnd(36)} ${ms(o.p50_ms).padStart(10)} ${ms(o.p95_ms).padStart(10)} ${ms(o.over_floor_p50_ms).padStart(10)} ${ms(o.over_floor_p95_ms).padStart(10)}\n`);
  }
  out.write(`\nSustained search_symbols (in-process floor p50 ${ms(r.search_floor.p50_ms)}, p95 ${ms(r.search_floor.p95_ms)} over ${r.search_floor.calls} calls):\n`);
  const throughputRow = (t: Throughput) => `${t.transport.padEnd(44)} ${String(t.clients).padStart(7)} ${t.req_per_s.toLocaleString('en-US').padStart(8)} `
    + `${ms(t.p50_ms).padStart(10)} ${ms(t.p95_ms).padStart(10)} ${ms(t.p99_ms).padStart(10)} ${String(t.errors).padStart(6)} ${t.requests.toLocaleString('en-US').padStart(9)}\n`;
  const throughputHead = `${'transport'.padEnd(44)} ${'clients'.padStart(7)} ${'req/s'.padStart(8)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'p99'.padStart(10)} ${'errors'.padStart(6)} ${'requests'.padStart(9)}\n`;
  out.write(throughputHead);
  for (const t of r.sustained) out.write(throughputRow(t));
  for (const t of r.sustained) if (t.first_error) out.write(`  first error (${t.transport}): ${t.first_error}\n`);

  const s = r.soak;
  if (!s) return;
  out.write(`\nSoak ${s.duration_s} s after ${SOAK_WARMUP_S} s of the same load untimed, at most ${s.max_req_per_s} req/s (${s.mcp_sessions_opened} MCP sessions opened in all):\n${throughputHead}${throughputRow(s)}`);
  if (s.first_error) out.write(`  first error: ${s.first_error}\n`);
  out.write(`  RSS first ${s.first_mb} MB, last ${s.last_mb} MB, min ${s.min_mb} MB, max ${s.max_mb} MB\n`);
  out.write(`  mean of the first minute ${s.first_minute_mean_mb} MB, of the last minute ${s.last_minute_mean_mb} MB: drift ${s.drift_pct} % — `
    + `${s.stable ? 'stable (within 10%)' : 'NOT stable (over 10%)'}\n`);
  out.write(`  after a full GC: ${s.after_gc_start_mb} MB before the load, ${s.after_gc_end_mb} MB after it (${s.after_gc_growth_pct} %)\n`);
  out.write(`  samples (s: MB): ${s.samples.map((x) => `${x.t_s}: ${x.rss_mb}`).join(', ')}\n`);
}
