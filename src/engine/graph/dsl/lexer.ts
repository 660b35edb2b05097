// Tokens of the graph DSL (spec §6.2), each with its position, and the one error shape every stage
// of the DSL reports: invalid_argument with the 1-based position, line, column and what was expected.
// A character that starts no token is an error, never skipped (attocode dropped `(`, `;` …).
import { invalidArgument, type CartographError } from '../../../errors.js';

export interface Position {
  /** 1-based index of the character (code point) in the query. */
  position: number;
  line: number;
  column: number;
}

export type TokenKind = 'keyword' | 'ident' | 'string' | 'number' | 'symbol' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Keywords upper-cased; strings unquoted and unescaped; otherwise the source text. */
  text: string;
  number?: number;
  at: Position;
}

const KEYWORDS = new Set(['MATCH', 'WHERE', 'RETURN', 'ORDER', 'BY', 'LIMIT', 'AND', 'OR', 'NOT', 'IN', 'LIKE', 'COUNT',
  'ASC', 'DESC', 'TRUE', 'FALSE']);

/** Longest first, so `]->` wins over `]-` and `]`. */
const SYMBOLS = ['<-[', ']->', '-[', ']-', '..', '!=', '<=', '>=', '*', '.', ',', '(', ')', '[', ']', '=', '<', '>'];

/** The DSL's error: names the spot and what would have been valid there. */
export function dslError(problem: string, at: Position, expected: string): CartographError {
  return invalidArgument(`Parameter 'query', line ${at.line}, column ${at.column}: ${problem}; expected ${expected}.`,
    { parameter: 'query', position: at.position, line: at.line, column: at.column, expected });
}

export function tokenize(query: string): Token[] {
  const chars = [...query];
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): Position => ({ position: i + 1, line, column: i - lineStart + 1 });
  const startsWith = (s: string): boolean => chars.slice(i, i + s.length).join('') === s;
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '\n') { i++; line++; lineStart = i; continue; }
    if (/\s/u.test(c)) { i++; continue; }
    const at = here();
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < chars.length && /[A-Za-z0-9_]/.test(chars[j]!)) j++;
      const word = chars.slice(i, j).join('');
      const upper = word.toUpperCase();
      tokens.push(KEYWORDS.has(upper) ? { kind: 'keyword', text: upper, at } : { kind: 'ident', text: word, at });
      i = j;
    } else if (isDigit(c) || (c === '-' && isDigit(chars[i + 1]))) {
      let j = i + 1;
      while (isDigit(chars[j])) j++;
      // `1..3` is a range, not the decimal `1.`: a fraction needs a digit after the dot.
      if (chars[j] === '.' && isDigit(chars[j + 1])) for (j += 2; isDigit(chars[j]); j++);
      const text = chars.slice(i, j).join('');
      tokens.push({ kind: 'number', text, number: Number(text), at });
      i = j;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < chars.length && chars[j] !== c) {
        if (chars[j] === '\\' && j + 1 < chars.length) j++;
        if (chars[j] === '\n') { line++; lineStart = j + 1; }
        text += chars[j++];
      }
      if (j >= chars.length) throw dslError(`unterminated string ${c}${text.slice(0, 30)}`, at, `a closing ${c}`);
      tokens.push({ kind: 'string', text, at });
      i = j + 1;
    } else {
      const symbol = SYMBOLS.find(startsWith);
      if (!symbol) {
        throw dslError(`unexpected character '${c}'`, at, c === '-'
          ? "'-[' to start an edge or a digit for a negative number"
          : 'a keyword, a name, a quoted string, a number or one of - [ ] > < = ! * . , ( )');
      }
      tokens.push({ kind: 'symbol', text: symbol, at });
      i += symbol.length;
    }
  }
  tokens.push({ kind: 'eof', text: '', at: here() });
  return tokens;
}
