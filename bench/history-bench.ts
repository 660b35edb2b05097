// History latency benchmark: `npm run bench -- history <dir> [--queries N] [--symbols] [--json]`.
// Times code_evolution and recent_changes through the operation path: first calls (a new path or
// window each time, so git really runs) and repeats of the same calls (served from the per-HEAD
// cache, plus the live `git status` of recent_changes), as p50/p95. The files asked about are the
// ones touched most recently, which have the longest logs. `--symbols` indexes the tree first and
// adds symbol mode (`git log -L`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { loadSettings } from '../src/config.js';
import { execGit } from '../src/engine/history/git.js';
import { Project } from '../src/engine/project.js';
import { invoke } from '../src/operations/execute.js';
import { operationNamed } from '../src/operations/registry.js';
import { percentile, rng, round, rssMb } from './stats.js';

export interface HistoryTiming { label: string; first_p50_ms: number; first_p95_ms: number; cached_p50_ms: number; cached_p95_ms: number; calls: number }

export interface HistoryBenchResult { corpus: string; commits: number; timings: HistoryTiming[]; rss_mb: number }

async function git(root: string, args: string[]): Promise<string> {
  const out = await execGit(root, args);
  if (!out.ok) throw new Error(`git ${args[0]} failed: ${out.reason} ${out.stderr}`);
  return out.stdout;
}

export async function historyBench(root: string, opts: { queries: number; symbols: boolean }): Promise<HistoryBenchResult> {
  const project = Project.open(loadSettings({ project: root, data_dir: mkdtempSync(join(tmpdir(), 'cg-history-')), watch: false, log_level: 'warn' }));
  if (opts.symbols) await project.index();
  const commits = Number((await git(root, ['rev-list', '--count', 'HEAD'])).trim());
  const tracked = new Set((await git(root, ['ls-files'])).split('\n'));
  const touched = (await git(root, ['log', '--no-merges', '--relative', '--format=', '--name-only', '-n', '500'])).split('\n');
  const random = rng(11);
  const sample = <T>(xs: readonly T[]): T[] => [...xs].map((x) => ({ x, k: random() })).sort((a, b) => a.k - b.k).slice(0, opts.queries).map((e) => e.x);
  const files = sample([...new Set(touched)].filter((f) => f && tracked.has(f)));
  const dirs = sample([...new Set(files.map((f) => posix.dirname(f)))]);

  const cases: Array<[string, string, Array<Record<string, unknown>>]> = [
    ['code_evolution', 'file', files.map((path) => ({ path }))],
    ['code_evolution', 'file, since 1 year', files.map((path) => ({ path, since: '1 year ago' }))],
    ['recent_changes', 'whole project, 7..7N days', Array.from({ length: opts.queries }, (_, i) => ({ days: 7 * (i + 1) }))],
    ['recent_changes', 'directory, 90 days', dirs.map((path) => ({ days: 90, path }))],
  ];
  if (opts.symbols) {
    const symbolArgs = files.flatMap((path) => {
      const fn = project.store.symbolsOfFile(path).find((s) => s.kind === 'function' || s.kind === 'method');
      return fn ? [{ path, symbol: fn.qualified_name }] : [];
    });
    cases.push(['code_evolution', 'symbol', symbolArgs]);
  }

  const timings: HistoryTiming[] = [];
  for (const [name, label, argsList] of cases) {
    const op = operationNamed(name)!;
    const time = async (args: Record<string, unknown>): Promise<number> => {
      const t0 = performance.now();
      const r = await invoke(op, project, args);
      if (!r.ok) throw new Error(`${name} ${JSON.stringify(args)} failed: ${r.error.code} ${r.error.message}`);
      return performance.now() - t0;
    };
    const first: number[] = [];
    for (const args of argsList) first.push(await time(args));
    const cached: number[] = [];
    for (const args of argsList) cached.push(await time(args));
    timings.push({
      label: `${name} (${label})`, calls: argsList.length,
      first_p50_ms: round(percentile(first, 50)), first_p95_ms: round(percentile(first, 95)),
      cached_p50_ms: round(percentile(cached, 50), 2), cached_p95_ms: round(percentile(cached, 95), 2),
    });
  }
  await project.close();
  return { corpus: root, commits, timings, rss_mb: rssMb() };
}

export function printHistory(r: HistoryBenchResult): void {
  const out = process.stdout;
  out.write(`Corpus ${r.corpus}: ${r.commits.toLocaleString('en-US')} commits, peak RSS ${r.rss_mb} MB\n`);
  out.write(`${'operation'.padEnd(48)} ${'first p50'.padStart(11)} ${'first p95'.padStart(11)} ${'cached p50'.padStart(11)} ${'cached p95'.padStart(11)}  calls\n`);
  const cell = (v: number) => `${v.toLocaleString('en-US')} ms`.padStart(11);
  for (const t of r.timings) {
    out.write(`${t.label.padEnd(48)} ${cell(t.first_p50_ms)} ${cell(t.first_p95_ms)} ${cell(t.cached_p50_ms)} ${cell(t.cached_p95_ms)}  ${t.calls}\n`);
  }
}
