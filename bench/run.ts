// Benchmark entry point: `npm run bench -- index <dir> [--queries N] [--workers N] [--no-ctags] [--json]`
// and `npm run bench -- ops <dir> [--data-dir D] [--queries N] [--only a,b] [--json]`
// and `npm run bench -- history <dir> [--queries N] [--symbols] [--json]`
// and `npm run bench -- memory [--learnings N] [--queries N] [--json]`
// and `npm run bench -- lsp <dir> [--data-dir D] [--queries N] [--json]`
// and `npm run bench -- search <dir> [--max-cases N] [--ollama HOST --model M | --onnx-dir D --model M] [--json]`
// and `npm run bench -- http <dir> [--clients 16] [--duration-s 20] [--soak-s 0] [--projects 4] [--json]`.
// Prints figures; never asserts a time. Results worth keeping go to docs/benchmarks.md.
import { cpus, totalmem } from 'node:os';
import { indexBench, runPhaseCommand, type PhaseResult } from './index-bench.js';
import { historyBench, printHistory } from './history-bench.js';
import { httpBench, printHttp } from './http-bench.js';
import { lspBench, printLsp } from './lsp-bench.js';
import { memoryBench, printMemory } from './memory-bench.js';
import { opsBench, printOps } from './ops-bench.js';
import { printSearch, searchBench } from './search-bench.js';

const LABELS: Array<[string, string]> = [
  ['corpus', 'corpus'], ['files', 'files'], ['bytes', 'bytes'], ['symbols', 'symbols'], ['edges', 'import edges'],
  ['cold_ms', 'cold index (ms)'], ['parse_phase_ms', '  of which parse+store (ms)'], ['resolve_ms', '  of which resolve (ms)'],
  ['files_per_s', 'files/s'], ['mb_per_s', 'MB/s'], ['cold_rss_mb', 'peak RSS, cold (MB)'],
  ['floor_ms', 'parse-only floor (ms)'], ['cold_vs_floor', 'cold / floor'],
  ['ctags_ms', 'ctags -R (ms)'], ['ctags_rss_mb', 'ctags peak RSS (MB)'], ['cold_vs_ctags', 'cold / ctags'],
  ['warm_ms', 'warm restart, no changes (ms)'], ['edit_file', 'edited file'],
  ['edit_p50_ms', 'edit-to-visible p50 (ms)'], ['edit_p95_ms', 'edit-to-visible p95 (ms)'],
  ['search_symbols_p50_ms', 'search_symbols p50 (ms)'], ['search_symbols_p95_ms', 'search_symbols p95 (ms)'],
  ['dependencies_p50_ms', 'dependencies p50 (ms)'], ['dependencies_p95_ms', 'dependencies p95 (ms)'],
  ['impact_analysis_p50_ms', 'impact_analysis p50 (ms)'], ['impact_analysis_p95_ms', 'impact_analysis p95 (ms)'],
  ['warm_rss_mb', 'peak RSS, warm + queries (MB)'], ['ctags', 'ctags'],
];

function print(result: PhaseResult): void {
  const width = Math.max(...LABELS.map(([, l]) => l.length));
  process.stdout.write(`Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}\n`);
  for (const [key, label] of LABELS) {
    const v = result[key];
    if (v !== undefined) process.stdout.write(`${label.padEnd(width)}  ${typeof v === 'number' ? v.toLocaleString('en-US') : v}\n`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === '__phase') {
    process.stdout.write(`${JSON.stringify(await runPhaseCommand(rest))}\n`);
    return;
  }
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const next = rest[i + 1];
    if (next !== undefined && !next.startsWith('--')) { flags.set(a.slice(2), next); i++; } else flags.set(a.slice(2), true);
  }
  if (command === 'index' && positional[0]) {
    const result = await indexBench(positional[0], {
      queries: Number(flags.get('queries') ?? 200),
      ...(flags.has('workers') ? { workers: Number(flags.get('workers')) } : {}),
      ctags: !flags.has('no-ctags'),
    });
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else print(result);
    return;
  }
  if (command === 'ops' && positional[0]) {
    const dataDir = flags.get('data-dir');
    const only = flags.get('only');
    const result = await opsBench(positional[0], {
      queries: Number(flags.get('queries') ?? 20),
      ...(typeof dataDir === 'string' ? { dataDir } : {}),
      ...(typeof only === 'string' ? { only: only.split(',') } : {}),
    });
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printOps(result);
    return;
  }
  if (command === 'history' && positional[0]) {
    const result = await historyBench(positional[0], { queries: Number(flags.get('queries') ?? 20), symbols: flags.has('symbols') });
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printHistory(result);
    return;
  }
  if (command === 'lsp' && positional[0]) {
    const dataDir = flags.get('data-dir');
    const result = await lspBench(positional[0], { queries: Number(flags.get('queries') ?? 40), ...(typeof dataDir === 'string' ? { dataDir } : {}) });
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printLsp(result);
    return;
  }
  if (command === 'search' && positional[0]) {
    const str = (k: string) => { const v = flags.get(k); return typeof v === 'string' ? v : undefined; };
    const provider = str('ollama') || str('onnx-dir') ? { ollama: str('ollama'), onnxDir: str('onnx-dir'), model: str('model') } : undefined;
    const result = await searchBench(positional[0], { maxCases: Number(flags.get('max-cases') ?? 200), ...(provider ? { provider } : {}) });
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printSearch(result);
    return;
  }
  if (command === 'http' && positional[0]) {
    const result = await httpBench(positional[0], {
      clients: Number(flags.get('clients') ?? 16), durationS: Number(flags.get('duration-s') ?? 20),
      soakS: Number(flags.get('soak-s') ?? 0), projects: Number(flags.get('projects') ?? 4),
    });
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printHttp(result);
    return;
  }
  if (command === 'memory') {
    const result = await memoryBench({ learnings: Number(flags.get('learnings') ?? 10_000), queries: Number(flags.get('queries') ?? 200) });
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printMemory(result);
    return;
  }
  process.stderr.write('Usage: npm run bench -- index <dir> [--queries N] [--workers N] [--no-ctags] [--json]\n'
    + '       npm run bench -- ops <dir> [--data-dir D] [--queries N] [--only op1,op2] [--json]\n'
    + '       npm run bench -- history <dir> [--queries N] [--symbols] [--json]\n'
    + '       npm run bench -- memory [--learnings N] [--queries N] [--json]\n'
    + '       npm run bench -- lsp <dir> [--data-dir D] [--queries N] [--json]\n'
    + '       npm run bench -- search <dir> [--max-cases N] [--ollama HOST --model M | --onnx-dir D --model M] [--json]\n'
    + '       npm run bench -- http <dir> [--clients 16] [--duration-s 20] [--soak-s 0] [--projects 4] [--json]\n');
  process.exitCode = 2;
}

// Exit explicitly: a failed phase may leave parser workers running.
main(process.argv.slice(2)).then(() => process.exit(), (err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
