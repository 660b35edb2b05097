// Per-project batches behind POST /api/v1/notify/file-changed. Editors and hooks report every save;
// gathering the paths for DEBOUNCE_MS after the last report (at most MAX_WAIT_MS after the first, so a
// steady stream still lands) turns a burst into one re-index run instead of one per save. Also
// remembers idempotency keys per project for KEY_TTL_MS.
import type { NotifyResult } from '../engine/project.js';
import { tooLarge } from '../errors.js';
import { log } from '../log.js';

export const DEBOUNCE_MS = 500;
const MAX_WAIT_MS = 2000;
export const MAX_PENDING = 10_000;
const KEY_TTL_MS = 5 * 60_000;
/** Keys kept per project at most; past it the oldest go first (a client minting keys cannot grow memory). */
const MAX_KEYS = 100_000;

interface Queue {
  paths: Set<string>;
  firstAt: number;
  timer: NodeJS.Timeout | undefined;
  /** Batches handed to `apply` and not finished yet. */
  running: Set<Promise<NotifyResult>>;
  /** Idempotency key → expiry (epoch ms); insertion order is expiry order. */
  keys: Map<string, number>;
}

export class NotifyDebouncer {
  private readonly queues = new Map<string, Queue>();

  /** `apply` re-indexes one batch of a project (Project.notify through the hub). */
  constructor(private readonly apply: (project: string, paths: string[]) => Promise<NotifyResult>) {}

  private queue(project: string): Queue {
    let q = this.queues.get(project);
    if (!q) this.queues.set(project, (q = { paths: new Set(), firstAt: 0, timer: undefined, running: new Set(), keys: new Map() }));
    return q;
  }

  /** True when `key` was accepted for `project` within the last five minutes. */
  isDuplicate(project: string, key: string): boolean {
    const keys = this.queues.get(project)?.keys;
    if (!keys) return false;
    const now = Date.now();
    for (const [k, expiry] of keys) {
      if (expiry > now) break;
      keys.delete(k);
    }
    return keys.has(key);
  }

  /** Remembers an accepted request's idempotency key for five minutes. */
  remember(project: string, key: string): void {
    const keys = this.queue(project).keys;
    keys.delete(key);
    keys.set(key, Date.now() + KEY_TTL_MS);
    if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value!);
  }

  /**
   * Adds paths to the project's pending batch and (re)arms its timer. Past MAX_PENDING pending
   * paths nothing is added: too_large.
   */
  enqueue(project: string, paths: readonly string[]): void {
    const q = this.queue(project);
    const added = paths.filter((p) => !q.paths.has(p)).length;
    if (q.paths.size + added > MAX_PENDING) {
      throw tooLarge(`Project '${project}' already has ${q.paths.size} paths waiting; at most ${MAX_PENDING} may be pending. `
        + 'Retry after POST /api/v1/notify/flush.', { parameter: 'paths', pending: q.paths.size, limit: MAX_PENDING });
    }
    for (const p of paths) q.paths.add(p);
    const now = Date.now();
    if (!q.timer) q.firstAt = now;
    clearTimeout(q.timer);
    q.timer = setTimeout(() => {
      this.flush(project).catch((err: unknown) => log.error({ project, err: String(err) }, 'debounced notify failed'));
    }, Math.max(0, Math.min(DEBOUNCE_MS, q.firstAt + MAX_WAIT_MS - now)));
    q.timer.unref();
  }

  /**
   * Applies the pending batch now and waits for batches already being applied, so everything
   * accepted before this call is in the index when it returns. Undefined when there was nothing to
   * apply. Paths accepted while it runs start a new batch (applied by its timer or a later flush).
   */
  async flush(project: string): Promise<NotifyResult | undefined> {
    const q = this.queues.get(project);
    if (!q) return undefined;
    clearTimeout(q.timer);
    q.timer = undefined;
    const earlier = [...q.running];
    let own: Promise<NotifyResult> | undefined;
    if (q.paths.size) {
      const batch = [...q.paths];
      q.paths = new Set();
      const run = (own = this.apply(project, batch));
      q.running.add(run);
      const done = () => { q.running.delete(run); };
      run.then(done, done);
    }
    // An earlier batch's failure belongs to whoever started it (and is logged there).
    const settled = await Promise.allSettled(earlier);
    const results = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (own) results.push(await own);
    return results.length ? mergeResults(results) : undefined;
  }

  /** Forgets a removed project: its pending paths, timer and keys. */
  drop(project: string): void {
    clearTimeout(this.queues.get(project)?.timer);
    this.queues.delete(project);
  }

  /** Applies every pending batch (the server is stopping) and leaves no timer behind. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.keys()].map((project) => this.flush(project)
      .catch((err: unknown) => log.error({ project, err: String(err) }, 'notify flush at close failed'))));
    this.queues.clear();
  }
}

/** One result for several batches: lists joined without repeats (sorted), the newest generation. */
function mergeResults(results: readonly NotifyResult[]): NotifyResult {
  const join = (key: 'updated' | 'created' | 'deleted' | 'unchanged' | 'ignored' | 'pending') =>
    [...new Set(results.flatMap((r) => r[key]))].sort();
  return {
    generation: Math.max(...results.map((r) => r.generation)),
    updated: join('updated'), created: join('created'), deleted: join('deleted'),
    unchanged: join('unchanged'), ignored: join('ignored'), pending: join('pending'),
    rejected: results.flatMap((r) => r.rejected).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}
