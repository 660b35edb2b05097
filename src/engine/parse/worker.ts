// Parser worker thread: answers batches of parse jobs. Each worker owns its wasm parsers.
import { parentPort } from 'node:worker_threads';
import { analyzeFile } from './analyze-file.js';
import { loadGrammar } from './grammar.js';
import { specFor } from './languages/index.js';
import type { ParseOutcome, WorkerRequest, WorkerResponse } from './protocol.js';

parentPort!.on('message', async (req: WorkerRequest) => {
  for (const id of req.warm ?? []) {
    const spec = specFor(id);
    if (spec) await loadGrammar(spec).catch(() => undefined);
  }
  const outcomes: ParseOutcome[] = [];
  for (const job of req.jobs) outcomes.push(await analyzeFile(job, req.maxFileSize, req.parseOnly));
  parentPort!.postMessage({ id: req.id, outcomes } satisfies WorkerResponse);
});
