// `lsp_diagnostics`: errors and warnings of one file from the language server of its language
// (the document is opened first, so servers that report only on open files answer), or the syntax
// errors of its tree when no server can.
import { z } from 'zod';
import { syntaxDiagnostics } from '../engine/lsp/fallback.js';
import { READ_ONLY, defineOperation } from './define.js';
import { Source, fileParams, lspOrIndex, lspTarget } from './lsp-shared.js';

const Severity = z.enum(['error', 'warning', 'information', 'hint']);
const RANK: Record<z.infer<typeof Severity>, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export const lspDiagnostics = defineOperation({
  name: 'lsp_diagnostics',
  title: 'Errors and warnings of a file',
  description: 'Compiler and linter diagnostics of one file from a language server (type errors, unresolved imports…), '
    + 'sorted by severity, line and column; else its syntax errors from the index\'s parser. Lines and columns are 1-based.',
  input: z.object({
    ...fileParams,
    limit: z.number().int().min(1).max(1000).default(30).describe('Maximum diagnostics listed.'),
  }),
  output: z.object({
    file: z.string(),
    diagnostics: z.array(z.object({
      severity: Severity,
      source: z.string().describe('The tool that reported it, e.g. typescript or pyright.'),
      code: z.string().optional(),
      line: z.number().int(),
      col: z.number().int(),
      end_line: z.number().int(),
      end_col: z.number().int(),
      message: z.string(),
    })),
    total: z.number().int(),
    source: Source,
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/lsp/diagnostics' },
  async run(ctx, input) {
    const target = await lspTarget(ctx, input);
    const answer = await ctx.project.lsp().diagnostics(target.path, target.text, ctx.signal);
    const { value, source } = await lspOrIndex(ctx, target, input.allow_fallback, answer, () => syntaxDiagnostics(target.language, target.text));
    const all = [...value].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.col - b.col
      || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
    const diagnostics = all.slice(0, input.limit);
    const out = { file: target.path, diagnostics, total: all.length, source };
    return all.length > diagnostics.length
      ? { ...out, truncated: { shown: diagnostics.length, total: all.length, by: 'limit' as const, hint: 'Raise limit to see every diagnostic.' } }
      : out;
  },
  render(out) {
    if (!out.total) return `No diagnostics for ${out.file} (source: ${out.source}).`;
    const lines = [`Diagnostics (${out.total}, source: ${out.source}):`];
    for (const d of out.diagnostics) {
      lines.push(`  [${d.severity}] [${d.source}]${d.code ? ` (${d.code})` : ''} L${d.line}:${d.col}: ${d.message.replace(/\s*\n\s*/g, ' ')}`);
    }
    if (out.total > out.diagnostics.length) lines.push(`... and ${out.total - out.diagnostics.length} more (limit=${out.diagnostics.length}); raise limit.`);
    return lines.join('\n');
  },
});
