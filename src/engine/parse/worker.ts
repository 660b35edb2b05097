// Parser worker thread: answers batches of parse jobs and literal-range jobs. Each worker owns its
// wasm parsers.
import { parentPort } from 'node:worker_threads';
import { analyzeFile } from './analyze-file.js';
import { loadGrammar } from './grammar.js';
import { literalsOutcome } from './literals.js';
import { specFor } from './languages/index.js';
import type { LiteralsOutcome, ParseOutcome, WorkerRequest, WorkerResponse } from './protocol.js';

parentPort!.on('message', async (req: WorkerRequest) => {
  for (const id of req.warm ?? []) {
    const spec = specFor(id);
    if (spec) await loadGrammar(spec).catch(() => undefined);
  }
  const outcomes: ParseOutcome[] = [];
  for (const job of req.jobs) outcomes.push(await analyzeFile(job, req.maxFileSize, req.parseOnly));
  const literals: LiteralsOutcome[] = [];
  for (const job of req.literals ?? []) literals.push(await literalsOutcome(job));
  parentPort!.postMessage({ id: req.id, outcomes, literals } satisfies WorkerResponse);
});
