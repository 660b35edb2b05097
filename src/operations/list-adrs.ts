// `list_adrs`: architecture decision records filtered by status, tag and text, newest first.
import { z } from 'zod';
import { ADR_STATUSES, Adr } from '../engine/memory/adrs.js';
import { READ_ONLY, defineOperation } from './define.js';
import { cell, cut } from './memory-shared.js';
import { MAX_STRING } from './shared.js';

const Item = Adr.pick({ number: true, title: true, status: true, superseded_by: true, tags: true, created_at: true, updated_at: true });

export const listAdrs = defineOperation({
  name: 'list_adrs',
  title: 'List ADRs',
  description: 'Architecture decision records, newest first, filtered by status, tag (exact, case-insensitive) and a search text '
    + '(case-insensitive substring of title, context, decision or consequences; % and _ are literal characters).',
  input: z.object({
    status: z.enum(['', ...ADR_STATUSES]).default('').describe('A status; "" = all.'),
    tag: z.string().max(MAX_STRING).default(''),
    search: z.string().max(MAX_STRING).default(''),
    limit: z.number().int().min(1).max(500).default(50).describe('1..500.'),
  }),
  output: z.object({
    adrs: z.array(Item),
    total: z.number().int(),
    filters: z.object({ status: z.string(), tag: z.string(), search: z.string() }).describe('The filters applied, echoed.'),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/adrs' },
  needsIndex: false,
  async run(ctx, input) {
    const { adrs, total } = ctx.project.memory().adrs.list(input);
    return {
      adrs: adrs.map((a) => ({
        number: a.number, title: a.title, status: a.status, ...(a.superseded_by !== undefined ? { superseded_by: a.superseded_by } : {}),
        tags: a.tags, created_at: a.created_at, updated_at: a.updated_at,
      })),
      total,
      filters: { status: input.status, tag: input.tag, search: input.search },
      ...(total > adrs.length ? { truncated: { shown: adrs.length, total, by: 'limit' as const, hint: 'Raise limit or filter by status, tag or search.' } } : {}),
    };
  },
  render(out) {
    if (!out.adrs.length) {
      const filters = Object.entries(out.filters).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`);
      return `No ADRs found${filters.length ? ` (filters: ${filters.join(', ')})` : ''}.`;
    }
    const lines = [`## Architecture Decision Records (${out.total} total)`, '', '| # | Title | Status | Tags | Created |', '|---|-------|--------|------|---------|'];
    for (const a of out.adrs) {
      const status = a.superseded_by !== undefined ? `${a.status} (by #${a.superseded_by})` : a.status;
      lines.push(`| ${a.number} | ${cell(cut(a.title, 50))} | ${status} | ${cell(a.tags.join(', '))} | ${a.created_at.slice(0, 10)} |`);
    }
    if (out.truncated) lines.push('', `… ${out.truncated.total - out.truncated.shown} more ADRs not shown (limit=${out.truncated.shown}); raise limit or filter.`);
    return lines.join('\n');
  },
});
