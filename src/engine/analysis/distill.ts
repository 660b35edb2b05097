// distill: a compressed view of a file set within a token budget. The selection is the named
// files plus their import neighbourhood (or, with no files, the most important ones); the view
// is each file's public API in its own syntax (`signatures`), the selection's tree and import
// lines (`structure`), or numbered source (`full`; the repository map when no files are named).
import { z } from 'zod';
import { neighbourhood } from '../graph/neighbourhood.js';
import { specFor } from '../parse/languages/index.js';
import type { Project } from '../project.js';
import { charBudget, codePoints, estimateTokens, fewestDemotions, tokensWithin } from './budget.js';
import { rankedFiles } from './file-ranking.js';
import { RepoMapResult, renderRepoMap, repoMap } from './repo-map.js';
import { renderDeclarations } from './signatures.js';
import { drawTree, nestPaths, preorder } from './tree.js';

export const DISTILL_LEVELS = ['full', 'signatures', 'structure'] as const;
export type DistillLevel = (typeof DISTILL_LEVELS)[number];

/** Paths listed in `omitted_files`, at most; `omitted_total` counts them all. */
const OMITTED_LISTED = 1000;
/** Room kept for the footer line `(n files, level=…, ~t tokens)`. */
const FOOTER_RESERVE = 64;
/** Fewest characters a file adds to the structure view: its tree line (`└── x` and a newline). */
const MIN_TREE_LINE = 6;
/** Without named files, how many of the most important files are candidates: one per this many characters of budget. */
const CHARS_PER_CANDIDATE: Record<DistillLevel, number> = { signatures: 80, full: 80, structure: 40 };

export const DistillResult = z.object({
  level: z.enum(DISTILL_LEVELS),
  files: z.array(z.object({ path: z.string(), language: z.string().nullable(), content: z.string(), tokens: z.number().int() })),
  omitted_files: z.array(z.string()),
  omitted_total: z.number().int(),
  total_tokens: z.number().int(),
  /** `full` without files: the repository map stands in for source. */
  repo_map: RepoMapResult.optional(),
});
export type DistillResult = z.infer<typeof DistillResult>;
type DistilledFile = DistillResult['files'][number];

/**
 * The files to distill. Named files first, in the order given, then their neighbours within
 * `depth` import hops by distance, importance and path; without named files, the most important
 * files (code files only for `signatures`).
 */
export function distillSelection(project: Project, centres: readonly string[] | null, depth: number, level: DistillLevel, maxTokens: number): string[] {
  // `depth` only applies to named files; without them the budget decides how many files are candidates.
  const graph = project.graph();
  if (centres) {
    const placed = neighbourhood(graph, centres, depth);
    const others = [...placed].filter(([, p]) => p.distance > 0)
      .map(([path, p]) => ({ path, distance: p.distance, importance: graph.importance(path) }))
      .sort((a, b) => a.distance - b.distance || b.importance - a.importance || (a.path < b.path ? -1 : 1));
    return [...centres, ...others.map((o) => o.path)];
  }
  const code = (f: { row: { status: string; language: string | null } }): boolean => f.row.status !== 'skipped' && specFor(f.row.language ?? '') !== undefined;
  return rankedFiles(project).filter((f) => level !== 'signatures' || code(f))
    .slice(0, Math.ceil(charBudget(maxTokens) / CHARS_PER_CANDIDATE[level])).map((f) => f.row.path);
}

const omittedLine = (n: number): string => `# ... ${n} more file(s) omitted (token budget)`;
const footer = (out: DistillResult): string =>
  `(${out.repo_map ? out.repo_map.shown_files : out.files.length} files, level=${out.level}, ~${out.total_tokens} tokens)`;

function importLines(files: readonly DistilledFile[]): string[] {
  const lines = files.filter((f) => f.content).map((f) => f.content);
  return lines.length ? lines : ['(no imports among these files)'];
}

/** The text before the footer; `total_tokens` is its estimate. */
function body(out: Omit<DistillResult, 'total_tokens'>): string {
  if (out.repo_map) return renderRepoMap(out.repo_map);
  const parts = out.level === 'structure'
    ? [
      ['# File tree', ...drawTree('./', [...preorder(nestPaths('', out.files.map((f) => f.path)))].slice(1)
        .map((i) => ({ depth: i.depth, text: i.path.slice(i.path.lastIndexOf('/') + 1) + (i.type === 'dir' ? '/' : '') })))].join('\n'),
      ['# Import graph (file -> imports)', ...importLines(out.files)].join('\n'),
    ]
    : out.files.map((f) => `# ${f.path}\n${f.content}`);
  if (out.omitted_total) parts.push(omittedLine(out.omitted_total));
  return parts.join('\n\n');
}

export function renderDistill(out: DistillResult): string {
  return `${body(out)}\n\n${footer(out)}`;
}

function finish(level: DistillLevel, files: DistilledFile[], omitted: readonly string[], map?: RepoMapResult): DistillResult {
  const partial = {
    level, files, omitted_files: omitted.slice(0, OMITTED_LISTED), omitted_total: omitted.length, ...(map ? { repo_map: map } : {}),
  };
  return { ...partial, total_tokens: estimateTokens(body(partial)) };
}

/** Numbered source lines, the number right-aligned to the widest. */
function numbered(text: string): string {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const width = String(lines.length).length;
  return lines.map((l, i) => `${String(i + 1).padStart(width)} | ${l}`).join('\n');
}

/** Distils `selection` (the named files and their neighbours), or the most important files when null. */
export function distill(project: Project, selection: readonly string[] | null, level: DistillLevel, maxTokens: number): DistillResult {
  const budget = charBudget(maxTokens) - FOOTER_RESERVE;
  if (level === 'full' && !selection) {
    return finish(level, [], [], repoMap(project, '', true, tokensWithin(budget)));
  }
  const paths = selection ?? distillSelection(project, null, 0, level, maxTokens);
  const graph = project.graph();
  const language = (p: string): string | null => graph.files.get(p)?.language ?? null;
  if (level === 'structure') {
    const shownAfter = (dropped: number): DistillResult => {
      const kept = paths.slice(0, paths.length - dropped);
      const inSet = new Set(kept);
      const files = kept.map((path) => {
        const targets = graph.imports(path).map((n) => n.path).filter((t) => inSet.has(t));
        const content = targets.length ? `${path} -> ${targets.join(', ')}` : '';
        return { path, language: language(path), content, tokens: estimateTokens(content) };
      });
      return finish(level, files, paths.slice(kept.length));
    };
    // Each file costs at least one tree line, so files past budget / MIN_TREE_LINE can never fit.
    const mustDrop = Math.max(0, paths.length - Math.floor(budget / MIN_TREE_LINE));
    const results = new Map<number, DistillResult>();
    const at = (k: number): DistillResult => results.get(k) ?? results.set(k, shownAfter(mustDrop + k)).get(k)!;
    return at(fewestDemotions(paths.length - mustDrop, (k) => codePoints(body(at(k))) <= budget));
  }
  const files: DistilledFile[] = [];
  let used = 0;
  let stop = paths.length;
  for (const [i, path] of paths.entries()) {
    const content = level === 'signatures' ? sourceSignatures(project, path) : sourceText(project, path);
    if (!content) continue;
    const section = `# ${path}\n${content}`;
    const left = paths.length - i - 1;
    const cost = codePoints(section) + (files.length ? 2 : 0);
    if (used + cost + (left ? codePoints(omittedLine(left)) + 2 : 0) > budget) { stop = i; break; }
    files.push({ path, language: language(path), content, tokens: estimateTokens(section) });
    used += cost;
  }
  return finish(level, files, paths.slice(stop));
}

function sourceSignatures(project: Project, path: string): string {
  const row = project.store.file(path);
  return row ? renderDeclarations(row.language, project.store.symbolsOfFile(path)).join('\n') : '';
}

function sourceText(project: Project, path: string): string {
  const row = project.store.file(path);
  if (!row) return '';
  if (row.skip_reason) return `(not shown: ${row.skip_reason})`;
  const text = project.readText(path);
  return text === undefined ? '(not shown: unreadable)' : numbered(text);
}
