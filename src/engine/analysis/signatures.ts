// Symbols rendered from their stored facts (signature, kind, parent, exported, doc) rather than
// from source: a file's public API in the file's own language syntax (distill `signatures`), and
// one-line compact forms (`fn name(a, b) -> R`, `class C(B): m1, m2`) for relevant_context.
import type { SymbolRow } from '../index/store.js';
import { childrenByParent, isClassLike, isFunctionLike } from './top-symbols.js';

const DOC_LIMIT = 120;
const COMPACT_PARAMS = 5;
const COMPACT_BASES = 3;
const COMPACT_MEMBERS = 5;

/** First line of a doc comment, at most 120 characters. */
function docLine(doc: string): string {
  const line = doc.split('\n', 1)[0]!.trim();
  const chars = [...line];
  return chars.length <= DOC_LIMIT ? line : `${chars.slice(0, DOC_LIMIT - 1).join('')}…`;
}

// ---- declarations in the file's own syntax -------------------------------------------------

interface Style {
  indent: string;
  /** A doc line as a comment above its declaration; Python uses docstrings instead. */
  comment?: (text: string) => string;
  /** Ends a declaration shown without members. */
  terminator: (s: SymbolRow) => string;
  /** Opens and closes a member list. An empty `close` means indentation alone closes it (Python). */
  open: string;
  close: string;
  /** A container shown without members; `hidden` when it has non-public ones. */
  empty: (hidden: boolean) => string;
  /** Keyword the stored signature leaves out of exported declarations (`export` in TS/JS). */
  exportWord?: string;
}

/** Brace languages; `listed` kinds are separated by commas (enum members, and Rust struct fields). */
const braces = (terminator: string, comment: (t: string) => string = (t) => `/** ${t} */`,
  listed: ReadonlySet<string> = new Set(terminator ? ['enum_member'] : [])): Style => ({
  indent: '  ', comment, open: ' {', close: '}',
  terminator: (s) => (listed.has(s.kind) ? ',' : terminator),
  empty: (hidden) => (hidden ? ' { ... }' : ' {}'),
});
const ended = (comment: (t: string) => string): Style => ({
  indent: '  ', comment, open: '', close: 'end', terminator: () => '', empty: () => '; end',
});
const TS_STYLE: Style = { ...braces(';'), exportWord: 'export ' };
const PYTHON_STYLE: Style = {
  indent: '    ', open: ':', close: '', terminator: (s) => (isFunctionLike(s.kind) ? ': ...' : ''), empty: () => ': ...',
};

const STYLES: Record<string, Style> = {
  typescript: TS_STYLE, tsx: TS_STYLE, javascript: TS_STYLE,
  python: PYTHON_STYLE,
  go: { ...braces('', (t) => `// ${t}`), indent: '\t' },
  rust: braces(';', (t) => `/// ${t}`, new Set(['enum_member', 'property'])),
  java: braces(';'), csharp: braces(';'), php: braces(';'), c: braces(';'), cpp: braces(';'),
  kotlin: braces(''), scala: braces(''), swift: braces(''),
  ruby: ended((t) => `# ${t}`),
  lua: ended((t) => `-- ${t}`),
  bash: braces('', (t) => `# ${t}`),
};
const DEFAULT_STYLE = braces('', (t) => `// ${t}`);

const CONTAINER_KINDS = new Set(['class', 'struct', 'interface', 'trait', 'enum', 'module']);

/** `const f = async (a: T): R =>`: a typed arrow function, declared as `const f: (a: T) => R`. */
const TYPED_ARROW = /^((?:const|let|var)\s+[\w$]+)\s*=\s*(?:async\s+)?(\(.*\))\s*:\s*(.+?)\s*=>$/;

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * The stored signature as a declaration: arrow functions declared by their type (or with an
 * elided body when untyped), an initialiser cut at its first line closed with `...`, no
 * dangling `=` or body `{`, and the name when the header lacks it.
 */
function declaration(s: SymbolRow, style: Style, exportable: boolean): string {
  const sig = s.signature.trim();
  const arrow = style === TS_STYLE ? TYPED_ARROW.exec(sig) : null;
  const cut = /(?:=\s*[([{]|[([])$/.test(sig) ? sig.slice(-1) : undefined;
  let header = arrow ? `${arrow[1]}: ${arrow[2]} => ${arrow[3]}`
    : style === TS_STYLE && sig.endsWith('=>') ? `${sig} ...`
      : cut ? `${sig}...${CLOSERS[cut]}`
        : sig.replace(/\s*(=>|=|\{)$/, '');
  if (/^[\w$]+$/.test(s.name) && !header.includes(s.name)) header = `${header} ${s.name}`.trim();
  if (style.exportWord && exportable && s.exported && !header.startsWith(style.exportWord)) header = style.exportWord + header;
  return header;
}

/**
 * The public API of one file as declaration lines: exported top-level declarations with their
 * doc lines, and containers (classes, structs, interfaces, traits, enums, modules) with their
 * public members. Rust methods defined in `impl` blocks are grouped back under `impl Type`.
 */
export function renderDeclarations(language: string | null, symbols: readonly SymbolRow[]): string[] {
  const style = (language && STYLES[language]) || DEFAULT_STYLE;
  const children = childrenByParent(symbols);
  const out: string[] = [];
  const push = (line: string): void => { if (out[out.length - 1] !== line) out.push(line); }; // Swift repeats `case a, b` per member
  const docstring = (pad: string, doc: string): string => `${pad}"""${docLine(doc).replace(/"""/g, '\\"\\"\\"')}"""`;

  const emit = (s: SymbolRow, depth: number, exportable: boolean): void => {
    const pad = style.indent.repeat(depth);
    const inner = pad + style.indent;
    if (s.doc && style.comment) push(pad + style.comment(docLine(s.doc)));
    if (style === PYTHON_STYLE) for (const d of s.decorators ?? []) push(`${pad}@${d}`);
    const header = pad + declaration(s, style, exportable);
    const all = children.get(s.qualified_name) ?? [];
    const members = all.filter((c) => c.exported);
    const docInside = style === PYTHON_STYLE && s.doc !== undefined;
    if (CONTAINER_KINDS.has(s.kind) && !header.endsWith(';')) {
      if (!members.length && !docInside) { push(header + style.empty(all.length > 0)); return; }
      push(header + style.open);
      if (docInside) push(docstring(inner, s.doc!));
      for (const m of members) emit(m, depth + 1, s.kind === 'module');
      if (style.close) push(pad + style.close);
    } else if (docInside && isFunctionLike(s.kind)) {
      push(`${header}:`);
      push(docstring(inner, s.doc!));
    } else {
      const end = style.terminator(s);
      const complete = header.endsWith(end) || header.endsWith(';') || (s.kind === 'property' && header.endsWith('}')); // C# `{ get; }`
      push(complete ? header : header + end);
    }
  };

  const implOf = (s: SymbolRow): string | undefined => (language === 'rust' && s.parent === undefined && s.qualified_name.includes('.')
    ? s.qualified_name.slice(0, s.qualified_name.lastIndexOf('.')) : undefined);
  const impls = new Map<string, SymbolRow[]>();
  for (const s of symbols) {
    const owner = implOf(s);
    if (owner !== undefined && s.exported) (impls.get(owner) ?? impls.set(owner, []).get(owner)!).push(s);
  }
  for (const s of symbols) {
    if (s.parent !== undefined || !s.exported) continue;
    const owner = implOf(s);
    if (owner === undefined) { emit(s, 0, true); continue; }
    const group = impls.get(owner);
    if (group?.[0] !== s) continue; // the block is written where its first member is
    push(`impl ${owner}${style.open}`);
    for (const m of group) emit(m, 1, false);
    push(style.close);
  }
  return out;
}

// ---- compact one-line forms ---------------------------------------------------------------

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OPENERS = new Set(['(', '[', '{', '<']);

/** Splits on `sep` outside brackets; `=>` and `->` do not close an angle bracket. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPENERS.has(c)) depth++;
    else if (c === ')' || c === ']' || c === '}' || (c === '>' && text[i - 1] !== '=' && text[i - 1] !== '-')) depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Index of the bracket closing the one at `open`, or -1. */
function closingIndex(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') if (--depth === 0) return i;
  }
  return -1;
}

/** Text with every bracketed group removed (generic arguments, parameter lists). */
function withoutGroups(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPENERS.has(c)) depth++;
    else if (depth && (c === ')' || c === ']' || c === '}' || (c === '>' && text[i - 1] !== '=' && text[i - 1] !== '-'))) depth--;
    else if (!depth) out += c;
  }
  return out;
}

interface Header { nameAt: number; paramsOpen: number; paramsClose: number }

/** Where the symbol's name and its parameter list sit in its signature. */
function locate(s: SymbolRow): Header {
  const sig = s.signature;
  const m = new RegExp(`(?<![\\w$])${escapeRegExp(s.name)}\\s*(?:<[^()]*>|\\[[^()]*\\])?\\s*(?:=\\s*(?:async\\s*)?)?\\(`).exec(sig);
  const nameAt = m ? m.index : Math.max(0, sig.search(new RegExp(`(?<![\\w$])${escapeRegExp(s.name)}(?![\\w$])`)));
  const paramsOpen = m ? m.index + m[0].length - 1 : -1;
  return { nameAt, paramsOpen, paramsClose: paramsOpen < 0 ? -1 : closingIndex(sig, paramsOpen) };
}

const SELF_PARAM = /^(&\s*)?('\w+\s+)?(mut\s+)?(self|this)\b|^cls$/;

/** Parameter names, read from the declaration (name first in Go, last in C-like languages). */
function paramNames(s: SymbolRow, language: string | null): string[] {
  const { paramsOpen, paramsClose } = locate(s);
  if (paramsOpen < 0 || paramsClose < 0) return [];
  const names: string[] = [];
  splitTopLevel(s.signature.slice(paramsOpen + 1, paramsClose), ',').forEach((raw, i) => {
    if ((i === 0 && SELF_PARAM.test(raw)) || raw === '*' || raw === '/' || raw === 'void') return;
    let p = raw;
    if (language === 'go') { names.push(p.split(/\s+/)[0]!); return; }
    const colon = splitTopLevel(p, ':');
    if (colon.length > 1 && language !== 'php') p = colon[0]!;
    else p = splitTopLevel(p, '=')[0] ?? p;
    p = p.trim();
    const word = /([*&]*\.{0,3}[\w$]+\??)\s*(?:\[\s*\])*$/.exec(p);
    const name = word && !/^[{[]/.test(p) ? word[1]!.replace(/\?$/, '') : p; // a destructuring pattern stays whole
    names.push(language === 'python' ? name : name.replace(/^[*&]+(?=[\w$])/, '')); // `*args` keeps its star, `*ptr` does not
  });
  return names;
}

const NO_RESULT = new Set(['', 'void', 'Void', 'None', 'Unit', '()']);
/** Languages that write the result type after the parameters with `:` (elsewhere a `:` there is, e.g., a C++ initialiser list). */
const COLON_RESULT = new Set(['typescript', 'tsx', 'javascript', 'kotlin', 'scala', 'php']);
const C_LIKE = new Set(['java', 'c', 'cpp', 'csharp']);
const MODIFIERS = new Set([
  'public', 'private', 'protected', 'internal', 'static', 'final', 'abstract', 'synchronized', 'native', 'virtual',
  'inline', 'extern', 'override', 'async', 'default', 'explicit', 'constexpr', 'unsafe', 'sealed', 'new', 'strictfp',
]);

/** The declared result type, or undefined when none is written or it is void-like. */
function returnType(s: SymbolRow, language: string | null): string | undefined {
  const clean = (t: string): string | undefined => {
    const r = t.replace(/\s+where\b.*$/, '').replace(/\s*(=>|=|\{|;)\s*$/, '').replace(/^throws\b.*$/, '').trim();
    return NO_RESULT.has(r) ? undefined : r;
  };
  if (s.return_type !== undefined) return clean(s.return_type);
  const sig = s.signature;
  const { nameAt, paramsClose } = locate(s);
  const rest = paramsClose >= 0 ? sig.slice(paramsClose + 1).trim() : sig.slice(nameAt + s.name.length).trim();
  const arrow = rest.indexOf('->');
  if (arrow >= 0) return clean(rest.slice(arrow + 2));
  if (rest.startsWith(':') && language && COLON_RESULT.has(language)) return clean(rest.slice(1));
  if (language === 'go') return clean(rest);
  if (!language || !C_LIKE.has(language)) return undefined;
  const words = sig.slice(0, nameAt).replace(/[\w:]*::$/, '').trim().split(/\s+/).filter((w) => w && !MODIFIERS.has(w) && !/^<.*>$/.test(w));
  return clean(words.join(' '));
}

/** Base classes and implemented interfaces named in a class-like declaration. */
function baseNames(s: SymbolRow, language: string | null): string[] {
  const { nameAt } = locate(s);
  const after = s.signature.slice(nameAt + s.name.length);
  let list: string[] = [];
  if (language === 'python') {
    const open = after.indexOf('(');
    const close = open >= 0 ? closingIndex(after, open) : -1;
    if (close > open) list = splitTopLevel(after.slice(open + 1, close), ',').filter((b) => !b.includes('='));
  } else {
    const flat = (language === 'ruby' ? after : withoutGroups(after)).replace(/;\s*$/, ''); // Ruby's `<` names the superclass
    const clause = (word: string) => new RegExp(`\\b${word}\\s+(.+?)(?=\\s+(?:extends|implements|with)\\b|$)`).exec(flat)?.[1];
    const named = [clause('extends'), clause('implements'), clause('with')].filter((c): c is string => c !== undefined);
    const colon = /^\s*(?:<|:)\s*(.+)$/.exec(flat)?.[1];
    for (const c of named.length ? named : colon ? [colon] : []) {
      list.push(...c.split(/,|\s+with\s+/).map((b) => b.replace(/\b(public|private|protected|virtual)\s+/g, '').trim()));
    }
  }
  return list.filter(Boolean).slice(0, COMPACT_BASES);
}

const capped = (items: string[], limit: number): string => (items.length > limit ? [...items.slice(0, limit), '...'] : items).join(', ');

/** `fn name(a, b) -> R`, `class C(B1, B2): m1, m2`, or `<kind> name` for everything else. */
export function compactSymbol(s: SymbolRow, language: string | null, children: ReadonlyMap<string, readonly SymbolRow[]>): string {
  const label = s.qualified_name;
  if (isFunctionLike(s.kind)) {
    const result = returnType(s, language);
    return `fn ${label}(${capped(paramNames(s, language), COMPACT_PARAMS)})${result ? ` -> ${result}` : ''}`;
  }
  if (isClassLike(s.kind) || s.kind === 'module') {
    const bases = baseNames(s, language);
    const members = [...new Set((children.get(s.qualified_name) ?? []).filter((c) => c.exported).map((c) => c.name))];
    return `${s.kind} ${label}${bases.length ? `(${bases.join(', ')})` : ''}${members.length ? `: ${capped(members, COMPACT_MEMBERS)}` : ''}`;
  }
  return `${s.kind} ${label}`;
}
