// `lsp_references`: every use of the symbol at a position, from the language server of the file's
// language, or from the index's bound references (never unbound name matches) when none can answer.
import { z } from 'zod';
import { identifierAt, indexReferences, indexTarget } from '../engine/lsp/fallback.js';
import { READ_ONLY, defineOperation } from './define.js';
import { Location, POSITION_NOTE, Source, byPosition, lspOrIndex, lspTarget, positionParams } from './lsp-shared.js';

export const lspReferences = defineOperation({
  name: 'lsp_references',
  title: 'Find references',
  description: 'Every reference to the symbol at a file position, sorted by path, line and column, from a language server, '
    + `else from the index (references bound through scope and imports). ${POSITION_NOTE}`,
  input: z.object({
    ...positionParams,
    include_declaration: z.boolean().default(true).describe('Also list the declaration itself.'),
    limit: z.number().int().min(1).max(5000).default(100).describe('Maximum locations listed.'),
  }),
  output: z.object({
    file: z.string(),
    line: z.number().int(),
    col: z.number().int(),
    locations: z.array(Location),
    total: z.number().int(),
    source: Source,
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/lsp/references' },
  async run(ctx, input) {
    const target = await lspTarget(ctx, input);
    const at = { line: input.line, col: input.col };
    const { store } = ctx.project;
    const name = identifierAt(target.positions.lineText(at.line), at.col)?.name;
    const mentioning = name ? store.filesReferencing(name).map((f) => f.path) : [];
    const answer = await ctx.project.lsp().references(target.path, target.text, at, input.include_declaration, mentioning, ctx.signal);
    const { value, source } = await lspOrIndex(ctx, target, input.allow_fallback, answer, () => {
      const found = indexTarget(store, target.path, target.positions.lineText(at.line), at);
      if (found.how === 'name_match') {
        ctx.note(`'${found.name}' could not be bound to one definition; no references are listed rather than name matches.`);
        return [];
      }
      const refs = indexReferences(store, found, input.include_declaration, (p) => ctx.project.readText(p));
      if (refs.nameMatches) ctx.note(`${refs.nameMatches} unbound use${refs.nameMatches === 1 ? '' : 's'} of the same name left out (see cross_references).`);
      return refs.locations;
    });
    const all = [...value].sort(byPosition);
    const locations = all.slice(0, input.limit);
    ctx.cite(locations.flatMap((l) => (l.file === null ? [] : [l.file])));
    const out = { file: target.path, line: at.line, col: at.col, locations, total: all.length, source };
    return all.length > locations.length
      ? { ...out, truncated: { shown: locations.length, total: all.length, by: 'limit' as const, hint: 'Raise limit to see every reference.' } }
      : out;
  },
  render(out) {
    if (!out.total) return `No references found at ${out.file}:${out.line}:${out.col} (source: ${out.source}).`;
    const lines = [`References (${out.total}, source: ${out.source}):`];
    const groups = new Map<string, string[]>();
    for (const l of out.locations) {
      const key = l.file ?? l.uri ?? '?';
      groups.set(key, [...(groups.get(key) ?? []), `${l.line}:${l.col}`]);
    }
    for (const [file, at] of groups) lines.push(`  ${file}: ${at.join(', ')}`);
    if (out.total > out.locations.length) lines.push(`... and ${out.total - out.locations.length} more (limit=${out.locations.length}); raise limit.`);
    return lines.join('\n');
  },
});
