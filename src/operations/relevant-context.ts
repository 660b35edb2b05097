// `relevant_context`: a token-budgeted capsule of the files around a centre set.
import { z } from 'zod';
import { CapsuleResult, buildCapsule, renderCapsule, type CapsuleLearning } from '../engine/analysis/context-capsule.js';
import { invalidArgument } from '../errors.js';
import { READ_ONLY, defineOperation, type OperationContext } from './define.js';
import { MAX_STRING, knownFiles } from './shared.js';

/** Learnings shown with a capsule, at most. */
const CAPSULE_LEARNINGS = 3;

/**
 * Active learnings scoped to a centre file or a folder holding one (global ones are left out: they
 * say nothing about these files), best first as `recall` ranks them, without repeats.
 */
async function scopedLearnings(ctx: OperationContext, centres: readonly string[]): Promise<CapsuleLearning[]> {
  const out = new Map<number, CapsuleLearning>();
  for (const centre of centres) {
    const { results } = await ctx.project.memory().learnings.recall('', centre, CAPSULE_LEARNINGS);
    for (const { learning: l } of results) {
      if (l.scope && out.size < CAPSULE_LEARNINGS) out.set(l.id, { id: l.id, type: l.type, description: l.description });
    }
  }
  return [...out.values()];
}

export const relevantContext = defineOperation({
  name: 'relevant_context',
  title: 'Context capsule around files',
  description: 'The files within depth import hops of the given files (what they import, what imports them), nearest and '
    + 'most important first, each with language, size, importance, relationship to the centre and main symbols '
    + '(`fn name(a, b) -> R`, `class C(Base): m1, m2`), then up to 3 learnings scoped to the centre files, cut to a token budget.',
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
    const out = buildCapsule(ctx.project, centres, input.depth, input.max_tokens, input.include_symbols, await scopedLearnings(ctx, centres));
    ctx.cite(out.files.map((f) => f.path));
    return out.files.length < out.total_files
      ? { ...out, truncated: { shown: out.files.length, total: out.total_files, by: 'max_tokens' as const, hint: 'Raise max_tokens, lower depth or name fewer files.' } }
      : out;
  },
  render: renderCapsule,
});
