// The context capsule of relevant_context: the files within 1–2 import hops of a centre set, each
// with its relationship to the centre and its main symbols in compact form, added nearest and
// most important first until the token budget is used. The first centre always appears; when it
// alone is too big its symbol lines go, last first, so the budget holds (spec §1.6).
import { z } from 'zod';
import { neighbourhood, type Placement } from '../graph/neighbourhood.js';
import type { Project } from '../project.js';
import { charBudget, codePoints } from './budget.js';
import { plural } from './file-ranking.js';
import { compactSymbol } from './signatures.js';
import { childrenByParent, topSymbols } from './top-symbols.js';

const CENTRE_SYMBOLS = 8;
const NEIGHBOUR_SYMBOLS = 5;

export const Relationship = z.enum(['center', 'imported-by-center', 'imports-center', 'transitive-import', 'transitive-importer']);

export const CapsuleFile = z.object({
  path: z.string(),
  distance: z.number().int(),
  relationship: Relationship,
  language: z.string().nullable(),
  line_count: z.number().int(),
  importance: z.number(),
  symbols: z.array(z.object({ kind: z.string(), name: z.string(), signature: z.string() })),
});
type CapsuleFile = z.infer<typeof CapsuleFile>;

export const CapsuleLearning = z.object({ id: z.number().int(), type: z.string(), description: z.string() });
export type CapsuleLearning = z.infer<typeof CapsuleLearning>;

export const CapsuleResult = z.object({
  center: z.array(z.string()),
  depth: z.number().int(),
  /** Files in the subgraph, shown or not. */
  total_files: z.number().int(),
  files: z.array(CapsuleFile),
  learnings: z.array(CapsuleLearning),
  omitted_files: z.array(z.string()),
});
export type CapsuleResult = z.infer<typeof CapsuleResult>;

function relationship(p: Placement): z.infer<typeof Relationship> {
  if (p.direction === 'center') return 'center';
  if (p.direction === 'imports') return p.distance === 1 ? 'imported-by-center' : 'transitive-import';
  return p.distance === 1 ? 'imports-center' : 'transitive-importer';
}

/** Paths listed in `omitted_files`, at most; `total_files` still counts them all. */
const OMITTED_LISTED = 1000;

const header = (out: Pick<CapsuleResult, 'center' | 'depth' | 'total_files'>): string =>
  `Subgraph capsule for ${out.center[0] ?? ''}${out.center.length > 1 ? ` and ${out.center.length - 1} more` : ''} (depth=${out.depth}, ${plural(out.total_files, 'file')}):`;

function section(f: CapsuleFile): string[] {
  const pad = '  '.repeat(f.distance);
  return [
    `${pad}${f.path}`,
    `${pad}  ${f.language ?? 'unknown'}, ${f.line_count}L, importance=${f.importance.toFixed(2)}, ${f.relationship}`,
    ...f.symbols.map((s) => `${pad}    ${s.signature}`),
  ];
}

const trailer = (omitted: number): string => `... and ${omitted} more files (truncated)`;

const LEARNINGS_HEADING = 'Learnings for these files:';
const learningLine = (l: CapsuleLearning): string => `  #${l.id} [${l.type}] ${l.description}`;

/** Each piece after the header costs its code points plus the newline before it. */
const cost = (lines: readonly string[]): number => lines.reduce((n, l) => n + codePoints(l) + 1, 0);

/**
 * The capsule within `maxTokens`; `learnings` (scoped to the centre files) are appended after the
 * files while they fit.
 */
export function buildCapsule(project: Project, centres: readonly string[], depth: number, maxTokens: number, includeSymbols: boolean,
  learnings: readonly CapsuleLearning[] = []): CapsuleResult {
  const graph = project.graph();
  const ordered = [...neighbourhood(graph, centres, depth)]
    .map(([path, placement]) => ({ path, placement, importance: graph.importance(path) }))
    .sort((a, b) => a.placement.distance - b.placement.distance || b.importance - a.importance || (a.path < b.path ? -1 : 1));
  // Centres are named in display order, so the header's first name is the first section.
  const base = { center: ordered.filter((o) => o.placement.distance === 0).map((o) => o.path), depth, total_files: ordered.length };
  const describe = ({ path, placement, importance }: (typeof ordered)[number]): CapsuleFile => {
    const row = graph.files.get(path);
    const language = row?.language ?? null;
    const symbols = includeSymbols ? project.store.symbolsOfFile(path) : [];
    const children = childrenByParent(symbols);
    const top = includeSymbols ? topSymbols(project, path, placement.distance === 0 ? CENTRE_SYMBOLS : NEIGHBOUR_SYMBOLS, symbols) : [];
    return {
      path, distance: placement.distance, relationship: relationship(placement), language, line_count: row?.lines ?? 0, importance,
      symbols: top.map((s) => ({ kind: s.kind, name: s.qualified_name, signature: compactSymbol(s, language, children) })),
    };
  };
  const budget = charBudget(maxTokens);
  let used = codePoints(header(base));
  const files: CapsuleFile[] = [];
  for (const [i, next] of ordered.entries()) {
    const f = describe(next);
    const left = ordered.length - i - 1;
    const reserve = left ? cost([trailer(left)]) : 0;
    if (i === 0) while (f.symbols.length && used + cost(section(f)) + reserve > budget) f.symbols.pop();
    else if (used + cost(section(f)) + reserve > budget) break;
    files.push(f);
    used += cost(section(f));
  }
  const omitted = ordered.length - files.length;
  if (omitted) used += cost([trailer(omitted)]);
  const shown: CapsuleLearning[] = [];
  for (const l of learnings) {
    const lines = [...(shown.length ? [] : [LEARNINGS_HEADING]), learningLine(l)];
    if (used + cost(lines) > budget) break;
    shown.push(l);
    used += cost(lines);
  }
  return { ...base, files, learnings: shown, omitted_files: ordered.slice(files.length, files.length + OMITTED_LISTED).map((o) => o.path) };
}

export function renderCapsule(out: CapsuleResult): string {
  const lines = [header(out)];
  for (const f of out.files) lines.push(...section(f));
  const omitted = out.total_files - out.files.length;
  if (omitted) lines.push(trailer(omitted));
  if (out.learnings.length) lines.push(LEARNINGS_HEADING, ...out.learnings.map(learningLine));
  return lines.join('\n');
}
