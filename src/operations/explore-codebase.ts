// `explore_codebase`: one directory level at a time, largest and most important things first.
import { z } from 'zod';
import { ExploreResult, exploreDirectory, exploreFile, renderExplore } from '../engine/analysis/explore.js';
import { notFound } from '../errors.js';
import { READ_ONLY, defineOperation } from './define.js';
import { dirOrFile, pathParam } from './shared.js';

export const exploreCodebase = defineOperation({
  name: 'explore_codebase',
  title: 'Explore one directory level',
  description: 'Drill down one directory level at a time: direct subdirectories (largest first, with file and line counts '
    + 'and languages) and direct files (most important first, tagged entry/config/test, with top symbols). Files below '
    + 'importance_threshold are left out, except the first 5. A file path gives a one-file summary.',
  input: z.object({
    path: pathParam('Directory (or file) relative to the project root; empty for the root.').default(''),
    max_items: z.number().int().min(1).max(500).default(30).describe('Most directories plus files listed.'),
    importance_threshold: z.number().min(0).max(1).default(0.3).describe('Files below this importance are left out (the first 5 always show).'),
  }),
  output: ExploreResult,
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/explore' },
  async run(ctx, input) {
    const target = dirOrFile(ctx, 'path', input.path);
    if (target.kind === 'file') {
      if (!target.row) throw notFound(`File '${target.path}' is not in the index (ignored, or not a file the index keeps).`, { path: target.path });
      await ctx.project.repairStale([target.path]);
      ctx.cite([target.path]);
      return exploreFile(ctx.project, ctx.project.store.file(target.path) ?? target.row);
    }
    const out = exploreDirectory(ctx.project, target.path, input.max_items, input.importance_threshold);
    ctx.cite(out.files.map((f) => f.path));
    return out;
  },
  render: renderExplore,
});
