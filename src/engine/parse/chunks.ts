// Search chunks (spec §4.6), made in the parser worker while the syntax tree is alive: the file,
// runs of module-level statements, each function and method (long bodies in parts at statement
// boundaries), each class-like type, Markdown sections, and one capped chunk for other text files.
// Sizes are UTF-16 lengths of whole lines, which bound code points from above: a part within
// charBudget(400) units is within 400 tokens by estimateTokens.
import type { Node } from 'web-tree-sitter';
import { charBudget } from '../analysis/budget.js';
import type { LineIndex } from '../line-index.js';
import type { Chunk, ChunkKind, ExtractedSymbol } from '../model.js';
import { docLineText, lastRow, type DefinitionNode, type TreeExtraction } from './extract.js';
import type { LanguageSpec } from './spec.js';

const MAX_CHARS = charBudget(400);
/** Imports and top-level names the file chunk lists; member signatures a class chunk lists. */
const LIST_MAX = 20;
const MEMBERS_MAX = 8;
const DOC_MAX = 300;

const FUNCTION_KINDS: ReadonlySet<string> = new Set(['function', 'method']);
const CLASS_KINDS: ReadonlySet<string> = new Set(['class', 'struct', 'interface', 'trait', 'enum']);
/** Statements the file chunk already summarises or that say nothing: imports, includes, package and namespace lines, `<?php`. */
const PREAMBLE = /import|include|using|^use_|package|namespace|extern_crate|php_tag/;
const LICENSE = /copyright|licen[cs]e|SPDX-/i;
/** Conditional compilation (C, C++): entered like a container, so includes inside stay out of module chunks. */
const CONDITIONAL = /^preproc_(if|ifdef|elif|elifdef|else)$/;
/** The longest statement a part repeats from the part before: a long one would make two parts nearly alike. */
const OVERLAP_MAX = MAX_CHARS / 4;

interface Span { start: number; end: number }
/** Lines that go into a part together, with their size. */
type Unit = Span & { size: number };

/** A chunk before its id is final: parts of one chunk share `base` and `idLine`. */
interface Piece extends Omit<Chunk, 'chunk_id'> { base: string; idLine: number }

/** The first paragraph of a doc comment, docstring or section, markers removed, at most 300 chars. */
function docParagraph(text: string): string {
  const words: string[] = [];
  for (const raw of text.split('\n')) {
    const line = docLineText(raw);
    if (!line) {
      if (words.length) break;
      continue;
    }
    // Javadoc/JSDoc tags and an HTML paragraph start a new block.
    if (words.length && /^(@|<p>)/i.test(line)) break;
    words.push(line);
  }
  const doc = words.join(' ').replace(/\s+/g, ' ');
  return doc.length > DOC_MAX ? `${doc.slice(0, DOC_MAX - 1)}…` : doc;
}

/**
 * Greedy parts of at most MAX_CHARS; with `overlap`, each part after the first starts with the
 * previous part's last unit when that unit is short (OVERLAP_MAX) and fits.
 */
function partition(units: readonly Unit[], overlap: boolean): Span[] {
  const parts: Span[] = [];
  for (let i = 0; i < units.length;) {
    let first = i;
    let size = units[i]!.size;
    const prev = units[i - 1];
    if (overlap && prev && prev.size <= OVERLAP_MAX && prev.size + size <= MAX_CHARS) { first = i - 1; size += prev.size; }
    let j = i + 1;
    while (j < units.length && size + units[j]!.size <= MAX_CHARS) size += units[j++]!.size;
    parts.push({ start: units[first]!.start, end: units[j - 1]!.end });
    i = j;
  }
  return parts;
}

/** Lines `start`..`end` as one unit, or one unit per line when they are over the limit. */
function unitsOf(start: number, end: number, size: (start: number, end: number) => number): Unit[] {
  const whole = size(start, end);
  if (whole <= MAX_CHARS) return [{ start, end, size: whole }];
  const out: Unit[] = [];
  for (let l = start; l <= end; l++) out.push({ start: l, end: l, size: size(l, l) });
  return out;
}

/** Merged, sorted line spans with containment and overlap queries. */
class Cover {
  private readonly spans: Span[] = [];

  constructor(spans: Span[]) {
    for (const s of [...spans].sort((a, b) => a.start - b.start)) {
      const last = this.spans[this.spans.length - 1];
      if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
      else this.spans.push({ ...s });
    }
  }

  /** The first span that ends at or after `line`. */
  private from(line: number): Span | undefined {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end < line) lo = mid + 1;
      else hi = mid;
    }
    return this.spans[lo];
  }

  /** 'inside' a span, 'partial' when a span meets the range without holding it, else 'none'. */
  test(start: number, end: number): 'inside' | 'partial' | 'none' {
    const s = this.from(start);
    if (!s || s.start > end) return 'none';
    return s.start <= start && s.end >= end ? 'inside' : 'partial';
  }
}

const isLoneString = (n: Node): boolean => n.type === 'expression_statement' && n.namedChildCount === 1 && n.namedChild(0)?.type === 'string';

class CodeChunker {
  private readonly pieces: Piece[] = [];

  constructor(
    private readonly x: TreeExtraction,
    private readonly source: string,
    private readonly spec: LanguageSpec,
    private readonly path: string,
  ) {}

  private get lines(): LineIndex { return this.x.lines; }

  /** Lines `start`..`end` as written, without the final line break. */
  private text(start: number, end: number): string {
    return this.source.slice(this.lines.lineStart(start), this.lines.lineStart(end + 1)).replace(/\r?\n$/, '');
  }

  /** Lines `start`..`end` with their line breaks, in UTF-16 units. */
  private readonly size = (start: number, end: number): number => this.lines.lineStart(end + 1) - this.lines.lineStart(start);

  run(root: Node): Chunk[] {
    const members = new Map<string, ExtractedSymbol[]>();
    const chunked: Array<{ d: DefinitionNode; span: Span }> = [];
    for (const d of this.x.defs) {
      const { symbol } = d;
      if (symbol.parent) (members.get(symbol.parent) ?? members.set(symbol.parent, []).get(symbol.parent)!).push(symbol);
      // The chunk starts at the doc comment above the definition, when there is one.
      if (FUNCTION_KINDS.has(symbol.kind) || CLASS_KINDS.has(symbol.kind)) {
        chunked.push({ d, span: { start: Math.min(symbol.start_line, (d.doc?.firstRow ?? Infinity) + 1), end: symbol.end_line } });
      }
    }
    const cover = new Cover(chunked.map((c) => c.span));
    const fileDoc = this.fileDoc(root, cover);
    this.fileChunk(Math.max(1, this.x.parsed.lines.total), fileDoc?.doc ?? '');
    for (const { d, span } of chunked) {
      if (FUNCTION_KINDS.has(d.symbol.kind)) this.functionChunk(d, span);
      else this.classChunk(d, span, members.get(d.symbol.qualified_name) ?? []);
    }
    this.moduleChunks(root, cover, fileDoc?.node);
    return finish(this.pieces);
  }

  /** Header line: path, the owner of a member, the signature. */
  private header(sym: ExtractedSymbol): string {
    const owner = sym.qualified_name.length > sym.name.length ? sym.qualified_name.slice(0, -sym.name.length - 1) : '';
    return [this.path, owner, sym.signature].filter(Boolean).join(' · ');
  }

  private functionChunk(d: DefinitionNode, span: Span): void {
    const sym = d.symbol;
    const kind: ChunkKind = sym.kind === 'method' ? 'method' : 'function';
    const header = this.header(sym);
    const doc = d.doc ? docParagraph(d.doc.text) : '';
    const base = `${kind === 'method' ? 'method' : 'func'}:${this.path}:${sym.qualified_name}`;
    const common = { kind, name: sym.qualified_name, header, signature: sym.signature, doc, base, idLine: sym.start_line };
    const lead = doc ? `${header}\n${doc}\n` : `${header}\n`;
    const parts = this.size(span.start, span.end) <= MAX_CHARS ? [span] : partition(this.bodyUnits(d.body, span), true);
    parts.forEach((p, i) => this.pieces.push({
      ...common, start_line: p.start, end_line: p.end, part: parts.length > 1 ? i + 1 : 0, text: lead + this.text(p.start, p.end),
    }));
  }

  /**
   * Units of a long function: the head (doc, signature) up to the first statement, then one per
   * statement of the body block, each running to the next; a unit over the limit becomes its lines.
   */
  private bodyUnits(body: Node | undefined, span: Span): Unit[] {
    let block = body;
    // Bodies wrapped in one node (Kotlin `function_body`, an arrow function's single expression).
    for (let k = 0; block && k < 2 && block.namedChildCount === 1; k++) block = block.namedChild(0) ?? undefined;
    const starts = [span.start];
    for (const st of block?.namedChildren ?? []) {
      const line = (st?.startPosition.row ?? -1) + 1;
      if (line > starts[starts.length - 1]! && line <= span.end) starts.push(line);
    }
    return starts.flatMap((start, i) => unitsOf(start, i + 1 < starts.length ? starts[i + 1]! - 1 : span.end, this.size));
  }

  private classChunk(d: DefinitionNode, span: Span, memberSymbols: readonly ExtractedSymbol[]): void {
    const sym = d.symbol;
    const header = this.header(sym);
    const doc = d.doc ? docParagraph(d.doc.text) : '';
    // Fields declared together (`X, Y float64`) share one signature.
    const listed = [...new Set(memberSymbols.map((m) => `  ${m.signature}`))].slice(0, MEMBERS_MAX);
    this.pieces.push({
      kind: 'class', name: sym.qualified_name, start_line: span.start, end_line: span.end, part: 0, header, signature: sym.signature, doc,
      text: [header, doc, ...listed].filter(Boolean).join('\n'), base: `cls:${this.path}:${sym.qualified_name}`, idLine: sym.start_line,
    });
  }

  /**
   * The module docstring (a leading string statement) or the first comment block before any
   * code that is neither a licence nor the doc comment of a definition.
   */
  private fileDoc(root: Node, cover: Cover): { doc: string; node?: Node } | undefined {
    const comments = this.spec.commentTypes;
    let run: Node[] = [];
    const flush = (): { doc: string } | undefined => {
      const text = run.map((n) => n.text).join('\n');
      const start = run[0]?.startPosition.row;
      run = [];
      if (start === undefined || LICENSE.test(text) || cover.test(start + 1, start + 1) !== 'none') return undefined;
      const doc = docParagraph(text);
      return doc ? { doc } : undefined;
    };
    for (const child of root.namedChildren) {
      if (!child) continue;
      if (comments.includes(child.type)) {
        if (child.text.startsWith('#!')) continue;
        const prev = run[run.length - 1];
        if (prev && lastRow(prev) < child.startPosition.row - 1) {
          const found = flush();
          if (found) return found;
        }
        run.push(child);
        continue;
      }
      const found = flush();
      if (found) return found;
      // A docstring: a leading statement that is one triple-quoted string.
      if (isLoneString(child) && /^[rRuUbB]?("""|''')/.test(child.text)) {
        const doc = docParagraph(child.text);
        return doc ? { doc, node: child } : undefined;
      }
      return undefined;
    }
    return flush();
  }

  private fileChunk(total: number, doc: string): void {
    const { parsed } = this.x;
    const imports = [...new Set(parsed.imports.map((i) => i.specifier))].slice(0, LIST_MAX);
    const names = parsed.symbols.filter((s) => !s.parent).slice(0, LIST_MAX).map((s) => s.qualified_name);
    const text = [
      this.path, doc, parsed.namespace ? `namespace ${parsed.namespace}` : '',
      imports.length ? `imports: ${imports.join(', ')}` : '', names.length ? `defines: ${names.join(', ')}` : '',
    ].filter(Boolean).join('\n');
    this.pieces.push({
      kind: 'file', name: '', start_line: 1, end_line: total, part: 0, header: this.path, signature: '', doc, text,
      base: `file:${this.path}`, idLine: 1,
    });
  }

  /**
   * Statements outside functions and classes, descending into containers that hold some (a C++
   * namespace, a Python `if`, an IIFE) and into `#if` blocks, leaving out their header line; runs
   * between definitions grouped up to the limit, import-only and comment-only runs dropped.
   */
  private moduleChunks(root: Node, cover: Cover, skip: Node | undefined): void {
    const stmts: Array<Span & { kind: 'code' | 'comment' | 'import' }> = [];
    const importLines = new Set(this.x.parsed.imports.map((i) => i.line));
    const visit = (parent: Node, headerRow: number): void => {
      for (const child of parent.namedChildren) {
        if (!child || (skip && child.startIndex === skip.startIndex)) continue;
        const start = child.startPosition.row + 1;
        const end = lastRow(child) + 1;
        const hit = cover.test(start, end);
        if (hit === 'inside') continue;
        if (hit === 'partial' || CONDITIONAL.test(child.type)) { visit(child, child.startPosition.row); continue; }
        if (start - 1 === headerRow) continue;
        // A lone string ('use strict', a stray docstring) never makes a chunk by itself, like a comment.
        const kind = this.spec.commentTypes.includes(child.type) || isLoneString(child) ? 'comment'
          : PREAMBLE.test(child.type) || (importLines.has(start) && end - start < 2) ? 'import' : 'code';
        stmts.push({ start, end, kind });
      }
    };
    visit(root, -1);
    let run: Array<Span & { kind: string }> = [];
    const flush = () => {
      if (run.some((s) => s.kind === 'code')) this.moduleRun(run);
      run = [];
    };
    for (const s of stmts) {
      const prev = run[run.length - 1];
      // A definition between two statements ends the run.
      if (s.kind === 'import' || (prev && s.start > prev.end + 1 && cover.test(prev.end + 1, s.start - 1) !== 'none')) flush();
      if (s.kind !== 'import') run.push(s);
    }
    flush();
  }

  /** One run of statements: groups up to the limit; a statement over it alone, in line parts. */
  private moduleRun(run: readonly Span[]): void {
    let group: Span | undefined;
    const emit = (spans: Span[]) => {
      const base = `mod:${this.path}:${spans[0]!.start}`;
      spans.forEach((p, i) => this.pieces.push({
        kind: 'module', name: '', start_line: p.start, end_line: p.end, part: spans.length > 1 ? i + 1 : 0, header: this.path,
        signature: '', doc: '', text: `${this.path}\n${this.text(p.start, p.end)}`, base, idLine: spans[0]!.start,
      }));
    };
    for (const s of run) {
      if (group && this.size(group.start, s.end) <= MAX_CHARS) { group.end = s.end; continue; }
      if (group) emit([group]);
      group = undefined;
      if (this.size(s.start, s.end) <= MAX_CHARS) group = { ...s };
      else emit(partition(unitsOf(s.start, s.end, this.size), false));
    }
    if (group) emit([group]);
  }
}

/** Sorts pieces into reading order and gives each its id: `@<line>` when a base repeats, `#<part>` for parts. */
function finish(pieces: Piece[]): Chunk[] {
  pieces.sort((a, b) => a.start_line - b.start_line || b.end_line - a.end_line || a.part - b.part);
  const logical = new Map<string, number>();
  for (const p of pieces) if (p.part <= 1) logical.set(p.base, (logical.get(p.base) ?? 0) + 1);
  const seen = new Set<string>();
  return pieces.map(({ base, idLine, ...c }) => {
    let id = `${base}${(logical.get(base) ?? 0) > 1 ? `@${idLine}` : ''}${c.part ? `#${c.part}` : ''}`;
    // Two definitions of one name on one line (generated code).
    for (let k = 2; seen.has(id); k++) id = `${base}@${idLine}~${k}${c.part ? `#${c.part}` : ''}`;
    seen.add(id);
    return { chunk_id: id, ...c };
  });
}

/** Chunks of a parsed source file; call before the tree is deleted. */
export function codeChunks(x: TreeExtraction, root: Node, source: string, spec: LanguageSpec, path: string): Chunk[] {
  return new CodeChunker(x, source, spec, path).run(root);
}

/** Chunks of a file without a parser: Markdown by heading, anything else one chunk of its first 400 tokens. */
export function textChunks(path: string, language: string | undefined, text: string): Chunk[] {
  if (!text.trim()) return [];
  return language === 'markdown' ? markdownChunks(path, text) : [firstChunk(path, text)];
}

function firstChunk(path: string, text: string): Chunk {
  let end = 0;
  let line = 0;
  while (end < text.length) {
    const nl = text.indexOf('\n', end);
    const next = nl < 0 ? text.length : nl + 1;
    if (next > MAX_CHARS) {
      // A first line over the limit (minified JSON) is cut.
      if (line === 0) { end = MAX_CHARS; line = 1; }
      break;
    }
    end = next;
    line++;
  }
  const body = text.slice(0, end).replace(/\r?\n$/, '');
  return { chunk_id: `text:${path}`, kind: 'text', name: '', start_line: 1, end_line: line, part: 0, header: path, signature: '', doc: '', text: `${path}\n${body}` };
}

/** `height`: 1 for an ATX heading, 2 for a setext one (title and underline). */
interface Heading { line: number; height: number; level: number; title: string; raw: string }

/** The last line of YAML front matter (0 when there is none): part of the preamble, never its doc. */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0] !== '---') return 0;
  const close = lines.findIndex((l, i) => i > 0 && (l === '---' || l === '...'));
  return close < 0 ? 0 : close + 1;
}

/** ATX and setext headings outside fenced code and front matter; line numbers 1-based. */
function headings(lines: readonly string[], from: number): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]!;
      else if (f[1]![0] === fence[0] && f[1]!.length >= fence.length && !/\S/.test(line.slice(f[0].length))) fence = undefined;
      continue;
    }
    if (fence) continue;
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) { out.push({ line: i + 1, height: 1, level: atx[1]!.length, title: (atx[2] ?? '').trim(), raw: line.trim() }); continue; }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
    const above = lines[i - 1];
    if (setext && above?.trim() && (i < 2 || !lines[i - 2]!.trim()) && !/^\s*([-*+>]|\d+[.)])\s|^\s*#/.test(above)
      && out[out.length - 1]?.line !== i) {
      out.push({ line: i, height: 2, level: setext[1]![0] === '=' ? 1 : 2, title: above.trim(), raw: above.trim() });
    }
  }
  return out;
}

function markdownChunks(path: string, text: string): Chunk[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const total = lines.length - (text.endsWith('\n') ? 1 : 0);
  const matter = frontMatterEnd(lines);
  const found = headings(lines, matter);
  const size = (start: number, end: number): number => {
    let n = 0;
    for (let l = start; l <= end; l++) n += lines[l - 1]!.length + 1;
    return n;
  };
  const body = (start: number, end: number): string => lines.slice(start - 1, end).join('\n');
  const pieces: Piece[] = [];
  const trail: Heading[] = [];
  const section = (start: number, last: number, h: Heading | undefined) => {
    let end = last;
    while (end > start && !lines[end - 1]!.trim()) end--;
    const content = body(h ? start + h.height : matter + 1, end);
    const header = [path, trail.map((t) => t.title).join(' › ')].filter(Boolean).join(' · ');
    // The first paragraph that is text: HTML comments (licence headers, linter pragmas) are skipped.
    const doc = docParagraph(content.split(/\n[ \t]*\n/).find((p) => p.trim() && !p.trimStart().startsWith('<!--')) ?? '');
    const parts = size(start, end) <= MAX_CHARS ? [{ start, end }] : partition(paragraphs(lines, start, end, size), false);
    parts.forEach((p, i) => pieces.push({
      kind: 'section', name: h?.title ?? '', start_line: p.start, end_line: p.end, part: parts.length > 1 ? i + 1 : 0, header,
      signature: h?.raw ?? '', doc, text: `${header}\n${body(p.start, p.end)}`, base: `doc:${path}:${start}`, idLine: start,
    }));
  };
  const first = found[0]?.line ?? total + 1;
  if (body(1, first - 1).trim()) section(1, first - 1, undefined);
  found.forEach((h, i) => {
    const next = found[i + 1];
    const start = h.line;
    const end = (next ? next.line : total + 1) - 1;
    while (trail.length && trail[trail.length - 1]!.level >= h.level) trail.pop();
    trail.push(h);
    const empty = !body(start + h.height, end).trim();
    // A heading whose children follow at once is named in their header lines instead.
    if (empty && next && next.level > h.level) return;
    section(start, end, h);
  });
  return finish(pieces);
}

/** Paragraph units of a long section (blank-line separated; a fenced block stays whole unless it is over the limit). */
function paragraphs(lines: readonly string[], start: number, end: number, size: (start: number, end: number) => number): Unit[] {
  const units: Unit[] = [];
  let from = start;
  let fenced = false;
  const push = (to: number) => {
    if (to >= from) units.push(...unitsOf(from, to, size));
    from = to + 1;
  };
  for (let l = start; l <= end; l++) {
    const line = lines[l - 1]!;
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    // A blank line closes a paragraph; it stays with the paragraph above so parts cover every line.
    if (!fenced && !line.trim() && l < end && lines[l]!.trim()) push(l);
  }
  push(end);
  return units;
}
