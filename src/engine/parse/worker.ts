// Parser worker thread: answers batches of parse jobs. Each worker owns its wasm parsers.
import { parentPort } from 'node:worker_threads';
import { analyzeFile } from './analyze-file.js';
import type { ParseOutcome, WorkerRequest, WorkerResponse } from './protocol.js';

parentPort!.on('message', async (req: WorkerRequest) => {
  const outcomes: ParseOutcome[] = [];
  for (const job of req.jobs) outcomes.push(await analyzeFile(job, req.maxFileSize, req.parseOnly));
  parentPort!.postMessage({ id: req.id, outcomes } satisfies WorkerResponse);
});
