// `evaluate_search` (spec §12): how well semantic search finds this repository's code, measured on
// questions mined from its own git history or on a user-written query file. The engine is in
// src/engine/search/evaluate.ts (mining rules and metric definitions are documented there).
import { z } from 'zod';
import { EVAL_MODES, evaluateSearch } from '../engine/search/evaluate.js';
import { READ_ONLY, defineOperation } from './define.js';
import { pathParam } from './shared.js';

const Metrics = {
  mrr: z.number(),
  recall_at_5: z.number(),
  recall_at_k: z.number(),
  hit_at_5: z.number(),
};

const fixed = (x: number) => x.toFixed(3);

export const evaluateSearchOp = defineOperation({
  name: 'evaluate_search',
  title: 'Measure search quality on this repository',
  description: 'Measure semantic_search on this repository: questions are mined from git history (commit subject → the code '
    + 'files it changed; merges, reverts, huge, formatting-only and release commits skipped) or read from a query file '
    + '(JSON array or JSON Lines of {query, files?, ranges?: [{path, start_line, end_line}]}). Reports MRR@k, Recall@5, '
    + 'Recall@k and Hit@5 with p50/p95 latency for keyword search, and for vector and hybrid search when an embedding '
    + 'provider is configured, plus the hybrid fusion weight that scores best. Read-only; large runs may need a longer deadline_ms.',
  input: z.object({
    query_file: pathParam('A query file inside the project (JSON or JSONL); without it, cases come from git history.').optional(),
    max_cases: z.number().int().min(1).max(2000).default(200).describe('Cases to run: the newest mined ones, or the first of the query file.'),
    max_files_per_commit: z.number().int().min(1).max(100).default(10).describe('Commits changing more files than this are skipped.'),
    modes: z.array(z.enum(EVAL_MODES)).max(3).optional().describe('Modes to measure; default every available one (vector and hybrid need a provider).'),
    top_k: z.number().int().min(1).max(30).default(10).describe('k of MRR@k and Recall@k.'),
  }),
  output: z.object({
    source: z.enum(['git_history', 'query_file']),
    k: z.number().int(),
    cases: z.number().int(),
    skipped: z.record(z.string(), z.number().int()),
    commits_scanned: z.number().int().optional(),
    vector_available: z.boolean(),
    modes: z.array(z.object({
      mode: z.enum(EVAL_MODES),
      cases: z.number().int(),
      ...Metrics,
      p50_ms: z.number(),
      p95_ms: z.number(),
      fell_back: z.number().int().optional(),
    })),
    sweep: z.object({
      points: z.array(z.object({ keyword_weight: z.number(), ...Metrics })),
      best_weight: z.number(),
    }).optional(),
    examples: z.array(z.object({
      query: z.string(),
      expected: z.array(z.string()),
      commit: z.string().optional(),
      rank: z.record(z.string(), z.number().int().nullable()),
    })),
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/evaluate-search' },
  async run(ctx, input) {
    const { notes, ...report } = await evaluateSearch(ctx.project, {
      maxCases: input.max_cases,
      maxFilesPerCommit: input.max_files_per_commit,
      k: input.top_k,
      signal: ctx.signal,
      ...(input.query_file !== undefined ? { queryFile: input.query_file } : {}),
      ...(input.modes ? { modes: input.modes } : {}),
    });
    for (const n of notes) ctx.note(n);
    return report;
  },
  render(out) {
    const skippedTotal = Object.values(out.skipped).reduce((a, b) => a + b, 0);
    const origin = out.source === 'git_history'
      ? `from git history (${out.commits_scanned ?? 0} commit${out.commits_scanned === 1 ? '' : 's'} examined, ${skippedTotal} skipped)`
      : `from the query file${skippedTotal ? ` (${skippedTotal} skipped)` : ''}`;
    const lines = [`Search evaluation: ${out.cases} case${out.cases === 1 ? '' : 's'} ${origin}, k=${out.k}`];
    if (out.cases && out.modes.length) {
      const k = out.k;
      lines.push(`  ${'mode'.padEnd(8)} ${`MRR@${k}`.padStart(7)} ${'R@5'.padStart(6)} ${`R@${k}`.padStart(6)} ${'Hit@5'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
      for (const m of out.modes) {
        lines.push(`  ${m.mode.padEnd(8)} ${fixed(m.mrr).padStart(7)} ${fixed(m.recall_at_5).padStart(6)} ${fixed(m.recall_at_k).padStart(6)} `
          + `${fixed(m.hit_at_5).padStart(6)} ${m.p50_ms.toFixed(1).padStart(8)} ${m.p95_ms.toFixed(1).padStart(8)}`);
      }
    }
    if (out.sweep) {
      lines.push(`  Fusion sweep (keyword weight → MRR@${out.k}): ${out.sweep.points.map((p) => `${p.keyword_weight} → ${fixed(p.mrr)}`).join(', ')}`);
      lines.push(`  Best keyword weight on this repository: ${out.sweep.best_weight}`);
    }
    const reasons = Object.entries(out.skipped).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (reasons.length) lines.push(`  Skipped: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
    if (out.examples.length) {
      lines.push('  Examples:');
      for (const e of out.examples) {
        const ranks = Object.entries(e.rank).map(([m, r]) => `${m} ${r === null ? 'miss' : `#${r}`}`).join(', ');
        const expected = `${e.expected.slice(0, 3).join(', ')}${e.expected.length > 3 ? ` +${e.expected.length - 3} more` : ''}`;
        lines.push(`    "${e.query}" → ${expected}${e.commit ? ` (${e.commit})` : ''}${ranks ? ` [${ranks}]` : ''}`);
      }
    }
    return lines.join('\n');
  },
});
