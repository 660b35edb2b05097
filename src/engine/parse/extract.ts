// Turns one syntax tree into a ParsedFile by running the language's combined query once and
// interpreting its capture names (see grammars/README.md for the capture vocabulary).
// Runs inside parser workers; it must never keep a reference to a Node after it returns,
// because the caller deletes the tree.
import type { Node, Query, QueryMatch, Tree } from 'web-tree-sitter';
import {
  REF_KINDS, SYMBOL_KINDS,
  type ExtractedSymbol, type ImportBinding, type ImportKind, type ImportRecord, type LineCounts,
  type ParsedFile, type RefKind, type RefSite, type SymbolKind,
} from '../model.js';
import { LineIndex } from '../line-index.js';
import type { LanguageSpec } from './spec.js';

/** Kinds a more specific capture of the same name and node overrides (`const f = () => …`). */
const GENERIC_KINDS: ReadonlySet<SymbolKind> = new Set(['variable', 'property']);
const FUNCTION_KINDS: ReadonlySet<SymbolKind> = new Set(['function', 'method']);
const CLASS_LIKE: ReadonlySet<SymbolKind> = new Set(['class', 'struct', 'interface', 'trait', 'enum']);
/** Which capture wins when one identifier is captured as several reference kinds (lower wins). */
const REF_RANK = new Map<RefKind, number>((['call', 'inherit', 'import', 'write', 'type', 'attribute', 'read'] as const).map((k, i) => [k, i]));
const REF_CAPTURES = new Map<string, RefKind>(REF_KINDS.map((k) => [`reference.${k}`, k]));

interface Span { start: number; end: number }

interface DefDraft extends Span {
  node: Node;
  nameNode: Node;
  kind: SymbolKind;
  receiver?: string;
  docNode?: Node;
  bodyNode?: Node;
  paramsNode?: Node;
  /** Number of repeated `@param` captures, for grammars without a parameter-list node. */
  paramCaptures: number;
  /** Number of `@param.typed` captures: parameters with a type annotation. */
  typedParams: number;
  /** From the first `@return_type` capture to the end of the last (C pointer declarators add their `*`). */
  returnType?: Span;
  /** An `@async` capture (`async`, `suspend`) was in the match. */
  async: boolean;
  /** `#set! keep_kind "true"`: a qualifier prefixes the name without making a function a method. */
  keepKind: boolean;
  /** `#set! hoist "true"`: belongs to the enclosing class, not to the function it sits in (TS parameter properties). */
  hoist: boolean;
  symbol?: ExtractedSymbol;
  doc?: DocBlock;
  parentIdx?: number;
  /** Qualified by a receiver or named scope rather than by nesting (not a file-level name). */
  owned?: boolean;
}

/** A definition's documentation as written: a docstring, or the comment run right above it (from `firstRow`, 0-based). */
export interface DocBlock { text: string; firstRow?: number }

/** A definition with its syntax nodes, valid only until the tree is deleted (the chunker reads them). */
export interface DefinitionNode {
  symbol: ExtractedSymbol;
  node: Node;
  body?: Node;
  doc?: DocBlock;
}

/** What the chunker needs besides the ParsedFile, while the tree is alive. */
export interface TreeExtraction {
  parsed: ParsedFile;
  /** In source order. */
  defs: DefinitionNode[];
  lines: LineIndex;
}

/** A `@decorator` capture: the decorator's name as written, at its position in the file. */
interface DecoratorSite { start: number; name: string }

interface RefDraft {
  node: Node;
  start: number;
  kind: RefKind;
  receiver?: string;
}

const stripQuotes = (s: string): string => s.replace(/^[`'"<]+|[`'">]+$/g, '');
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const clip = (s: string): string => (s.length > 200 ? `${s.slice(0, 199)}…` : s);

export function extract(tree: Tree, source: string, query: Query, spec: LanguageSpec, path = ''): ParsedFile {
  return extractTree(tree, source, query, spec, path).parsed;
}

export function extractTree(tree: Tree, source: string, query: Query, spec: LanguageSpec, path = ''): TreeExtraction {
  const lines = new LineIndex(source);
  const root = tree.rootNode;
  const defs: DefDraft[] = [];
  const defByName = new Map<number, DefDraft>();
  const scopes: Span[] = [];
  const namedScopes: Array<Span & { name: string }> = [];
  const localDefs: Array<Span & { name: string }> = [];
  const refsByNode = new Map<number, RefDraft>();
  const importsByStmt = new Map<string, ImportRecord>();
  const branches: number[] = [];
  const comments: Node[] = [];
  const exportNames = new Set<string>();
  const decorators: DecoratorSite[] = [];
  const bindingNodes: number[] = [];
  let namespace: string | undefined;
  let errorNodes = 0;

  const addRef = (n: Node, kind: RefKind, receiver: string | undefined) => {
    const prev = refsByNode.get(n.startIndex);
    if (prev && (REF_RANK.get(prev.kind)! < REF_RANK.get(kind)!
      || (prev.kind === kind && (prev.receiver !== undefined || receiver === undefined)))) return;
    refsByNode.set(n.startIndex, { node: n, kind, start: n.startIndex, receiver });
  };
  // Captures that need no other capture of their match; most matches are one such capture.
  const simple = (name: string, n: Node): boolean => {
    const refKind = REF_CAPTURES.get(name);
    if (refKind) { addRef(n, refKind, undefined); return true; }
    switch (name) {
      case 'local.scope': scopes.push({ start: n.startIndex, end: n.endIndex }); return true;
      case 'local.definition': localDefs.push({ name: n.text, start: n.startIndex, end: n.endIndex }); return true;
      case 'branch': branches.push(n.startIndex); return true;
      case 'comment': comments.push(n); return true;
      case 'namespace': namespace = collapse(n.text).replace(/;$/, ''); return true;
      case 'export.name': exportNames.add(stripQuotes(n.text)); return true;
      // Arguments are dropped where a grammar has no node for the bare name (C++ `[[gnu::cold]]`, `[[deprecated("x")]]`).
      case 'decorator': decorators.push({ start: n.startIndex, name: n.text.split('(', 1)[0]!.replace(/\s+/g, '') }); return true;
      case 'import.alias': case 'import.default': case 'import.namespace': case 'ignore': bindingNodes.push(n.startIndex); return true;
      case 'import.name': refsByNode.set(n.startIndex, { node: n, kind: 'import', start: n.startIndex }); return true;
      case 'error': errorNodes++; return true;
      default: return false;
    }
  };

  for (const match of query.matches(root)) {
    const list = match.captures;
    if (list.length === 1 && simple(list[0]!.name, list[0]!.node)) continue;
    const caps = capturesOf(match);
    const nameNode = caps.get('name');
    if (nameNode) {
      const defCap = list.find((c) => c.name.startsWith('definition.'));
      if (!defCap) continue;
      const kind = defCap.name.slice('definition.'.length) as SymbolKind;
      if (!SYMBOL_KINDS.includes(kind)) continue;
      const node = defCap.node;
      const draft: DefDraft = {
        node, nameNode, kind, start: node.startIndex, end: node.endIndex,
        receiver: caps.get('receiver')?.text, docNode: caps.get('doc'), bodyNode: caps.get('body'),
        paramsNode: caps.get('params'),
        paramCaptures: 0, typedParams: 0, async: false,
        keepKind: match.setProperties?.keep_kind === 'true',
        hoist: match.setProperties?.hoist === 'true',
      };
      countFacts(list, draft);
      // One name node, one symbol: keep the widest definition node (decorated wrappers, exports).
      const prev = defByName.get(nameNode.startIndex);
      const wider = prev && (draft.end - draft.start > prev.end - prev.start
        || (draft.end - draft.start === prev.end - prev.start && GENERIC_KINDS.has(prev.kind)));
      if (!prev || wider) {
        if (prev) defs.splice(defs.indexOf(prev), 1);
        defs.push(draft);
        defByName.set(nameNode.startIndex, draft);
      }
      continue;
    }
    const receiver = caps.get('receiver')?.text;
    for (const cap of list) {
      const n = cap.node;
      if (cap.name === 'import') addImport(importsByStmt, match, caps, n, spec);
      else if (cap.name === 'scope.named') {
        const nm = caps.get('scope.name');
        if (nm) namedScopes.push({ name: cleanTypeName(nm.text), start: n.startIndex, end: n.endIndex });
      } else {
        const refKind = REF_CAPTURES.get(cap.name);
        if (refKind) addRef(n, refKind, receiver);
        else simple(cap.name, n); // import bindings, comments…; other names (receiver, _predicates) are ignored
      }
    }
  }

  defs.sort((a, b) => a.start - b.start || b.end - a.end);
  decorators.sort((a, b) => a.start - b.start);
  const names = query.captureNames;
  const facts: FactSources = { decorators, async: names.includes('async'), paramCaptures: names.includes('param') };
  const symbols = buildSymbols(defs, namedScopes, spec, lines, exportNames, source, path, facts);
  const refs = buildRefs(refsByNode, defs, scopes, localDefs, bindingNodes, importsByStmt, lines, spec);
  attachComplexity(defs, branches);

  const hasError = root.hasError;
  const parsed: ParsedFile = {
    language: spec.id,
    parse_status: hasError ? 'partial' : 'ok',
    parse_errors: hasError ? Math.max(1, errorNodes) : 0,
    symbols,
    imports: [...importsByStmt.values()].sort((a, b) => a.line - b.line),
    refs,
    lines: countLines(source, lines, comments),
    ...(namespace ? { namespace } : {}),
  };
  const nodes = defs.map((d): DefinitionNode => ({
    symbol: d.symbol!, node: d.node, ...(d.bodyNode ? { body: d.bodyNode } : {}), ...(d.doc ? { doc: d.doc } : {}),
  }));
  return { parsed, defs: nodes, lines };
}

/** Reads the repeated and optional fact captures of a definition match in one pass. */
function countFacts(list: QueryMatch['captures'], draft: DefDraft): void {
  for (const c of list) {
    switch (c.name) {
      case 'param': draft.paramCaptures++; break;
      case 'param.typed': draft.typedParams++; break;
      case 'async': draft.async = true; break;
      case 'return_type':
        if (!draft.returnType) draft.returnType = { start: c.node.startIndex, end: c.node.endIndex };
        else {
          draft.returnType.start = Math.min(draft.returnType.start, c.node.startIndex);
          draft.returnType.end = Math.max(draft.returnType.end, c.node.endIndex);
        }
        break;
    }
  }
}

function capturesOf(match: QueryMatch): Map<string, Node> {
  const m = new Map<string, Node>();
  for (const c of match.captures) if (!m.has(c.name)) m.set(c.name, c.node);
  return m;
}

function cleanTypeName(text: string): string {
  // `*Server`, `&mut Vec<T>`, `Foo<T>` → the bare type name.
  return text.replace(/<.*$/s, '').replace(/^[\s*&(]+|mut\s+|[\s)]+$/g, '').split(/\s+/).pop() ?? text;
}

function addImport(
  byStmt: Map<string, ImportRecord>, match: QueryMatch, caps: Map<string, Node>, stmt: Node, spec: LanguageSpec,
): void {
  const props = match.setProperties ?? {};
  // Several `@import.source` captures are the segments of one dotted path (Scala: no single node spans it).
  const parts = match.captures.filter((c) => c.name === 'import.source').map((c) => stripQuotes(c.node.text.trim()));
  if (!parts.length) return;
  const specifier = parts.join('.') + (props.suffix ?? '');
  if (!specifier) return;
  // Keyed by line: `const x = require('y')` is matched both as a declaration and as a call.
  const key = `${stmt.startPosition.row}:${specifier}`;
  let rec = byStmt.get(key);
  if (rec && props.kind && rec.kind === 'import') rec.kind = props.kind as ImportKind;
  if (rec && props.reexport === 'true') rec.reexport = true;
  if (!rec) {
    rec = {
      specifier,
      line: stmt.startPosition.row + 1,
      kind: (props.kind as ImportKind | undefined) ?? 'import',
      bindings: [],
      ...(props.system === 'true' ? { system: true } : {}),
      ...(props.reexport === 'true' ? { reexport: true } : {}),
      ...(props.form ? { form: props.form } : {}),
    };
    byStmt.set(key, rec);
  }
  const nameNode = caps.get('import.name');
  const aliasNode = caps.get('import.alias');
  let binding: ImportBinding | undefined;
  if (nameNode) {
    const imported = nameNode.text;
    binding = { local: aliasNode?.text ?? imported, imported };
  } else if (caps.has('import.namespace')) {
    binding = { local: caps.get('import.namespace')!.text, imported: '*' };
  } else if (caps.has('import.default')) {
    binding = { local: caps.get('import.default')!.text, imported: 'default' };
  } else if (aliasNode) {
    binding = { local: aliasNode.text, imported: '*' };
  } else if (props.binding !== 'none') {
    binding = spec.defaultBinding?.(specifier);
  }
  if (binding && !rec.bindings.some((b) => b.local === binding!.local && b.imported === binding!.imported)) {
    rec.bindings.push(binding);
  }
}

/** What symbol facts are read from besides the definition match itself. */
interface FactSources {
  /** Sorted by position. */
  decorators: readonly DecoratorSite[];
  /** The language's query captures `@async`, so every function gets is_async. */
  async: boolean;
  /** The language's query counts parameters as `@param` captures, so a function with none has 0. */
  paramCaptures: boolean;
}

function buildSymbols(
  defs: DefDraft[], namedScopes: Array<Span & { name: string }>, spec: LanguageSpec, lines: LineIndex,
  exportNames: ReadonlySet<string>, source: string, path: string, facts: FactSources,
): ExtractedSymbol[] {
  // Parent = innermost definition that strictly contains this one; definitions sharing one
  // node (`const a = 1, b = 2`) are siblings. Defs are sorted by start asc, end desc.
  const stack: number[] = [];
  defs.forEach((d, i) => {
    while (stack.length && defs[stack[stack.length - 1]!]!.end <= d.start) stack.pop();
    for (let k = stack.length - 1; k >= 0; k--) {
      const p = defs[stack[k]!]!;
      if (d.hoist && FUNCTION_KINDS.has(p.kind)) continue;
      if (p.end - p.start > d.end - d.start) { d.parentIdx = stack[k]; break; }
    }
    stack.push(i);
  });
  const out: ExtractedSymbol[] = [];
  for (const d of defs) {
    const parentDraft = d.parentIdx !== undefined ? defs[d.parentIdx]! : undefined;
    const parent = parentDraft?.symbol;
    const name = d.nameNode.text;
    let kind = d.kind;
    // A named scope (Rust `impl Foo`, Swift `extension Foo`) inside the parent qualifies the name.
    const scope = innermostNamedScope(namedScopes, d);
    const scopeName = scope && (!parentDraft || scope.start >= parentDraft.start) ? scope.name : undefined;
    const owner = d.receiver ? cleanTypeName(d.receiver) : scopeName;
    const inClass = parent && (CLASS_LIKE.has(parent.kind) || (parent.kind === 'module' && spec.moduleMembersAreMethods));
    if (kind === 'function' && !d.keepKind && (inClass || owner !== undefined)) kind = 'method';
    if (kind === 'variable' && /^[A-Z][A-Z0-9_]*$/.test(name) && /[A-Z]/.test(name)) kind = 'constant';
    const prefix = [parent?.qualified_name, owner].filter(Boolean).join('.');
    const qualified = prefix ? `${prefix}.${name}` : name;
    const head = leadingDecorator(d.node, spec);
    const startRow = head.startPosition.row;
    const sym: ExtractedSymbol = {
      name,
      qualified_name: qualified,
      kind,
      start_line: startRow + 1,
      end_line: d.node.endPosition.row + 1 - (d.node.endPosition.column === 0 && d.node.endPosition.row > startRow ? 1 : 0),
      start_col: lines.column(d.node.startPosition.row, d.node.startPosition.column),
      signature: signatureOf(d, spec, source),
      exported: spec.isExported({
        name, kind, node: d.node, topLevel: !parent, exportList: exportNames, path,
        ...(parent ? { parentExported: parent.exported } : {}),
      }),
    };
    if (parent) sym.parent = parent.qualified_name;
    d.doc = docOf(d, spec, startRow);
    const doc = d.doc && firstDocLine(d.doc.text);
    if (doc) sym.doc = doc;
    if (FUNCTION_KINDS.has(kind)) {
      if (d.paramsNode) sym.param_count = countParams(d.paramsNode, spec);
      else if (facts.paramCaptures) sym.param_count = d.paramCaptures;
      if (sym.param_count !== undefined && spec.typedParams) {
        sym.typed_params = spec.typedParams === 'all' ? sym.param_count : d.typedParams;
      }
      if (d.returnType) sym.return_type = clip(collapse(source.slice(d.returnType.start, d.returnType.end)));
      if (facts.async) sym.is_async = d.async;
    }
    const decorated = decoratorsBetween(facts.decorators, head.startIndex, d.nameNode.startIndex);
    if (decorated.length) sym.decorators = decorated;
    d.symbol = sym;
    d.owned = owner !== undefined;
    out.push(sym);
  }
  out.sort((a, b) => a.start_line - b.start_line || a.start_col - b.start_col);
  return out;
}

function countParams(list: Node, spec: LanguageSpec): number {
  const params = list.namedChildren.filter((c) => c && (spec.paramTypes ? spec.paramTypes.includes(c.type) : !spec.commentTypes.includes(c.type)));
  // C's `f(void)` declares no parameters.
  return params.length === 1 && params[0]!.text === 'void' ? 0 : params.length;
}

function innermostNamedScope<S extends Span>(scopes: readonly S[], d: Span): S | undefined {
  let best: S | undefined;
  for (const s of scopes) {
    if (s.start <= d.start && s.end >= d.end && (!best || s.end - s.start < best.end - best.start)) best = s;
  }
  return best;
}

/** The first of the decorator siblings right above a definition (Rust attributes, TS member
 * decorators), or the definition itself: where its start line and its decorators begin. */
function leadingDecorator(node: Node, spec: LanguageSpec): Node {
  let head = node;
  const types = spec.decoratorTypes;
  if (!types?.length) return head;
  for (let s = node.previousNamedSibling; s && types.includes(s.type); s = s.previousNamedSibling) {
    if (s.endPosition.row < head.startPosition.row - 1) break;
    head = s;
  }
  return head;
}

/** Names of the decorators in a definition's header, from its leading decorators to its name:
 * decorators of parameters, of nested definitions and of the body come after the name. */
function decoratorsBetween(sites: readonly DecoratorSite[], start: number, end: number): string[] {
  let lo = 0;
  let hi = sites.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sites[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sites.length && sites[i]!.start < end; i++) out.push(sites[i]!.name);
  return out;
}

function signatureOf(d: DefDraft, spec: LanguageSpec, source: string): string {
  // Decorators and attributes inside the declaration are not part of the signature.
  let start = d.node.startIndex;
  if (spec.decoratorTypes?.length) {
    for (const child of d.node.children) {
      if (!child) continue;
      if (!spec.decoratorTypes.includes(child.type)) { start = child.startIndex; break; }
    }
  }
  const end = d.bodyNode && d.bodyNode.startIndex > start ? d.bodyNode.startIndex : d.node.endIndex;
  let text = source.slice(start, end);
  if (!d.bodyNode) text = text.split('\n')[0] ?? text;
  text = collapse(text).replace(/\s*[{:=]\s*$/, '').replace(/^(@(?!interface\b)[\w.]+(\([^)]*\))?\s+)+/, '');
  return clip(text);
}

/** Last row a node occupies: a node ending at column 0 (Rust `///` comments) ends on the row before. */
export const lastRow = (n: Node): number => n.endPosition.row - (n.endPosition.column === 0 && n.endPosition.row > n.startPosition.row ? 1 : 0);

function docOf(d: DefDraft, spec: LanguageSpec, startRow: number): DocBlock | undefined {
  if (d.docNode) return { text: d.docNode.text };
  // Doc comments sit right above the definition (or above its export wrapper and attributes).
  let anchor: Node = d.node;
  while (anchor.parent && (anchor.parent.startIndex === anchor.startIndex || spec.wrapperTypes?.includes(anchor.parent.type))
    && anchor.parent.parent) {
    anchor = anchor.parent;
  }
  const top = Math.min(startRow, anchor.startPosition.row);
  let prev = anchor.previousNamedSibling;
  while (prev && spec.decoratorTypes?.includes(prev.type)) prev = prev.previousNamedSibling;
  if (!prev || !spec.commentTypes.includes(prev.type) || lastRow(prev) < top - 1) return undefined;
  // A trailing comment on the line above (`a int // x`) belongs to that line, not to this definition.
  if (prev.previousSibling && lastRow(prev.previousSibling) === prev.startPosition.row) return undefined;
  // A run of line comments is one block: read it from its first line.
  const run = [prev.text];
  let first = prev;
  for (let p = prev.previousNamedSibling; p && spec.commentTypes.includes(p.type)
    && lastRow(p) === first.startPosition.row - 1; first = p, p = p.previousNamedSibling) run.unshift(p.text);
  return { text: run.join('\n'), firstRow: first.startPosition.row };
}

/** One line of a doc comment or docstring without its comment markers and XML doc tags; '' for a rule line. */
export function docLineText(raw: string): string {
  const line = raw.trim()
    .replace(/^("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '')
    .replace(/^(\/\*\*?|\/\/\/?!?|#+|--+\[*=*\[*|\*+\/?|;+)\s?/, '').replace(/\*\/$/, '')
    .replace(/<\/?(summary|remarks|para|returns|value)>/g, '').trim();
  return /^[-=*#]+$/.test(line) ? '' : line;
}

function firstDocLine(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = docLineText(raw);
    if (line) return clip(line);
  }
  return undefined;
}

/** Sorted spans nest; returns for each point the index of its innermost containing span, or -1. */
function innermost(spans: readonly Span[], points: readonly number[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end);
  const pointOrder = points.map((_, i) => i).sort((a, b) => points[a]! - points[b]!);
  const result = new Array<number>(points.length).fill(-1);
  const stack: number[] = [];
  let si = 0;
  for (const pi of pointOrder) {
    const p = points[pi]!;
    while (si < order.length && spans[order[si]!]!.start <= p) {
      const s = order[si++]!;
      while (stack.length && spans[stack[stack.length - 1]!]!.end <= spans[s]!.start) stack.pop();
      stack.push(s);
    }
    while (stack.length && spans[stack[stack.length - 1]!]!.end <= p) stack.pop();
    result[pi] = stack.length ? stack[stack.length - 1]! : -1;
  }
  return result;
}

/** Parent of each span in the nesting forest (-1 for roots); spans must nest properly. */
function nestingParents(spans: readonly Span[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end);
  const parents = new Array<number>(spans.length).fill(-1);
  const stack: number[] = [];
  for (const i of order) {
    while (stack.length && spans[stack[stack.length - 1]!]!.end <= spans[i]!.start) stack.pop();
    if (stack.length) parents[i] = stack[stack.length - 1]!;
    stack.push(i);
  }
  return parents;
}

function buildRefs(
  refsByNode: Map<number, RefDraft>, defs: DefDraft[], scopes: Span[], localDefs: Array<Span & { name: string }>,
  bindingNodes: number[], imports: Map<string, ImportRecord>, lines: LineIndex, spec: LanguageSpec,
): RefSite[] {
  const declared = new Set<number>(defs.map((d) => d.nameNode.startIndex));
  for (const l of localDefs) declared.add(l.start);
  for (const b of bindingNodes) declared.add(b);
  const drafts = [...refsByNode.values()].filter((r) => !declared.has(r.start));

  // Names each local scope declares; a reference inside that scope (or a nested one) is local.
  const scopeParents = nestingParents(scopes);
  const scopeNames = scopes.map(() => new Set<string>());
  innermost(scopes, localDefs.map((l) => l.start)).forEach((si, i) => {
    if (si >= 0) scopeNames[si]!.add(localDefs[i]!.name);
  });

  const topLevelNames = new Set(defs.filter((d) => d.parentIdx === undefined && !d.owned).map((d) => d.nameNode.text));
  const importLocals = new Set<string>();
  for (const rec of imports.values()) for (const b of rec.bindings) importLocals.add(b.local);

  const fnIdx = defs.map((d, i) => (FUNCTION_KINDS.has(d.symbol?.kind ?? d.kind) ? i : -1)).filter((i) => i >= 0);
  const fnSpans = fnIdx.map((i) => defs[i]!);
  const callerOf = innermost(fnSpans, drafts.map((r) => r.start));
  const scopeOf = innermost(scopes, drafts.map((r) => r.start));

  const out: RefSite[] = [];
  drafts.forEach((r, i) => {
    const name = r.node.text;
    if (r.kind !== 'attribute' && r.kind !== 'import' && r.receiver === undefined && !(r.kind === 'call' && spec.callsIgnoreLocals)) {
      for (let s = scopeOf[i]!; s >= 0; s = scopeParents[s]!) if (scopeNames[s]!.has(name)) return;
    }
    let scope: RefSite['scope'] = 'free';
    let receiver: string | undefined;
    if (r.kind === 'import') scope = 'import';
    else if (r.receiver !== undefined) {
      if (importLocals.has(r.receiver)) { scope = 'member'; receiver = r.receiver; } else receiver = storedReceiver(r.receiver);
    } else if (topLevelNames.has(name)) scope = 'file';
    else if (importLocals.has(name)) scope = 'import';
    const pos = r.node.startPosition;
    const site: RefSite = { name, line: pos.row + 1, col: lines.column(pos.row, pos.column), kind: r.kind, scope };
    const ci = callerOf[i]!;
    if (ci >= 0) {
      const caller = fnSpans[ci]!.symbol?.qualified_name;
      if (caller) site.caller = caller;
    }
    if (receiver) site.receiver = receiver;
    out.push(site);
  });
  out.sort((a, b) => a.line - b.line || a.col - b.col);
  return out;
}

/**
 * The receiver a non-import member access keeps: a plain name as written (`self`, `this`, a class
 * or variable name: references bind `self.m()` and `Type.m()` through it), any other object
 * expression as `.`, so a member access is never mistaken for a free name.
 */
function storedReceiver(text: string): string {
  return /^[A-Za-z_$][\w$]{0,63}$/.test(text) ? text : '.';
}

function attachComplexity(defs: DefDraft[], branches: number[]): void {
  const fns = defs.filter((d) => d.symbol && FUNCTION_KINDS.has(d.symbol.kind));
  for (const f of fns) f.symbol!.complexity = 1;
  innermost(fns, branches).forEach((fi) => {
    if (fi >= 0) fns[fi]!.symbol!.complexity! += 1;
  });
}

function countLines(source: string, lines: LineIndex, comments: Node[]): LineCounts {
  // The empty line after a final line break is no line of the file.
  const total = lines.lineCount - (source === '' || source.endsWith('\n') ? 1 : 0);
  const commentLines = new Set<number>();
  for (const c of comments) {
    for (let row = c.startPosition.row; row <= c.endPosition.row; row++) {
      const text = lines.lineText(row + 1);
      const firstCode = text.search(/\S/);
      if (row > c.startPosition.row || firstCode >= c.startPosition.column) commentLines.add(row);
    }
  }
  let blank = 0;
  let comment = 0;
  for (let row = 0; row < total; row++) {
    if (lines.lineText(row + 1).trim() === '') blank++;
    else if (commentLines.has(row)) comment++;
  }
  return { total, code: total - blank - comment, comment, blank };
}
