// How the code is written (spec §5.7): naming styles per symbol kind and for files, type
// annotations where they are optional, documentation, visibility, async, decorators, class
// patterns, error hierarchies, import style and module size — per language over the most
// important parsed files, and where top-level directories (or a scope) differ from the project.
import { z } from 'zod';
import { isCodeLanguage } from '../discover/languages.js';
import type { FileRow, SymbolRow } from '../index/store.js';
import type { SymbolKind } from '../model.js';
import type { Project } from '../project.js';
import { rankedFilesUnder } from './file-ranking.js';
import { round } from './metrics.js';
import { testFacts, type TestFacts } from './testing.js';
import { isFunctionLike } from './top-symbols.js';

export const NAMING_STYLES = ['snake_case', 'camelCase', 'PascalCase', 'UPPER_CASE', 'kebab-case', 'lowercase', 'other'] as const;
export type NamingStyle = (typeof NAMING_STYLES)[number];
export type NamingKind = 'function' | 'class' | 'variable' | 'file';

const count = z.number().int();
const StyleCounts = z.partialRecord(z.enum(NAMING_STYLES), count);

/** attocode v2's stat keys, plus naming per kind, JS/TS import style and dataclass options. */
export const ConventionStats = z.object({
  files: count,
  total_functions: count,
  snake_names: count,
  camel_names: count,
  naming: z.object({ function: StyleCounts, class: StyleCounts, variable: StyleCounts, file: StyleCounts }),
  /** Functions whose annotation facts are known, in languages where annotations are optional. */
  typed_functions: count,
  typed_return: count,
  typed_params: count,
  /** Parameters of those functions (a Python receiver `self`/`cls` left out). */
  total_params: count,
  has_docstring_fn: count,
  has_docstring_cls: count,
  total_classes: count,
  async_count: count,
  from_imports: count,
  plain_imports: count,
  relative_imports: count,
  /** Non-relative imports that resolve inside the project (tsconfig paths, `#imports`, workspace packages). */
  alias_imports: count,
  esm_imports: count,
  cjs_imports: count,
  named_imports: count,
  default_imports: count,
  namespace_imports: count,
  type_imports: count,
  total_imports: count,
  decorator_counts: z.record(z.string(), count),
  dataclass_count: count,
  dataclass_slots: count,
  dataclass_frozen: count,
  abstract_count: count,
  base_classes: z.record(z.string(), count),
  exception_classes: z.array(z.object({ name: z.string(), bases: z.array(z.string()) })),
  private_functions: count,
  staticmethod_count: count,
  classmethod_count: count,
  property_count: count,
  all_exports_count: count,
  file_sizes: z.array(count),
});
export type ConventionStats = z.infer<typeof ConventionStats>;

export const Divergence = z.object({ dir: z.string(), language: z.string(), metric: z.string(), dir_value: z.number(), project_value: z.number() });
export type Divergence = z.infer<typeof Divergence>;

export interface ConventionsReport {
  files_analyzed: number;
  languages: string[];
  stats: ConventionStats;
  by_language: Record<string, ConventionStats>;
  tests: Record<string, TestFacts>;
  dir_stats: Record<string, ConventionStats>;
  divergence: Divergence[];
}

/** Languages where type annotations are optional, so their share says something about the code. */
export const OPTIONALLY_TYPED: ReadonlySet<string> = new Set(['python', 'typescript', 'php']);
const JS_FAMILY: ReadonlySet<string> = new Set(['typescript', 'javascript']);
const CLASS_KINDS: ReadonlySet<SymbolKind> = new Set(['class', 'struct', 'interface', 'trait', 'enum']);
const VARIABLE_KINDS: ReadonlySet<SymbolKind> = new Set(['constant', 'variable']);
const DATACLASS = new Set(['dataclass', 'dataclasses.dataclass']);
const DIR_MIN_FILES = 3;
const SHARE_MIN = 3;
const DIVERGENCE_POINTS = 20;
const SCOPE_POINTS = 10;
const TOP_COUNTS = 20;

/** TSX is TypeScript for conventions' purposes. */
export const conventionLanguage = (language: string): string => (language === 'tsx' ? 'typescript' : language);

export function namingStyle(raw: string, kind: NamingKind): NamingStyle {
  const name = kind === 'file' ? raw.replace(/\..*$/, '') : raw.replace(/^[_#$]+|_+$/g, '');
  if (!name) return 'other';
  if (/^[a-z][a-z0-9]*$/.test(name)) return 'lowercase';
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(name)) return 'snake_case';
  if (/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(name)) return 'kebab-case';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(name)) return 'camelCase';
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(name)) return 'UPPER_CASE';
  if (/^[A-Z][A-Za-z0-9]*$/.test(name)) return 'PascalCase';
  return 'other';
}

export function emptyStats(): ConventionStats {
  return {
    files: 0, total_functions: 0, snake_names: 0, camel_names: 0, naming: { function: {}, class: {}, variable: {}, file: {} },
    typed_functions: 0, typed_return: 0, typed_params: 0, total_params: 0, has_docstring_fn: 0, has_docstring_cls: 0,
    total_classes: 0, async_count: 0, from_imports: 0, plain_imports: 0, relative_imports: 0, alias_imports: 0, esm_imports: 0,
    cjs_imports: 0, named_imports: 0, default_imports: 0, namespace_imports: 0, type_imports: 0, total_imports: 0,
    decorator_counts: {}, dataclass_count: 0, dataclass_slots: 0, dataclass_frozen: 0, abstract_count: 0, base_classes: {},
    exception_classes: [], private_functions: 0, staticmethod_count: 0, classmethod_count: 0, property_count: 0,
    all_exports_count: 0, file_sizes: [],
  };
}

/** Base type names in a class header, generics and constructor arguments removed. */
export function baseClasses(signature: string, language: string): string[] {
  let sig = signature;
  for (let prev = ''; prev !== sig; ) { prev = sig; sig = sig.replace(/<[^<>]*>/g, ''); }
  const list = (text: string): string[] => text.split(',').map((s) => s.trim().replace(/^(public|private|protected|virtual|open)\s+/g, '').replace(/\s+.*$/, ''))
    .filter((s) => /^[\w.$\\:]+$/.test(s));
  if (language === 'python') {
    const inner = /\((.*)\)\s*:?\s*$/.exec(sig)?.[1] ?? '';
    return list(inner.split(',').filter((s) => !s.includes('=')).join(',')).filter((s) => s !== 'object');
  }
  if (language === 'ruby') return list(/<\s*([\w:]+)/.exec(sig)?.[1] ?? '');
  const out: string[] = [];
  for (const m of sig.matchAll(/\b(extends|implements|with)\s+([\w.$\\,\s]+?)(?=\s+(?:extends|implements|with)\b|\s*[{(]|$)/g)) out.push(...list(m[2]!));
  if (!out.length) {
    for (let prev = ''; prev !== sig; ) { prev = sig; sig = sig.replace(/\([^()]*\)/g, ''); }
    const colon = /(?:class|struct|interface|object|protocol|enum)\s+[\w.]+\s*:(?!:)\s*([^{]+?)(?:\bwhere\b|\{|$)/.exec(sig);
    if (colon) out.push(...list(colon[1]!));
  }
  return out;
}

const lastSegment = (name: string): string => name.split(/[.:\\]+/).pop() ?? name;
const isErrorName = (name: string): boolean => /(Error|Exception)$/.test(lastSegment(name));
const bump = (counts: Record<string, number>, key: string, by = 1): void => { counts[key] = (counts[key] ?? 0) + by; };

/** Python methods name their receiver; it is never annotated, so it is left out of parameter counts. */
const hasReceiver = (s: SymbolRow): boolean => s.parent !== undefined && /^\s*(?:async\s+)?def\s+\w+\s*\(\s*(self|cls)\b/.test(s.signature);

interface FileInput { row: FileRow; language: string; symbols: SymbolRow[] }

/** Adds one file's facts to `st`. */
function addFile(project: Project, st: ConventionStats, f: FileInput): void {
  const { row, language, symbols } = f;
  st.files++;
  st.file_sizes.push(row.lines);
  const fileName = row.path.slice(row.path.lastIndexOf('/') + 1);
  bump(st.naming.file, namingStyle(fileName, 'file'));
  let text: string[] | undefined;
  const header = (s: SymbolRow): string => {
    text ??= (project.readText(row.path) ?? '').split('\n');
    return text.slice(s.start_line - 1, s.start_line + 10).join('\n');
  };
  for (const s of symbols) {
    const decorators = s.decorators ?? [];
    for (const d of decorators) bump(st.decorator_counts, d);
    if (isFunctionLike(s.kind)) {
      st.total_functions++;
      const style = namingStyle(s.name, 'function');
      bump(st.naming.function, style);
      if (style === 'snake_case') st.snake_names++;
      if (style === 'camelCase') st.camel_names++;
      if (s.doc) st.has_docstring_fn++;
      if (s.is_async) st.async_count++;
      if (!s.exported || /^[_#]/.test(s.name)) st.private_functions++;
      if (decorators.includes('staticmethod')) st.staticmethod_count++;
      if (decorators.includes('classmethod')) st.classmethod_count++;
      if (decorators.some((d) => d === 'property' || d.endsWith('cached_property'))) st.property_count++;
      if (OPTIONALLY_TYPED.has(language) && s.typed_params !== undefined) {
        st.typed_functions++;
        if (s.return_type !== undefined) st.typed_return++;
        const receiver = language === 'python' && hasReceiver(s) ? 1 : 0;
        st.total_params += Math.max(0, (s.param_count ?? 0) - receiver);
        st.typed_params += Math.min(s.typed_params, Math.max(0, (s.param_count ?? 0) - receiver));
      }
    } else if (CLASS_KINDS.has(s.kind)) {
      st.total_classes++;
      bump(st.naming.class, namingStyle(s.name, 'class'));
      if (s.doc) st.has_docstring_cls++;
      const bases = baseClasses(s.signature, language);
      for (const b of bases) bump(st.base_classes, b);
      if (/\babstract\b/.test(s.signature) || bases.some((b) => lastSegment(b) === 'ABC') || /metaclass\s*=\s*(abc\.)?ABCMeta/.test(s.signature)) st.abstract_count++;
      if (bases.some(isErrorName)) st.exception_classes.push({ name: s.name, bases });
      if (decorators.some((d) => DATACLASS.has(d))) {
        st.dataclass_count++;
        const head = header(s).split(/^\s*class\b/m)[0] ?? '';
        if (/slots\s*=\s*True/.test(head)) st.dataclass_slots++;
        if (/frozen\s*=\s*True/.test(head)) st.dataclass_frozen++;
      }
    } else if (VARIABLE_KINDS.has(s.kind) && s.parent === undefined) {
      if (s.name === '__all__') st.all_exports_count++;
      else bump(st.naming.variable, namingStyle(s.name, 'variable'));
    }
  }
  addImports(project, st, row, language);
}

function addImports(project: Project, st: ConventionStats, row: FileRow, language: string): void {
  const resolved = new Set(project.store.edgesFrom(row.path).map((e) => e.specifier));
  for (const r of project.store.importsOfFile(row.id)) {
    st.total_imports++;
    const relative = r.specifier.startsWith('.');
    if (relative) st.relative_imports++;
    if (language === 'python') {
      if (!r.bindings.length || r.bindings.some((b) => b.imported !== '*')) st.from_imports++;
      else st.plain_imports++;
    } else if (JS_FAMILY.has(language)) {
      if (r.form === 'require') st.cjs_imports++;
      else st.esm_imports++;
      if (r.kind === 'type_only') st.type_imports++;
      if (!relative && resolved.has(r.specifier)) st.alias_imports++;
      if (r.form === 'require') continue;
      if (r.bindings.some((b) => b.imported === 'default')) st.default_imports++;
      if (r.bindings.some((b) => b.imported === '*')) st.namespace_imports++;
      if (r.bindings.some((b) => b.imported !== 'default' && b.imported !== '*')) st.named_imports++;
    }
  }
}

/** Caps open-ended tallies so a large sample keeps a bounded result. */
function finish(st: ConventionStats): ConventionStats {
  const top = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_COUNTS));
  st.decorator_counts = top(st.decorator_counts);
  st.base_classes = top(st.base_classes);
  st.exception_classes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return st;
}

/** A share in percent (one decimal), or undefined when fewer than SHARE_MIN cases back it. */
export function share(part: number, whole: number): number | undefined {
  return whole >= SHARE_MIN ? round(part / whole * 100, 1) : undefined;
}

/** The compared metrics: [name, share of a stats object]. */
const METRICS: Array<[string, (s: ConventionStats) => number | undefined]> = [
  ['typed_params', (s) => share(s.typed_params, s.total_params)],
  ['typed_return', (s) => share(s.typed_return, s.typed_functions)],
  ['documented_functions', (s) => share(s.has_docstring_fn, s.total_functions)],
  ['async_functions', (s) => share(s.async_count, s.total_functions)],
];
const DIR_METRICS = new Set(['typed_params', 'documented_functions']);

/** Parsed code files under `dir` ('' = all), the `limit` most important first (ties by path). */
export function sampleFiles(project: Project, dir: string, limit: number): FileRow[] {
  return rankedFilesUnder(project, dir).filter((f) => isCodeLanguage(f.row.language) && f.row.status !== 'skipped')
    .slice(0, limit).map((f) => f.row);
}

/** Adds `from` into `into`: counts sum, tallies merge, lists concatenate. */
function merge(into: ConventionStats, from: ConventionStats): void {
  const sumInto = (a: Record<string, number>, b: Record<string, number>) => { for (const [k, v] of Object.entries(b)) bump(a, k, v); };
  for (const key of Object.keys(from) as Array<keyof ConventionStats>) {
    const value = from[key];
    if (typeof value === 'number') (into[key] as number) += value;
  }
  for (const kind of Object.keys(from.naming) as NamingKind[]) sumInto(into.naming[kind], from.naming[kind]);
  sumInto(into.decorator_counts, from.decorator_counts);
  sumInto(into.base_classes, from.base_classes);
  into.exception_classes.push(...from.exception_classes);
  into.file_sizes.push(...from.file_sizes);
}

interface Group { all: ConventionStats; byLanguage: Map<string, ConventionStats> }
interface Tally extends Group { byDir: Map<string, Group> }

const newGroup = (): Group => ({ all: emptyStats(), byLanguage: new Map() });

function addTo(group: Group, language: string, st: ConventionStats): void {
  merge(group.all, st);
  let lang = group.byLanguage.get(language);
  if (!lang) group.byLanguage.set(language, (lang = emptyStats()));
  merge(lang, st);
}

function tally(project: Project, rows: readonly FileRow[]): Tally {
  const t: Tally = { ...newGroup(), byDir: new Map() };
  for (const row of rows) {
    const language = conventionLanguage(row.language!);
    const st = emptyStats();
    addFile(project, st, { row, language, symbols: project.store.symbolsOfFile(row.path) });
    addTo(t, language, st);
    const slash = row.path.indexOf('/');
    if (slash < 0) continue;
    const dir = row.path.slice(0, slash);
    let group = t.byDir.get(dir);
    if (!group) t.byDir.set(dir, (group = newGroup()));
    addTo(group, language, st);
  }
  return t;
}

/** Languages by sampled files, most first (ties by name). */
const dominant = (byLanguage: Map<string, ConventionStats>): string[] =>
  [...byLanguage].sort((a, b) => b[1].files - a[1].files || (a[0] < b[0] ? -1 : 1)).map(([l]) => l);

function compare(dir: string, language: string, scope: ConventionStats, project: ConventionStats, metrics: ReadonlySet<string>, points: number): Divergence[] {
  const out: Divergence[] = [];
  for (const [metric, value] of METRICS) {
    if (!metrics.has(metric) || (metric.startsWith('typed') && !OPTIONALLY_TYPED.has(language))) continue;
    const a = value(scope);
    const b = value(project);
    if (a !== undefined && b !== undefined && Math.abs(a - b) > points) out.push({ dir, language, metric, dir_value: a, project_value: b });
  }
  return out;
}

/**
 * The conventions of the `sampleSize` most important parsed files under `dir`. Project-wide
 * (`dir` = '') it reports top-level directories that diverge by more than 20 points; scoped, it
 * compares the scope with a project-wide sample of the same size (more than 10 points). Cached
 * per (generation, parameters): it reads every sampled file's symbols and imports.
 */
export function detectConventions(project: Project, dir: string, sampleSize: number): ConventionsReport {
  return project.derived(`analysis.conventions\0${dir}\0${sampleSize}`, () => computeConventions(project, dir, sampleSize));
}

function computeConventions(project: Project, dir: string, sampleSize: number): ConventionsReport {
  const rows = sampleFiles(project, dir, sampleSize);
  const t = tally(project, rows);
  const languages = dominant(t.byLanguage);
  const divergence: Divergence[] = [];
  const dirStats: Record<string, ConventionStats> = {};
  if (!dir) {
    for (const [d, s] of [...t.byDir].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (s.all.files < DIR_MIN_FILES) continue;
      dirStats[d] = finish(s.all);
      for (const language of dominant(s.byLanguage)) {
        divergence.push(...compare(`${d}/`, language, s.byLanguage.get(language)!, t.byLanguage.get(language)!, DIR_METRICS, DIVERGENCE_POINTS));
      }
    }
  } else if (rows.length) {
    const whole = tally(project, sampleFiles(project, '', sampleSize));
    for (const language of languages) {
      const projectStats = whole.byLanguage.get(language);
      if (projectStats) divergence.push(...compare(dir, language, t.byLanguage.get(language)!, projectStats, new Set(METRICS.map(([m]) => m)), SCOPE_POINTS));
    }
  }
  const scoped = (p: string) => !dir || p === dir || p.startsWith(`${dir}/`);
  const candidates = [...project.graph().files.values()].filter((f) => scoped(f.path));
  const tests: Record<string, TestFacts> = {};
  for (const language of languages) {
    tests[language] = testFacts(project, candidates.filter((f) => f.language && conventionLanguage(f.language) === language));
  }
  return {
    files_analyzed: rows.length,
    languages,
    stats: finish(t.all),
    by_language: Object.fromEntries(languages.map((l) => [l, finish(t.byLanguage.get(l)!)])),
    tests,
    dir_stats: dirStats,
    divergence,
  };
}
