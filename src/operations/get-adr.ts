// `get_adr`: one decision in full, with what it supersedes, its status history and whether its
// related files still exist and still have the content they had when it was recorded.
import { z } from 'zod';
import { notFound } from '../errors.js';
import { Adr, RelatedFileState } from '../engine/memory/adrs.js';
import { READ_ONLY, defineOperation } from './define.js';
import { recordNumber } from './memory-shared.js';

const time = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z');

export const getAdr = defineOperation({
  name: 'get_adr',
  title: 'Get an ADR',
  description: 'One architecture decision record in full: status, what superseded it and what it supersedes, context, decision, '
    + 'consequences, status history, and each related file with whether it still exists and whether its content changed since.',
  input: z.object({ number: recordNumber('ADR number.') }),
  output: Adr.omit({ related_files: true }).extend({
    related_files: z.array(RelatedFileState),
    supersedes: z.array(z.number().int()).describe('Numbers of the ADRs this one replaced.'),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/adrs/{number}' },
  needsIndex: false,
  async run(ctx, input) {
    const adrs = ctx.project.memory().adrs;
    const adr = adrs.get(input.number);
    if (!adr) throw notFound(`ADR #${input.number} does not exist.`, { number: input.number });
    return { ...adr, related_files: await adrs.relatedFiles(adr), supersedes: adrs.supersedes(adr.number) };
  },
  render(out) {
    const lines = [`# ADR #${out.number}: ${out.title}`, '', `**Status:** ${out.status}`];
    if (out.superseded_by !== undefined) lines.push(`**Superseded by:** ADR #${out.superseded_by}`);
    if (out.supersedes.length) lines.push(`**Supersedes:** ${out.supersedes.map((n) => `ADR #${n}`).join(', ')}`);
    lines.push(`**Created:** ${time(out.created_at)} / **Updated:** ${time(out.updated_at)}`);
    if (out.author) lines.push(`**Author:** ${out.author}`);
    if (out.tags.length) lines.push(`**Tags:** ${out.tags.join(', ')}`);
    lines.push('', '## Context', '', out.context, '', '## Decision', '', out.decision);
    if (out.consequences) lines.push('', '## Consequences', '', out.consequences);
    if (out.related_files.length) {
      lines.push('', '## Related Files', '');
      for (const f of out.related_files) lines.push(`- \`${f.path}\`${!f.exists ? ' (missing)' : f.anchor_changed ? ' (changed since recorded)' : ''}`);
    }
    if (out.history.length) {
      lines.push('', '## Status History', '');
      for (const h of out.history) lines.push(`- ${time(h.at)}: ${h.from} → ${h.to}${h.superseded_by !== undefined ? ` (by ADR #${h.superseded_by})` : ''}`);
    }
    return lines.join('\n');
  },
});
