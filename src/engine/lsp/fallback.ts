// Answers of the LSP tools when no language server can give one (spec §10.1 "Fallback"): the
// definitions a reference site at a position is bound to (ref-binding.ts, the same binding
// cross_references uses), their resolved references, hover text from a definition's signature and
// doc, and diagnostics from the syntax tree's error and missing nodes.
import type { Node } from 'web-tree-sitter';
import type { IndexStore, SymbolRow } from '../index/store.js';
import { LineIndex } from '../line-index.js';
import type { RefSite } from '../model.js';
import { specFor } from '../parse/languages/index.js';
import { loadGrammar } from '../parse/grammar.js';
import { IndexView, RefBinder } from '../ref-binding.js';
import { crossReferences } from '../xref.js';
import type { Diagnostic, Location } from './pool.js';
import type { Position } from './positions.js';

type Read = (rel: string) => string | undefined;

export interface IndexTarget {
  definitions: SymbolRow[];
  /** How the definitions were found. */
  how: 'reference' | 'declaration' | 'name_match' | 'none';
  /** The identifier at the position. */
  name?: string;
}

const IDENT = /[\p{L}\p{N}_$]/u;
const cpLength = (s: string): number => [...s].length;

/** The identifier around a 1-based code-point column, if any. */
export function identifierAt(lineText: string, col: number): { name: string; col: number } | undefined {
  const cps = [...lineText];
  let i = col - 1;
  if (!IDENT.test(cps[i] ?? '') && IDENT.test(cps[i - 1] ?? '')) i--; // just after an identifier
  if (!IDENT.test(cps[i] ?? '')) return undefined;
  let start = i;
  let end = i;
  while (start > 0 && IDENT.test(cps[start - 1]!)) start--;
  while (end + 1 < cps.length && IDENT.test(cps[end + 1]!)) end++;
  return { name: cps.slice(start, end + 1).join(''), col: start + 1 };
}

/** The definitions the identifier at `at` in `rel` denotes, from the index. */
export function indexTarget(store: IndexStore, rel: string, lineText: string, at: Position): IndexTarget {
  const ident = identifierAt(lineText, at.col);
  const file = store.file(rel);
  if (!ident || !file) return { definitions: [], how: 'none' };
  const site = store.refsOfFile(file.id, ident.name).find((r) => r.line === at.line && r.col === ident.col);
  if (site) {
    const bound = new RefBinder(new IndexView(store)).bind(rel, site);
    if (bound) return { definitions: [...bound], how: 'reference', name: ident.name };
    if (bound === null) return { definitions: [], how: 'none', name: ident.name };
    return { definitions: store.symbolsNamed([ident.name]), how: 'name_match', name: ident.name };
  }
  // Not a reference site: the name of a declaration in this file, the innermost one around the line.
  const own = store.symbolsOfFile(rel).filter((s) => s.name === ident.name && s.start_line <= at.line && s.end_line >= at.line)
    .sort((a, b) => (a.end_line - a.start_line) - (b.end_line - b.start_line));
  if (own[0]) return { definitions: [own[0]], how: 'declaration', name: ident.name };
  return { definitions: [], how: 'none', name: ident.name };
}

/** Where a definition's name is written: the first whole-word occurrence from its first line on. */
export function definitionLocation(d: SymbolRow, read: Read): Location {
  const text = read(d.file_path);
  const lines = text === undefined ? [] : text.split(/\r\n|\r|\n/);
  const word = new RegExp(`(?<![\\p{L}\\p{N}_$])${d.name.replace(/[$]/g, '\\$')}(?![\\p{L}\\p{N}_$])`, 'u');
  for (let line = d.start_line; line <= Math.min(d.end_line, lines.length); line++) {
    const m = word.exec(lines[line - 1]!);
    if (m) {
      const col = cpLength(lines[line - 1]!.slice(0, m.index)) + 1;
      return { file: d.file_path, line, col, end_line: line, end_col: col + cpLength(d.name) - 1 };
    }
  }
  return { file: d.file_path, line: d.start_line, col: d.start_col ?? 1, end_line: d.start_line, end_col: d.start_col ?? 1 };
}

const siteLocation = (path: string, r: RefSite): Location =>
  ({ file: path, line: r.line, col: r.col, end_line: r.line, end_col: r.col + cpLength(r.name) - 1 });

/**
 * References bound to the target's definitions (name matches are left out: they may be false);
 * returns how many unbound name matches were left out.
 */
export function indexReferences(store: IndexStore, target: IndexTarget, includeDeclaration: boolean, read: Read): { locations: Location[]; nameMatches: number } {
  const ids = new Set(target.definitions.map((d) => d.symbol_id));
  const out = new Map<string, Location>();
  let nameMatches = 0;
  const add = (l: Location) => out.set(`${l.file}\0${l.line}\0${l.col}`, l);
  for (const d of target.definitions) {
    if (includeDeclaration) add(definitionLocation(d, read));
    for (const r of crossReferences(store, `${d.file_path}#${d.qualified_name}`).references) {
      if (r.resolution === 'resolved' && r.definition_id && ids.has(r.definition_id)) add(siteLocation(r.file_path, r));
      else if (r.resolution === 'name_match') nameMatches++;
    }
  }
  return { locations: [...out.values()], nameMatches };
}

/** Hover text for a definition: its signature as code, then its doc line, then where it is. */
export function indexHover(d: SymbolRow): string {
  const parts = [`\`\`\`\n${d.signature || `${d.kind} ${d.qualified_name}`}\n\`\`\``];
  if (d.doc) parts.push(d.doc);
  parts.push(`${d.kind} ${d.qualified_name} — ${d.file_path}:${d.start_line}`);
  return parts.join('\n\n');
}

/** Syntax errors of a file's text: tree-sitter error nodes (unexpected text) and missing nodes. */
export async function syntaxDiagnostics(language: string | undefined, text: string): Promise<Diagnostic[]> {
  const spec = language ? specFor(language) : undefined;
  if (!spec) return [];
  const { parser } = await loadGrammar(spec);
  const tree = parser.parse(text);
  if (!tree) return [];
  try {
    const lines = new LineIndex(text);
    const out: Diagnostic[] = [];
    const visit = (n: Node): void => {
      if (n.isError || n.isMissing) {
        const start = lines.position(n.startIndex);
        const end = n.endIndex > n.startIndex ? lines.position(n.endIndex - 1) : start;
        out.push({
          severity: 'error', source: 'tree-sitter', ...start, end_line: end.line, end_col: end.col,
          message: n.isMissing ? `Syntax error: missing ${n.type}.` : `Syntax error: unexpected '${firstLine(n.text)}'.`,
        });
        if (n.isError) return; // one diagnostic per error region
      }
      if (n.hasError) for (const c of n.children) if (c) visit(c);
    };
    visit(tree.rootNode);
    return out;
  } finally {
    tree.delete();
  }
}

function firstLine(s: string): string {
  const line = s.split('\n', 1)[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
