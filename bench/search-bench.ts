// Search quality and speed benchmark: `npm run bench -- search <dir> [--max-cases N]
// [--ollama HOST --model M | --onnx-dir D --model M] [--json]`. Indexes the repository in a fresh
// data dir (structural index, then the chunk/keyword layer, timed apart), mines evaluation cases
// from its git history with evaluate_search's engine, and scores keyword search (vector and hybrid
// too when a provider is given) against two baselines on the same cases: `git grep -l` on the
// question's words and BM25 over whole files (bench/search-baselines.ts). Also times warm keyword
// search at top_k 10 over the cases' questions.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings, type Settings } from '../src/config.js';
import { CartographError } from '../src/errors.js';
import { Project } from '../src/engine/project.js';
import { evaluateCases, mineCases, scoreCase, summarize, type CaseScore, type CaseSet, type EvalMode, type Metrics, type SweepPoint } from '../src/engine/search/evaluate.js';
import { semanticSearch, vectorSearchAvailable } from '../src/engine/search/semantic-search.js';
import { GrepBaseline, WholeFileBm25, plainWords } from './search-baselines.js';
import { percentile, round, rssMb } from './stats.js';

export interface ProviderFlags { ollama?: string; onnxDir?: string; model?: string }

export interface SearchBenchOptions { maxCases: number; provider?: ProviderFlags }

export interface MethodRow extends Metrics { method: string }

export interface SearchBenchResult {
  corpus: string;
  files: number;
  structural_index_ms: number;
  keyword_index_ms: number;
  keyword_vs_structural: number;
  embed_ms?: number;
  commits_scanned: number;
  cases: number;
  skipped: Record<string, number>;
  methods: MethodRow[];
  best_baseline?: string;
  keyword_margin_mrr?: number;
  keyword_p50_ms: number;
  keyword_p95_ms: number;
  hybrid_p50_ms?: number;
  hybrid_p95_ms?: number;
  sweep?: { points: SweepPoint[]; best_weight: number };
  rss_mb: number;
}

const K = 10;
/** Longest wait for a provider to embed the whole corpus before measuring. */
const EMBED_WAIT_MS = 24 * 3600_000;

/**
 * Provider flags as settings. The embedding layer owns these setting names; if they are not the
 * ones it reads, the run stops below (vector search unavailable) instead of measuring keywords twice.
 */
function providerSettings(p: ProviderFlags | undefined): Record<string, unknown> {
  if (!p) return {};
  if (p.ollama) return { embedding_provider: 'ollama', ollama_host: p.ollama, embedding_model: p.model };
  return { embedding_provider: 'onnx', onnx_dir: p.onnxDir, embedding_model: p.model };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Questions timed on a corpus with no git history to mine (the JDK sources from Debian): latency
 * only, since there is nothing to score them against.
 */
const UNMINED_QUERIES = [
  'parse a date string with a pattern', 'thread pool executor shutdown and await termination', 'read all bytes from an input stream',
  'compare two strings ignoring case', 'hash map resize when the load factor is exceeded', 'open a socket connection with a timeout',
  'encode bytes as base64', 'format a number with grouping separators', 'load a class by name with a class loader',
  'check file permissions before deleting', 'iterate over entries of a concurrent map', 'convert a path to an absolute URI',
  'sort a list with a comparator', 'schedule a task at a fixed rate', 'verify a digital signature', 'parse command line options',
  'throw when the index is out of bounds', 'lock acquisition with a timeout', 'compress data with deflater', 'resolve a host name to an address',
];

export async function searchBench(root: string, opts: SearchBenchOptions): Promise<SearchBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-search-'));
  const flags = { project: root, data_dir: dataDir, watch: false, log_level: 'warn', ...providerSettings(opts.provider) };
  const project = Project.open(loadSettings(flags as Partial<Record<keyof Settings, unknown>>));
  try {
    const structuralMs = await timed(() => project.index());
    const keywordMs = await timed(() => project.search().ready());
    const sync = project.search().progress;
    if (sync.status === 'error') throw new Error(`The keyword index failed to build: ${sync.last_error ?? 'unknown error'}`);
    let embedMs: number | undefined;
    if (opts.provider) {
      if (!(await vectorSearchAvailable(project))) throw new Error('A provider was given but vector search is unavailable: check the provider flags and that it is reachable.');
      embedMs = await timed(async () => project.search().vectorLeg()?.waitForCoverage(1, EMBED_WAIT_MS));
    }

    const set = await mineCases(project, { maxCases: opts.maxCases, maxFilesPerCommit: 10 }).catch((err: unknown) => {
      if (!(err instanceof CartographError) || err.code !== 'unavailable') throw err;
      const none: CaseSet = { source: 'git_history', cases: [], skipped: {}, notes: [err.message] };
      return none; // no history to mine: latency only
    });
    const queries = set.cases.length ? set.cases.map((c) => c.query) : UNMINED_QUERIES;
    const modes: EvalMode[] = opts.provider ? ['keyword', 'vector', 'hybrid'] : ['keyword'];
    if (queries[0]) await semanticSearch(project, { query: queries[0], top_k: K, mode: 'keyword' }); // warm the table
    const report = await evaluateCases(project, set, { k: K, modes });

    const latencies = async (mode: 'keyword' | 'auto') => {
      const times: number[] = [];
      for (const query of queries) times.push(await timed(() => semanticSearch(project, { query, top_k: K, mode })));
      return { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2) };
    };
    await project.search().calibrate(); // the once-per-generation background run, done first so it does not share the timed calls' cores
    const keywordLatency = await latencies('keyword');
    const hybridLatency = opts.provider ? await latencies('auto') : undefined;

    const candidates = new Set(project.store.allFiles().filter((f) => f.status !== 'skipped').map((f) => f.path));
    const grep = new GrepBaseline(project.root, candidates);
    const grepScores: CaseScore[] = [];
    for (const c of set.cases) grepScores.push(scoreCase(c, (await grep.rank(c.query)).map((path) => ({ path })), K));
    const bm25 = new WholeFileBm25(new Set(queries.flatMap(plainWords)));
    for (const path of [...candidates].sort()) bm25.add(path, project.readText(path) ?? '');
    const bm25Scores = set.cases.map((c) => scoreCase(c, bm25.rank(c.query), K));

    const baselines: MethodRow[] = [
      { method: 'git grep -l', ...summarize(grepScores) },
      { method: 'BM25 whole files', ...summarize(bm25Scores) },
    ];
    const ours: MethodRow[] = report.modes.map(({ mode, mrr, recall_at_5, recall_at_k, hit_at_5 }) => ({ method: mode, mrr, recall_at_5, recall_at_k, hit_at_5 }));
    const best = [...baselines].sort((a, b) => b.mrr - a.mrr)[0]!;
    const keyword = ours.find((m) => m.method === 'keyword');
    const scored = set.cases.length > 0 && keyword !== undefined;
    return {
      corpus: project.root,
      files: candidates.size,
      structural_index_ms: Math.round(structuralMs),
      keyword_index_ms: Math.round(keywordMs),
      keyword_vs_structural: round(keywordMs / structuralMs, 2),
      ...(embedMs !== undefined ? { embed_ms: Math.round(embedMs) } : {}),
      commits_scanned: set.commits_scanned ?? 0,
      cases: set.cases.length,
      skipped: set.skipped,
      methods: scored ? [...ours, ...baselines] : [],
      ...(scored ? { best_baseline: best.method, keyword_margin_mrr: round(keyword.mrr - best.mrr, 4) } : {}),
      keyword_p50_ms: keywordLatency.p50,
      keyword_p95_ms: keywordLatency.p95,
      ...(hybridLatency ? { hybrid_p50_ms: hybridLatency.p50, hybrid_p95_ms: hybridLatency.p95 } : {}),
      ...(report.sweep ? { sweep: report.sweep } : {}),
      rss_mb: rssMb(),
    };
  } finally {
    await project.close();
  }
}

export function printSearch(r: SearchBenchResult): void {
  const out = process.stdout;
  const f3 = (x: number) => x.toFixed(3);
  out.write(`Corpus ${r.corpus}: ${r.files.toLocaleString('en-US')} files\n`);
  out.write(`structural index ${r.structural_index_ms.toLocaleString('en-US')} ms, chunk + keyword index ${r.keyword_index_ms.toLocaleString('en-US')} ms `
    + `(${r.keyword_vs_structural}× structural)${r.embed_ms !== undefined ? `, embeddings ${r.embed_ms.toLocaleString('en-US')} ms` : ''}\n`);
  const skipped = Object.entries(r.skipped).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  out.write(`${r.cases} cases from ${r.commits_scanned} commits${skipped ? ` (skipped: ${skipped})` : ''}\n`);
  out.write(`${'method'.padEnd(18)} ${'MRR@10'.padStart(7)} ${'R@5'.padStart(6)} ${'R@10'.padStart(6)} ${'Hit@5'.padStart(6)}\n`);
  for (const m of r.methods) {
    out.write(`${m.method.padEnd(18)} ${f3(m.mrr).padStart(7)} ${f3(m.recall_at_5).padStart(6)} ${f3(m.recall_at_k).padStart(6)} ${f3(m.hit_at_5).padStart(6)}\n`);
  }
  if (r.keyword_margin_mrr !== undefined) {
    out.write(`keyword MRR@10 margin over the best baseline (${r.best_baseline}): ${r.keyword_margin_mrr >= 0 ? '+' : ''}${f3(r.keyword_margin_mrr)}\n`);
  }
  out.write(`warm keyword search (top_k 10): p50 ${r.keyword_p50_ms} ms, p95 ${r.keyword_p95_ms} ms\n`);
  if (r.hybrid_p95_ms !== undefined) out.write(`warm hybrid search (top_k 10): p50 ${r.hybrid_p50_ms} ms, p95 ${r.hybrid_p95_ms} ms\n`);
  if (r.sweep) out.write(`fusion sweep: ${r.sweep.points.map((p) => `${p.keyword_weight} → ${f3(p.mrr)}`).join(', ')}; best keyword weight ${r.sweep.best_weight}\n`);
  out.write(`peak RSS ${r.rss_mb} MB\n`);
}
