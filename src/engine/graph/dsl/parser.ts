// Recursive-descent parser of the graph DSL (spec §6.2) into a checked query: every variable used
// after MATCH is bound there, every field exists, and every comparison has operands of matching
// types (ordering operators only on numbers, LIKE only on text), each failure pointing at its token.
import { dslError, tokenize, type Position, type Token } from './lexer.js';

const FIELD_TYPES = {
  path: 'text', name: 'text', dir: 'text', language: 'text',
  line_count: 'number', importance: 'number', fan_in: 'number', fan_out: 'number', symbol_count: 'number',
  is_test: 'boolean', is_config: 'boolean',
} as const;
export type FieldName = keyof typeof FIELD_TYPES;
type ValueType = 'text' | 'number' | 'boolean';

/** Hop bounds above this are capped (Cypher's unbounded `*` would walk the whole graph). */
const MAX_HOPS = 10;

export type Literal = string | number | boolean;
export interface FieldRef { variable: string; field?: FieldName }
export type Operand = { kind: 'field'; ref: FieldRef & { field: FieldName } } | { kind: 'value'; value: Literal };
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE';
export type Expr =
  | { kind: 'or' | 'and'; parts: Expr[] }
  | { kind: 'not'; expr: Expr }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'in'; operand: Operand; values: Literal[] };

/** A node of the pattern: a variable, or a quoted path / glob / path suffix. */
export type NodePattern = { variable: string } | { path: string };
export interface EdgePattern {
  /** The relation walked from the left node to the right one. */
  walk: 'imports' | 'importers';
  min: number;
  max: number;
}
export type ReturnItem = (FieldRef & { kind: 'value' }) | { kind: 'count'; variable?: string };
export interface SortKey extends FieldRef { descending: boolean }

export interface Query {
  nodes: NodePattern[];
  edges: EdgePattern[];
  where?: Expr;
  columns: string[];
  items: ReturnItem[];
  orderBy: SortKey[];
  limit?: number;
  /** Plain-words remarks about the query (capped hop bounds). */
  notes: string[];
}

const COMPARE_OPS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const FIELD_LIST = Object.keys(FIELD_TYPES).join(', ');
const NUMERIC_FIELDS = Object.entries(FIELD_TYPES).filter(([, t]) => t === 'number').map(([f]) => f).join(', ');

const describe = (t: Token): string => (t.kind === 'eof' ? 'end of query'
  : t.kind === 'string' ? `string "${t.text}"` : `${t.kind === 'keyword' ? 'keyword' : t.kind === 'ident' ? 'name' : t.kind === 'number' ? 'number' : 'symbol'} '${t.text}'`);

const labelOf = (r: FieldRef): string => (r.field ? `${r.variable}.${r.field}` : r.variable);

export function parseQuery(source: string): Query {
  return new Parser(tokenize(source)).query();
}

class Parser {
  private i = 0;
  private readonly variables = new Set<string>();
  private readonly notes: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  query(): Query {
    this.expectKeyword('MATCH');
    const { nodes, edges } = this.pattern();
    const where = this.acceptKeyword('WHERE') ? this.expr() : undefined;
    this.expectKeyword('RETURN', where ? 'AND, OR or RETURN' : "an edge ('-[' or '<-['), WHERE or RETURN");
    const items: ReturnItem[] = [];
    const columns: string[] = [];
    do {
      const item = this.returnItem();
      items.push(item);
      columns.push(item.kind === 'count' ? (item.variable ? `COUNT(${item.variable})` : 'COUNT') : labelOf(item));
    } while (this.acceptSymbol(','));
    const orderBy: SortKey[] = [];
    let follow = "',', ORDER BY, LIMIT or end of query";
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      const grouped = items.some((it) => it.kind === 'count');
      do {
        const start = this.peek();
        const ref = this.fieldRef('a variable to sort by');
        if (grouped && !columns.includes(labelOf(ref))) {
          throw dslError(`sort key '${labelOf(ref)}' is not a returned column of this COUNT query`, start.at,
            `one of the returned columns: ${columns.filter((c) => !c.startsWith('COUNT')).join(', ') || '(none)'}`);
        }
        const descending = this.acceptKeyword('DESC');
        if (!descending) this.acceptKeyword('ASC');
        orderBy.push({ ...ref, descending });
      } while (this.acceptSymbol(','));
      follow = "',', ASC, DESC, LIMIT or end of query";
    }
    let limit: number | undefined;
    if (this.acceptKeyword('LIMIT')) {
      const t = this.next();
      if (t.kind !== 'number' || !Number.isInteger(t.number) || t.number! < 0) throw dslError(`${describe(t)} after LIMIT`, t.at, 'a whole number of rows');
      limit = t.number;
      follow = 'end of query';
    }
    const end = this.peek();
    if (end.kind !== 'eof') throw dslError(`unexpected ${describe(end)}`, end.at, follow);
    return { nodes, edges, ...(where ? { where } : {}), columns, items, orderBy, ...(limit !== undefined ? { limit } : {}), notes: this.notes };
  }

  // ---- MATCH pattern ----------------------------------------------------------------------

  private pattern(): { nodes: NodePattern[]; edges: EdgePattern[] } {
    const nodes = [this.node()];
    const edges: EdgePattern[] = [];
    while (this.peek().kind === 'symbol' && (this.peek().text === '-[' || this.peek().text === '<-[')) {
      edges.push(this.edge());
      nodes.push(this.node());
    }
    return { nodes, edges };
  }

  private node(): NodePattern {
    const t = this.next();
    if (t.kind === 'ident') {
      this.variables.add(t.text);
      return { variable: t.text };
    }
    if (t.kind === 'string') return { path: t.text };
    throw dslError(`unexpected ${describe(t)}`, t.at, 'a node: a variable name or a quoted path');
  }

  private edge(): EdgePattern {
    const open = this.next();
    const reversed = open.text === '<-[';
    let relation: 'IMPORTS' | 'IMPORTED_BY' = 'IMPORTS';
    const typeToken = this.peek();
    const typed = typeToken.kind === 'ident';
    if (typed) {
      const upper = typeToken.text.toUpperCase();
      if (upper !== 'IMPORTS' && upper !== 'IMPORTED_BY') throw dslError(`unknown edge type '${typeToken.text}'`, typeToken.at, 'IMPORTS or IMPORTED_BY');
      relation = upper;
      this.i++;
    }
    let min = 1;
    let max = 1;
    const star = this.peek();
    if (this.acceptSymbol('*')) {
      [min, max] = [1, MAX_HOPS];
      if (this.peek().kind === 'number') {
        min = this.hopCount();
        max = min;
        if (this.acceptSymbol('..')) max = this.hopCount();
      } else if (this.acceptSymbol('..')) max = this.hopCount();
      if (min > max) throw dslError(`empty hop range *${min}..${max}`, star.at, 'a range whose first bound is not above its second');
      if (max > MAX_HOPS) {
        this.notes.push(`Hop bound ${max} was capped at ${MAX_HOPS}.`);
        max = MAX_HOPS;
        min = Math.min(min, MAX_HOPS);
      }
    }
    const close = this.next();
    const wanted = reversed ? ']-' : ']->';
    if (close.kind !== 'symbol' || close.text !== wanted) {
      throw dslError(`unexpected ${describe(close)} in edge`, close.at, `${typed ? '' : 'an edge type (IMPORTS, IMPORTED_BY), '}a hop range (*, *N, *N..M, *..M) or '${wanted}'`);
    }
    // `a <-[IMPORTS]- b`: b imports a, so from a the walk goes to its importers.
    const forward = relation === 'IMPORTS' ? 'imports' : 'importers';
    return { walk: reversed ? (forward === 'imports' ? 'importers' : 'imports') : forward, min, max };
  }

  private hopCount(): number {
    const t = this.next();
    if (t.kind !== 'number' || !Number.isInteger(t.number) || t.number! < 1) throw dslError(`${describe(t)} as a hop count`, t.at, 'a whole number of hops, at least 1');
    return t.number!;
  }

  // ---- WHERE ------------------------------------------------------------------------------

  private expr(): Expr {
    const parts = [this.term()];
    while (this.acceptKeyword('OR')) parts.push(this.term());
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }

  private term(): Expr {
    const parts = [this.factor()];
    while (this.acceptKeyword('AND')) parts.push(this.factor());
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }

  private factor(): Expr {
    if (this.acceptKeyword('NOT')) return { kind: 'not', expr: this.factor() };
    if (this.acceptSymbol('(')) {
      const inner = this.expr();
      this.expectSymbol(')', "')', AND or OR");
      return inner;
    }
    return this.condition();
  }

  private condition(): Expr {
    const left = this.operand();
    const opToken = this.next();
    if (opToken.kind === 'keyword' && opToken.text === 'IN') {
      this.expectSymbol('[', "'[' to open the list of values");
      const values: Array<{ value: Literal; at: Position }> = [];
      do {
        const at = this.peek().at;
        values.push({ value: this.literal(), at });
      } while (this.acceptSymbol(','));
      this.expectSymbol(']', "',' or ']'");
      for (const v of values) this.checkSameType(left.type, typeOf(v.value), v.at, 'IN');
      return { kind: 'in', operand: left.operand, values: values.map((v) => v.value) };
    }
    const op = opToken.kind === 'symbol' && COMPARE_OPS.has(opToken.text) ? opToken.text as CompareOp
      : opToken.kind === 'keyword' && opToken.text === 'LIKE' ? 'LIKE' : undefined;
    if (!op) throw dslError(`unexpected ${describe(opToken)}`, opToken.at, 'a comparison: =, !=, <, <=, >, >=, LIKE or IN');
    const right = this.operand();
    if (op === 'LIKE') {
      for (const side of [left, right]) if (side.type !== 'text') throw this.typeError(side, opToken, 'text on both sides of LIKE (a text field or a quoted glob)');
    } else if (op !== '=' && op !== '!=') {
      for (const side of [left, right]) if (side.type !== 'number') throw this.typeError(side, opToken, `numbers on both sides of ${op} (a numeric field: ${NUMERIC_FIELDS}; or a number)`);
    } else this.checkSameType(left.type, right.type, opToken.at, op);
    return { kind: 'compare', op, left: left.operand, right: right.operand };
  }

  private typeError(side: { label: string; type: ValueType }, opToken: Token, expected: string) {
    return dslError(`operator ${opToken.text} cannot compare ${side.label}, which is ${side.type === 'text' ? 'text' : side.type === 'number' ? 'a number' : 'a boolean'}`, opToken.at, expected);
  }

  private checkSameType(left: ValueType, right: ValueType, at: Position, op: string): void {
    if (left !== right) throw dslError(`${op} compares ${left === 'text' ? 'text' : `a ${left}`} with ${right === 'text' ? 'text' : `a ${right}`}`, at, `a ${left === 'text' ? 'quoted string' : left} to compare with`);
  }

  private operand(): { operand: Operand; type: ValueType; label: string } {
    const t = this.peek();
    if (t.kind === 'ident') {
      const ref = this.fieldRef('a variable', true) as FieldRef & { field: FieldName };
      return { operand: { kind: 'field', ref }, type: FIELD_TYPES[ref.field], label: labelOf(ref) };
    }
    const value = this.literal();
    return { operand: { kind: 'value', value }, type: typeOf(value), label: JSON.stringify(value) };
  }

  private literal(): Literal {
    const t = this.next();
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return t.number!;
    if (t.kind === 'keyword' && (t.text === 'TRUE' || t.text === 'FALSE')) return t.text === 'TRUE';
    throw dslError(`unexpected ${describe(t)}`, t.at, 'a value: a quoted string, a number, true or false');
  }

  // ---- RETURN / ORDER BY --------------------------------------------------------------------

  private returnItem(): ReturnItem {
    if (this.acceptKeyword('COUNT')) {
      if (!this.acceptSymbol('(')) return { kind: 'count' };
      const variable = this.variable('a variable to count');
      this.expectSymbol(')', "')'");
      return { kind: 'count', variable };
    }
    return { kind: 'value', ...this.fieldRef('a variable, variable.field or COUNT') };
  }

  /** `var` or `var.field`; `needField` demands the field (WHERE operands). */
  private fieldRef(what: string, needField = false): FieldRef {
    const variable = this.variable(what);
    if (!this.acceptSymbol('.')) {
      if (needField) {
        const t = this.peek();
        throw dslError(`unexpected ${describe(t)} after '${variable}'`, t.at, `'.' and a field: ${FIELD_LIST}`);
      }
      return { variable };
    }
    const t = this.next();
    if (t.kind !== 'ident' || !(t.text in FIELD_TYPES)) {
      throw dslError(t.kind === 'ident' ? `unknown field '${t.text}'` : `unexpected ${describe(t)}`, t.at, `a field: ${FIELD_LIST}`);
    }
    return { variable, field: t.text as FieldName };
  }

  private variable(what: string): string {
    const t = this.next();
    if (t.kind !== 'ident') throw dslError(`unexpected ${describe(t)}`, t.at, what);
    if (!this.variables.has(t.text)) {
      throw dslError(`variable '${t.text}' is not bound in MATCH`, t.at, `a variable bound in MATCH: ${[...this.variables].join(', ') || '(none; name a node in MATCH)'}`);
    }
    return t.text;
  }

  // ---- token helpers ------------------------------------------------------------------------

  private peek(): Token { return this.tokens[this.i]!; }

  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  private acceptKeyword(word: string): boolean {
    const t = this.peek();
    if (t.kind === 'keyword' && t.text === word) { this.i++; return true; }
    return false;
  }

  private acceptSymbol(symbol: string): boolean {
    const t = this.peek();
    if (t.kind === 'symbol' && t.text === symbol) { this.i++; return true; }
    return false;
  }

  private expectKeyword(word: string, expected = word): void {
    const t = this.peek();
    if (!this.acceptKeyword(word)) throw dslError(`unexpected ${describe(t)}`, t.at, expected);
  }

  private expectSymbol(symbol: string, expected: string): void {
    const t = this.peek();
    if (!this.acceptSymbol(symbol)) throw dslError(`unexpected ${describe(t)}`, t.at, expected);
  }
}

const typeOf = (v: Literal): ValueType => (typeof v === 'string' ? 'text' : typeof v === 'number' ? 'number' : 'boolean');
