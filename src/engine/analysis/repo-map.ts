// The repository map: a tree of the important files under a directory with their top symbols,
// fitted to a token budget. Files are tiered by importance (≥ 0.7 with symbols, ≥ 0.4 listed,
// the rest folded into `... +N files` markers). Over budget, the least important listed file is
// demoted one step at a time (its symbols go, then it folds into its marker); the number of
// demotions is found by binary search, so the tree shrinks from its least important entries
// instead of being cut at the bottom.
import { z } from 'zod';
import type { Project } from '../project.js';
import { charBudget, codePoints, fewestDemotions } from './budget.js';
import { fileSetFacts, formatCount, plural, rankedFilesUnder, type FileSetFacts } from './file-ranking.js';
import { symbolLabels, topSymbols } from './top-symbols.js';
import { baseName, drawTree, nestPaths, preorder, type TreeRow } from './tree.js';

const SYMBOLS_TIER = 0.7;
const LISTED_TIER = 0.4;
/** Entries deeper than this many levels below the map's directory fold into a `...` leaf. */
const MAX_DEPTH = 6;
const MAX_SYMBOLS = 10;

export const RepoMapEntry = z.object({
  path: z.string(),
  type: z.enum(['dir', 'file']),
  /** 0 for the map's directory itself, 1 for its children. */
  depth: z.number().int(),
  importance: z.number().optional(),
  symbols: z.array(z.string()).optional(),
  /** Files counted in this directory's `... +N files` marker (files not listed, and not under a listed subdirectory). */
  folded_files: z.number().int().optional(),
  /** Listed files below the depth limit, drawn as one `...` leaf. */
  deep_files: z.number().int().optional(),
});

export const RepoMapResult = z.object({
  path: z.string(),
  /** Name of the top line: the directory's path, or the project folder's name for the root. */
  name: z.string(),
  max_tokens: z.number().int(),
  entries: z.array(RepoMapEntry),
  shown_files: z.number().int(),
  /** Files the tiers list before fitting; more than shown_files when the budget folded some. */
  listed_files: z.number().int(),
  total_files: z.number().int(),
  total_lines: z.number().int(),
  languages: z.record(z.string(), z.number().int()),
  /** Files whose symbols were dropped to fit the budget but which are still listed. */
  symbols_dropped: z.number().int().optional(),
});
export type RepoMapResult = z.infer<typeof RepoMapResult>;
type Entry = z.infer<typeof RepoMapEntry>;

interface Listed { path: string; importance: number; depth: number; symbols: string[] }

/** The map of `dir` ('' = root) within `maxTokens`, cached per (generation, parameters). */
export function repoMap(project: Project, dir: string, includeSymbols: boolean, maxTokens: number): RepoMapResult {
  return project.derived(`analysis.repo-map\0${dir}\0${includeSymbols}\0${maxTokens}`, () => computeRepoMap(project, dir, includeSymbols, maxTokens));
}

/** What the map of a directory shows before fitting, shared by every budget. */
function tiers(project: Project, dir: string, includeSymbols: boolean): { paths: string[]; facts: FileSetFacts; listed: Listed[] } {
  return project.derived(`analysis.repo-map-tiers\0${dir}\0${includeSymbols}`, () => {
    const files = rankedFilesUnder(project, dir);
    const relDepth = (path: string): number => (dir ? path.slice(dir.length + 1) : path).split('/').length;
    const listed = files.filter((f) => f.importance >= LISTED_TIER).map((f) => {
      const depth = relDepth(f.row.path);
      const withSymbols = includeSymbols && f.importance >= SYMBOLS_TIER && depth <= MAX_DEPTH;
      return {
        path: f.row.path, importance: f.importance, depth,
        symbols: withSymbols ? symbolLabels(topSymbols(project, f.row.path, MAX_SYMBOLS)) : [],
      };
    });
    return { paths: files.map((f) => f.row.path), facts: fileSetFacts(files.map((f) => f.row)), listed };
  });
}

function computeRepoMap(project: Project, dir: string, includeSymbols: boolean, maxTokens: number): RepoMapResult {
  const { paths, facts, listed } = tiers(project, dir, includeSymbols);
  // Demotions, least important file first (ties: the path that would be drawn last).
  const steps: Array<{ file: Listed; fold: boolean }> = [];
  for (const file of [...listed].reverse()) {
    if (file.symbols.length) steps.push({ file, fold: false });
    steps.push({ file, fold: true });
  }
  const base = {
    path: dir, name: dir || baseName(project.root), max_tokens: maxTokens, listed_files: listed.filter((f) => f.depth <= MAX_DEPTH).length,
    total_files: facts.files, total_lines: facts.lines, languages: Object.fromEntries(facts.languages),
  };
  const layouts = new Map<number, RepoMapResult>();
  const layoutAfter = (demotions: number): RepoMapResult => {
    let out = layouts.get(demotions);
    if (!out) {
      const dropped = new Set<Listed>();
      const folded = new Set<Listed>();
      for (const { file, fold } of steps.slice(0, demotions)) (fold ? folded : dropped).add(file);
      // Demotions go file by file, so only the last file demoted can have lost its symbols and stayed.
      const symbolsDropped = demotions && !steps[demotions - 1]!.fold ? { symbols_dropped: 1 } : {};
      out = { ...base, ...layout(dir, paths, listed.filter((f) => !folded.has(f)), dropped), ...symbolsDropped };
      layouts.set(demotions, out);
    }
    return out;
  };
  const budget = charBudget(maxTokens);
  return layoutAfter(fewestDemotions(steps.length, (k) => codePoints(renderRepoMap(layoutAfter(k))) <= budget));
}

/** Entries for the files still listed: shown directories, their markers, and `...` leaves. */
function layout(dir: string, all: readonly string[], listed: readonly Listed[], dropped: ReadonlySet<Listed>): Pick<RepoMapResult, 'entries' | 'shown_files'> {
  const shown = listed.filter((f) => f.depth <= MAX_DEPTH);
  const deepAnchor = (path: string): string => path.split('/').slice(0, (dir ? dir.split('/').length : 0) + MAX_DEPTH).join('/');
  const deep = new Map<string, number>();
  for (const f of listed) if (f.depth > MAX_DEPTH) deep.set(deepAnchor(f.path), (deep.get(deepAnchor(f.path)) ?? 0) + 1);
  const tree = nestPaths(dir, shown.map((f) => f.path), deep.keys());
  const items = [...preorder(tree)];
  const dirs = new Set(items.filter((i) => i.type === 'dir').map((i) => i.path));
  // Every file not listed counts in the marker of its nearest drawn ancestor directory.
  const isListed = new Set(listed.map((f) => f.path));
  const nearest = new Map<string, string>();
  const parentOf = (p: string): string => p.slice(0, Math.max(0, p.lastIndexOf('/')));
  const drawnAncestor = (d: string): string => {
    if (dirs.has(d)) return d;
    if (d.length <= dir.length) return dir;
    let hit = nearest.get(d);
    if (hit === undefined) nearest.set(d, (hit = drawnAncestor(parentOf(d))));
    return hit;
  };
  const markers = new Map<string, number>();
  for (const p of all) {
    if (isListed.has(p)) continue;
    const home = drawnAncestor(parentOf(p));
    markers.set(home, (markers.get(home) ?? 0) + 1);
  }
  const byPath = new Map(shown.map((f) => [f.path, f]));
  const entries: Entry[] = items.map((item): Entry => {
    if (item.type === 'dir') {
      const foldedHere = markers.get(item.path);
      const deepHere = deep.get(item.path);
      return { path: item.path, type: 'dir', depth: item.depth, ...(foldedHere ? { folded_files: foldedHere } : {}), ...(deepHere ? { deep_files: deepHere } : {}) };
    }
    const f = byPath.get(item.path)!;
    return {
      path: f.path, type: 'file', depth: item.depth, importance: f.importance,
      ...(f.symbols.length && !dropped.has(f) ? { symbols: f.symbols } : {}),
    };
  });
  return { entries, shown_files: shown.length };
}

export function renderRepoMap(out: RepoMapResult): string {
  if (!out.total_files) return '(no files discovered)';
  const rows: TreeRow[] = [];
  for (const e of out.entries) {
    if (e.depth > 0) {
      const name = baseName(e.path);
      rows.push({ depth: e.depth, text: e.type === 'dir' ? `${name}/` : `${name}${e.symbols ? `  [${e.symbols.join(', ')}]` : ''}` });
    }
    if (e.folded_files) rows.push({ depth: e.depth + 1, text: `... +${e.folded_files} files` });
    if (e.deep_files) rows.push({ depth: e.depth + 1, text: '...' });
  }
  const lines = drawTree(`${out.name}/`, rows);
  lines.push('', `(${plural(out.total_files, 'file')}, ${plural(out.total_lines, 'line')}, ${plural(Object.keys(out.languages).length, 'language')})`);
  if (out.listed_files > out.shown_files || out.symbols_dropped) {
    const parts = [
      ...(out.listed_files > out.shown_files ? [`${formatCount(out.listed_files - out.shown_files)} more files folded into markers`] : []),
      ...(out.symbols_dropped ? [`symbols dropped from ${out.symbols_dropped} file${out.symbols_dropped === 1 ? '' : 's'}`] : []),
    ];
    lines.push(`… ${parts.join(', ')} (max_tokens=${out.max_tokens}); raise max_tokens or narrow path.`);
  }
  return lines.join('\n');
}
