// A pool of parser worker threads sized to the cores. Jobs go out in small batches; a worker
// that dies (a wasm abort on a pathological file) is replaced and its batch is retried one file
// at a time, so only the file that kills a worker fails.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { log } from '../../log.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { ParseJob, ParseOutcome, WorkerRequest, WorkerResponse } from './protocol.js';

const BATCH = 8;

/** The compiled worker; when running from TypeScript sources (tests), the build output in dist/. */
function workerScript(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'engine', 'parse', 'worker.js');
  if (existsSync(built)) return built;
  throw new Error(`Parser worker not built: run "npm run build" (looked for ${built})`);
}

interface Pending {
  req: WorkerRequest;
  resolve: (outcomes: ParseOutcome[]) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
}

export class ParserPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number, private readonly maxFileSize: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Parses every job; `onOutcome` is called as results arrive (completion order). */
  async run(jobs: readonly ParseJob[], onOutcome: (o: ParseOutcome) => void, parseOnly = false): Promise<void> {
    const batches: Promise<void>[] = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      const req: WorkerRequest = { id: this.nextId++, jobs: jobs.slice(i, i + BATCH), maxFileSize: this.maxFileSize, parseOnly };
      batches.push(this.submit(req).then((outs) => outs.forEach(onOutcome)));
    }
    await Promise.all(batches);
  }

  /**
   * Loads grammars and compiles queries now, so the first edit does not pay for it. One request
   * per worker; on an idle pool each worker takes one.
   */
  async warm(languages: readonly string[]): Promise<void> {
    await Promise.all(this.slots.map(() => this.submit({ id: this.nextId++, jobs: [], maxFileSize: this.maxFileSize, warm: [...languages] })));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private submit(req: WorkerRequest): Promise<ParseOutcome[]> {
    return new Promise((resolve) => {
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || !this.queue.length) continue;
      slot.busy = this.queue.shift()!;
      slot.worker.postMessage(slot.busy.req);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerScript());
    const slot: Slot = { worker };
    worker.on('message', (res: WorkerResponse) => {
      const pending = slot.busy;
      slot.busy = undefined;
      if (pending && pending.req.id === res.id) pending.resolve(res.outcomes);
      this.pump();
    });
    const onDeath = (reason: string) => {
      if (this.closed) return;
      const pending = slot.busy;
      slot.busy = undefined;
      const idx = this.slots.indexOf(slot);
      if (idx >= 0) this.slots[idx] = this.spawn();
      if (pending) this.retry(pending, reason);
      this.pump();
    };
    worker.on('error', (err) => {
      log.warn({ err: err.message }, 'parser worker crashed; replacing it');
      onDeath(err.message);
    });
    worker.on('exit', (code) => { if (code !== 0) onDeath(`exit code ${code}`); });
    return slot;
  }

  private retry(pending: Pending, reason: string): void {
    const { req } = pending;
    if (req.jobs.length === 1) {
      const job = req.jobs[0]!;
      pending.resolve([{
        path: job.path, hash: '', size: 0, status: 'skipped', skipReason: 'parse_failed', detail: `parser crashed: ${reason}`,
        lines: { total: 0, code: 0, comment: 0, blank: 0 }, parseErrors: 0, symbols: [], imports: [], refsJson: '[]',
        refNames: [], parseMs: 0,
      }]);
      return;
    }
    // Split the batch so the one bad file is isolated.
    Promise.all(req.jobs.map((job) => this.submit({ ...req, id: this.nextId++, jobs: [job] })))
      .then((parts) => pending.resolve(parts.flat()));
  }
}
