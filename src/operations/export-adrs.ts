// `export_adrs`: write ADRs as Markdown files (`NNNN-title-slug.md`) into a folder of the project.
import { posix } from 'node:path';
import { z } from 'zod';
import { writeAdrFiles } from '../engine/memory/adr-markdown.js';
import { WRITE_IDEMPOTENT, defineOperation } from './define.js';
import { adrDirectory, recordNumber } from './memory-shared.js';
import { pathParam } from './shared.js';

export const exportAdrs = defineOperation({
  name: 'export_adrs',
  title: 'Export ADRs to Markdown',
  description: 'Write architecture decision records as Markdown files named NNNN-title-slug.md (YAML front matter with number, '
    + 'status, dates, author, tags, related files and status history; then Context, Decision, Consequences, Related Files) into '
    + 'a folder of the project, docs/adr by default. Files of the same numbers are overwritten; import_adrs reads them back exactly.',
  input: z.object({
    directory: pathParam('Folder inside the project root; created when missing.').default('docs/adr'),
    numbers: z.array(recordNumber('ADR number.')).max(1000).nullable().default(null).describe('Only these ADRs; null = all.'),
  }),
  output: z.object({
    directory: z.string(),
    files: z.array(z.object({ number: z.number().int(), path: z.string() })),
    removed: z.array(z.string()).describe('Older files of the same numbers (under a previous title) that were deleted.'),
  }),
  annotations: { ...WRITE_IDEMPOTENT, destructiveHint: true },
  route: { method: 'POST', path: '/adrs/export' },
  needsIndex: false,
  async run(ctx, input) {
    const dir = adrDirectory(ctx, input.directory);
    const adrs = ctx.project.memory().adrs.all(input.numbers ?? undefined);
    const { written, removed } = writeAdrFiles(adrs, dir.abs);
    return {
      directory: dir.rel,
      files: written.map((w) => ({ number: w.number, path: posix.join(dir.rel, w.name) })),
      removed: removed.map((name) => posix.join(dir.rel, name)),
    };
  },
  render(out) {
    if (!out.files.length) return `No ADRs to export to ${out.directory || '.'}.`;
    const lines = [`Exported ${out.files.length} ADR(s) to ${out.directory || '.'}:`, ...out.files.map((f) => `- ${f.path}`)];
    if (out.removed.length) lines.push(`Removed older files: ${out.removed.join(', ')}`);
    return lines.join('\n');
  },
});
