// `find_related`: files worth reading together with a given file, from import structure, shared
// imports, git co-change and Louvain communities.
import { z } from 'zod';
import { communitiesOf } from '../engine/graph/communities.js';
import { CO_CHANGE_COMMITS, CO_CHANGE_MAX_FILES, relatedFiles } from '../engine/graph/related.js';
import type { Commit } from '../engine/history/log.js';
import { CartographError } from '../errors.js';
import { READ_ONLY, defineOperation, type OperationContext } from './define.js';
import { indexedFile, pathParam } from './shared.js';

export const findRelated = defineOperation({
  name: 'find_related',
  title: 'Files related to a file',
  description: 'Rank the files worth reading together with a file: +3 for a direct import either way, +1 per two-hop path, '
    + `+round(5 × Jaccard) for similar import sets, +round(3 × co-change) for files changed in the same commits (last ${CO_CHANGE_COMMITS} `
    + `commits of at most ${CO_CHANGE_MAX_FILES} files), +1 for the same Louvain community. Each result explains its score in reasons.`,
  input: z.object({
    file: pathParam('File to find related files for.'),
    top_k: z.number().int().min(1).max(100).default(10).describe('Number of related files returned.'),
  }),
  output: z.object({
    file: z.string(),
    related: z.array(z.object({
      path: z.string(),
      score: z.number().int(),
      relation_type: z.enum(['direct', 'transitive', 'co-change', 'similar-imports', 'same-community']),
      reasons: z.object({
        direct: z.boolean(),
        two_hop_paths: z.number().int(),
        jaccard: z.number(),
        co_change: z.number().nullable(),
        same_community: z.boolean(),
      }),
    })),
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/graph/related' },
  async run(ctx, input) {
    const file = (await indexedFile(ctx, 'file', input.file, true)).path;
    const commits = await historyOrNote(ctx);
    const all = relatedFiles(ctx.project.graph(), communitiesOf(ctx.project), file, commits);
    const related = all.slice(0, input.top_k);
    ctx.cite(related.map((r) => r.path));
    return { file, related };
  },
  render(out) {
    const lines = [`Files related to ${out.file}:`];
    if (!out.related.length) lines.push('  (no related files found)');
    for (const r of out.related) lines.push(`  [${String(r.score).padStart(3)}] ${r.path}  (${r.relation_type})`);
    return lines.join('\n');
  },
});

/** The recent commits, or undefined with a note when git history cannot be read. */
async function historyOrNote(ctx: OperationContext): Promise<Commit[] | undefined> {
  try {
    return await ctx.project.history.commits({ maxCount: CO_CHANGE_COMMITS });
  } catch (err) {
    if (!(err instanceof CartographError) || err.code !== 'unavailable') throw err;
    ctx.note(`Co-change was not scored: git history is unavailable (${String(err.details?.reason ?? 'unknown')}).`);
    return undefined;
  }
}
