// `distill`: a compressed view of a set of files that fits a budget — public signatures in each
// file's own syntax, the selection's structure, or numbered source.
import { z } from 'zod';
import { DISTILL_LEVELS, DistillResult, distill as distillFiles, distillSelection, renderDistill } from '../engine/analysis/distill.js';
import { READ_ONLY, defineOperation } from './define.js';
import { MAX_STRING, knownFiles } from './shared.js';

export const distill = defineOperation({
  name: 'distill',
  title: 'Compressed view of files',
  description: 'A compressed view of files within a token budget. level=signatures: each file\'s public API in its own '
    + 'language (TypeScript declarations, Go funcs, Rust pub fns, Java headers, Python stubs) with first doc lines; '
    + 'structure: file tree and import lines; full: numbered source (the repository map when no files are given). '
    + 'files are expanded with their importers and imports up to depth hops; without files, the most important files.',
  input: z.object({
    files: z.array(z.string().max(MAX_STRING)).max(200).nullable().default(null).describe('Files to distil (up to 200); null for the most important files.'),
    depth: z.number().int().min(0).max(3).default(1).describe('Import hops added around the given files (only with files).'),
    level: z.enum(DISTILL_LEVELS).default('signatures').describe('full, signatures or structure.'),
    max_tokens: z.number().int().min(200).max(50_000).default(4000).describe('Token budget of the text.'),
  }),
  output: DistillResult,
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/distill' },
  async run(ctx, input) {
    // An empty list means no files, as in attocode: the most important files are distilled.
    const selection = input.files?.length
      ? distillSelection(ctx.project, await knownFiles(ctx, input.files), input.depth, input.level, input.max_tokens)
      : null;
    const out = distillFiles(ctx.project, selection, input.level, input.max_tokens);
    const map = out.repo_map;
    ctx.cite(map ? map.entries.filter((e) => e.type === 'file').map((e) => e.path) : out.files.map((f) => f.path));
    const [shown, total] = map ? [map.shown_files, map.listed_files] : [out.files.length, out.files.length + out.omitted_total];
    return total > shown
      ? { ...out, truncated: { shown, total, by: 'max_tokens' as const, hint: 'Raise max_tokens, lower depth or name fewer files.' } }
      : out;
  },
  render: renderDistill,
});
