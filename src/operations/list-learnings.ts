// `list_learnings`: a table of learnings filtered by status, type and scope.
import { z } from 'zod';
import { LEARNING_TYPES, Learning, LearningStatus } from '../engine/memory/learnings.js';
import { READ_ONLY, defineOperation } from './define.js';
import { cell, cut, percent, scopeParam } from './memory-shared.js';
import { pathParam } from './shared.js';

const Item = Learning.pick({
  id: true, type: true, description: true, details: true, scope: true, status: true, archived_reason: true,
  unhelpful_count: true, apply_count: true, created_at: true, updated_at: true,
}).extend({
  confidence: z.number().describe('Effective confidence (after the time decay).'),
  helpful_count: z.number().int(),
});

export const listLearnings = defineOperation({
  name: 'list_learnings',
  title: 'List learnings',
  description: 'Learnings as a table, by effective confidence (highest first), filtered by status (active by default, archived, or all), '
    + 'type, and scope (learnings whose scope starts with the given path, plus global ones).',
  input: z.object({
    status: z.enum(['active', 'archived', 'all']).default('active'),
    type: z.enum(['', ...LEARNING_TYPES]).default('').describe('One of the five types; "" = all.'),
    scope: pathParam('Keep learnings whose scope starts with this path, plus global ones; "" = all.').default(''),
    limit: z.number().int().min(1).max(1000).default(100).describe('1..1000.'),
  }),
  output: z.object({ learnings: z.array(Item), total: z.number().int() }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/learnings' },
  needsIndex: false,
  async run(ctx, input) {
    const { learnings, total } = ctx.project.memory().learnings.list({
      status: input.status, type: input.type, scope: scopeParam(ctx, input.scope), limit: input.limit,
    });
    return {
      learnings: learnings.map((l) => ({
        id: l.id, type: l.type, description: l.description, details: l.details, scope: l.scope,
        confidence: l.effective_confidence, status: l.status, ...(l.archived_reason ? { archived_reason: l.archived_reason } : {}),
        helpful_count: l.help_count, unhelpful_count: l.unhelpful_count, apply_count: l.apply_count,
        created_at: l.created_at, updated_at: l.updated_at,
      })),
      total,
      ...(total > learnings.length ? { truncated: { shown: learnings.length, total, by: 'limit' as const, hint: 'Raise limit or filter by type or scope.' } } : {}),
    };
  },
  render(out) {
    if (!out.learnings.length) return 'No learnings found matching the filters.';
    const lines = [`## Learnings (${out.total} total)`, '', '| ID | Type | Description | Confidence | Applied | Scope |', '|---|---|---|---|---|---|'];
    for (const l of out.learnings) {
      const status = l.status === 'archived' ? ` (archived: ${l.archived_reason ?? ''})` : '';
      lines.push(`| ${l.id} | ${l.type} | ${cell(cut(l.description, 60))}${cell(status)} | ${percent(l.confidence)} | ${l.apply_count}x | ${cell(l.scope || '(global)')} |`);
    }
    if (out.truncated) lines.push('', `… ${out.truncated.total - out.truncated.shown} more learnings not shown (limit=${out.truncated.shown}); raise limit or filter by type or scope.`);
    return lines.join('\n');
  },
});
