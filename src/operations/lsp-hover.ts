// `lsp_hover`: the type and documentation of the symbol at a position, from the language server of
// the file's language, or from the bound definition's signature and doc line in the index.
import { z } from 'zod';
import { indexHover, indexTarget } from '../engine/lsp/fallback.js';
import type { Hover } from '../engine/lsp/pool.js';
import { READ_ONLY, defineOperation } from './define.js';
import { POSITION_NOTE, Source, lspOrIndex, lspTarget, positionParams } from './lsp-shared.js';

export const lspHover = defineOperation({
  name: 'lsp_hover',
  title: 'Type and documentation at a position',
  description: 'Type information and documentation (Markdown) of the symbol at a file position, from a language server, '
    + `else the signature and doc of its definition from the index. ${POSITION_NOTE}`,
  input: z.object(positionParams),
  output: z.object({
    content: z.string().nullable().describe('Markdown, at most 4,000 characters; null when there is nothing to show.'),
    file: z.string(),
    line: z.number().int(),
    col: z.number().int(),
    range: z.object({ line: z.number().int(), col: z.number().int(), end_line: z.number().int(), end_col: z.number().int() }).optional(),
    source: Source,
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/lsp/hover' },
  async run(ctx, input) {
    const target = await lspTarget(ctx, input);
    const at = { line: input.line, col: input.col };
    const answer = await ctx.project.lsp().hover(target.path, target.text, at, ctx.signal);
    const { value, source } = await lspOrIndex(ctx, target, input.allow_fallback, answer, (): Hover | null => {
      const d = indexTarget(ctx.project.store, target.path, target.positions.lineText(at.line), at).definitions[0];
      return d ? { content: indexHover(d) } : null;
    });
    return {
      content: value?.content ?? null, file: target.path, line: at.line, col: at.col,
      ...(value?.range ? { range: value.range } : {}), source,
    };
  },
  render(out) {
    const at = `${out.file}:${out.line}:${out.col}`;
    if (!out.content) return `No hover information at ${at} (source: ${out.source}).`;
    return `Hover at ${at} (source: ${out.source}):\n${out.content}`;
  },
});
