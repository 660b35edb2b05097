// `update_adr_status`: move a decision through its lifecycle; re-applying the current status is a
// harmless no-op, and every transition is kept in the ADR's history.
import { z } from 'zod';
import { Adr, AdrStatus } from '../engine/memory/adrs.js';
import { WRITE_IDEMPOTENT, defineOperation } from './define.js';
import { recordNumber } from './memory-shared.js';

export const updateAdrStatus = defineOperation({
  name: 'update_adr_status',
  title: 'Update ADR status',
  description: 'Move an ADR through its lifecycle: proposed → accepted | rejected | deprecated | superseded; accepted → deprecated | '
    + 'superseded; deprecated → superseded; superseded and rejected are final. superseded needs superseded_by, the number of a '
    + 'live ADR that replaces it. Setting the status it already has changes nothing (changed: false).',
  input: z.object({
    number: recordNumber('ADR number.'),
    status: AdrStatus.describe('proposed, accepted, rejected, deprecated or superseded.'),
    superseded_by: recordNumber('The ADR that replaces this one; only with status superseded.').nullable().default(null),
  }),
  output: z.object({
    number: z.number().int(),
    from: AdrStatus,
    to: AdrStatus,
    changed: z.boolean(),
    superseded_by: z.number().int().optional(),
    adr: Adr,
  }),
  annotations: WRITE_IDEMPOTENT,
  route: { method: 'POST', path: '/adrs/{number}/status' },
  needsIndex: false,
  async run(ctx, input) {
    const { number, from, to, changed, adr } = ctx.project.memory().adrs.setStatus(input.number, input.status, input.superseded_by);
    return { number, from, to, changed, ...(adr.superseded_by !== undefined ? { superseded_by: adr.superseded_by } : {}), adr };
  },
  render(out) {
    const by = out.superseded_by !== undefined ? ` Superseded by ADR #${out.superseded_by}.` : '';
    if (!out.changed) return `ADR #${out.number} is already '${out.to}'; nothing changed.${by}`;
    return `ADR #${out.number} status updated to '${out.to}'.${by}`;
  },
});
