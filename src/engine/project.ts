// A Project is one indexed repository: its root, settings, store, parser pool, indexer and
// watcher, plus the services every operation needs (path confinement, freshness, waiting for
// the index). All index mutations run one at a time through a single queue.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import watcher from '@parcel/watcher';
import { dataDirOf, type Settings } from '../config.js';
import { CartographError, invalidArgument, notFound } from '../errors.js';
import { log } from '../log.js';
import { discover, envFiles, ignoredAmong, passesDenyList, type DiscoveredFile, type Discovery } from './discover/discover.js';
import { languageFromPath } from './discover/languages.js';
import type { Freshness } from './freshness.js';
import { FileGraph } from './graph/file-graph.js';
import { runGit } from './history/git.js';
import { GitLog } from './history/log.js';
import { Indexer, type IndexProgress, type SyncResult } from './index/indexer.js';
import { IndexStore } from './index/store.js';
import { LspPool } from './lsp/pool.js';
import { Memory } from './memory/memory.js';
import { specFor } from './parse/languages/index.js';
import { ParserPool } from './parse/pool.js';
import type { LiteralRange } from './parse/protocol.js';
import { SearchService } from './search/search-service.js';
import { calibrate } from './search/semantic-search.js';
import { SymbolIndex } from './search/symbol-index.js';

/** Files cited by a result that are re-indexed inline before answering, at most. */
const INLINE_REPAIR_LIMIT = 20;

export interface RunTimings { files: number; ms: number; parse_ms: number; resolve_ms: number; at: string }

export interface NotifyResult {
  generation: number;
  updated: string[];
  created: string[];
  deleted: string[];
  unchanged: string[];
  ignored: string[];
  pending: string[];
  rejected: Array<{ path: string; reason: string }>;
}

export class Project {
  readonly store: IndexStore;
  private readonly indexer: Indexer;
  private pool: ParserPool | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private progress: IndexProgress = { phase: 'idle', total: 0, done: 0 };
  /** When the current phase began (epoch ms): parse rate and ETA are measured from it. */
  private phaseStartedAt = Date.now();
  private discovery: Discovery | undefined;
  private initial: Promise<void> | undefined;
  private initialDone = false;
  private onDemand: { onProgress: ((p: IndexProgress) => void) | undefined } | undefined;
  private lastError: string | undefined;
  /** Paths the watcher reported that are waiting for the debounce. */
  private readonly staleQueue = new Set<string>();
  private staleTimer: NodeJS.Timeout | undefined;
  private subscription: watcher.AsyncSubscription | undefined;
  private graphCache: FileGraph | undefined;
  private symbolIndex: SymbolIndex | undefined;
  private derivedCache = { generation: -1, values: new Map<string, unknown>() };
  private memoryStore: Memory | undefined;
  private lspPool: LspPool | undefined;
  private searchService: SearchService | undefined;
  /** The commit log, read through git and cached per HEAD. */
  readonly history: GitLog;

  private constructor(readonly root: string, readonly dataDir: string, readonly settings: Settings) {
    this.store = IndexStore.open(dataDir);
    this.history = new GitLog(root);
    this.indexer = new Indexer(root, this.store, () => this.parserPool(), (change) => {
      if (!this.symbolIndex) return; // loaded on first use, from the store as it is then
      if (change.deleted) this.symbolIndex.removeFile(change.fileId);
      else this.symbolIndex.replaceFile(change.fileId, change.path, this.store.symbolEntries(change.fileId));
    });
  }

  static open(settings: Settings): Project {
    if (!existsSync(settings.project) || !statSync(settings.project).isDirectory()) {
      throw notFound(`Project directory ${settings.project} does not exist or is not a directory.`);
    }
    const root = realpathSync(settings.project);
    return new Project(root, dataDirOf({ ...settings, project: root }), settings);
  }

  // ---- indexing ----------------------------------------------------------------------------

  /** Starts (once) the initial index in the background; the promise settles when it is done. */
  startIndexing(onProgress?: (p: IndexProgress) => void): Promise<void> {
    this.initial ??= this.index(onProgress).then(() => {
      this.initialDone = true;
      if (!this.onDemand) this.search().schedule(); // a server keeps keyword search ready; one-shot CLI calls build it only when asked
    }, (err: unknown) => {
      this.lastError = err instanceof Error ? err.message : String(err);
      log.error({ err: this.lastError }, 'indexing failed');
      this.initialDone = true;
    });
    return this.initial;
  }

  /**
   * Full sync of the index with the files on disk (cold build, warm restart, reindex). `force`
   * re-parses every file instead of only those whose stat changed.
   */
  index(onProgress?: (p: IndexProgress) => void, force = false): Promise<SyncResult> {
    return this.exclusive(async () => {
      const track = (p: IndexProgress) => {
        if (p.phase !== this.progress.phase) this.phaseStartedAt = Date.now();
        this.progress = p;
        onProgress?.(p);
      };
      track({ phase: 'discovering', total: 0, done: 0 });
      const started = Date.now();
      this.discovery = await discover(this.root, {
        maxFileSize: this.settings.max_file_size, maxFiles: this.settings.max_files, dataDir: this.dataDir,
      });
      const result = await this.indexer.sync(this.discovery, track, force);
      this.searchService?.schedule();
      const run: RunTimings = {
        files: result.created.length + result.updated.length, ms: Date.now() - started,
        parse_ms: Math.round(result.parseMs), resolve_ms: Math.round(result.resolveMs), at: new Date().toISOString(),
      };
      this.recordTimings(force || result.created.length > this.discovery.files.length / 2 ? 'cold' : 'incremental', run);
      return result;
    });
  }

  /** Timings survive restarts in the store's meta table, so `cartograph status` can show them. */
  private recordTimings(kind: 'cold' | 'incremental', run: RunTimings): void {
    this.store.setMeta(`last_${kind}`, JSON.stringify(run));
  }

  private storedTimings(kind: 'cold' | 'incremental'): RunTimings | undefined {
    const v = this.store.meta(`last_${kind}`);
    return v ? (JSON.parse(v) as RunTimings) : undefined;
  }

  /** True once the first sync since opening has finished (or failed). */
  get initialIndexDone(): boolean { return this.initialDone; }

  /**
   * One-shot use (the CLI): the index is brought up to date the first time a call waits for it,
   * and that call waits as long as it takes; calls that never need the index never pay for it.
   */
  indexOnDemand(onProgress?: (p: IndexProgress) => void): void {
    this.onDemand = { onProgress };
  }

  /** Waits up to `budgetMs` for the initial index; false when it is still running. */
  async waitForInitial(budgetMs: number): Promise<boolean> {
    if (this.onDemand && !this.initial && budgetMs > 0) {
      await this.startIndexing(this.onDemand.onProgress);
      return true;
    }
    if (this.initialDone || !this.initial) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((r) => { timer = setTimeout(() => r(false), budgetMs); });
    const ok = await Promise.race([this.initial.then(() => true as const), timeout]);
    clearTimeout(timer);
    return ok;
  }

  /**
   * Re-indexes the given paths (relative or absolute): the shared path of notify_file_changed,
   * the watcher and the inline repair of stale cited files.
   */
  notify(inputs: readonly string[]): Promise<NotifyResult> {
    return this.exclusive(async () => {
      const rejected: NotifyResult['rejected'] = [];
      const rels = new Set<string>();
      for (const input of inputs) {
        try {
          rels.add(this.resolvePath(input).rel);
        } catch (err) {
          const reason = err instanceof CartographError ? String(err.details?.reason ?? err.code) : 'invalid';
          rejected.push({ path: input, reason });
        }
      }
      const known = { has: (p: string) => this.store.fileId(p) !== undefined };
      const ignored = await ignoredAmong(this.root, [...rels], this.discoverySource());
      const present: DiscoveredFile[] = [];
      const gone: string[] = [];
      const tooLarge = new Set<string>();
      for (const rel of [...rels].sort()) {
        if (ignored.has(rel)) { if (known.has(rel)) gone.push(rel); continue; }
        const st = await lstat(join(this.root, rel)).catch(() => undefined);
        if (!st) {
          if (known.has(rel)) gone.push(rel);
          else rejected.push({ path: rel, reason: 'unknown' });
          continue;
        }
        if (!st.isFile()) { rejected.push({ path: rel, reason: 'not_a_file' }); continue; }
        const f: DiscoveredFile = { path: rel, size: st.size, mtimeMs: Math.floor(st.mtimeMs), language: this.languageOf(rel) };
        if (st.size > this.settings.max_file_size) tooLarge.add(rel);
        present.push(f);
      }
      for (const p of rels) this.staleQueue.delete(p);
      // Ignored paths the index knew are reported as deleted, the others as ignored.
      const ignoredUnknown = [...ignored].filter((p) => !known.has(p)).sort();
      const result = await this.indexer.update(present, gone, tooLarge);
      this.searchService?.schedule();
      this.recordTimings('incremental', {
        files: present.length + gone.length, ms: Math.round(result.totalMs), parse_ms: Math.round(result.parseMs),
        resolve_ms: Math.round(result.resolveMs), at: new Date().toISOString(),
      });
      return {
        generation: result.generation, updated: result.updated, created: result.created, deleted: result.deleted,
        unchanged: result.unchanged, ignored: ignoredUnknown, pending: [],
        rejected: rejected.sort((a, b) => a.path.localeCompare(b.path)),
      };
    });
  }

  private discoverySource(): Discovery['source'] {
    return this.discovery?.source ?? (existsSync(join(this.root, '.git')) ? 'git' : 'walk');
  }

  private languageOf(rel: string): string | undefined {
    const lang = languageFromPath(rel);
    if (lang !== 'c' || !rel.endsWith('.h')) return lang;
    // `.h` follows its folder: C++ when C++ sources sit next to it.
    const dir = posix.dirname(rel) === '.' ? '' : posix.dirname(rel);
    return this.store.hasLanguageInDir(dir, 'cpp') ? 'cpp' : lang;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Gets a serving process ready for its first edit and query: parser workers started with their
   * queries compiled, the symbol index and the file graph (with importance) in memory.
   */
  async warmUp(): Promise<void> {
    const languages = [...new Set(this.store.allFiles().filter((f) => f.status !== 'skipped' && f.language).map((f) => f.language!))];
    await this.parserPool().warm(languages);
    this.symbols().names();
    this.symbols().namesWithToken(''); // builds the token index multi-word queries use
    this.graph().importance('');
  }

  /** Workers start on first use: a warm restart with nothing to parse never starts them. */
  private parserPool(): ParserPool {
    return (this.pool ??= new ParserPool(this.settings.workers, this.settings.max_file_size));
  }

  // ---- watching ----------------------------------------------------------------------------

  async watch(): Promise<void> {
    if (this.subscription) return;
    void this.warmUp();
    const dataRel = relative(this.root, this.dataDir);
    this.subscription = await watcher.subscribe(this.root, (err, events) => {
      if (err) { log.warn({ err: err.message }, 'file watcher error'); return; }
      for (const e of events) {
        const rel = relative(this.root, e.path).split(sep).join('/');
        if (!rel || rel.startsWith('..') || rel === dataRel || rel.startsWith(`${dataRel}/`) || !passesDenyList(rel)) continue;
        this.staleQueue.add(rel);
      }
      if (this.staleQueue.size) this.scheduleFlush();
    }, { ignore: ['.git', 'node_modules', dataRel] });
  }

  private scheduleFlush(): void {
    clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => {
      const paths = [...this.staleQueue];
      if (paths.length) void this.notify(paths).catch((err: unknown) => log.warn({ err: String(err) }, 'watch re-index failed'));
    }, this.settings.watch_debounce_ms);
  }

  async close(): Promise<void> {
    clearTimeout(this.staleTimer);
    await this.subscription?.unsubscribe();
    await this.queue;
    await Promise.all([this.pool?.close(), this.lspPool?.close(), this.searchService?.close()]);
    this.store.close();
    this.memoryStore?.close();
  }

  // ---- services for operations --------------------------------------------------------------

  /** Ranking facts of every definition, in memory (loaded on first use). */
  symbols(): SymbolIndex {
    return (this.symbolIndex ??= SymbolIndex.load(this.store));
  }

  /** Learnings and ADRs: memory.db in the data dir, opened on first use, independent of the index. */
  memory(): Memory {
    return (this.memoryStore ??= Memory.open(this.dataDir, this.root));
  }

  /** Keyword (and, with a provider, vector) search indexes, kept in step with the index after every commit. */
  search(): SearchService {
    return (this.searchService ??= new SearchService(this.store, this.dataDir, this.settings, () => calibrate(this, this.searchService?.vectorLeg())));
  }

  /** The project's language servers, started on demand; closed with the project. */
  lsp(): LspPool {
    return (this.lspPool ??= new LspPool(this.root, this.settings, (rel) => this.readText(rel)));
  }

  /** The in-memory file graph of the current generation. */
  graph(): FileGraph {
    this.graphCache = this.graphCache ? this.graphCache.refresh(this.store) : FileGraph.load(this.store);
    return this.graphCache;
  }

  /**
   * A value derived from the index (communities, per-file metrics …), computed once per
   * generation: the first call after a change recomputes it, later calls share it.
   */
  derived<T>(key: string, compute: () => T): T {
    const generation = this.store.generation;
    if (this.derivedCache.generation !== generation) this.derivedCache = { generation, values: new Map() };
    const values = this.derivedCache.values;
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as T;
  }

  /**
   * The text of a discovered file, read from disk (UTF-8, invalid bytes replaced); undefined when
   * it cannot be read. `rel` must already be confined (a path from the index or resolvePath).
   */
  readText(rel: string): string | undefined {
    try { return readFileSync(join(this.root, rel), 'utf8'); } catch { return undefined; }
  }

  /**
   * The `.env*` files next to discovered files (or at the root) that are not ignored: discovery
   * skips hidden entries, a security scan must not.
   */
  envFiles(): Promise<string[]> {
    const dirs = new Set(['']);
    for (const p of this.store.allPaths()) for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
    return envFiles(this.root, dirs, this.discoverySource());
  }

  /**
   * Comment and string-literal ranges of the given texts (files from the index or envFiles), from
   * their syntax trees, computed by the parser workers. Files without a parser, or whose parse
   * failed, are absent from the result.
   */
  async literalRanges(files: ReadonlyArray<{ path: string; text: string }>): Promise<Map<string, LiteralRange[]>> {
    const jobs = files.flatMap(({ path, text }) => {
      const language = this.store.file(path)?.language ?? languageFromPath(path);
      return language && specFor(language) ? [{ path, language, source: text }] : [];
    });
    const out = new Map<string, LiteralRange[]>();
    if (!jobs.length) return out;
    for (const o of await this.parserPool().literalRanges(jobs)) if (!o.error) out.set(o.path, o.ranges);
    return out;
  }

  /**
   * Confines a user-supplied path to the project root after resolving symlinks; returns the
   * root-relative POSIX path. Paths that do not exist resolve through their nearest existing ancestor.
   */
  resolvePath(input: string): { rel: string; abs: string } {
    const normalised = input.replace(/\\/g, '/');
    const candidate = isAbsolute(normalised) ? resolve(normalised) : resolve(this.root, normalised);
    let existing = candidate;
    const rest: string[] = [];
    while (!existsSync(existing)) {
      const parent = resolve(existing, '..');
      if (parent === existing) break;
      rest.unshift(existing.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
      existing = parent;
    }
    let real: string;
    try { real = join(realpathSync(existing), ...rest); } catch { real = candidate; }
    if (real !== this.root && !real.startsWith(this.root + sep)) {
      throw invalidArgument(`Path '${input}' is outside the project root.`, { reason: 'outside_root', path: input });
    }
    return { rel: relative(this.root, real).split(sep).join('/'), abs: real };
  }

  /** The checked-out branch, or undefined outside a git work tree (or on a detached HEAD). */
  async currentBranch(): Promise<string | undefined> {
    const out = (await runGit(this.root, ['rev-parse', '--abbrev-ref', 'HEAD'], { timeoutMs: 5000 }))?.trim();
    return out && out !== 'HEAD' ? out : undefined;
  }

  /** Re-indexes inline the cited files whose stat changed since indexing (at most 20). */
  async repairStale(cited: readonly string[]): Promise<void> {
    const stale = this.staleAmong(cited);
    if (stale.length && stale.length <= INLINE_REPAIR_LIMIT) await this.notify(stale);
  }

  private staleAmong(cited: readonly string[]): string[] {
    const stale: string[] = [];
    for (const p of cited) {
      const row = this.store.file(p);
      if (!row) continue;
      try {
        const st = statSync(join(this.root, p));
        if (st.size !== row.size || Math.floor(st.mtimeMs) !== row.mtime_ms) stale.push(p);
      } catch {
        stale.push(p); // deleted since indexing
      }
    }
    return stale;
  }

  freshness(cited: readonly string[] = []): Freshness {
    const pending = this.progress.phase === 'idle' ? 0 : Math.max(0, this.progress.total - this.progress.done);
    const staleCited = [...new Set([...this.staleAmong(cited.slice(0, 200)), ...cited.filter((p) => this.staleQueue.has(p))])].slice(0, 20);
    const stale = this.staleQueue.size;
    return {
      generation: this.store.generation,
      indexed_at: this.store.indexedAt ?? null,
      stale_files: stale,
      pending_files: pending,
      stale_cited: staleCited.sort(),
      complete: stale === 0 && pending === 0 && staleCited.length === 0,
    };
  }

  status(): {
    progress: IndexProgress; phase_started_at: number; discovery?: Discovery; timings: { cold?: RunTimings; incremental?: RunTimings };
    last_error?: string; watching: boolean;
  } {
    const cold = this.storedTimings('cold');
    const incremental = this.storedTimings('incremental');
    return {
      progress: this.progress,
      phase_started_at: this.phaseStartedAt,
      ...(this.discovery ? { discovery: this.discovery } : {}),
      timings: { ...(cold ? { cold } : {}), ...(incremental ? { incremental } : {}) },
      ...(this.lastError ? { last_error: this.lastError } : {}),
      watching: this.subscription !== undefined,
    };
  }
}
