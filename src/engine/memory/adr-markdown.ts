// ADRs as Markdown files, one per decision, named `NNNN-title-slug.md` (docs/adr by default):
// MADR-style YAML front matter for what is data (number, status, dates, author, tags, related files
// with their anchors, status history), then the title heading and the sections a reader expects
// (Context, Decision, Consequences, Related Files). Writing then reading gives back the same record
// exactly: section text is kept verbatim, and a text line that would read as one of these section
// headings is escaped with one more leading backslash.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { ADR_STATUSES, AdrTransition, normaliseTags, type Adr, type AdrStatus } from './adrs.js';
import { ANCHOR_PATTERN } from './anchors.js';

const SECTION = '## (?:Context|Decision|Consequences|Related Files)';
const ESCAPE = new RegExp(`^(\\\\*${SECTION})$`, 'gm');
const UNESCAPE = new RegExp(`^\\\\(\\\\*${SECTION})$`, 'gm');
const MARKER = /^## (Context|Decision|Consequences|Related Files)$/gm;

const FrontMatter = z.object({
  number: z.number().int().positive().optional(),
  status: z.string().optional(),
  superseded_by: z.number().int().positive().nullable().optional(),
  date: z.string().optional(),
  updated: z.string().optional(),
  author: z.string().optional(),
  tags: z.array(z.string()).optional(),
  related_files: z.array(z.union([z.string(), z.object({ path: z.string(), anchor_blob_oid: z.string().optional() })])).optional(),
  history: z.array(AdrTransition).optional(),
});

/** A file that cannot be read as an ADR, with the reason. */
class AdrFileError extends Error {}

function adrSlug(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'decision';
}

const adrFileName = (adr: Pick<Adr, 'number' | 'title'>): string => `${String(adr.number).padStart(4, '0')}-${adrSlug(adr.title)}.md`;

function adrToMarkdown(adr: Adr): string {
  const front = {
    number: adr.number,
    status: adr.status,
    ...(adr.superseded_by !== undefined ? { superseded_by: adr.superseded_by } : {}),
    date: adr.created_at,
    updated: adr.updated_at,
    author: adr.author,
    tags: adr.tags,
    related_files: adr.related_files.map((path, i) => ({ path, anchor_blob_oid: adr.anchor_blob_oids[i] ?? '' })),
    history: adr.history,
  };
  const sections: Array<[string, string]> = [['Context', adr.context], ['Decision', adr.decision]];
  if (adr.consequences) sections.push(['Consequences', adr.consequences]);
  const body = sections.map(([name, text]) => `## ${name}\n\n${text.replace(ESCAPE, '\\$1')}\n`);
  if (adr.related_files.length) body.push(`## Related Files\n\n${adr.related_files.map((p) => `- \`${p}\``).join('\n')}\n`);
  return `---\n${stringifyYaml(front, { lineWidth: 0 })}---\n\n# ${adr.number}. ${adr.title}\n\n${body.join('\n')}`;
}

/** The text of each section, verbatim (inverse of the layout `adrToMarkdown` writes). */
function sections(body: string): Map<string, string> {
  const marks = [...body.matchAll(MARKER)];
  const out = new Map<string, string>();
  marks.forEach((m, i) => {
    if (out.has(m[1]!)) throw new AdrFileError(`section '## ${m[1]!}' appears twice`);
    let start = m.index + m[0].length + 1;
    if (body[start] === '\n') start++;
    const next = marks[i + 1]?.index;
    // A section ends with its text's newline, plus the blank line before the next heading.
    const end = next === undefined ? body.length - (body.endsWith('\n') ? 1 : 0) : next - (body.slice(0, next).endsWith('\n\n') ? 2 : 1);
    out.set(m[1]!, body.slice(start, Math.max(start, end)).replace(UNESCAPE, '$1'));
  });
  return out;
}

/**
 * Reads one ADR file. `confine` turns a related path into a root-relative one (throwing for a path
 * outside the root). Files without front matter (hand-written) take their number from the file
 * name and their status, dates and related files from defaults and the `## Related Files` list.
 */
function adrFromMarkdown(text: string, fileName: string, now: string, confine: (path: string) => string): Adr {
  let front: z.infer<typeof FrontMatter> = {};
  let rest = text;
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---\n', 3);
    if (end < 0) throw new AdrFileError('front matter is not closed by a --- line');
    let raw: unknown;
    try { raw = parseYaml(text.slice(4, end + 1)) ?? {}; } catch (err) { throw new AdrFileError(`front matter is not valid YAML (${(err as Error).message.split('\n')[0]})`); }
    const parsed = FrontMatter.safeParse(raw);
    if (!parsed.success) throw new AdrFileError(`front matter field '${parsed.error.issues[0]!.path.join('.')}' is invalid`);
    front = parsed.data;
    rest = text.slice(end + 5);
  }
  const heading = /^\n*# (?:(\d+)\. )?(.*)\n/.exec(rest);
  if (!heading) throw new AdrFileError("no '# <number>. <title>' heading");
  const number = front.number ?? Number(/^(\d+)-/.exec(fileName)?.[1] ?? heading[1] ?? NaN);
  if (!Number.isInteger(number) || number < 1) throw new AdrFileError('no ADR number (front matter, file name or heading)');
  const title = heading[2]!;
  const parts = sections(rest.slice(heading[0].length));
  const context = parts.get('Context') ?? '';
  const decision = parts.get('Decision') ?? '';
  if (!title.trim() || !context.trim() || !decision.trim()) throw new AdrFileError('title, Context and Decision must not be empty');
  const status = (front.status ?? 'proposed').toLowerCase() as AdrStatus;
  if (!ADR_STATUSES.includes(status)) throw new AdrFileError(`status '${front.status}' is not one of ${ADR_STATUSES.join(', ')}`);
  const supersededBy = front.superseded_by ?? undefined;
  if ((status === 'superseded') !== (supersededBy !== undefined)) throw new AdrFileError('superseded_by must be set exactly when the status is superseded');
  if (supersededBy === number) throw new AdrFileError(`ADR #${number} cannot supersede itself`);
  const listed = front.related_files
    ?? [...(parts.get('Related Files') ?? '').matchAll(/^- `?([^`\n]+?)`?$/gm)].map((m) => m[1]!);
  const files = listed.map((f) => (typeof f === 'string' ? { path: f, anchor_blob_oid: '' } : { path: f.path, anchor_blob_oid: f.anchor_blob_oid ?? '' }));
  for (const f of files) {
    if (f.anchor_blob_oid && !ANCHOR_PATTERN.test(f.anchor_blob_oid)) throw new AdrFileError(`anchor '${f.anchor_blob_oid}' is not git:<40 hex> or sha256:<64 hex>`);
    try { f.path = confine(f.path); } catch { throw new AdrFileError(`related file '${f.path}' is outside the project root`); }
  }
  const created = front.date ?? now;
  return {
    number, title, status, context, decision, consequences: parts.get('Consequences') ?? '',
    related_files: files.map((f) => f.path), tags: normaliseTags(front.tags ?? []), author: front.author ?? '',
    ...(supersededBy !== undefined ? { superseded_by: supersededBy } : {}),
    created_at: created, updated_at: front.updated ?? created, anchor_blob_oids: files.map((f) => f.anchor_blob_oid),
    history: front.history ?? [],
  };
}

/** Writes one file per ADR into `dir`, removing older files of the same numbers (a renamed title). */
export function writeAdrFiles(adrs: readonly Adr[], dir: string): { written: Array<{ number: number; name: string }>; removed: string[] } {
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir);
  const written: Array<{ number: number; name: string }> = [];
  const removed: string[] = [];
  for (const adr of adrs) {
    const name = adrFileName(adr);
    for (const other of existing) {
      if (other !== name && Number(/^(\d+)-.*\.md$/.exec(other)?.[1]) === adr.number) {
        rmSync(join(dir, other), { force: true });
        removed.push(other);
      }
    }
    writeFileSync(join(dir, name), adrToMarkdown(adr));
    written.push({ number: adr.number, name });
  }
  return { written, removed: removed.sort() };
}

/** Reads every `.md` file of `dir` as an ADR; unreadable ones and repeated numbers are skipped with a reason. */
export function readAdrFiles(dir: string, now: string, confine: (path: string) => string):
  { adrs: Array<{ adr: Adr; name: string }>; skipped: Array<{ name: string; reason: string }> } {
  const adrs: Array<{ adr: Adr; name: string }> = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  const names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md')).map((e) => e.name).sort();
  for (const name of names) {
    try {
      const adr = adrFromMarkdown(readFileSync(join(dir, name), 'utf8'), name, now, confine);
      const twin = adrs.find((a) => a.adr.number === adr.number);
      if (twin) skipped.push({ name, reason: `ADR #${adr.number} is already read from ${twin.name}` });
      else adrs.push({ adr, name });
    } catch (err) {
      if (!(err instanceof AdrFileError)) throw err;
      skipped.push({ name, reason: err.message });
    }
  }
  return { adrs, skipped };
}
