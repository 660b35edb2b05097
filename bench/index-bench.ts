// The indexing benchmark. Each measured phase runs in a fresh child process (so peak RSS and
// cold start are honest); the parent prints a table and, in the same run, times Universal Ctags
// on the same tree and the parse-only floor (the same files through the same worker pool, with
// nothing extracted or stored).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings } from '../src/config.js';
import { discover } from '../src/engine/discover/discover.js';
import { ParserPool } from '../src/engine/parse/pool.js';
import { Project } from '../src/engine/project.js';
import { invoke } from '../src/operations/execute.js';
import { operationNamed } from '../src/operations/registry.js';
import { percentile, rng, round, rssMb } from './stats.js';

export interface PhaseResult { [key: string]: number | string | undefined }

function settingsFor(root: string, dataDir: string, workers?: number) {
  return loadSettings({ project: root, data_dir: dataDir, watch: false, log_level: 'warn', ...(workers ? { workers } : {}) });
}

/** Parse-only floor: discovery, then every file through the worker pool, trees deleted unread. */
export async function phaseFloor(root: string, workers?: number): Promise<PhaseResult> {
  const settings = settingsFor(root, mkdtempSync(join(tmpdir(), 'cg-floor-')), workers);
  const started = performance.now();
  const d = await discover(root, { maxFileSize: settings.max_file_size, maxFiles: settings.max_files });
  const pool = new ParserPool(settings.workers, settings.max_file_size);
  await pool.run(d.files.map((f) => ({ path: f.path, abs: join(root, f.path), ...(f.language ? { language: f.language } : {}) })), () => undefined, true);
  const ms = performance.now() - started;
  await pool.close();
  return { floor_ms: Math.round(ms), floor_rss_mb: rssMb() };
}

export async function phaseCold(root: string, dataDir: string, workers?: number): Promise<PhaseResult> {
  const started = performance.now();
  const project = Project.open(settingsFor(root, dataDir, workers));
  const res = await project.index();
  const ms = performance.now() - started;
  const files = project.store.allFiles();
  const bytes = files.reduce((a, f) => a + f.size, 0);
  const counts = project.store.counts();
  await project.close();
  return {
    files: files.length, bytes, symbols: counts.symbols, edges: counts.edges,
    cold_ms: Math.round(ms), parse_phase_ms: Math.round(res.parseMs), resolve_ms: Math.round(res.resolveMs),
    files_per_s: round(files.length / (ms / 1000)), mb_per_s: round(bytes / 1e6 / (ms / 1000), 2), cold_rss_mb: rssMb(),
  };
}

/** Warm restart with no changes, then edit-to-visible latency and query latencies in that process. */
export async function phaseWarm(root: string, dataDir: string, queries: number, workers?: number): Promise<PhaseResult> {
  const started = performance.now();
  const project = Project.open(settingsFor(root, dataDir, workers));
  const res = await project.index();
  const warmMs = performance.now() - started;
  if (res.created.length || res.updated.length) throw new Error(`warm restart re-indexed ${res.created.length + res.updated.length} files`);

  const parsed = project.store.allFiles().filter((f) => f.status === 'ok');
  const larger = parsed.filter((f) => f.lines > 20);
  const files = larger.length ? larger : parsed;
  if (!files.length) throw new Error('no parsed files to measure');
  const random = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: PhaseResult = { warm_ms: Math.round(warmMs) };
  await project.warmUp(); // as a serving process does once it watches for changes

  // Edit-to-visible: append a new function to a file, notify, and look the new name up.
  const target = pick(files);
  const abs = join(root, target.path);
  const original = readFileSync(abs);
  const edits: number[] = [];
  try {
    for (let i = 0; i < 10; i++) {
      const name = `cartographBenchProbe${i}`;
      const t0 = performance.now();
      writeFileSync(abs, Buffer.concat([original, Buffer.from(probeFor(target.language ?? '', name))]));
      await project.notify([target.path]);
      const found = await invoke(operationNamed('search_symbols')!, project, { name, limit: 1 });
      if (!found.ok || !(found.output.results as unknown[]).length) throw new Error(`edit not visible in ${target.path}`);
      edits.push(performance.now() - t0);
    }
  } finally {
    writeFileSync(abs, original);
    await project.notify([target.path]);
  }
  out.edit_file = target.path;
  out.edit_p50_ms = round(percentile(edits, 50));
  out.edit_p95_ms = round(percentile(edits, 95));

  const { names } = project.symbols().names();
  const samples: Record<string, () => Record<string, unknown>> = {
    search_symbols: () => {
      const n = pick(names);
      return { name: random() < 0.5 ? n : n.slice(0, Math.max(3, Math.ceil(n.length / 2))), limit: 30 };
    },
    dependencies: () => ({ path: pick(files).path }),
    impact_analysis: () => ({ changed_files: [pick(files).path], limit: 200 }),
  };
  for (const [op, args] of Object.entries(samples)) {
    const operation = operationNamed(op)!;
    for (let i = 0; i < 20; i++) await invoke(operation, project, args()); // warm caches
    const times: number[] = [];
    for (let i = 0; i < queries; i++) {
      const a = args();
      const t0 = performance.now();
      const r = await invoke(operation, project, a);
      times.push(performance.now() - t0);
      if (!r.ok && r.error.code !== 'not_found') throw new Error(`${op} failed: ${r.error.message}`);
    }
    out[`${op}_p50_ms`] = round(percentile(times, 50), 2);
    out[`${op}_p95_ms`] = round(percentile(times, 95), 2);
  }
  out.warm_rss_mb = rssMb();
  await project.close();
  return out;
}

function probeFor(language: string, name: string): string {
  switch (language) {
    case 'python': return `\n\ndef ${name}():\n    return 1\n`;
    case 'go': return `\n\nfunc ${name}() int { return 1 }\n`;
    case 'rust': return `\n\nfn ${name}() -> i32 { 1 }\n`;
    case 'java': case 'csharp': case 'kotlin': case 'scala': case 'php': case 'swift':
      return `\n\nclass ${name} {}\n`;
    case 'c': case 'cpp': return `\n\nint ${name}(void) { return 1; }\n`;
    case 'ruby': return `\n\ndef ${name}\n  1\nend\n`;
    case 'lua': return `\n\nfunction ${name}() return 1 end\n`;
    case 'bash': return `\n\n${name}() { echo 1; }\n`;
    default: return `\n\nexport function ${name}() { return 1; }\n`;
  }
}

/** Universal Ctags on the same tree, timed in this process tree. */
function ctags(root: string): PhaseResult {
  const time = existsSync('/usr/bin/time');
  // A real tag file: ctags fails on large trees when it has to truncate /dev/null.
  const tagDir = mkdtempSync(join(tmpdir(), 'cg-ctags-'));
  const started = performance.now();
  const args = ['-R', '-f', join(tagDir, 'tags'), root];
  const r = time ? spawnSync('/usr/bin/time', ['-f', '%M', 'ctags', ...args], { encoding: 'utf8' }) : spawnSync('ctags', args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  rmSync(tagDir, { recursive: true, force: true });
  if (r.error || r.status !== 0) return { ctags: r.error ? 'unavailable (install universal-ctags)' : `failed: ${r.stderr.trim().split('\n')[0]}` };
  const kb = time ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ctags_ms: Math.round(ms), ...(Number.isFinite(kb) ? { ctags_rss_mb: Math.round(kb / 1024) } : {}) };
}

function runPhase(args: string[]): PhaseResult {
  const script = fileURLToPath(new URL('./run.js', import.meta.url));
  const out = execFileSync(process.execPath, [script, '__phase', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

export async function indexBench(dirArg: string, opts: { queries: number; workers?: number; ctags: boolean }): Promise<PhaseResult> {
  const root = resolve(dirArg);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`Not a directory: ${root}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-bench-'));
  const w = opts.workers ? [String(opts.workers)] : [];
  try {
    const floor = runPhase(['floor', root, ...w]);
    const cold = runPhase(['cold', root, dataDir, ...w]);
    const warm = runPhase(['warm', root, dataDir, String(opts.queries), ...w]);
    const tags = opts.ctags ? ctags(root) : {};
    const result: PhaseResult = { corpus: root, ...cold, ...floor, ...warm, ...tags };
    result.cold_vs_floor = round(Number(cold.cold_ms) / Number(floor.floor_ms), 2);
    if (typeof tags.ctags_ms === 'number') result.cold_vs_ctags = round(Number(cold.cold_ms) / tags.ctags_ms, 2);
    return result;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runPhaseCommand(args: string[]): Promise<PhaseResult> {
  const [phase, root, a, b] = args;
  if (!root) throw new Error('missing root');
  if (phase === 'floor') return phaseFloor(root, a ? Number(a) : undefined);
  if (phase === 'cold') return phaseCold(root, a!, b ? Number(b) : undefined);
  if (phase === 'warm') return phaseWarm(root, a!, Number(b), args[4] ? Number(args[4]) : undefined);
  throw new Error(`unknown phase ${phase}`);
}
