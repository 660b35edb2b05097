// Which declarations best represent a file in one line: its top-level symbols ranked exported
// first, then class-like > function > other, then by how many files reference the name, then by
// line. Used by repo_map, explore_codebase, relevant_context and bootstrap.
import type { SymbolKind } from '../model.js';
import type { SymbolRow } from '../index/store.js';
import type { Project } from '../project.js';

const CLASS_LIKE: ReadonlySet<SymbolKind> = new Set(['class', 'struct', 'interface', 'trait', 'enum', 'type']);
const FUNCTION_LIKE: ReadonlySet<SymbolKind> = new Set(['function', 'method']);

export const isClassLike = (kind: SymbolKind): boolean => CLASS_LIKE.has(kind);
export const isFunctionLike = (kind: SymbolKind): boolean => FUNCTION_LIKE.has(kind);

const kindRank = (kind: SymbolKind): number => (CLASS_LIKE.has(kind) ? 0 : FUNCTION_LIKE.has(kind) ? 1 : 2);

/** Children of each symbol, keyed by the parent's qualified name, in line order. */
export function childrenByParent(symbols: readonly SymbolRow[]): Map<string, SymbolRow[]> {
  const out = new Map<string, SymbolRow[]>();
  for (const s of symbols) if (s.parent !== undefined) (out.get(s.parent) ?? out.set(s.parent, []).get(s.parent)!).push(s);
  return out;
}

/**
 * A file's top-level declarations. A namespace or module that wraps other declarations (a C++
 * namespace, a Ruby module around a class, a TS namespace) stands aside for what it wraps, so
 * the file's real content is what ranks.
 */
export function topLevelSymbols(symbols: readonly SymbolRow[]): SymbolRow[] {
  const children = childrenByParent(symbols);
  const out: SymbolRow[] = [];
  const visit = (s: SymbolRow): void => {
    const inner = s.kind === 'module' ? children.get(s.qualified_name) : undefined;
    if (inner?.length) inner.forEach(visit);
    else out.push(s);
  };
  symbols.filter((s) => s.parent === undefined).forEach(visit);
  return out;
}

/**
 * The first `limit` of `candidates` in rank order. Reference counts are asked only for the
 * (exported, kind) groups that reach into the first `limit`, since they only order within a group.
 */
export function rankSymbols(candidates: readonly SymbolRow[], limit: number, refCount: (name: string) => number): SymbolRow[] {
  const group = (s: SymbolRow): number => (s.exported ? 0 : 3) + kindRank(s.kind);
  const sorted = [...candidates].sort((a, b) => group(a) - group(b) || a.start_line - b.start_line || (a.name < b.name ? -1 : 1));
  const out: SymbolRow[] = [];
  for (let i = 0; i < sorted.length && out.length < limit;) {
    let j = i;
    while (j < sorted.length && group(sorted[j]!) === group(sorted[i]!)) j++;
    const counts = new Map(sorted.slice(i, j).map((s) => [s, refCount(s.name)]));
    out.push(...sorted.slice(i, j).sort((a, b) => counts.get(b)! - counts.get(a)! || a.start_line - b.start_line || (a.name < b.name ? -1 : 1)));
    i = j;
  }
  return out.slice(0, limit);
}

/** Files whose references mention `name`, memoised for the current index generation. */
export function referenceCount(project: Project, name: string): number {
  const memo = project.derived('analysis.reference-counts', () => new Map<string, number>());
  let n = memo.get(name);
  if (n === undefined) memo.set(name, (n = project.store.countFilesReferencing(name)));
  return n;
}

/** Names to show for ranked symbols: qualified names, each once (a TS type and a const may share one). */
export const symbolLabels = (symbols: readonly SymbolRow[]): string[] => [...new Set(symbols.map((s) => s.qualified_name))];

/** The `limit` declarations that best represent the file at `path`. */
export function topSymbols(project: Project, path: string, limit: number, symbols = project.store.symbolsOfFile(path)): SymbolRow[] {
  return rankSymbols(topLevelSymbols(symbols), limit, (name) => referenceCount(project, name));
}
