// Project-memory benchmark: `npm run bench -- memory [--learnings N] [--queries N] [--json]`.
// Fills a temporary data dir with N learnings (10,000 by default) through record_learning — five
// types, scopes spread over the root, directories and files, text with common words and a Zipf
// spread of topic words — then times recall through the operation path (one topic word, task-like
// sentences, an empty query, and the worst case of common words only) and record_learning with the
// store full, as p50/p95. The target is recall under 20 ms p95 at 10,000 learnings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../src/config.js';
import { LEARNING_TYPES } from '../src/engine/memory/learnings.js';
import { Project } from '../src/engine/project.js';
import { invoke } from '../src/operations/execute.js';
import { operationNamed } from '../src/operations/registry.js';
import { percentile, rng, round, rssMb } from './stats.js';

export interface MemoryTiming { label: string; p50_ms: number; p95_ms: number; calls: number; avg_results: number }

export interface MemoryBenchResult { learnings: number; fill_ms: number; timings: MemoryTiming[]; rss_mb: number }

/** Words most sentences share: each is in a large share of the learnings, so bm25 gives it little weight. */
const COMMON = 'the a to in is of for and when it be with on not this that'.split(' ');
const TOPICS = ('cache config parser index query token stream buffer thread worker socket request response handler route schema '
  + 'migration transaction lock retry timeout error logger metric trace span batch queue event watcher debounce graph edge node '
  + 'symbol import export module package resolver path glob file folder hash anchor commit branch merge rebase diff patch test '
  + 'fixture mock stub snapshot render template layout style theme color font image upload download encode decode compress '
  + 'encrypt sign verify session cookie header auth permission role user account profile setting option flag default').split(' ');

/**
 * Text like a project's learnings: common words, then topic words drawn with a Zipf law (a few
 * topics are everywhere, most are rare), each topic word with fifteen variants so the vocabulary
 * has about two thousand terms.
 */
function textSource(random: () => number): (words: number) => string {
  const vocabulary = TOPICS.flatMap((t) => [t, ...Array.from({ length: 15 }, (_, i) => `${t}${String.fromCharCode(97 + i)}x`)]);
  let sum = 0;
  const cumulative = vocabulary.map((_, rank) => (sum += 1 / (rank + 1)));
  const topic = (): string => {
    const x = random() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    for (let hi = cumulative.length - 1; lo < hi;) { const mid = (lo + hi) >> 1; if (cumulative[mid]! < x) lo = mid + 1; else hi = mid; }
    return vocabulary[lo]!;
  };
  return (words) => Array.from({ length: words }, () => (random() < 0.4 ? COMMON[Math.floor(random() * COMMON.length)]! : topic())).join(' ');
}

export async function memoryBench(opts: { learnings: number; queries: number }): Promise<MemoryBenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'cg-memory-root-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-memory-'));
  const project = Project.open(loadSettings({ project: root, data_dir: dataDir, watch: false, log_level: 'warn' }));
  const random = rng(5);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const dirs = Array.from({ length: 40 }, (_, i) => `src/area${i % 8}/part${i}/`);
  const scopes = ['', ...dirs, ...dirs.map((d) => `${d}file${dirs.indexOf(d) % 5}.ts`)];
  const sentence = textSource(random);
  const call = async (name: string, args: Record<string, unknown>): Promise<{ ms: number; results: number }> => {
    const t0 = performance.now();
    const r = await invoke(operationNamed(name)!, project, args);
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`${name} ${JSON.stringify(args)} failed: ${r.error.code} ${r.error.message}`);
    return { ms, results: Array.isArray(r.output.results) ? r.output.results.length : 0 };
  };

  const started = performance.now();
  for (let i = 0; i < opts.learnings; i++) {
    await call('record_learning', {
      type: pick(LEARNING_TYPES), description: `${sentence(6 + Math.floor(random() * 7))} #${i}`, details: random() < 0.5 ? sentence(20) : '',
      scope: random() < 0.2 ? '' : pick(scopes), confidence: round(0.3 + random() * 0.7, 2),
    });
  }
  const fillMs = performance.now() - started;

  const cases: Array<[string, string, () => Record<string, unknown>]> = [
    ['recall', 'one topic word, file scope', () => ({ query: pick(TOPICS), scope: pick(scopes) })],
    ['recall', 'task sentence (8 words), directory scope', () => ({ query: sentence(8), scope: pick(dirs) })],
    ['recall', 'empty query, global', () => ({ query: '' })],
    ['recall', 'task sentence, max_results=100', () => ({ query: sentence(8), scope: pick(scopes), max_results: 100 })],
    ['recall', 'worst case: three common words only', () => ({ query: `${pick(COMMON)} ${pick(COMMON)} ${pick(COMMON)}` })],
    ['record_learning', 'new learning, store full', () => ({ type: pick(LEARNING_TYPES), description: `${sentence(8)} extra ${random()}`, scope: pick(scopes) })],
  ];
  const timings: MemoryTiming[] = [];
  for (const [name, label, args] of cases) {
    await call(name, args()); // warm the statement cache
    const runs: Array<{ ms: number; results: number }> = [];
    for (let i = 0; i < opts.queries; i++) runs.push(await call(name, args()));
    const times = runs.map((r) => r.ms);
    timings.push({
      label: `${name}: ${label}`, p50_ms: round(percentile(times, 50), 2), p95_ms: round(percentile(times, 95), 2), calls: runs.length,
      avg_results: round(runs.reduce((n, r) => n + r.results, 0) / runs.length),
    });
  }
  const result = { learnings: opts.learnings, fill_ms: Math.round(fillMs), timings, rss_mb: rssMb() };
  await project.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  return result;
}

export function printMemory(r: MemoryBenchResult): void {
  const out = process.stdout;
  out.write(`${r.learnings.toLocaleString('en-US')} learnings recorded in ${r.fill_ms.toLocaleString('en-US')} ms; peak RSS ${r.rss_mb} MB\n`);
  out.write(`${'case'.padEnd(52)} ${'p50'.padStart(10)} ${'p95'.padStart(10)}  results  calls\n`);
  for (const t of r.timings) {
    out.write(`${t.label.padEnd(52)} ${`${t.p50_ms} ms`.padStart(10)} ${`${t.p95_ms} ms`.padStart(10)}  ${String(t.avg_results).padStart(7)}  ${t.calls}\n`);
  }
}
