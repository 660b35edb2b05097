// `repo_map`: a token-budgeted tree of the important files under a directory with their top symbols.
import { z } from 'zod';
import { RepoMapResult, renderRepoMap, repoMap as buildRepoMap } from '../engine/analysis/repo-map.js';
import { invalidArgument } from '../errors.js';
import { READ_ONLY, defineOperation } from './define.js';
import { dirOrFile, pathParam } from './shared.js';

export const repoMap = defineOperation({
  name: 'repo_map',
  title: 'Map of the repository',
  description: 'A tree of the repository that fits a token budget: important files (importance ≥ 0.4) listed, the most '
    + 'important (≥ 0.7) with their top symbols, the rest folded into per-directory "... +N files" markers. Over budget, '
    + 'the least important entries shrink first. Use path to map one directory; drill down with explore_codebase.',
  input: z.object({
    include_symbols: z.boolean().default(true).describe('Show the top symbols of the most important files.'),
    max_tokens: z.number().int().min(200).max(50_000).default(6000).describe('Token budget of the text.'),
    path: pathParam('Directory to map, relative to the project root; empty for the root.').default(''),
  }),
  output: RepoMapResult,
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/map' },
  async run(ctx, input) {
    const target = dirOrFile(ctx, 'path', input.path);
    if (target.kind === 'file') {
      throw invalidArgument(`Parameter 'path' names a file ('${target.path}'); give a directory, or use symbols or file_analysis for one file.`,
        { parameter: 'path', path: target.path });
    }
    const out = buildRepoMap(ctx.project, target.path, input.include_symbols, input.max_tokens);
    ctx.cite(out.entries.filter((e) => e.type === 'file').map((e) => e.path));
    return out.listed_files > out.shown_files || out.symbols_dropped
      ? { ...out, truncated: { shown: out.shown_files, total: out.listed_files, by: 'max_tokens' as const, hint: 'Raise max_tokens or narrow path.' } }
      : out;
  },
  render: renderRepoMap,
});
