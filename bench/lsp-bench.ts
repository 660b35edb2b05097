// LSP bridge benchmark: `npm run bench -- lsp <dir> [--data-dir D] [--queries N] [--json]`.
// Indexes the tree (or reuses the index in --data-dir), then times lsp_definition on call sites the
// index knows: the first answer (cold server: spawn, handshake, project load) and warm p50/p95 over
// N calls spread over a few files, plus warm lsp_hover and lsp_references. Reports how many answers
// came from the server rather than the index fallback.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../src/config.js';
import { Project } from '../src/engine/project.js';
import { invoke } from '../src/operations/execute.js';
import { operationNamed } from '../src/operations/registry.js';
import { percentile, rng, round, rssMb } from './stats.js';

export interface LspTiming { op: string; p50_ms: number; p95_ms: number; calls: number; from_lsp: number }
export interface LspBenchResult { corpus: string; files: number; index_ms: number; first_definition_ms: number; first_source: string; timings: LspTiming[]; rss_mb: number }

const FILES_SAMPLED = 10;

export async function lspBench(root: string, opts: { dataDir?: string; queries: number }): Promise<LspBenchResult> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'cg-lsp-'));
  const project = Project.open(loadSettings({ project: root, data_dir: dataDir, watch: false, log_level: 'warn' }));
  try {
    const started = performance.now();
    await project.index();
    const indexMs = performance.now() - started;
    const random = rng(11);
    const files = project.store.allFiles().filter((f) => f.status === 'ok' && f.path.endsWith('.ts') && !f.path.endsWith('.d.ts') && f.lines > 30);
    const chosen = Array.from({ length: Math.min(FILES_SAMPLED, files.length) }, () => files[Math.floor(random() * files.length)]!);
    const sites = chosen.flatMap((f) => project.store.refsOfFile(f.id).filter((r) => r.kind === 'call').slice(0, 8).map((r) => ({ file: f.path, line: r.line, col: r.col })));
    if (!sites.length) throw new Error('no TypeScript call sites found in the index');
    const run = async (name: string, args: Record<string, unknown>) => {
      const t = performance.now();
      const r = await invoke(operationNamed(name)!, project, args);
      if (!r.ok) throw r.error;
      return { ms: performance.now() - t, source: String(r.output.source) };
    };
    const first = await run('lsp_definition', sites[0]!);
    const timings: LspTiming[] = [];
    for (const [op, n] of [['lsp_definition', opts.queries], ['lsp_hover', opts.queries], ['lsp_references', Math.ceil(opts.queries / 4)]] as const) {
      const ms: number[] = [];
      let fromLsp = 0;
      // One untimed pass opens every sampled file, so the timed calls measure a warm server.
      for (const f of new Set(sites.map((s) => s.file))) await run(op, sites.find((s) => s.file === f)!);
      for (let i = 0; i < n; i++) {
        const r = await run(op, sites[i % sites.length]!);
        ms.push(r.ms);
        if (r.source === 'lsp') fromLsp++;
      }
      timings.push({ op, p50_ms: round(percentile(ms, 50)), p95_ms: round(percentile(ms, 95)), calls: n, from_lsp: fromLsp });
    }
    return {
      corpus: root, files: project.store.allFiles().length, index_ms: Math.round(indexMs),
      first_definition_ms: Math.round(first.ms), first_source: first.source, timings, rss_mb: rssMb(),
    };
  } finally {
    await project.close();
  }
}

export function printLsp(r: LspBenchResult): void {
  process.stdout.write(`Corpus ${r.corpus}: ${r.files.toLocaleString('en-US')} files, indexed in ${r.index_ms.toLocaleString('en-US')} ms\n`);
  process.stdout.write(`first lsp_definition (cold server): ${r.first_definition_ms.toLocaleString('en-US')} ms (source: ${r.first_source})\n`);
  for (const t of r.timings) process.stdout.write(`${t.op.padEnd(16)} warm p50 ${t.p50_ms} ms, p95 ${t.p95_ms} ms (${t.from_lsp}/${t.calls} from the server)\n`);
  process.stdout.write(`peak RSS of this process: ${r.rss_mb} MB (servers not included)\n`);
}
