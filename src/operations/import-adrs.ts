// `import_adrs`: read ADR Markdown files back (the layout export_adrs writes), keeping their numbers.
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { readAdrFiles } from '../engine/memory/adr-markdown.js';
import { WRITE_IDEMPOTENT, defineOperation } from './define.js';
import { adrDirectory } from './memory-shared.js';
import { pathParam } from './shared.js';

const Skipped = z.object({ path: z.string(), reason: z.string() });

export const importAdrs = defineOperation({
  name: 'import_adrs',
  title: 'Import ADRs from Markdown',
  description: 'Read architecture decision records from the Markdown files of a folder (docs/adr by default; the layout export_adrs '
    + 'writes, or hand-written files whose number is in the file name). Numbers are kept: an existing ADR of that number is '
    + 'overwritten with the file\'s content, a new number is added. Unreadable files are listed with the reason.',
  input: z.object({
    directory: pathParam('Folder inside the project root.').default('docs/adr'),
  }),
  output: z.object({
    directory: z.string(),
    created: z.array(z.number().int()),
    updated: z.array(z.number().int()),
    skipped: z.array(Skipped),
  }),
  annotations: { ...WRITE_IDEMPOTENT, destructiveHint: true },
  route: { method: 'POST', path: '/adrs/import' },
  needsIndex: false,
  async run(ctx, input) {
    const dir = adrDirectory(ctx, input.directory);
    if (!existsSync(dir.abs)) throw notFound(`Folder '${dir.rel}' does not exist.`, { path: dir.rel });
    const memory = ctx.project.memory();
    const read = readAdrFiles(dir.abs, new Date(memory.now()).toISOString(), (p) => ctx.project.resolvePath(p).rel);
    const stored = memory.adrs.replace(read.adrs.map((a) => a.adr));
    const pathOf = (name: string) => posix.join(dir.rel, name);
    const skipped = [
      ...read.skipped.map((s) => ({ path: pathOf(s.name), reason: s.reason })),
      ...stored.rejected.map((r) => ({ path: pathOf(read.adrs.find((a) => a.adr.number === r.number)!.name), reason: r.reason })),
    ].sort((a, b) => a.path.localeCompare(b.path));
    return { directory: dir.rel, created: stored.created, updated: stored.updated, skipped };
  },
  render(out) {
    const list = (ns: number[]) => ns.map((n) => `#${n}`).join(', ');
    const lines = [`Imported ${out.created.length + out.updated.length} ADR(s) from ${out.directory || '.'}.`];
    if (out.created.length) lines.push(`Created (${out.created.length}): ${list(out.created)}`);
    if (out.updated.length) lines.push(`Updated (${out.updated.length}): ${list(out.updated)}`);
    for (const s of out.skipped) lines.push(`Skipped ${s.path}: ${s.reason}`);
    return lines.join('\n');
  },
});
