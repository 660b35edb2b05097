// `hotspots`: files and functions most likely to be hard to change — large, central, coupled,
// complex, churning — with the scoring formula stated in the result.
import { z } from 'zod';
import {
  CHURN_WINDOW_DAYS, hotspotRanking, longestFunctions, orphanFiles, TERMS_WITH_CHURN, TERMS_WITHOUT_CHURN,
} from '../engine/analysis/hotspots.js';
import { entryPoints } from '../engine/analysis/entry-points.js';
import { metricTable } from '../engine/analysis/metrics.js';
import { READ_ONLY, defineOperation } from './define.js';

const FUNCTIONS_SHOWN = 10;
const ORPHANS_SHOWN = 10;

const LABELS: Record<string, string> = {
  lines: 'lines', symbols: 'symbols', fan_in: 'fan-in', fan_out: 'fan-out', density: 'density', max_complexity: 'complexity', churn: 'churn',
};

export const hotspots = defineOperation({
  name: 'hotspots',
  title: 'Hotspot files and functions',
  description: 'Rank files by a composite of percentile ranks of size, symbol count, fan-in, fan-out, density, maximum '
    + 'function complexity and git churn over the last 90 days (the formula in use is stated), with categories '
    + '(god-file, hub, coupling-magnet, wide-api, churn-hotspot, complex), the longest functions and orphan files.',
  input: z.object({
    top_n: z.number().int().min(1).max(200).default(15).describe('Number of files listed (1..200).'),
  }),
  output: z.object({
    file_hotspots: z.array(z.object({
      path: z.string(), line_count: z.number().int(), symbol_count: z.number().int(), public_symbols: z.number().int(),
      fan_in: z.number().int(), fan_out: z.number().int(), density: z.number(), churn: z.number().optional(),
      max_complexity: z.number().int(), composite: z.number(), categories: z.array(z.string()),
    })),
    function_hotspots: z.array(z.object({
      file_path: z.string(), name: z.string(), line: z.number().int(), line_count: z.number().int(), param_count: z.number().int(),
      complexity: z.number().int(), is_public: z.boolean(), has_return_type: z.boolean(), score: z.number(),
    })),
    orphan_files: z.array(z.object({ path: z.string(), line_count: z.number().int(), symbol_count: z.number().int() })),
    orphan_total: z.number().int(),
    churn_available: z.boolean(),
    formula: z.object({
      terms: z.array(z.object({ metric: z.string(), weight: z.number() })),
      ranking: z.string(),
      churn_window_days: z.number().int().optional(),
    }),
    thresholds: z.object({
      lines: z.number(), symbols: z.number(), fan_in: z.number(), fan_out: z.number(), public_symbols: z.number(), max_complexity: z.number(),
    }),
    /** Files ranked (non-config code files with lines). */
    total_files: z.number().int(),
    discovered_files: z.number().int(),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/hotspots' },
  async run(ctx, { top_n }) {
    const { project } = ctx;
    const { ranked, limits, churn_unavailable: noChurn } = await hotspotRanking(project);
    if (noChurn) ctx.note(`Churn unavailable (${noChurn}): scored without git history, with the no-churn weights.`);
    const churn = !noChurn;
    const shown = ranked.slice(0, top_n);
    const orphans = orphanFiles(metricTable(project), new Set(entryPoints(project).map((e) => e.path)));
    const functions = longestFunctions(project, FUNCTIONS_SHOWN);
    ctx.cite([...shown.map((f) => f.path), ...functions.map((f) => f.file_path)]);
    const out = {
      file_hotspots: shown.map((f) => ({
        path: f.path, line_count: f.lines, symbol_count: f.symbols, public_symbols: f.public_symbols, fan_in: f.fan_in,
        fan_out: f.fan_out, density: f.density, ...(f.churn !== undefined ? { churn: f.churn } : {}),
        max_complexity: f.max_complexity, composite: f.composite, categories: f.categories,
      })),
      function_hotspots: functions.map((f) => ({
        file_path: f.file_path, name: f.name, line: f.line, line_count: f.line_count, param_count: f.param_count,
        complexity: f.complexity, is_public: f.is_public, has_return_type: f.has_return_type, score: f.score,
      })),
      orphan_files: orphans.slice(0, ORPHANS_SHOWN).map((f) => ({ path: f.path, line_count: f.lines, symbol_count: f.symbols })),
      orphan_total: orphans.length,
      churn_available: churn,
      formula: {
        terms: [...(churn ? TERMS_WITH_CHURN : TERMS_WITHOUT_CHURN)],
        ranking: 'each metric as a percentile rank in [0, 1] over the analysed files (ties share their average rank)',
        ...(churn ? { churn_window_days: CHURN_WINDOW_DAYS } : {}),
      },
      thresholds: limits,
      total_files: ranked.length,
      discovered_files: project.graph().files.size,
    };
    return ranked.length > shown.length
      ? { ...out, truncated: { shown: shown.length, total: ranked.length, by: 'limit' as const, hint: 'Raise top_n to see more files.' } }
      : out;
  },
  render(out) {
    if (!out.discovered_files) return 'No files discovered in this project.';
    if (!out.total_files) return 'No analyzable files found.';
    const terms = out.formula.terms.map((t) => `${t.weight.toFixed(2)}×${LABELS[t.metric] ?? t.metric}`).join(' + ');
    const t = out.thresholds;
    const lines = [
      `Score = ${terms} (percentile ranks${out.churn_available ? `; churn over the last ${out.formula.churn_window_days} days` : '; no git history, churn left out'})`,
      `Categories: god-file ≥${t.lines} lines & ≥${t.symbols} symbols, hub fan-in ≥${t.fan_in}, coupling-magnet fan-out ≥${t.fan_out}, `
        + `wide-api ≥${t.public_symbols} public, complex ≥${t.max_complexity}${out.churn_available ? ', churn-hotspot churn rank ≥0.9' : ''}`,
      `Top ${out.file_hotspots.length} hotspots by complexity/coupling:`,
      '',
    ];
    out.file_hotspots.forEach((f, i) => {
      lines.push(`  ${String(i + 1).padStart(2)}. ${f.path}`);
      const churn = f.churn !== undefined ? `, churn=${f.churn.toFixed(2)}` : '';
      lines.push(`      ${f.line_count} lines, ${f.symbol_count} symbols, pub=${f.public_symbols}, fan-in=${f.fan_in}, fan-out=${f.fan_out}, `
        + `density=${f.density.toFixed(1)}%, complexity=${f.max_complexity}${churn}, score=${f.composite.toFixed(3)}`
        + `${f.categories.length ? `  [${f.categories.join(', ')}]` : ''}`);
    });
    if (out.truncated) lines.push(`  … ${out.truncated.total - out.truncated.shown} more files not shown (top_n=${out.truncated.shown}); raise top_n.`);
    if (out.function_hotspots.length) {
      lines.push('', 'Longest functions:');
      out.function_hotspots.forEach((f, i) => {
        lines.push(`  ${String(i + 1).padStart(2)}. ${f.name} — ${f.line_count} lines, ${f.param_count} params, complexity ${f.complexity}`
          + `${f.is_public ? '' : ' (private)'}${f.has_return_type ? '' : ' [no return type]'}`);
        lines.push(`      ${f.file_path}:${f.line}`);
      });
    }
    if (out.orphan_total) {
      lines.push('', `Orphan files (no imports/importers, ${out.orphan_total} found):`);
      for (const o of out.orphan_files) lines.push(`  ${o.path} (${o.line_count} lines, ${o.symbol_count} symbols)`);
      if (out.orphan_total > out.orphan_files.length) lines.push(`  ... and ${out.orphan_total - out.orphan_files.length} more`);
    }
    return lines.join('\n');
  },
});
