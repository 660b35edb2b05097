// `recall`: the learnings relevant to a query and a scope, most relevant first.
import { z } from 'zod';
import { Learning } from '../engine/memory/learnings.js';
import { READ_ONLY, defineOperation } from './define.js';
import { percent, scopeParam } from './memory-shared.js';
import { pathParam } from './shared.js';

const Result = Learning.pick({ id: true, type: true, description: true, details: true, scope: true }).extend({
  confidence: z.number().describe('Effective confidence (after the time decay).'),
  relevance_score: z.number().describe('Text relevance × scope weight × confidence; 0 for a learning included for its scope alone.'),
  matched: z.boolean().describe('Whether the learning matched the query text.'),
  stale_anchor: z.boolean().describe('The file it was recorded against has changed since.'),
});

export const recall = defineOperation({
  name: 'recall',
  title: 'Recall learnings',
  description: 'Learnings relevant to a query and a scope, most relevant first. Query words are OR-ed and stemmed ("caching" finds '
    + '"cache"); a learning scoped to the given file or its directories ranks above one from elsewhere, and confident, recently '
    + 'confirmed learnings above old ones. Learnings of the scope that match no word follow the matches when fewer than '
    + 'max_results matched (or the query is empty). stale_anchor says the code a learning describes changed since it was recorded.',
  input: z.object({
    query: z.string().max(1000).default('').describe('Words to look for; "" = the best learnings for the scope.'),
    scope: pathParam('A file or directory the work is about; "" = the whole project.').default(''),
    max_results: z.number().int().min(1).max(100).default(10).describe('1..100.'),
  }),
  output: z.object({ query: z.string(), scope: z.string(), results: z.array(Result), total: z.number().int() }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/learnings/recall' },
  needsIndex: false,
  async run(ctx, input) {
    const scope = scopeParam(ctx, input.scope);
    const { results, total } = await ctx.project.memory().learnings.recall(input.query, scope, input.max_results);
    return {
      query: input.query,
      scope,
      results: results.map((r) => ({
        id: r.learning.id, type: r.learning.type, description: r.learning.description, details: r.learning.details, scope: r.learning.scope,
        confidence: r.learning.effective_confidence, relevance_score: r.relevance_score, matched: r.matched, stale_anchor: r.stale_anchor,
      })),
      total,
      ...(total > results.length ? { truncated: { shown: results.length, total, by: 'limit' as const, hint: 'Raise max_results or refine the query.' } } : {}),
    };
  },
  render(out) {
    if (!out.results.length) return 'No relevant learnings found for this project.';
    const lines = [`## Project Learnings (${out.results.length} relevant)`, ''];
    for (const r of out.results) {
      lines.push(`- **[${r.type}]** (confidence: ${percent(r.confidence)}, id: ${r.id})`, `  ${r.description}`);
      if (r.details) lines.push(`  _${r.details.replace(/\n/g, '\n  ')}_`);
      if (r.stale_anchor) lines.push('  (code changed since this was recorded)');
    }
    if (out.truncated) lines.push('', `… ${out.truncated.total - out.truncated.shown} more not shown (max_results=${out.truncated.shown}); raise max_results or refine the query.`);
    return lines.join('\n');
  },
});
