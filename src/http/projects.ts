// The projects a server serves, by id, each with its own engine. The project given at startup is
// `default`; others are registered by path (idempotent: the same path gets the same id), can be
// re-indexed in the background and removed. Requests hold a lease on the project they use, so a
// removal closes an engine only once no request is running on it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../config.js';
import { Project } from '../engine/project.js';
import { invalidArgument, notFound } from '../errors.js';
import { log } from '../log.js';
import { NotifyDebouncer } from './notify-debouncer.js';

const SYSTEM_DIRS = new Set(['/', '/bin', '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/root', '/run', '/sbin', '/sys', '/usr', '/var', '/tmp']);

export const DEFAULT_PROJECT = 'default';

export const ReindexJob = z.object({
  id: z.string(),
  force: z.boolean().describe('Every file re-parsed (true) or only files whose size or mtime changed, then compared by content hash.'),
  state: z.enum(['running', 'succeeded', 'failed']),
  started_at: z.string(),
  finished_at: z.string().optional(),
  result: z.object({
    generation: z.number().int(), created: z.number().int(), updated: z.number().int(), deleted: z.number().int(), unchanged: z.number().int(),
  }).optional(),
  error: z.string().optional(),
});
export type ReindexJob = z.infer<typeof ReindexJob>;

export interface ProjectEntry {
  id: string;
  path: string;
  project: Project;
  created_at: string;
  /** The latest reindex job, running or finished. */
  reindex?: ReindexJob;
}

export class ProjectHub {
  private readonly entries = new Map<string, ProjectEntry>();
  /** Requests running on an entry, and who waits for them to end (a removal). */
  private readonly leases = new Map<ProjectEntry, { count: number; drained?: () => void }>();
  private jobs = 0;
  /** Debounced notify batches, applied through the project's own notify path. */
  readonly notifications = new NotifyDebouncer((id, paths) => this.use(id, (e) => e.project.notify(paths)));

  constructor(private readonly base: Settings) {}

  add(id: string, project: Project): ProjectEntry {
    const entry = { id, path: project.root, project, created_at: new Date().toISOString() };
    this.entries.set(id, entry);
    return entry;
  }

  get(id: string): ProjectEntry | undefined { return this.entries.get(id); }

  /** The served project `id`; not_found otherwise. */
  entry(id: string): ProjectEntry {
    const entry = this.entries.get(id);
    if (!entry) throw notFound(`Unknown project '${id}'.`, { project: id });
    return entry;
  }

  /** By id, in code-unit order (stable across locales, so pages do not shift). */
  list(): ProjectEntry[] { return [...this.entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); }

  /** Registers a directory; returns the existing entry when that path is already served. */
  register(path: string): { entry: ProjectEntry; created: boolean } {
    const real = realpathSync(path);
    if (SYSTEM_DIRS.has(real)) throw invalidArgument(`Refusing to index the system directory ${real}.`, { reason: 'system_directory', path: real });
    const existing = [...this.entries.values()].find((e) => e.path === real);
    if (existing) return { entry: existing, created: false };
    const id = `${basename(real).replace(/[^A-Za-z0-9_-]/g, '-').toLowerCase() || 'project'}-${createHash('sha1').update(real).digest('hex').slice(0, 8)}`;
    const project = Project.open({ ...this.base, project: real, data_dir: undefined });
    void project.startIndexing();
    if (this.base.watch) void project.watch();
    return { entry: this.add(id, project), created: true };
  }

  /** Runs `fn` on project `id` (not_found if unknown) while holding a lease that delays its removal. */
  async use<T>(id: string, fn: (entry: ProjectEntry) => Promise<T>): Promise<T> {
    const entry = this.entry(id);
    const lease = this.leases.get(entry) ?? { count: 0 };
    this.leases.set(entry, lease);
    lease.count++;
    try {
      return await fn(entry);
    } finally {
      if (--lease.count === 0) {
        this.leases.delete(entry);
        lease.drained?.();
      }
    }
  }

  /**
   * Starts a full sync of project `id` in the background: `force` re-parses every file. Readers are
   * served throughout (the indexer replaces files batch by batch, each batch one transaction).
   * While a job runs, asking again returns it instead of starting another.
   */
  reindex(id: string, force: boolean): { job: ReindexJob; started: boolean } {
    const entry = this.entry(id);
    if (entry.reindex?.state === 'running') return { job: entry.reindex, started: false };
    const job: ReindexJob = { id: `${id}-reindex-${++this.jobs}`, force, state: 'running', started_at: new Date().toISOString() };
    entry.reindex = job;
    entry.project.index(undefined, force).then((r) => {
      Object.assign(job, {
        state: 'succeeded', finished_at: new Date().toISOString(),
        result: { generation: r.generation, created: r.created.length, updated: r.updated.length, deleted: r.deleted.length, unchanged: r.unchanged.length },
      });
    }, (err: unknown) => {
      Object.assign(job, { state: 'failed', finished_at: new Date().toISOString(), error: err instanceof Error ? err.message : String(err) });
      log.error({ project: id, err: job.error }, 'reindex failed');
    });
    return { job, started: true };
  }

  /**
   * Stops serving project `id`: new requests get not_found at once, its pending notify batch is
   * dropped, and its engine (watcher, parser workers, language servers, store) is closed once the
   * requests running on it and its index queue (a running reindex included) are done. `purge`
   * then removes what Cartograph stored in its data dir. The default project is not removable: the
   * startup code, and MCP sessions opened without `?project=`, hold it for the server's lifetime.
   */
  async remove(id: string, purge: boolean): Promise<{ purged: boolean }> {
    const entry = this.entry(id);
    if (id === DEFAULT_PROJECT) {
      throw invalidArgument("The 'default' project is the one the server was started for and cannot be deleted; stop the server instead.",
        { reason: 'default_project', project: id });
    }
    this.entries.delete(id);
    this.notifications.drop(id);
    const lease = this.leases.get(entry);
    if (lease) await new Promise<void>((r) => { lease.drained = r; });
    await entry.project.close();
    return { purged: purge && purgeDataDir(entry.project.dataDir) };
  }

  /** Applies pending notify batches, then closes every project. */
  async close(): Promise<void> {
    await this.notifications.close();
    await Promise.all([...this.entries.values()].map((e) => e.project.close()));
  }
}

/**
 * Removes what Cartograph keeps in a registered project's data dir (`<root>/.cartograph`: index,
 * memory, caches), except team-written rules meant to be committed (`rules/`, and the `.gitignore`
 * that lets them be). Nothing outside the data dir is touched. False when there was no data dir.
 */
function purgeDataDir(dir: string): boolean {
  if (!existsSync(dir)) return false;
  const kept = existsSync(join(dir, 'rules')) ? ['rules', '.gitignore'] : [];
  if (!kept.length) rmSync(dir, { recursive: true, force: true });
  else for (const name of readdirSync(dir)) if (!kept.includes(name)) rmSync(join(dir, name), { recursive: true, force: true });
  return true;
}
