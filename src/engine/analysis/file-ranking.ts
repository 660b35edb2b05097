// Every indexed file with its importance, most important first (ties by path), computed once per
// index generation; and the facts listings report about a set of files (count, lines, languages).
import type { FileRow } from '../index/store.js';
import type { Project } from '../project.js';

export interface RankedFile { row: FileRow; importance: number }

export function rankedFiles(project: Project): readonly RankedFile[] {
  return project.derived('analysis.ranked-files', () => {
    const graph = project.graph();
    return [...graph.files.values()]
      .map((row) => ({ row, importance: graph.importance(row.path) }))
      .sort((a, b) => b.importance - a.importance || (a.row.path < b.row.path ? -1 : 1));
  });
}

/** Ranked files under `dir` ('' = the whole project). */
export function rankedFilesUnder(project: Project, dir: string): RankedFile[] {
  const all = rankedFiles(project);
  if (!dir) return [...all];
  const prefix = `${dir}/`;
  return all.filter((f) => f.row.path.startsWith(prefix));
}

export interface FileSetFacts {
  files: number;
  lines: number;
  /** Files per language, most files first (ties by name); files of unknown type are not counted. */
  languages: Array<[string, number]>;
}

export function fileSetFacts(rows: Iterable<FileRow>): FileSetFacts {
  let files = 0;
  let lines = 0;
  const byLanguage = new Map<string, number>();
  for (const r of rows) {
    files++;
    lines += r.lines;
    if (r.language) byLanguage.set(r.language, (byLanguage.get(r.language) ?? 0) + 1);
  }
  const languages = [...byLanguage].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { files, lines, languages };
}

/** A count with thousands separators, as every listing prints it. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** `1 file`, `1,204 files`. */
export const plural = (n: number, noun: string): string => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
