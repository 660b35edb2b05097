// `lsp_definition`: where the symbol at a position is defined, from the language server of the
// file's language, or from the index's bound references when no server can answer.
import { z } from 'zod';
import { definitionLocation, indexTarget } from '../engine/lsp/fallback.js';
import { READ_ONLY, defineOperation } from './define.js';
import { Location, POSITION_NOTE, Source, formatLocation, lspOrIndex, lspTarget, positionParams } from './lsp-shared.js';

const MAX_LINE_TEXT = 200;

const DefinitionLocation = Location.extend({
  line_text: z.string().optional().describe('The source line of the definition (files inside the root).'),
});

export const lspDefinition = defineOperation({
  name: 'lsp_definition',
  title: 'Go to definition',
  description: 'Where the symbol at a file position is defined (all locations, e.g. overloads), from a language server '
    + `(TypeScript/JavaScript and Python built in; Go, Rust, C/C++, Java when installed), else from the index. ${POSITION_NOTE}`,
  input: z.object(positionParams),
  output: z.object({
    file: z.string(),
    line: z.number().int(),
    col: z.number().int(),
    location: DefinitionLocation.nullable(),
    locations: z.array(DefinitionLocation),
    source: Source,
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/lsp/definition' },
  async run(ctx, input) {
    const target = await lspTarget(ctx, input);
    const at = { line: input.line, col: input.col };
    const answer = await ctx.project.lsp().definition(target.path, target.text, at, ctx.signal);
    // Overloads and name matches often share a file: each is read once per call.
    const texts = new Map<string, string | undefined>([[target.path, target.text]]);
    const read = (rel: string): string | undefined => {
      if (!texts.has(rel)) texts.set(rel, ctx.project.readText(rel));
      return texts.get(rel);
    };
    const { value, source } = await lspOrIndex(ctx, target, input.allow_fallback, answer, () => {
      const found = indexTarget(ctx.project.store, target.path, target.positions.lineText(at.line), at);
      if (found.how === 'name_match') ctx.note(`'${found.name}' could not be bound; every definition of that name is listed.`);
      return found.definitions.map((d) => definitionLocation(d, read));
    });
    const locations = value.map((l) => {
      const text = l.file === null ? undefined : read(l.file)?.split(/\r\n|\r|\n/)[l.line - 1]?.trim();
      return text === undefined ? l : { ...l, line_text: text.length > MAX_LINE_TEXT ? `${text.slice(0, MAX_LINE_TEXT - 1)}…` : text };
    });
    ctx.cite(locations.flatMap((l) => (l.file === null ? [] : [l.file])));
    return { file: target.path, line: at.line, col: at.col, location: locations[0] ?? null, locations, source };
  },
  render(out) {
    const first = out.location;
    if (!first) return `No definition found at ${out.file}:${out.line}:${out.col} (source: ${out.source}).`;
    const lines = [`Definition: ${formatLocation(first)}${out.locations.length > 1 ? ` (+${out.locations.length - 1} more)` : ''}`];
    if (first.line_text) lines.push(`  ${first.line_text}`);
    for (const l of out.locations.slice(1)) lines.push(`  also: ${formatLocation(l)}${l.line_text ? `  ${l.line_text}` : ''}`);
    lines.push(`(source: ${out.source})`);
    return lines.join('\n');
  },
});
