// A pool of parser worker threads sized to the cores. Jobs (parse for the index, or literal
// ranges for scanners) go out in small batches; a worker that dies (a wasm abort on a pathological
// file) is replaced and its batch is retried one file at a time, so only the file that kills a
// worker fails.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { log } from '../../log.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { LiteralsJob, LiteralsOutcome, ParseJob, ParseOutcome, WorkerRequest, WorkerResponse } from './protocol.js';

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
  resolve: (res: WorkerResponse) => void;
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
      batches.push(this.submit(req).then((res) => res.outcomes.forEach(onOutcome)));
    }
    await Promise.all(batches);
  }

  /** Comment and string-literal ranges of each source, in job order. */
  async literalRanges(jobs: readonly LiteralsJob[]): Promise<LiteralsOutcome[]> {
    const batches: Array<Promise<LiteralsOutcome[]>> = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      const req: WorkerRequest = { id: this.nextId++, jobs: [], literals: jobs.slice(i, i + BATCH), maxFileSize: this.maxFileSize };
      batches.push(this.submit(req).then((res) => res.literals ?? []));
    }
    return (await Promise.all(batches)).flat();
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

  private submit(req: WorkerRequest): Promise<WorkerResponse> {
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
      if (pending && pending.req.id === res.id) pending.resolve(res);
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
    const literals = req.literals ?? [];
    const detail = `parser crashed: ${reason}`;
    if (req.jobs.length + literals.length === 1) {
      const job = req.jobs[0];
      pending.resolve(job
        ? { id: req.id, outcomes: [crashed(job, detail)] }
        : { id: req.id, outcomes: [], literals: [{ path: literals[0]!.path, ranges: [], error: detail }] });
      return;
    }
    // Split the batch so the one bad file is isolated.
    const parts = [
      ...req.jobs.map((job): WorkerRequest => ({ ...req, id: this.nextId++, jobs: [job], literals: [] })),
      ...literals.map((job): WorkerRequest => ({ ...req, id: this.nextId++, jobs: [], literals: [job] })),
    ];
    Promise.all(parts.map((part) => this.submit(part)))
      .then((rs) => pending.resolve({ id: req.id, outcomes: rs.flatMap((r) => r.outcomes), literals: rs.flatMap((r) => r.literals ?? []) }));
  }
}

function crashed(job: ParseJob, detail: string): ParseOutcome {
  return {
    path: job.path, hash: '', size: 0, status: 'skipped', skipReason: 'parse_failed', detail,
    lines: { total: 0, code: 0, comment: 0, blank: 0 }, parseErrors: 0, symbols: [], imports: [], refsJson: '[]',
    refNames: [], chunks: [], parseMs: 0,
  };
}
