// `notify_file_changed`: re-index files an agent just created, edited or deleted.
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import { defineOperation } from './define.js';
import { MAX_STRING } from './shared.js';

const list = z.array(z.string());

export const notifyFileChanged = defineOperation({
  name: 'notify_file_changed',
  title: 'Re-index changed files',
  description: 'Tell the index which files were just created, edited or deleted so the next answer reflects them. '
    + 'Changed files are re-parsed and every import that points into them (or could now) is re-resolved; unchanged files cost nothing.',
  input: z.object({
    files: z.array(z.string().max(MAX_STRING)).max(10_000).describe('Changed paths (1..10000), relative or absolute.'),
  }),
  output: z.object({
    generation: z.number().int(),
    updated: list, created: list, deleted: list, unchanged: list, ignored: list, pending: list,
    rejected: z.array(z.object({ path: z.string(), reason: z.string() })),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  route: { method: 'POST', path: '/notify', aliases: { paths: 'files' } },
  needsIndex: false,
  async run(ctx, { files }) {
    if (!files.length) throw invalidArgument("Parameter 'files' must list at least one path.", { parameter: 'files' });
    const res = await ctx.project.notify(files);
    if (res.rejected.length === files.length) {
      throw invalidArgument(`Every path was rejected: ${res.rejected.map((r) => `${r.path} (${r.reason})`).join(', ')}.`,
        { reason: res.rejected[0]!.reason, rejected: res.rejected });
    }
    return res;
  },
  render(out) {
    const n = out.updated.length + out.created.length + out.deleted.length;
    const lines = [`Updated ${n} file(s). AST index refreshed.`];
    const show = (label: string, items: string[]) => { if (items.length) lines.push(`${label} (${items.length}): ${items.join(', ')}`); };
    show('Updated', out.updated);
    show('Created', out.created);
    show('Deleted', out.deleted);
    show('Unchanged', out.unchanged);
    show('Ignored', out.ignored);
    show('Pending', out.pending);
    show('Rejected', out.rejected.map((r) => `${r.path} (${r.reason})`));
    return lines.join('\n');
  },
});
