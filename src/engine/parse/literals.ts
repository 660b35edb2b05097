// Comment and string-literal ranges of a source, from its syntax tree: what text scanners (security
// rules) need to tell code from prose. Runs in the parser workers. Interpolated code inside a string
// (`${…}`, `#{…}`, f-string `{…}`) is cut out of the string's range: it is code.
import { Query, type Language } from 'web-tree-sitter';
import { LineIndex } from '../line-index.js';
import { loadGrammar } from './grammar.js';
import { specFor } from './languages/index.js';
import type { LiteralRange, LiteralsJob, LiteralsOutcome } from './protocol.js';
import type { LanguageSpec } from './spec.js';

interface LiteralTypes {
  /** String-like nodes: string, template, regex, heredoc, character literals. */
  strings: string[];
  /** Code embedded in those strings. */
  holes?: string[];
}

const JS: LiteralTypes = { strings: ['string', 'template_string', 'regex', 'jsx_text'], holes: ['template_substitution'] };
const C_LIKE: LiteralTypes = { strings: ['string_literal', 'raw_string_literal', 'char_literal', 'system_lib_string'] };

/** Per language (LanguageSpec id); comment types come from the spec itself. */
const LITERAL_TYPES: Record<string, LiteralTypes> = {
  typescript: JS,
  tsx: JS,
  javascript: JS,
  python: { strings: ['string'], holes: ['interpolation'] },
  go: { strings: ['interpreted_string_literal', 'raw_string_literal', 'rune_literal'] },
  rust: { strings: ['string_literal', 'raw_string_literal', 'char_literal'] },
  java: { strings: ['string_literal', 'character_literal', 'text_block'], holes: ['string_interpolation'] },
  kotlin: { strings: ['string_literal', 'multiline_string_literal', 'character_literal'], holes: ['interpolation'] },
  scala: { strings: ['string', 'interpolated_string', 'character_literal'], holes: ['interpolation'] },
  c: C_LIKE,
  cpp: C_LIKE,
  csharp: {
    strings: ['string_literal', 'verbatim_string_literal', 'raw_string_literal', 'interpolated_string_expression', 'character_literal'],
    holes: ['interpolation'],
  },
  ruby: { strings: ['string', 'heredoc_body', 'regex', 'string_array', 'symbol_array', 'character'], holes: ['interpolation'] },
  php: { strings: ['string', 'encapsed_string', 'heredoc', 'nowdoc'] },
  swift: {
    strings: ['line_string_literal', 'multi_line_string_literal', 'raw_string_literal', 'regex_literal'],
    holes: ['interpolated_expression', 'raw_str_interpolation'],
  },
  lua: { strings: ['string'] },
  bash: {
    strings: ['string', 'raw_string', 'ansi_c_string', 'heredoc_body', 'translated_string'],
    holes: ['command_substitution', 'expansion', 'simple_expansion', 'arithmetic_expansion', 'process_substitution'],
  },
};

const queries = new Map<string, Query>();

/** One query capturing @comment, @string and @hole nodes; types the grammar lacks are left out. */
function literalQuery(spec: LanguageSpec, language: Language): Query {
  let q = queries.get(spec.id);
  if (!q) {
    const types = LITERAL_TYPES[spec.id] ?? { strings: [] };
    const known = (list: readonly string[]) => list.filter((t) => language.idForNodeType(t, true));
    const group = (list: readonly string[], name: string) => {
      const present = known(list);
      return present.length ? `[${present.map((t) => `(${t})`).join(' ')}] @${name}` : '';
    };
    q = new Query(language, [group(spec.commentTypes, 'comment'), group(types.strings, 'string'), group(types.holes ?? [], 'hole')].join('\n'));
    queries.set(spec.id, q);
  }
  return q;
}

interface Span { start: number; end: number }

/**
 * Each literal minus the holes inside it (`holes` sorted by start); literals nested in holes come out
 * as their own pieces. A literal nested directly in another (no hole between) adds nothing.
 */
function pieces(literals: Array<Span & { kind: LiteralRange['kind'] }>, holes: Span[]): Array<Span & { kind: LiteralRange['kind'] }> {
  const out: Array<Span & { kind: LiteralRange['kind'] }> = [];
  for (const lit of literals) {
    let from = lit.start;
    let lo = 0;
    let hi = holes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (holes[mid]!.start < lit.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < holes.length && holes[i]!.start < lit.end; i++) {
      const h = holes[i]!;
      if (h.end > lit.end) continue;
      if (h.start > from) out.push({ kind: lit.kind, start: from, end: h.start });
      from = Math.max(from, h.end);
    }
    if (lit.end > from) out.push({ kind: lit.kind, start: from, end: lit.end });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return out.filter((p) => {
    if (p.start < reach) return false;
    reach = p.end;
    return true;
  });
}

export async function literalRanges(spec: LanguageSpec, source: string): Promise<LiteralRange[]> {
  const { parser, language } = await loadGrammar(spec);
  const tree = parser.parse(source);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${spec.id}`);
  const literals: Array<Span & { kind: LiteralRange['kind'] }> = [];
  const holes: Span[] = [];
  try {
    for (const { name, node } of literalQuery(spec, language).captures(tree.rootNode)) {
      const span = { start: node.startIndex, end: node.endIndex };
      if (name === 'hole') holes.push(span);
      else literals.push({ kind: name === 'comment' ? 'comment' : 'string', ...span });
    }
  } finally {
    tree.delete();
  }
  holes.sort((a, b) => a.start - b.start);
  const lines = new LineIndex(source);
  return pieces(literals, holes).map((p) => {
    const start = lines.position(p.start);
    const end = lines.position(p.end - 1);
    return { kind: p.kind, start_line: start.line, start_col: start.col, end_line: end.line, end_col: end.col };
  });
}

/** The worker side of a literals job; never throws. */
export async function literalsOutcome(job: LiteralsJob): Promise<LiteralsOutcome> {
  const spec = specFor(job.language);
  if (!spec) return { path: job.path, ranges: [], error: `no parser for ${job.language}` };
  try {
    return { path: job.path, ranges: await literalRanges(spec, job.source) };
  } catch (err) {
    return { path: job.path, ranges: [], error: err instanceof Error ? err.message : String(err) };
  }
}
