// `dead_code`: symbols, files or directories that nothing uses, each with a confidence and reasons.
import { z } from 'zod';
import { DEAD_LEVELS, DeadItem, findDeadCode } from '../engine/analysis/dead-code.js';
import { READ_ONLY, defineOperation } from './define.js';
import { MAX_LIST, MAX_STRING, dirOrFile, pathParam } from './shared.js';

const PLURAL = { symbol: 'symbols', file: 'files', module: 'modules' } as const;

export const deadCode = defineOperation({
  name: 'dead_code',
  title: 'Unused symbols, files or directories',
  description: 'Find code nothing uses, each finding with a confidence (0..1) and its reasons. level=symbol: definitions no '
    + 'reference resolves to (same-file uses count; recursion does not); file: code files no file imports; module: '
    + 'directories none of whose files is imported from outside them. Entry points (tests, main files, manifest '
    + 'entries, framework-decorated handlers, overrides, dunder methods, `entry_points`) are never reported; exports, '
    + 'unresolved name matches, other decorators and dynamic imports lower the confidence.',
  input: z.object({
    scope: pathParam('Directory prefix to report on ("" = the whole project); references are counted from everywhere.').default(''),
    entry_points: z.array(z.string().max(MAX_STRING)).max(MAX_LIST).nullable().default(null)
      .describe('Names, qualified names, symbol ids (path#name) or paths never to report.'),
    level: z.enum(DEAD_LEVELS).default('symbol').describe('symbol, file or module.'),
    min_confidence: z.number().min(0).max(1).default(0.5).describe('Lowest confidence reported (0..1).'),
    top_n: z.number().int().min(1).max(200).default(30).describe('Maximum findings listed (1..200).'),
  }),
  output: z.object({
    level: z.enum(DEAD_LEVELS),
    scope: z.string(),
    results: z.array(DeadItem),
    total_candidates: z.number().int().describe('Findings at or above min_confidence, before the top_n cut.'),
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/dead-code' },
  async run(ctx, input) {
    const { project } = ctx;
    const scope = dirOrFile(ctx, 'scope', input.scope).path;
    const report = await findDeadCode(project, {
      scope, level: input.level, entryPoints: input.entry_points ?? [], minConfidence: input.min_confidence,
    });
    for (const n of report.notes) ctx.note(n);
    const results = report.items.slice(0, input.top_n);
    if (input.level !== 'module') ctx.cite([...new Set(results.map((r) => r.file_path))]);
    const out = { level: input.level, scope, results, total_candidates: report.items.length };
    return report.items.length > results.length
      ? { ...out, truncated: { shown: results.length, total: report.items.length, by: 'limit' as const, hint: 'Raise top_n or narrow scope.' } }
      : out;
  },
  render(out) {
    const what = PLURAL[out.level];
    if (!out.results.length) return `No dead ${what} detected${out.scope ? ` in ${out.scope}/` : ''}.`;
    const lines = [`Dead ${what} detected (${out.results.length} result${out.results.length === 1 ? '' : 's'}):`, ''];
    out.results.forEach((r, i) => {
      const head = `${String(i + 1).padStart(4)}. [${r.confidence.toFixed(2)}]`;
      if (out.level === 'module') lines.push(`${head} module ${r.file_path}/ … ${r.files ?? 0} files, ${r.symbols ?? 0} symbols`);
      else if (out.level === 'file') lines.push(`${head} file ${r.file_path}`, `      ${r.symbols ?? 0} symbols, ${r.dependencies ?? 0} dependencies`);
      else lines.push(`${head} ${r.kind} ${r.qualified_name ?? r.name}`, `      ${r.file_path}:${r.line}`);
      lines.push(`      Reason: ${r.reasons.join('; ')}`);
    });
    if (out.truncated) lines.push(`… ${out.truncated.total - out.truncated.shown} more not shown (top_n=${out.truncated.shown}); raise top_n or narrow scope.`);
    return lines.join('\n');
  },
});
