// Operation latency benchmark: `npm run bench -- ops <dir> [--data-dir D] [--queries N]`.
// Indexes the tree (or reuses the index in --data-dir), warms the project as a server does, then
// times every analysis operation: the first call (which computes per-generation caches) and warm
// p50/p95 over N calls with varied arguments, plus the first call after an edit.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { loadSettings } from '../src/config.js';
import { Project } from '../src/engine/project.js';
import { invoke } from '../src/operations/execute.js';
import { operationNamed } from '../src/operations/registry.js';
import { percentile, rng, round, rssMb } from './stats.js';

export interface OpTiming { op: string; label: string; first_ms: number; p50_ms: number; p95_ms: number; after_edit_ms?: number; calls: number }

export interface OpsBenchResult { corpus: string; files: number; index_ms: number; timings: OpTiming[]; rss_mb: number }

type ArgsFor = () => Record<string, unknown>;

export async function opsBench(root: string, opts: { dataDir?: string; queries: number; only?: string[] }): Promise<OpsBenchResult> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'cg-ops-'));
  const project = Project.open(loadSettings({ project: root, data_dir: dataDir, watch: false, log_level: 'warn' }));
  const started = performance.now();
  await project.index();
  const indexMs = performance.now() - started;
  await project.warmUp();

  const graph = project.graph();
  const parsed = project.store.allFiles().filter((f) => f.status === 'ok' && f.lines > 20);
  const central = [...parsed].sort((a, b) => graph.importers(b.path).length - graph.importers(a.path).length || a.path.localeCompare(b.path));
  const random = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * Math.min(xs.length, 500))]!;
  const dirs = [...new Set(parsed.map((f) => posix.dirname(f.path)).filter((d) => d !== '.'))].sort();
  const words = ['parse', 'stream', 'security', 'cache', 'thread', 'format', 'socket', 'config'];

  const cases: Array<[string, string, ArgsFor]> = [
    ['repo_map', 'default', () => ({})],
    ['repo_map', 'dir', () => ({ path: pick(dirs) })],
    ['project_summary', 'default', () => ({})],
    ['bootstrap', 'no hint', () => ({})],
    ['bootstrap', 'hint', () => ({ task_hint: `fix ${pick(words)} handling` })],
    ['explore_codebase', 'dir', () => ({ path: pick(dirs) })],
    ['hotspots', 'default', () => ({})],
    ['conventions', 'default', () => ({})],
    ['dead_code', 'symbol', () => ({})],
    ['dead_code', 'file', () => ({ level: 'file' })],
    ['dead_code', 'module', () => ({ level: 'module' })],
    ['distill', 'signatures', () => ({ files: [pick(central).path] })],
    ['find_related', 'file', () => ({ file: pick(central).path })],
    ['community_detection', 'default', () => ({})],
    ['relevant_context', 'file', () => ({ files: [pick(central).path] })],
    ['graph_dsl', 'two hops', () => ({ query: `MATCH "${pick(central).path}" <-[IMPORTS*..2]- x RETURN x, x.fan_in ORDER BY x.fan_in DESC` })],
    ['graph_dsl', 'count', () => ({ query: 'MATCH a -[IMPORTS]-> b WHERE b.fan_in > 20 RETURN COUNT' })],
    ['security_scan', 'full', () => ({})],
    ['search_symbols', 'name', () => ({ name: pick(words) })],
    ['dependencies', 'file', () => ({ path: pick(central).path })],
  ];
  const heavy = new Set(['security_scan', 'conventions', 'community_detection', 'hotspots', 'project_summary']);

  const timings: OpTiming[] = [];
  for (const [name, label, args] of cases) {
    if (opts.only && !opts.only.includes(name)) continue;
    const op = operationNamed(name);
    if (!op) continue;
    const call = async (a: Record<string, unknown>): Promise<number> => {
      const t0 = performance.now();
      const r = await invoke(op, project, a);
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`${name} ${JSON.stringify(a)} failed: ${r.error.code} ${r.error.message}`);
      return ms;
    };
    const first = await call(args());
    const n = heavy.has(name) ? Math.min(opts.queries, 5) : opts.queries;
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await call(args()));
    timings.push({ op: name, label, first_ms: round(first), p50_ms: round(percentile(times, 50), 2), p95_ms: round(percentile(times, 95), 2), calls: n });
  }

  // First call after an edit: per-generation caches are recomputed once.
  const target = central[0];
  if (target) {
    const abs = join(root, target.path);
    const original = readFileSync(abs);
    try {
      writeFileSync(abs, Buffer.concat([original, Buffer.from('\n')]));
      await project.notify([target.path]);
      for (const t of timings.filter((x) => x.label === 'default' || x.label === 'symbol')) {
        const t0 = performance.now();
        await invoke(operationNamed(t.op)!, project, {});
        t.after_edit_ms = round(performance.now() - t0);
      }
    } finally {
      writeFileSync(abs, original);
      await project.notify([target.path]);
    }
  }

  const result = { corpus: root, files: project.store.allFiles().length, index_ms: Math.round(indexMs), timings, rss_mb: rssMb() };
  await project.close();
  return result;
}

export function printOps(r: OpsBenchResult): void {
  const out = process.stdout;
  out.write(`Corpus ${r.corpus}: ${r.files.toLocaleString('en-US')} files, index/open ${r.index_ms.toLocaleString('en-US')} ms, peak RSS ${r.rss_mb} MB\n`);
  out.write(`${'operation'.padEnd(34)} ${'first'.padStart(9)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'after edit'.padStart(11)}  calls\n`);
  for (const t of r.timings) {
    const cell = (v: number | undefined) => (v === undefined ? '' : `${v.toLocaleString('en-US')} ms`).padStart(9);
    out.write(`${`${t.op} (${t.label})`.padEnd(34)} ${cell(t.first_ms)} ${cell(t.p50_ms)} ${cell(t.p95_ms)} ${cell(t.after_edit_ms).padStart(11)}  ${t.calls}\n`);
  }
}
