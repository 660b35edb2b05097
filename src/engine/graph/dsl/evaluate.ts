// Runs a parsed DSL query over the live file graph. The pattern is a chain of hop relations
// ("the shortest walk from one node to the next has a length in [min, max]"); such a relation can
// be checked from either end (walking the reverse edges), so evaluation starts at the most
// selective quoted node and extends the bindings outwards, applying each WHERE conjunct as soon
// as its variables are bound.
import { isTestPath } from '../../discover/languages.js';
import { pathGlob, hasGlobChars } from '../../path-glob.js';
import type { Project } from '../../project.js';
import { tooLarge } from '../../../errors.js';
import { dirOf } from '../communities.js';
import type { FileGraph, Reach } from '../file-graph.js';
import { isConfigPath } from '../importance.js';
import type { CompareOp, EdgePattern, Expr, FieldName, FieldRef, Operand, Query, ReturnItem, SortKey } from './parser.js';

/** Bindings examined (walk steps and candidate rows) before a query is refused as too large. */
const MAX_BINDINGS = 1_000_000;

type Cell = string | number | boolean | null;

export interface DslResult {
  columns: string[];
  /** Every row, de-duplicated and sorted; the caller applies the row limit. */
  rows: Cell[][];
  notes: string[];
}

/** One candidate match: a file per slot (variables share a slot; each quoted node has its own). */
type Binding = string[];

export function evaluate(project: Project, query: Query): DslResult {
  return new Evaluation(project, query).run();
}

class Evaluation {
  private readonly graph: FileGraph;
  private readonly slots: number[];
  private readonly slotOf = new Map<string, number>();
  private readonly walks = new Map<string, Map<string, Reach>>();
  private readonly facts = new Map<string, Map<FieldName, Cell>>();
  private readonly globs = new Map<string, RegExp>();
  private readonly notes: string[] = [];
  private examined = 0;

  constructor(private readonly project: Project, private readonly query: Query) {
    this.graph = project.graph();
    let next = 0;
    this.slots = query.nodes.map((n) => {
      if (!('variable' in n)) return next++;
      if (!this.slotOf.has(n.variable)) this.slotOf.set(n.variable, next++);
      return this.slotOf.get(n.variable)!;
    });
  }

  run(): DslResult {
    const { nodes } = this.query;
    const quoted = nodes.map((n, i) => ('path' in n ? { i, files: this.filesMatching(n.path) } : undefined)).filter((q) => q !== undefined);
    for (const q of quoted) if (!q.files.length) this.notes.push(`Node "${(nodes[q.i] as { path: string }).path}" matches no file.`);
    const anchor = quoted.length ? quoted.reduce((a, b) => (b.files.length < a.files.length ? b : a)) : undefined;
    const start = anchor?.i ?? 0;
    const allowed = new Map(quoted.map((q) => [q.i, new Set(q.files)]));

    const pending = conjuncts(this.query.where);
    const bound = new Set<number>([this.slots[start]!]);
    let bindings: Binding[] = (anchor?.files ?? [...this.graph.files.keys()].sort()).map((p) => {
      const b: Binding = [];
      b[this.slots[start]!] = p;
      return b;
    });
    this.charge(bindings.length);
    bindings = this.applyReady(bindings, pending, bound);
    // Right of the anchor the edges are walked as written; left of it, backwards.
    const steps: Array<{ from: number; to: number; edge: EdgePattern; backwards: boolean }> = [];
    for (let i = start + 1; i < nodes.length; i++) steps.push({ from: i - 1, to: i, edge: this.query.edges[i - 1]!, backwards: false });
    for (let i = start - 1; i >= 0; i--) steps.push({ from: i + 1, to: i, edge: this.query.edges[i]!, backwards: true });
    for (const step of steps) {
      bindings = this.extend(bindings, step, bound, allowed.get(step.to));
      bound.add(this.slots[step.to]!);
      bindings = this.applyReady(bindings, pending, bound);
    }
    return { columns: this.query.columns, rows: this.rows(bindings), notes: [...this.query.notes, ...this.notes] };
  }

  /** A quoted node: the exact path, else the files a glob matches, else the files ending with it. */
  private filesMatching(text: string): string[] {
    const wanted = text.replace(/^\.\//, '');
    if (this.graph.files.has(wanted)) return [wanted];
    const paths = [...this.graph.files.keys()].sort();
    if (hasGlobChars(wanted)) {
      const re = pathGlob(wanted);
      const hits = paths.filter((p) => re.test(p));
      if (hits.length) return hits;
    }
    return paths.filter((p) => p.endsWith(`/${wanted}`));
  }

  private extend(bindings: Binding[], step: { from: number; to: number; edge: EdgePattern; backwards: boolean },
    bound: ReadonlySet<number>, allowed: ReadonlySet<string> | undefined): Binding[] {
    const { edge } = step;
    const walk = step.backwards ? (edge.walk === 'imports' ? 'importers' : 'imports') : edge.walk;
    const fromSlot = this.slots[step.from]!;
    const toSlot = this.slots[step.to]!;
    const out: Binding[] = [];
    for (const b of bindings) {
      const reach = this.reach(b[fromSlot]!, walk, edge.max);
      const inRange = (p: string): boolean => {
        const depth = reach.get(p)?.depth;
        return depth !== undefined && depth >= edge.min && (!allowed || allowed.has(p));
      };
      if (bound.has(toSlot)) { // a repeated variable: the walk must reach the file it already names
        if (inRange(b[toSlot]!)) out.push(b);
        this.charge(1);
        continue;
      }
      for (const p of reach.keys()) {
        if (!inRange(p)) continue;
        const nb = [...b];
        nb[toSlot] = p;
        out.push(nb);
      }
      this.charge(reach.size);
    }
    return out;
  }

  /** Shortest hop distances from one file (the file itself excluded), shared within the query. */
  private reach(from: string, walk: 'imports' | 'importers', max: number): Map<string, Reach> {
    const key = `${walk}\0${max}\0${from}`;
    let r = this.walks.get(key);
    if (!r) {
      r = this.graph.bfs([from], walk, max);
      this.walks.set(key, r);
      this.charge(r.size);
    }
    return r;
  }

  private charge(n: number): void {
    this.examined += n;
    if (this.examined > MAX_BINDINGS) {
      throw tooLarge(`The query expands to more than ${MAX_BINDINGS.toLocaleString('en-US')} intermediate bindings; `
        + 'start from a quoted file, use fewer hops or add WHERE conditions.', { limit: MAX_BINDINGS, parameter: 'query' });
    }
  }

  /** Filters by the conjuncts whose variables are now all bound, and drops them from `pending`. */
  private applyReady(bindings: Binding[], pending: Array<{ expr: Expr; variables: Set<string> }>, bound: ReadonlySet<number>): Binding[] {
    const ready = pending.filter((c) => [...c.variables].every((v) => bound.has(this.slotOf.get(v)!)));
    if (!ready.length) return bindings;
    for (const c of ready) pending.splice(pending.indexOf(c), 1);
    return bindings.filter((b) => ready.every((c) => this.test(c.expr, b)));
  }

  private test(expr: Expr, b: Binding): boolean {
    switch (expr.kind) {
      case 'or': return expr.parts.some((p) => this.test(p, b));
      case 'and': return expr.parts.every((p) => this.test(p, b));
      case 'not': return !this.test(expr.expr, b);
      case 'in': {
        const v = this.operand(expr.operand, b);
        return expr.values.some((x) => x === v);
      }
      case 'compare': return this.compare(expr.op, this.operand(expr.left, b), this.operand(expr.right, b));
    }
  }

  private compare(op: CompareOp, a: Cell, b: Cell): boolean {
    if (op === '=') return a === b;
    if (op === '!=') return a !== b;
    if (a === null || b === null) return false; // an unknown language matches no pattern
    if (op === 'LIKE') {
      const pattern = String(b);
      let re = this.globs.get(pattern);
      if (!re) this.globs.set(pattern, (re = pathGlob(pattern)));
      return re.test(String(a));
    }
    const [x, y] = [a as number, b as number];
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }

  private operand(o: Operand, b: Binding): Cell {
    return o.kind === 'value' ? o.value : this.field(b[this.slotOf.get(o.ref.variable)!]!, o.ref.field);
  }

  private field(path: string, field: FieldName): Cell {
    let cached = this.facts.get(path);
    if (!cached) this.facts.set(path, (cached = new Map()));
    if (cached.has(field)) return cached.get(field)!;
    const row = this.graph.files.get(path)!;
    const value: Cell = (() => {
      switch (field) {
        case 'path': return path;
        case 'name': return path.slice(path.lastIndexOf('/') + 1);
        case 'dir': return dirOf(path);
        case 'language': return row.language;
        case 'line_count': return row.lines;
        case 'importance': return this.graph.importance(path);
        case 'fan_in': return this.graph.importers(path).length;
        case 'fan_out': return this.graph.imports(path).length;
        case 'symbol_count': return this.project.symbols().countInFile(row.id);
        case 'is_test': return isTestPath(path);
        case 'is_config': return isConfigPath(path);
      }
    })();
    cached.set(field, value);
    return value;
  }

  private value(ref: FieldRef, b: Binding): Cell {
    const path = b[this.slotOf.get(ref.variable)!]!;
    return ref.field ? this.field(path, ref.field) : path;
  }

  private rows(bindings: Binding[]): Cell[][] {
    const { items, orderBy } = this.query;
    if (items.some((it) => it.kind === 'count')) return this.aggregate(bindings, items, orderBy);
    const keyed = bindings.map((b) => ({ row: items.map((it) => this.value(it as FieldRef, b)), keys: orderBy.map((k) => this.value(k, b)) }));
    keyed.sort((x, y) => compareKeys(x.keys, y.keys, orderBy) || compareRows(x.row, y.row));
    return dedupe(keyed.map((k) => k.row));
  }

  /** COUNT items count bindings (or distinct files of a variable) per group of the other columns. */
  private aggregate(bindings: Binding[], items: ReturnItem[], orderBy: SortKey[]): Cell[][] {
    const groups = new Map<string, { keys: Cell[]; members: Binding[] }>();
    for (const b of bindings) {
      const keys = items.filter((it) => it.kind === 'value').map((it) => this.value(it, b));
      const id = JSON.stringify(keys);
      (groups.get(id) ?? groups.set(id, { keys, members: [] }).get(id)!).members.push(b);
    }
    // Counting over no match at all still answers 0, as Cypher does.
    if (!groups.size && items.every((it) => it.kind === 'count')) groups.set('[]', { keys: [], members: [] });
    const rows = [...groups.values()].map(({ keys, members }) => {
      let k = 0;
      return items.map((it) => (it.kind === 'value' ? keys[k++]!
        : it.variable ? new Set(members.map((m) => m[this.slotOf.get(it.variable!)!])).size : members.length));
    });
    const columnOf = (key: SortKey) => this.query.columns.indexOf(key.field ? `${key.variable}.${key.field}` : key.variable);
    return rows.sort((x, y) => compareKeys(orderBy.map((k) => x[columnOf(k)]!), orderBy.map((k) => y[columnOf(k)]!), orderBy) || compareRows(x, y));
  }
}

/** The conjuncts of a WHERE clause with the variables each one reads. */
function conjuncts(where: Expr | undefined): Array<{ expr: Expr; variables: Set<string> }> {
  if (!where) return [];
  const parts = where.kind === 'and' ? where.parts : [where];
  return parts.map((expr) => ({ expr, variables: variablesOf(expr) }));
}

function variablesOf(expr: Expr, into = new Set<string>()): Set<string> {
  switch (expr.kind) {
    case 'or': case 'and': for (const p of expr.parts) variablesOf(p, into); break;
    case 'not': variablesOf(expr.expr, into); break;
    case 'in': if (expr.operand.kind === 'field') into.add(expr.operand.ref.variable); break;
    case 'compare': for (const o of [expr.left, expr.right]) if (o.kind === 'field') into.add(o.ref.variable); break;
  }
  return into;
}

/** Ascending: false before true, numbers by value, text by code unit; null last. */
function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function compareKeys(a: Cell[], b: Cell[], orderBy: SortKey[]): number {
  for (let i = 0; i < orderBy.length; i++) {
    const c = compareCells(a[i]!, b[i]!);
    if (c) return orderBy[i]!.descending ? -c : c;
  }
  return 0;
}

function compareRows(a: Cell[], b: Cell[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareCells(a[i]!, b[i]!);
    if (c) return c;
  }
  return 0;
}

/** Drops repeated rows, keeping the first of each (the rows are sorted). */
function dedupe(rows: Cell[][]): Cell[][] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const id = JSON.stringify(r);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
