// `relevant_context`: a token-budgeted capsule of the files around a centre set.
import { z } from 'zod';
import { CapsuleResult, buildCapsule, renderCapsule } from '../engine/analysis/context-capsule.js';
import { invalidArgument } from '../errors.js';
import { READ_ONLY, defineOperation } from './define.js';
import { MAX_STRING, knownFiles } from './shared.js';

export const relevantContext = defineOperation({
  name: 'relevant_context',
  title: 'Context capsule around files',
  description: 'The files within depth import hops of the given files (what they import, what imports them), nearest and '
    + 'most important first, each with language, size, importance, relationship to the centre and main symbols '
    + '(`fn name(a, b) -> R`, `class C(Base): m1, m2`), cut to a token budget.',
  input: z.object({
    files: z.array(z.string().max(MAX_STRING)).max(50).describe('Centre files (1..50 paths).'),
    depth: z.number().int().min(0).max(2).default(1).describe('Import hops around the centre files.'),
    max_tokens: z.number().int().min(200).max(50_000).default(4000).describe('Token budget of the text.'),
    include_symbols: z.boolean().default(true).describe('List each file\'s main symbols.'),
  }),
  output: CapsuleResult,
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/graph/context' },
  async run(ctx, input) {
    if (!input.files.length) throw invalidArgument("Parameter 'files' must list at least one file.", { parameter: 'files' });
    const centres = await knownFiles(ctx, input.files);
    const out = buildCapsule(ctx.project, centres, input.depth, input.max_tokens, input.include_symbols);
    ctx.cite(out.files.map((f) => f.path));
    return out.files.length < out.total_files
      ? { ...out, truncated: { shown: out.files.length, total: out.total_files, by: 'max_tokens' as const, hint: 'Raise max_tokens, lower depth or name fewer files.' } }
      : out;
  },
  render: renderCapsule,
});
