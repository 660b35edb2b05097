// `code_evolution`: the commits that changed a file (renames followed), or the lines of one of its
// symbols (`git log -L` over the symbol's current range), newest first, with an authors summary.
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { invalidArgument, notFound } from '../errors.js';
import { evolution, inHistory } from '../engine/history/evolution.js';
import { type GitLog, SHALLOW_NOTE } from '../engine/history/log.js';
import { uncommitted } from '../engine/history/recent.js';
import { editDistanceIsOne } from '../engine/search/identifiers.js';
import type { SymbolRow } from '../engine/index/store.js';
import { READ_ONLY, defineOperation, type OperationContext } from './define.js';
import { waitForIndex } from './execute.js';
import { MAX_STRING, didYouMean, indexedFile, pathParam } from './shared.js';

const FileChange = z.object({ path: z.string(), added: z.number().int(), removed: z.number().int() });

export const codeEvolution = defineOperation({
  name: 'code_evolution',
  title: 'History of a file or symbol',
  description: 'List the commits that changed a file (renames followed, a deleted file works too) or, with `symbol`, the '
    + 'commits that changed that symbol\'s lines (git log -L over its current line range), newest first: sha, author, '
    + 'date, subject and per-file added/removed lines (the traced file first), plus the authors. Needs git.',
  input: z.object({
    path: pathParam('File path, relative to the project root; it may have been deleted since.'),
    symbol: z.string().max(MAX_STRING).default('')
      .describe('A symbol defined in `path` (name or qualified name, e.g. `Parser.parse`): trace only its lines.'),
    since: z.string().max(100).default('')
      .describe('Only commits after this git date: `2024-01-01`, `3 months ago`, `yesterday`.'),
    max_results: z.number().int().min(1).max(100).default(20).describe('Commits to show, newest first.'),
  }),
  output: z.object({
    path: z.string(),
    symbol: z.string(),
    since: z.string(),
    method: z.enum(['file', 'line_range']),
    /** Symbol mode: the line ranges traced (from the index, i.e. the working tree). */
    line_ranges: z.array(z.object({ start_line: z.number().int(), end_line: z.number().int() })).optional(),
    commits: z.array(z.object({
      sha: z.string(),
      author: z.string(),
      email: z.string(),
      date: z.string(),
      subject: z.string(),
      files: z.array(FileChange),
      renamed_from: z.string().optional(),
    })),
    total: z.number().int(),
    authors: z.array(z.object({ name: z.string(), commits: z.number().int() })),
    shallow: z.boolean().optional(),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/history/evolution', v2Aliases: ['/evolution'] },
  needsIndex: false,
  async run(ctx, input) {
    const log = ctx.project.history;
    if (!input.path.trim() || input.path.includes('\0')) throw invalidArgument("Parameter 'path' must name a file.", { parameter: 'path' });
    const sinceTime = await sinceParam(log, input.since);
    const { rel, abs } = ctx.project.resolvePath(input.path);
    const onDisk = existsSync(abs);
    if (onDisk && statSync(abs).isDirectory()) {
      throw invalidArgument(`Parameter 'path' names a directory ('${rel || '.'}'); give a file.`, { parameter: 'path' });
    }
    const symbols = input.symbol ? await symbolRanges(ctx, input.path, input.symbol) : undefined;
    const ranges = symbols?.map((s) => [s.start_line, s.end_line] as const);
    const { state, value } = await evolution(log, {
      path: rel, maxResults: input.max_results,
      ...(ranges ? { ranges } : {}), ...(sinceTime !== undefined ? { since: sinceTime } : {}),
    });
    if (!value.commits.length && !onDisk && !(await inHistory(log, rel))) {
      const suggestions = didYouMean(ctx, rel);
      const where = state.shallow ? 'git history (a shallow clone: older commits are missing)' : 'git history';
      throw notFound(`File '${rel}' is neither in the working tree nor in ${where}${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
        { path: rel, did_you_mean: suggestions });
    }
    if (value.untraceable === 'not_in_head') ctx.note(`'${rel}' is not in the last commit (new or renamed since), so its lines have no history yet.`);
    else if (value.untraceable === 'past_end') ctx.note(`The symbol's lines in the working tree lie past the end of '${rel}' in the last commit, so they have no history yet.`);
    else if (symbols && (await uncommitted(log, state.prefix, rel)).length) {
      ctx.note(`'${rel}' has uncommitted changes: the line range comes from the working tree and may be shifted against the last commit.`);
    }
    if (state.shallow) ctx.note(SHALLOW_NOTE);
    const authors = new Map<string, number>();
    for (const c of value.commits) authors.set(c.author, (authors.get(c.author) ?? 0) + 1);
    const out = {
      path: rel,
      symbol: input.symbol,
      since: input.since,
      method: symbols ? 'line_range' as const : 'file' as const,
      ...(symbols ? { line_ranges: symbols.map((s) => ({ start_line: s.start_line, end_line: s.end_line })) } : {}),
      commits: value.commits,
      total: value.total,
      authors: [...authors].map(([name, commits]) => ({ name, commits })).sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name)),
      ...(state.shallow ? { shallow: true } : {}),
    };
    return value.total > value.commits.length
      ? { ...out, truncated: { shown: value.commits.length, total: value.total, by: 'limit' as const, hint: 'Raise max_results (up to 100) or set since.' } }
      : out;
  },
  render(out) {
    if (!out.commits.length) {
      return out.symbol ? `No commit history found for '${out.symbol}' in '${out.path}'.` : `No commit history found for '${out.path}'.`;
    }
    const qualifiers = [...(out.symbol ? [`symbol: ${out.symbol}`] : []), ...(out.since ? [`since: ${out.since}`] : [])];
    const lines = [
      `Change history for ${out.path}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`,
      out.total > out.commits.length ? `(${out.commits.length} of ${out.total} commits shown)` : `(${out.commits.length} commits shown)`,
      '',
    ];
    out.commits.forEach((c, i) => {
      lines.push(`  ${String(i + 1).padStart(3)}. ${c.sha.slice(0, 8)}  ${c.date.slice(0, 10)}  ${c.author}`, `       ${c.subject}`);
      const [target] = c.files;
      if (c.files.length > 1) {
        const added = c.files.reduce((s, f) => s + f.added, 0);
        const removed = c.files.reduce((s, f) => s + f.removed, 0);
        lines.push(`       +${added} -${removed} across ${c.files.length} files`);
      }
      if (target) lines.push(`       +${target.added} -${target.removed}  ${target.path}${c.renamed_from ? ` (renamed from ${c.renamed_from})` : ''}`);
    });
    if (out.truncated) lines.push(`  … ${out.truncated.total - out.truncated.shown} more commits not shown (max_results); raise max_results or set since.`);
    const top = out.authors.slice(0, 5).map((a) => `${a.name} (${a.commits})`);
    const more = out.authors.length - top.length;
    lines.push('', `Summary: ${out.commits.length} commits by ${out.authors.length} author(s)`,
      `${more > 0 ? 'Top authors' : 'Authors'}: ${top.join(', ')}${more > 0 ? `, +${more} more` : ''}`);
    return lines.join('\n');
  },
});

/**
 * `since` as unix seconds (undefined for no limit). It is read by git's date parser, and only its
 * result reaches `git log`, so nothing the caller writes can become an option.
 */
async function sinceParam(log: GitLog, since: string): Promise<number | undefined> {
  if (!since) return undefined;
  const example = 'use a git date such as 2024-01-01 or "3 months ago"';
  if (since.trimStart().startsWith('-') || /[\0-\x1f]/.test(since)) {
    throw invalidArgument(`Parameter 'since' ('${since}') is not a date; ${example}.`, { parameter: 'since' });
  }
  const time = await log.dateOf(since);
  if (time === undefined) throw invalidArgument(`Parameter 'since' ('${since}') is not a date git understands; ${example}.`, { parameter: 'since' });
  return time || undefined; // 0 is git's "never": no limit
}

/**
 * The definitions of `symbol` in the file (qualified name first, else every definition with that
 * name), read from the index. Errors: the file is not indexed, or defines no such symbol → not_found.
 */
async function symbolRanges(ctx: OperationContext, path: string, symbol: string): Promise<SymbolRow[]> {
  await waitForIndex(ctx.project, ctx.project.settings.wait_budget_ms);
  const file = await indexedFile(ctx, 'path', path, true);
  const all = ctx.project.store.symbolsOfFile(file.path);
  const qualified = all.filter((s) => s.qualified_name === symbol);
  const found = qualified.length ? qualified : all.filter((s) => s.name === symbol);
  if (!found.length) {
    const suggestions = similarSymbols(all, symbol);
    throw notFound(`Symbol '${symbol}' is not defined in '${file.path}'${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
      { path: file.path, symbol, did_you_mean: suggestions });
  }
  if (found.length > 1) {
    ctx.note(`'${symbol}' has ${found.length} definitions in '${file.path}' (${found.map((s) => `${s.qualified_name} L${s.start_line}-${s.end_line}`).join(', ')}); `
      + 'the history covers all of them; give a qualified name to pick one.');
  }
  return found;
}

/** Up to 3 of the file's qualified names like `symbol`: same ignoring case, one edit away, then containing it. */
function similarSymbols(symbols: readonly SymbolRow[], symbol: string): string[] {
  const want = symbol.toLowerCase();
  const tier = (s: SymbolRow): number => {
    const name = s.name.toLowerCase();
    const qualified = s.qualified_name.toLowerCase();
    if (name === want || qualified === want) return 0;
    if (editDistanceIsOne(name, want) || editDistanceIsOne(qualified, want)) return 1;
    if (name.includes(want) || want.includes(name)) return 2;
    return 3;
  };
  const ranked = symbols.map((s) => ({ s, t: tier(s) })).filter((r) => r.t < 3).sort((a, b) => a.t - b.t || a.s.start_line - b.s.start_line);
  return [...new Set(ranked.map((r) => r.s.qualified_name))].slice(0, 3);
}
