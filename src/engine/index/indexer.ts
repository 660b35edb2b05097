// Keeps the stored index equal to the files on disk. One path serves the cold build, the warm
// restart and every later change: decide what changed (stat, then content hash), parse it in the
// worker pool, commit in batches (each a generation), then re-resolve the imports of changed
// files and of every file whose imports may now point elsewhere.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Discovery, DiscoveredFile } from '../discover/discover.js';
import { isClassLikeLanguage, resolverInputs, resolverFor } from '../graph/resolve/index.js';
import type { LanguageResolver, ProjectView } from '../graph/resolve/types.js';
import type { ParsedFile } from '../model.js';
import type { ParserPool } from '../parse/pool.js';
import type { ParseJob, ParseOutcome } from '../parse/protocol.js';
import type { IndexStore } from './store.js';

const COMMIT_EVERY = 400;

export interface IndexProgress {
  phase: 'discovering' | 'parsing' | 'resolving' | 'idle';
  total: number;
  done: number;
}

export interface SyncResult {
  generation: number;
  created: string[];
  updated: string[];
  deleted: string[];
  unchanged: string[];
  parseMs: number;
  resolveMs: number;
  totalMs: number;
}

/** What one commit changed that other files resolve through: see markDependents. */
interface Dependents { created: string[]; updated: string[]; types: Set<string>; manifest: boolean }

const noDependents = (): Dependents => ({ created: [], updated: [], types: new Set(), manifest: false });

/** Told about every file whose symbols were replaced or removed (keeps in-memory indexes current). */
export interface FileChangeListener {
  (change: { fileId: number; path: string; deleted: boolean }): void;
}

export class Indexer {
  private resolvers = new Map<string, LanguageResolver | undefined>();
  private fileSet: Set<string> | undefined;

  constructor(
    private readonly root: string,
    private readonly store: IndexStore,
    private readonly pool: () => ParserPool,
    private readonly onFileChange: FileChangeListener,
  ) {}

  /**
   * Brings the index in line with `discovered` (the full file list). Files not listed are deleted;
   * listed files are re-read only when their size or mtime changed. `force` re-parses and replaces
   * every listed file, even one whose content hash is unchanged (an extractor upgrade, a suspect
   * index); files are still replaced batch by batch, so readers never see an emptied index.
   */
  async sync(discovery: Discovery, onProgress?: (p: IndexProgress) => void, force = false): Promise<SyncResult> {
    const stored = this.store.fileStats();
    const listed = new Set<string>();
    const changed: DiscoveredFile[] = [];
    const unchanged: string[] = [];
    for (const f of [...discovery.files, ...discovery.skipped]) {
      listed.add(f.path);
      const s = stored.get(f.path);
      if (!force && s && s.size === f.size && s.mtimeMs === f.mtimeMs) unchanged.push(f.path);
      else changed.push(f);
    }
    const deleted = [...stored.keys()].filter((p) => !listed.has(p));
    const tooLarge = new Set(discovery.skipped.map((f) => f.path));
    // An empty hash never equals a parsed one, so a forced run replaces rather than touches.
    const previous = force ? (p: string) => (stored.has(p) ? { hash: '' } : undefined) : (p: string) => stored.get(p);
    return this.apply(changed, deleted, unchanged, tooLarge, previous, stored.size === 0, onProgress);
  }

  /** Re-indexes the given files (each present on disk, or gone). Used by notify and the watcher. */
  async update(present: DiscoveredFile[], gone: string[], tooLarge: ReadonlySet<string>): Promise<SyncResult> {
    const lookup = (p: string) => this.store.file(p);
    return this.apply(present, gone.filter((p) => lookup(p)), [], tooLarge, lookup, false);
  }

  /** `stored` answers what the index held for a path before this change (its content hash). */
  private async apply(
    changed: DiscoveredFile[], deleted: string[], unchanged: string[], tooLarge: ReadonlySet<string>,
    stored: (path: string) => { hash: string } | undefined, isCold: boolean, onProgress?: (p: IndexProgress) => void,
  ): Promise<SyncResult> {
    const started = performance.now();
    const created: string[] = [];
    const updated: string[] = [];
    const sameContent: string[] = [];
    let manifestChanged = false;
    const inputs = resolverInputs();
    const mtimes = new Map(changed.map((f) => [f.path, f.mtimeMs]));

    // What a file declares that other files resolve through (its namespace and top-level type
    // names). Only a change to it can move other files' edges (JVM, C#, PHP, Swift rules).
    const declared = (path: string): { ns: string | null; types: string[] } => {
      const row = this.store.file(path);
      return { ns: row?.namespace ?? null, types: row ? this.store.typeNamesOf(row.id) : [] };
    };
    const noteDeclarationChange = (before: { ns: string | null; types: string[] }, after: { ns: string | null; types: string[] }, touched: Set<string>) => {
      const namespaceMoved = before.ns !== after.ns;
      for (const t of before.types) if (namespaceMoved || !after.types.includes(t)) touched.add(t);
      for (const t of after.types) if (namespaceMoved || !before.types.includes(t)) touched.add(t);
    };

    let batch: ParseOutcome[] = [];
    const flush = () => {
      if (!batch.length) return;
      const outcomes = batch;
      batch = [];
      this.store.commit((generation) => {
        const dependents = noDependents();
        for (const o of outcomes) {
          const prev = stored(o.path);
          if (prev && prev.hash === o.hash && o.hash !== '') {
            this.store.touchFile(o.path, mtimes.get(o.path) ?? 0, o.size);
            sameContent.push(o.path);
            continue;
          }
          // A cold build re-resolves everything anyway: no need to track what declarations moved.
          const before = prev && !isCold ? declared(o.path) : { ns: null, types: [] };
          const fileId = this.store.putFile({ outcome: o, mtimeMs: mtimes.get(o.path) ?? 0 }, generation);
          if (!isCold) noteDeclarationChange(before, declared(o.path), dependents.types);
          this.onFileChange({ fileId, path: o.path, deleted: false });
          (prev ? updated : created).push(o.path);
          (prev ? dependents.updated : dependents.created).push(o.path);
          if (inputs.has(baseName(o.path))) manifestChanged = dependents.manifest = true;
        }
        // In the files' own transaction: a crash after this commit must not lose the re-resolution
        // they call for, as the next sync sees these files unchanged.
        if (!isCold) this.markDependents(dependents);
      });
    };

    const jobs: ParseJob[] = [];
    for (const f of changed) {
      if (tooLarge.has(f.path)) {
        batch.push(skippedOutcome(f));
        continue;
      }
      jobs.push({ path: f.path, abs: join(this.root, f.path), ...(f.language ? { language: f.language } : {}) });
    }
    const total = jobs.length;
    let done = 0;
    onProgress?.({ phase: 'parsing', total, done });
    const parseStarted = performance.now();
    await this.pool().run(jobs, (o) => {
      batch.push(o);
      done++;
      if (batch.length >= COMMIT_EVERY) flush();
      if (done % 200 === 0 || done === total) onProgress?.({ phase: 'parsing', total, done });
    });
    flush();
    const parseMs = performance.now() - parseStarted;

    if (deleted.length) {
      this.store.commit(() => {
        const dependents = noDependents();
        for (const path of deleted) {
          noteDeclarationChange(declared(path), { ns: null, types: [] }, dependents.types);
          const fileId = this.store.fileId(path);
          this.store.deleteFile(path);
          if (fileId !== undefined) this.onFileChange({ fileId, path, deleted: true });
          if (inputs.has(baseName(path))) manifestChanged = dependents.manifest = true;
        }
        this.markDependents(dependents);
      });
    }

    const resolveStarted = performance.now();
    if (manifestChanged) this.resolvers.clear();
    onProgress?.({ phase: 'resolving', total, done });
    this.resolvePending();
    const resolveMs = performance.now() - resolveStarted;
    onProgress?.({ phase: 'idle', total, done });
    return {
      generation: this.store.generation,
      created, updated, deleted, unchanged: [...unchanged, ...sameContent].sort(),
      parseMs, resolveMs, totalMs: performance.now() - started,
    };
  }

  /**
   * Marks for re-resolution the files whose imports may point elsewhere now: importers of changed
   * files, files with unresolved imports (a new file may satisfy them), users of type names a
   * changed file declares or declared (JVM, C#, PHP, Swift resolve through type names), and after a
   * manifest change, everything. Runs inside the commit that made the change.
   */
  private markDependents({ created, updated, types, manifest }: Dependents): void {
    const dirty = new Set<string>();
    if (manifest) {
      for (const f of this.store.allFiles()) dirty.add(f.path);
    } else {
      for (const p of updated) for (const e of this.store.edgesTo(p)) dirty.add(e.source);
      if (created.length) for (const p of this.store.filesWithUnresolved()) dirty.add(p);
      for (const t of types) {
        for (const f of this.store.filesReferencing(t)) {
          const lang = this.store.file(f.path)?.language;
          if (lang && isClassLikeLanguage(lang)) dirty.add(f.path);
        }
      }
    }
    this.store.markUnresolved(dirty);
  }

  private resolvePending(): void {
    const pending = this.store.unresolvedFiles();
    if (!pending.length) return;
    const view = this.projectView(pending.length);
    for (let i = 0; i < pending.length; i += COMMIT_EVERY) {
      const slice = pending.slice(i, i + COMMIT_EVERY);
      this.store.commit((generation) => {
        for (const f of slice) {
          const resolver = f.language ? this.resolver(f.language) : undefined;
          const parsed = this.parsedView(f.path, f.id, f.language ?? '');
          const res = resolver ? resolver.resolve(f.path, parsed, view) : { edges: [], external: [], unresolved: [] };
          this.store.putResolution(f.id, res, generation);
        }
      });
    }
  }

  private resolver(language: string): LanguageResolver | undefined {
    if (!this.resolvers.has(language)) this.resolvers.set(language, resolverFor(language));
    return this.resolvers.get(language);
  }

  /** The stored parts of a file a resolver reads; references are decoded only if asked for. */
  private parsedView(path: string, fileId: number, language: string): ParsedFile {
    const store = this.store;
    const row = store.file(path)!;
    let refs: ParsedFile['refs'] | undefined;
    return {
      language,
      parse_status: row.status === 'partial' ? 'partial' : 'ok',
      parse_errors: row.parse_errors,
      symbols: [],
      imports: store.importsOfFile(fileId),
      get refs() { return (refs ??= store.refsOfFile(fileId)); },
      lines: { total: row.lines, code: row.code_lines, comment: row.comment_lines, blank: row.blank_lines },
      ...(row.namespace ? { namespace: row.namespace } : {}),
    };
  }

  /**
   * The view resolvers read. The file set keeps its identity until files are added or removed
   * (resolvers cache directory listings per set). Type and namespace lookups are loaded whole for
   * a large pass and answered per name, through the indexes, for a small one (an edit).
   */
  private projectView(pendingCount: number): ProjectView {
    const store = this.store;
    const root = this.root;
    const paths = store.allPaths();
    if (!this.fileSet || this.fileSet.size !== paths.length || paths.some((p) => !this.fileSet!.has(p))) this.fileSet = new Set(paths);
    const files = this.fileSet;
    const bulk = pendingCount > 200;
    const namespaces = bulk ? store.namespaceIndex() : new Map<string, string[]>();
    const types = bulk ? store.typeIndex() : new Map<string, string[]>();
    const lookup = (m: Map<string, string[]>, key: string, load: (k: string) => string[]) => {
      let v = m.get(key);
      if (!v && !bulk) m.set(key, (v = load(key)));
      return v ?? [];
    };
    return {
      files,
      readText(path) {
        try { return readFileSync(join(root, path), 'utf8'); } catch { return undefined; }
      },
      filesDeclaringNamespace: (ns) => lookup(namespaces, ns, (k) => store.filesDeclaringNamespace(k)),
      filesDefiningType: (name) => lookup(types, name, (k) => store.filesDefiningType(k)),
    };
  }
}

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

function skippedOutcome(f: DiscoveredFile): ParseOutcome {
  return {
    path: f.path, hash: `size:${f.size}`, size: f.size, ...(f.language ? { language: f.language } : {}),
    status: 'skipped', skipReason: 'too_large', lines: { total: 0, code: 0, comment: 0, blank: 0 }, parseErrors: 0,
    symbols: [], imports: [], refsJson: '[]', refNames: [], chunks: [], parseMs: 0,
  };
}
