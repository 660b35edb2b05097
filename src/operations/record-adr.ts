// `record_adr`: record an architecture decision, with anchors on the related files that exist.
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import { Adr, normaliseTags } from '../engine/memory/adrs.js';
import { ANCHOR_PATTERN } from '../engine/memory/anchors.js';
import { WRITE, defineOperation } from './define.js';
import { oneLine } from './memory-shared.js';
import { pathParam } from './shared.js';

const TEXT_MAX = 20_000;

function required(name: string, value: string): void {
  if (!value.trim()) throw invalidArgument(`Parameter '${name}' must not be empty.`, { parameter: name });
}

export const recordAdr = defineOperation({
  name: 'record_adr',
  title: 'Record an ADR',
  description: 'Record an architecture decision (ADR): title, context, decision, consequences, related files and tags. It gets '
    + 'the next number (numbers are never reused) and starts as proposed (or accepted for a decision already taken); move it '
    + 'with update_adr_status. Related files that exist are anchored to their content so get_adr can show where code drifted.',
  input: z.object({
    title: oneLine(200).min(1).describe('One line, 1..200 characters.'),
    context: z.string().min(1).max(TEXT_MAX).describe('Why a decision was needed.'),
    decision: z.string().min(1).max(TEXT_MAX).describe('What was decided.'),
    consequences: z.string().max(TEXT_MAX).default('').describe('What follows from it.'),
    related_files: z.array(pathParam('A file path.')).max(100).nullable().default(null)
      .describe('Up to 100 files inside the root; missing files are allowed and flagged.'),
    tags: z.array(z.string().max(100)).max(20).nullable().default(null).describe('Up to 20; trimmed, lower-cased, de-duplicated.'),
    anchor_blob_oids: z.array(z.string().max(100)).max(100).nullable().default(null)
      .describe('One per related file, in order (git:<40 hex>, sha256:<64 hex> or ""); computed for existing files when absent.'),
    status: z.enum(['proposed', 'accepted']).default('proposed').describe('accepted records a decision already taken.'),
    author: oneLine(200).default(''),
  }),
  output: z.object({
    number: z.number().int(),
    adr: Adr,
    missing_files: z.array(z.string()).describe('Related files that do not exist (yet).'),
  }),
  annotations: WRITE,
  route: { method: 'POST', path: '/adrs' },
  needsIndex: false,
  async run(ctx, input) {
    const title = input.title.trim();
    required('title', title);
    required('context', input.context);
    required('decision', input.decision);
    const paths = input.related_files ?? [];
    const given = input.anchor_blob_oids?.map((a) => a.trim().toLowerCase()) ?? null;
    if (given && given.length !== paths.length) {
      throw invalidArgument(`Parameter 'anchor_blob_oids' has ${given.length} entries for ${paths.length} related files; give one per file ("" for none).`,
        { parameter: 'anchor_blob_oids' });
    }
    const bad = given?.find((a) => a && !ANCHOR_PATTERN.test(a));
    if (bad !== undefined) throw invalidArgument(`Anchor '${bad}' is not git:<40 hex> or sha256:<64 hex>.`, { parameter: 'anchor_blob_oids' });
    const files = new Map<string, string>();
    paths.forEach((p, i) => {
      const { rel } = ctx.project.resolvePath(p);
      if (!rel) throw invalidArgument(`Related file '${p}' is the project root; name a file.`, { parameter: 'related_files' });
      if (!files.has(rel)) files.set(rel, given?.[i] ?? '');
    });
    const memory = ctx.project.memory();
    const adr = await memory.adrs.record({
      title, context: input.context, decision: input.decision, consequences: input.consequences,
      related_files: [...files.keys()], tags: normaliseTags(input.tags ?? []), anchors: given ? [...files.values()] : null,
      status: input.status, author: input.author.trim(),
    });
    return { number: adr.number, adr, missing_files: adr.related_files.filter((p) => !memory.anchors.exists(p)) };
  },
  render(out) {
    const anchors = out.adr.anchor_blob_oids.filter(Boolean).length;
    const lines = [
      `Recorded ADR #${out.number}: ${out.adr.title} (${anchors} anchor(s))`,
      `Status: ${out.adr.status}`,
      'Use `update_adr_status` to accept, deprecate, or supersede this decision.',
    ];
    if (out.missing_files.length) lines.push(`Related files that do not exist: ${out.missing_files.join(', ')}`);
    return lines.join('\n');
  },
});
