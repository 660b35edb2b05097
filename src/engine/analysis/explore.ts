// One directory level at a time: the direct subdirectories (largest first) with their size and
// languages, and the direct files (most important first) with role tags and top symbols; or a
// single file's summary. Cached per (generation, parameters).
import { z } from 'zod';
import type { FileRow } from '../index/store.js';
import type { Project } from '../project.js';
import { fileSetFacts, plural, rankedFilesUnder, type RankedFile } from './file-ranking.js';
import { fileTags } from './file-tags.js';
import { symbolLabels, topSymbols } from './top-symbols.js';

/** Files always listed, whatever their importance. */
const ALWAYS_SHOWN = 5;
const SYMBOLS_PER_FILE = 5;
const SYMBOLS_OF_FILE_VIEW = 20;
const LANGUAGES_PER_DIR = 3;

const Tag = z.enum(['config', 'test', 'entry']);

export const ExploreFileView = z.object({
  path: z.string(),
  language: z.string().nullable(),
  lines: z.number().int(),
  importance: z.number(),
  tags: z.array(Tag),
  symbols: z.array(z.object({ kind: z.string(), name: z.string(), line: z.number().int() })),
  imports: z.number().int(),
  imported_by: z.number().int(),
});

export const ExploreResult = z.object({
  path: z.string(),
  breadcrumb: z.array(z.string()),
  total_files: z.number().int(),
  total_lines: z.number().int(),
  dirs: z.array(z.object({ path: z.string(), files: z.number().int(), lines: z.number().int(), languages: z.array(z.string()), subdirs: z.number().int() })),
  files: z.array(z.object({ path: z.string(), lines: z.number().int(), importance: z.number(), tags: z.array(Tag), symbols: z.array(z.string()) })),
  omitted_dirs: z.number().int(),
  omitted_files: z.number().int(),
  file: ExploreFileView.optional(),
});
export type ExploreResult = z.infer<typeof ExploreResult>;

/** A listing whose dirs and files did not all fit in max_items. */
export type ExploreOutcome = ExploreResult & { truncated?: { shown: number; total: number; by: 'limit'; hint: string } };

/** `(root)`, then each ancestor path, ending with `path` itself. */
function breadcrumb(path: string): string[] {
  const parts = path ? path.split('/') : [];
  return ['(root)', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

export function exploreDirectory(project: Project, dir: string, maxItems: number, threshold: number): ExploreOutcome {
  return project.derived(`analysis.explore\0${dir}\0${maxItems}\0${threshold}`, () => computeDirectory(project, dir, maxItems, threshold));
}

function computeDirectory(project: Project, dir: string, maxItems: number, threshold: number): ExploreOutcome {
  const files = rankedFilesUnder(project, dir);
  const prefix = dir ? `${dir}/` : '';
  const direct: RankedFile[] = [];
  const children = new Map<string, { rows: FileRow[]; subdirs: Set<string> }>();
  for (const f of files) {
    const rest = f.row.path.slice(prefix.length).split('/');
    if (rest.length === 1) { direct.push(f); continue; }
    const child = children.get(rest[0]!) ?? children.set(rest[0]!, { rows: [], subdirs: new Set() }).get(rest[0]!)!;
    child.rows.push(f.row);
    if (rest.length > 2) child.subdirs.add(rest[1]!);
  }
  const dirs = [...children].map(([name, c]) => {
    const facts = fileSetFacts(c.rows);
    return {
      path: prefix + name, files: facts.files, lines: facts.lines,
      languages: facts.languages.slice(0, LANGUAGES_PER_DIR).map(([l]) => l), subdirs: c.subdirs.size,
    };
  }).sort((a, b) => b.files - a.files || b.lines - a.lines || (a.path < b.path ? -1 : 1));
  const candidates = direct.filter((f, i) => i < ALWAYS_SHOWN || f.importance >= threshold);
  let dirSlots = dirs.length;
  let fileSlots = candidates.length;
  if (dirs.length + candidates.length > maxItems) {
    dirSlots = Math.min(dirs.length, Math.floor(maxItems / 2));
    fileSlots = maxItems - dirSlots;
  }
  const shownFiles = candidates.slice(0, fileSlots).map((f) => {
    const symbols = project.store.symbolsOfFile(f.row.path);
    return {
      path: f.row.path, lines: f.row.lines, importance: f.importance, tags: fileTags(f.row, symbols),
      symbols: symbolLabels(topSymbols(project, f.row.path, SYMBOLS_PER_FILE, symbols)),
    };
  });
  const facts = fileSetFacts(files.map((f) => f.row));
  const out = {
    path: dir, breadcrumb: breadcrumb(dir), total_files: facts.files, total_lines: facts.lines,
    dirs: dirs.slice(0, dirSlots), files: shownFiles,
    omitted_dirs: dirs.length - dirSlots, omitted_files: direct.length - shownFiles.length,
  };
  const total = dirs.length + candidates.length;
  return total > maxItems
    ? { ...out, truncated: { shown: dirSlots + shownFiles.length, total, by: 'limit', hint: 'Raise max_items or explore a subdirectory.' } }
    : out;
}

export function exploreFile(project: Project, row: FileRow): ExploreResult {
  return project.derived(`analysis.explore-file\0${row.path}`, () => computeFile(project, row));
}

function computeFile(project: Project, row: FileRow): ExploreResult {
  const graph = project.graph();
  const symbols = project.store.symbolsOfFile(row.path);
  return {
    path: row.path, breadcrumb: breadcrumb(row.path), total_files: 1, total_lines: row.lines,
    dirs: [], files: [], omitted_dirs: 0, omitted_files: 0,
    file: {
      path: row.path, language: row.language, lines: row.lines, importance: graph.importance(row.path),
      tags: fileTags(row, symbols),
      symbols: topSymbols(project, row.path, SYMBOLS_OF_FILE_VIEW, symbols).map((s) => ({ kind: s.kind, name: s.qualified_name, line: s.start_line })),
      imports: graph.imports(row.path).length, imported_by: graph.importers(row.path).length,
    },
  };
}

export function renderExplore(out: ExploreResult): string {
  const f = out.file;
  if (f) {
    const lines = [
      `${f.path} (${f.language ?? 'unknown'}, ${plural(f.lines, 'line')})`,
      `Breadcrumb: ${out.breadcrumb.join(' > ')}`,
      `  imp=${f.importance.toFixed(2)}${f.tags.length ? `  [${f.tags.join(', ')}]` : ''}  imports ${f.imports}  imported by ${f.imported_by}`,
    ];
    for (const s of f.symbols) lines.push(`  [${s.kind}] ${s.name}  L${s.line}`);
    if (!f.symbols.length) lines.push('  (no symbols)');
    return lines.join('\n');
  }
  const name = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
  const lines = [
    `${out.path || '(root)'} (${plural(out.total_files, 'file')}, ${plural(out.total_lines, 'line')})`,
    `Breadcrumb: ${out.breadcrumb.join(' > ')}`,
  ];
  for (const d of out.dirs) {
    lines.push(`  [dir] ${name(d.path)}/  ${plural(d.files, 'file')}  ${plural(d.lines, 'line')}`
      + `${d.subdirs ? `  ${plural(d.subdirs, 'subdir')}` : ''}${d.languages.length ? `  [${d.languages.join(', ')}]` : ''}`);
  }
  if (out.omitted_dirs) lines.push(`  ... +${out.omitted_dirs} more dirs`);
  for (const file of out.files) {
    lines.push(`  [file] ${name(file.path)}  ${file.lines}L  imp=${file.importance.toFixed(2)}`
      + `${file.tags.length ? `  [${file.tags.join(', ')}]` : ''}${file.symbols.length ? `  [${file.symbols.join(', ')}]` : ''}`);
  }
  if (out.omitted_files) lines.push(`  ... +${out.omitted_files} more files`);
  if (!out.total_files) lines.push('  (no files discovered here)');
  return lines.join('\n');
}
