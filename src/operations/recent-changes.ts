// `recent_changes`: the files changed most over the last N days (merges not double-counted,
// renames credited to the new path), who changed them, and what is uncommitted right now.
import { relative, sep } from 'node:path';
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import { SHALLOW_NOTE } from '../engine/history/log.js';
import { ChangeStatus, churn, deletedNow, uncommitted } from '../engine/history/recent.js';
import { READ_ONLY, defineOperation } from './define.js';
import { dirPrefix, pathParam } from './shared.js';

/** Uncommitted changes listed, at most (a working tree can hold thousands of untracked files). */
const UNCOMMITTED_LIMIT = 100;

export const recentChanges = defineOperation({
  name: 'recent_changes',
  title: 'Most-changed files recently',
  description: 'Rank the files changed most in the last N days (commits, then lines added + removed), with last change '
    + 'date, contributors and total churn, from one git log (merges skipped, renames credited to the new path, deleted '
    + 'files flagged); uncommitted changes in the working tree are listed separately. Needs git.',
  input: z.object({
    days: z.number().int().min(1).max(3650).default(7).describe('Look back this many days.'),
    path: pathParam('Only files under this directory (or this file); "" for the whole project.').default(''),
    top_n: z.number().int().min(1).max(200).default(20).describe('Files to list.'),
  }),
  output: z.object({
    days: z.number().int(),
    path: z.string(),
    commit_count: z.number().int(),
    total_files_changed: z.number().int(),
    files: z.array(z.object({
      path: z.string(),
      commits: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      last_date: z.string(),
      deleted: z.boolean().optional(),
    })),
    contributors: z.array(z.object({ name: z.string(), commits: z.number().int() })),
    total_added: z.number().int(),
    total_removed: z.number().int(),
    uncommitted: z.array(z.object({ path: z.string(), status: ChangeStatus, from: z.string().optional() })),
    shallow: z.boolean().optional(),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/history/recent-changes', v2Aliases: ['/recent-changes'] },
  needsIndex: false,
  async run(ctx, input) {
    if (input.path.includes('\0')) throw invalidArgument("Parameter 'path' must not contain NUL characters.", { parameter: 'path' });
    const path = dirPrefix(ctx, input.path);
    const log = ctx.project.history;
    const { state, value } = await churn(log, input.days, path);
    const dataDir = relative(ctx.project.root, ctx.project.dataDir).split(sep).join('/');
    const inside = dataDir && !dataDir.startsWith('..') ? dataDir : undefined;
    const changes = await uncommitted(log, state.prefix, path, inside);
    if (changes.length > UNCOMMITTED_LIMIT) ctx.note(`${changes.length - UNCOMMITTED_LIMIT} more uncommitted changes are not listed.`);
    if (state.shallow) ctx.note(SHALLOW_NOTE);
    const files = value.files.slice(0, input.top_n)
      .map((f) => (deletedNow(ctx.project.root, f.path) ? { ...f, deleted: true } : f));
    const out = {
      days: input.days,
      path,
      commit_count: value.commit_count,
      total_files_changed: value.files.length,
      files,
      contributors: value.contributors,
      total_added: value.total_added,
      total_removed: value.total_removed,
      uncommitted: changes.slice(0, UNCOMMITTED_LIMIT),
      ...(state.shallow ? { shallow: true } : {}),
    };
    return value.files.length > files.length
      ? { ...out, truncated: { shown: files.length, total: value.files.length, by: 'limit' as const, hint: 'Raise top_n (up to 200) or narrow path.' } }
      : out;
  },
  render(out) {
    const under = out.path ? ` under '${out.path}'` : '';
    const lines: string[] = [];
    if (!out.files.length) lines.push(`No changes found in the last ${out.days} day(s)${under}.`);
    else {
      lines.push(
        `Recent changes${under} (last ${out.days} day(s))`,
        `${out.commit_count} commits, ${out.total_files_changed} files modified, ${out.contributors.length} contributor(s)`,
        '',
        '    #  Commits   Added  Removed        Last  File',
        `  ---  -------  ------  -------  ----------  ${'-'.repeat(40)}`,
      );
      out.files.forEach((f, i) => {
        lines.push(`  ${String(i + 1).padStart(3)}  ${String(f.commits).padStart(7)}  +${String(f.added).padStart(5)}  -${String(f.removed).padStart(6)}  `
          + `${f.last_date}  ${f.path}${f.deleted ? ' (deleted)' : ''}`);
      });
      if (out.truncated) lines.push(`  … ${out.truncated.total - out.truncated.shown} more files not shown (top_n); raise top_n or narrow path.`);
      lines.push('', `Total churn: +${out.total_added} -${out.total_removed} lines`,
        `Contributors: ${out.contributors.map((c) => `${c.name} (${c.commits})`).join(', ')}`);
    }
    if (out.uncommitted.length) {
      lines.push(`Uncommitted (${out.uncommitted.length}): ${out.uncommitted.map((u) => `${u.path} (${u.status}${u.from ? ` from ${u.from}` : ''})`).join(', ')}`);
    }
    return lines.join('\n');
  },
});
