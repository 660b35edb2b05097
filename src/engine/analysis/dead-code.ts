// dead_code (spec §5.9): definitions, files or directories that nothing uses, each with a
// confidence and the reasons behind it. Entry points (used from outside the code by
// construction) are never reported; weaker evidence of outside use lowers the confidence instead.
// Symbol use comes from the usage table (resolved references, same file included); file and
// directory use from the import graph.
import { z } from 'zod';
import { parse as parseJsonc } from 'jsonc-parser';
import { CartographError } from '../../errors.js';
import { isCodeLanguage, isTestPath } from '../discover/languages.js';
import type { FileGraph } from '../graph/file-graph.js';
import { isConfigPath, isPackageIndex } from '../graph/importance.js';
import { asObject } from '../graph/resolve/jsonc.js';
import { ancestors, basename, dirname, join } from '../graph/resolve/paths.js';
import { PREFIX_FORM } from '../graph/resolve/result.js';
import type { Commit } from '../history/log.js';
import type { FileRow, SymbolRow } from '../index/store.js';
import type { Project } from '../project.js';
import { MEMBER_OWNER_KINDS, type FileSymbols, type RefBinder } from '../ref-binding.js';
import { manifestsOf } from './manifests.js';
import { usageTable, type Usage } from './usage.js';

export const DEAD_LEVELS = ['symbol', 'file', 'module'] as const;
export type DeadLevel = (typeof DEAD_LEVELS)[number];

export const DeadItem = z.object({
  kind: z.string().describe('Symbol kind, or `file` / `module`.'),
  name: z.string(),
  qualified_name: z.string().optional(),
  file_path: z.string().describe('The file (symbols, files) or directory (modules).'),
  line: z.number().int(),
  end_line: z.number().int(),
  confidence: z.number(),
  reasons: z.array(z.string()),
  symbols: z.number().int().optional().describe('Files and modules: definitions inside.'),
  dependencies: z.number().int().optional().describe('Files: project files it imports.'),
  files: z.number().int().optional().describe('Modules: code files inside.'),
});
export type DeadItem = z.infer<typeof DeadItem>;

export interface DeadCodeQuery {
  /** Directory prefix ('' = the whole project). */
  scope: string;
  level: DeadLevel;
  /** Names, qualified names, symbol ids or paths never to report. */
  entryPoints: readonly string[];
  minConfidence: number;
}

export interface DeadCodeReport {
  /** Every finding at or above minConfidence, in report order. */
  items: DeadItem[];
  notes: string[];
}

const AGE_DAYS = 180;
/** How far up a type hierarchy an override is looked for. */
const MAX_ANCESTOR_DEPTH = 9;
/** Up to this many files in scope, symbol use is computed for the names defined there only. */
const SMALL_SCOPE_FILES = 400;

/** Files that are entry points by name (spec: main.*, __main__.py, __init__.py, …, index.* of a package, build.rs, lib.rs). */
const ENTRY_FILE = /^(main\.[^.]+|__main__\.py|__init__\.py|setup\.py|manage\.py|conftest\.py|index\.[^.]+|build\.rs|lib\.rs)$/;
/** Build scripts and manifests written in a programming language, run by their tool. */
const BUILD_SCRIPT = /^(Package\.swift|(build|settings)\.gradle\.kts|noxfile\.py|[Gg]ulpfile\.[^.]+|Gruntfile\.[^.]+)$/;
/** C/C++ headers: included, so the import graph tells their use; sources are compiled, never included. */
const C_HEADER = /\.(h|hh|hpp|hxx|h\+\+|inc)$/;
/** Languages whose files use one another's definitions without naming the file (a package, a module, a compilation unit). */
const IMPORTLESS = new Set(['c', 'cpp', 'go', 'swift', 'csharp', 'kotlin', 'scala']);
const ENTRY_SYMBOL_NAMES = new Set(['main', 'setup', 'teardown']);
/** Languages whose `__name` members are hooks the runtime calls (Lua metamethods, PHP magic methods). */
const MAGIC_PREFIX_LANGUAGES = new Set(['lua', 'php']);
/** Methods of the Go standard library's common interfaces, which types satisfy without saying so. */
const GO_INTERFACE_METHODS = new Set([
  'String', 'GoString', 'Error', 'Unwrap', 'Is', 'As', 'Format', 'ServeHTTP', 'Read', 'Write', 'Close', 'Seek', 'ReadFrom',
  'WriteTo', 'Len', 'Less', 'Swap', 'MarshalJSON', 'UnmarshalJSON', 'MarshalText', 'UnmarshalText', 'MarshalYAML',
  'UnmarshalYAML', 'Scan', 'Value',
]);
const CONSTRUCTOR_NAMES = new Set(['constructor', '__construct', '__destruct', 'initialize', 'init']);
/** Members the JVM's serialization finds by name. */
const JVM_SERIALIZATION = new Set(['serialVersionUID', 'serialPersistentFields', 'readObject', 'writeObject', 'readObjectNoData', 'readResolve', 'writeReplace']);
const JVM_LANGUAGES = new Set(['java', 'kotlin', 'scala']);
const ENTRY_DECORATOR_SEGMENTS = new Set(['route', 'routes', 'endpoint', 'fixture', 'command', 'cli', 'click', 'typer']);
/** Framework annotations and decorators (last segment, lower case) that make a definition an entry point. */
const ENTRY_DECORATORS = new Set([
  // tests
  'test', 'parameterizedtest', 'repeatedtest', 'testfactory', 'testtemplate', 'beforeeach', 'aftereach', 'beforeall',
  'afterall', 'before', 'after', 'beforeclass', 'afterclass', 'fact', 'theory', 'testmethod', 'testcase', 'setup',
  'teardown', 'onetimesetup', 'onetimeteardown',
  // dependency injection and components
  'bean', 'autowired', 'inject', 'postconstruct', 'predestroy', 'provides', 'produces', 'observes', 'component',
  'service', 'repository', 'controller', 'restcontroller', 'configuration', 'springbootapplication', 'entity',
  'injectable', 'ngmodule', 'directive', 'pipe', 'input', 'output', 'hostlistener', 'hostbinding', 'viewchild',
  // overrides
  'override',
  // routes, handlers, events, tasks
  'requestmapping', 'getmapping', 'postmapping', 'putmapping', 'deletemapping', 'patchmapping', 'messagemapping',
  'exceptionhandler', 'eventlistener', 'scheduled', 'subscribe', 'path', 'httpget', 'httppost', 'httpput', 'httpdelete',
  'httppatch', 'api_view', 'action', 'receiver', 'task', 'shared_task', 'hookimpl', 'listener', 'handler', 'callback',
  'on_event', 'websocket', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options',
  // serialisation and foreign interfaces
  'jsoncreator', 'jsonproperty', 'jsonvalue', 'no_mangle', 'wasm_bindgen', 'pyfunction', 'pymethods', 'pyclass',
  'jvmstatic', 'main',
]);

/** Lower-case segments of a decorator as written (`app.route("/")` → app, route; `tokio::main` → tokio, main). */
const decoratorSegments = (d: string): string[] =>
  d.replace(/^[@#[\s]+/, '').split('(', 1)[0]!.split(/[.:]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);

export function isEntryDecorator(d: string): boolean {
  const segs = decoratorSegments(d);
  return ENTRY_DECORATORS.has(segs[segs.length - 1] ?? '') || segs.some((s) => ENTRY_DECORATOR_SEGMENTS.has(s));
}

const within = (path: string, dir: string): boolean => !dir || path === dir || path.startsWith(`${dir}/`);
const round2 = (n: number): number => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The user's `entry_points`: names, qualified names, symbol ids, or paths (a directory covers its subtree). */
class UserEntries {
  private readonly items: string[];
  constructor(list: readonly string[]) {
    this.items = list.map((e) => e.trim().replace(/^\.\//, '').replace(/\/+$/, '')).filter(Boolean);
  }
  coversPath(path: string): boolean { return this.items.some((e) => within(path, e)); }
  coversSymbol(s: SymbolRow): boolean {
    return this.items.some((e) => e === s.name || e === s.qualified_name || e === s.symbol_id) || this.coversPath(s.file_path);
  }
}

interface DynamicPrefix { from: string; line: number; specifier: string; reach: (path: string) => boolean }

/** What every level needs: the graph, the entry files and the user's entry points. */
class Context {
  readonly graph: FileGraph;
  readonly user: UserEntries;
  private readonly manifestEntries: Map<string, string>;

  constructor(readonly project: Project, readonly query: DeadCodeQuery) {
    this.graph = project.graph();
    this.user = new UserEntries(query.entryPoints);
    this.manifestEntries = new Map(manifestsOf(project).entries.map((e) => [e.path, e.reason]));
  }

  /** Why a file is an entry point by construction, or undefined. */
  entryFile(f: FileRow): string | undefined {
    if (isTestPath(f.path)) return 'test file';
    if (isConfigPath(f.path)) return 'config file';
    if (ENTRY_FILE.test(basename(f.path))) return 'entry file name';
    if (BUILD_SCRIPT.test(basename(f.path))) return 'build script';
    const manifest = this.manifestEntries.get(f.path);
    if (manifest) return `declared by ${manifest}`;
    if (f.language === 'go' && f.namespace === 'main') return 'Go main package';
    if (this.user.coversPath(f.path)) return 'listed in entry_points';
    return undefined;
  }

  isManifestEntry(path: string): boolean { return this.manifestEntries.has(path); }

  /** Why a file looks runnable (shebang, `__main__` guard, a package.json script, a `main` function), or undefined. */
  runnable(f: FileRow): string | undefined {
    const script = scriptTargets(this.project).get(f.path);
    if (script) return `named by ${script}`;
    const text = this.project.readText(f.path) ?? '';
    if (text.startsWith('#!')) return 'has a shebang line';
    if (f.language === 'python' && /^if\s+__name__\s*==\s*['"]__main__['"]\s*:/m.test(text)) return 'has a __main__ guard';
    if (this.project.store.symbolsOfFile(f.path).some((s) => /^main$/i.test(s.name) && (s.kind === 'function' || s.kind === 'method'))) return 'defines main()';
    return undefined;
  }

  codeFiles(scope: string): FileRow[] {
    return [...this.graph.files.values()].filter((f) => f.status !== 'skipped' && isCodeLanguage(f.language) && within(f.path, scope));
  }
}

/**
 * A finding before the age factor: its confidence unrounded, and the files whose git age may
 * add to it. Findings are cached per index generation; git's HEAD can move without a new
 * generation, so the age factor is applied per call.
 */
interface Finding { item: DeadItem; agePaths: string[]; ageReason: string }

export async function findDeadCode(project: Project, query: DeadCodeQuery): Promise<DeadCodeReport> {
  const notes: string[] = [];
  const untouched = await gitAge(project, notes);
  const key = `analysis.dead_code:${query.level}:${query.scope}:${JSON.stringify([...query.entryPoints].sort())}`;
  const findings = project.derived(key, () => {
    const ctx = new Context(project, query);
    return query.level === 'symbol' ? deadSymbols(ctx) : query.level === 'file' ? deadFiles(ctx) : deadModules(ctx);
  });
  let items = findings.map((f) => {
    const old = f.agePaths.length > 0 && f.agePaths.every(untouched);
    return { ...f.item, confidence: round2(f.item.confidence + (old ? 0.1 : 0)), reasons: old ? [...f.item.reasons, f.ageReason] : f.item.reasons };
  }).filter((i) => i.confidence >= query.minConfidence);
  // A dead directory inside a reported one adds nothing, unless it is more certainly dead.
  if (query.level === 'module') items = items.filter((i) => !items.some((o) => o !== i && within(i.file_path, o.file_path) && o.confidence >= i.confidence));
  items.sort((a, b) => b.confidence - a.confidence || cmp(a.file_path, b.file_path) || a.line - b.line || cmp(a.name, b.name));
  return { items, notes };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Paths in a window of commits, kept while git's log cache keeps that window (per HEAD). */
const touchedCache = new WeakMap<readonly Commit[], Set<string>>();

/**
 * Which files git has left alone for AGE_DAYS: those in no commit of the window, when the
 * repository has older commits. Without git the factor is skipped with one note.
 */
async function gitAge(project: Project, notes: string[]): Promise<(path: string) => boolean> {
  try {
    const recent = await project.history.commits({ sinceDays: AGE_DAYS });
    const newest = await project.history.commits({ maxCount: recent.length + 1 });
    if (newest.length <= recent.length) return () => false;
    let touched = touchedCache.get(recent);
    if (!touched) touchedCache.set(recent, (touched = new Set(recent.flatMap((c) => c.files.map((f) => f.path)))));
    return (path) => !touched.has(path);
  } catch (err) {
    if (!(err instanceof CartographError) || err.code !== 'unavailable') throw err;
    notes.push(`Git history is unavailable (${String(err.details?.reason ?? err.message)}), so the ${AGE_DAYS}-day age factor was skipped.`);
    return () => false;
  }
}

// ---- symbols ---------------------------------------------------------------------------------

function deadSymbols(ctx: Context): Finding[] {
  const { project, query } = ctx;
  const files = ctx.codeFiles(query.scope).filter((f) => !isTestPath(f.path) && !isConfigPath(f.path)
    && basename(f.path) !== 'conftest.py' && !BUILD_SCRIPT.test(basename(f.path)) && !ctx.user.coversPath(f.path));
  const table = files.length <= SMALL_SCOPE_FILES
    ? usageTable(project, { key: `scope:${query.scope}`, names: () => new Set(files.flatMap((f) => project.store.symbolsOfFile(f.path).map((s) => s.name))) })
    : usageTable(project);
  const checks = new SymbolChecks(ctx, table.binder);
  const unused: Array<{ s: SymbolRow; f: FileRow; syms: FileSymbols; usage: Usage }> = [];
  for (const f of files) {
    const syms = table.binder.view.symbols(f.path);
    for (const s of syms.rows) {
      // Namespaces and modules are containers, reopened across files: their members are reported instead.
      if (s.kind === 'module' || checks.isEntryPoint(s, f, syms)) continue;
      const usage = table.of(s);
      if (usage.resolved > 0 || checks.usedThroughDeclaration(s, f, (d) => table.of(d).resolved > 0)) continue;
      unused.push({ s, f, syms, usage });
    }
  }
  checks.loadSameNamed(unused.map((u) => u.s));
  return unused.filter((u) => !checks.dispatched(u.s, u.f, u.syms)).map((u) => scoreSymbol(u.s, u.usage));
}

/** The exclusions of a symbol that need the index beyond the symbol itself. */
class SymbolChecks {
  private readonly ancestorCache = new Map<string, string[]>();
  private readonly lines = new Map<string, string[]>();
  private sameNamed = new Map<string, SymbolRow[]>();
  /**
   * `type\0name` (type as `file#qualified_name`) → the member named `name` of a subtype of that
   * type, or -1 when there are several: computed once for all candidates, since a name such as
   * `get` has thousands of definitions to test against every unused `get`.
   */
  private redefinedBelow = new Map<string, number>();

  constructor(private readonly ctx: Context, private readonly binder: RefBinder) {}

  /** Reads, in one batch, the members named like the given members (their possible overrides and interface methods). */
  loadSameNamed(symbols: readonly SymbolRow[]): void {
    const names = [...new Set(symbols.filter((s) => s.qualified_name.includes('.')).map((s) => s.name))];
    this.sameNamed = new Map();
    this.redefinedBelow = new Map();
    for (const d of this.binder.view.definitionsNamed(names)) {
      if (d.parent === undefined) continue;
      const list = this.sameNamed.get(d.name);
      if (list) list.push(d);
      else this.sameNamed.set(d.name, [d]);
      for (const a of this.ancestors(d.file_path, d.parent)) {
        const key = `${a}\0${d.name}`;
        const seen = this.redefinedBelow.get(key);
        this.redefinedBelow.set(key, seen === undefined || seen === d.id ? d.id : -1);
      }
    }
  }

  isEntryPoint(s: SymbolRow, f: FileRow, syms: FileSymbols): boolean {
    const lower = s.name.toLowerCase();
    if (ENTRY_SYMBOL_NAMES.has(lower) || /^__\w+__$/.test(s.name)) return true;
    if (MAGIC_PREFIX_LANGUAGES.has(f.language ?? '') && s.name.startsWith('__')) return true;
    // A type with a `main` method is a program's entry (Java, C#, Kotlin, Scala).
    if (MEMBER_OWNER_KINDS.has(s.kind) && (syms.named(`${s.qualified_name}.main`) || syms.named(`${s.qualified_name}.Main`))) return true;
    if (f.language === 'go' && s.name === 'init' && s.kind === 'function') return true;
    if (isConstructor(s) || (JVM_LANGUAGES.has(f.language ?? '') && JVM_SERIALIZATION.has(s.name))) return true;
    // Python: `__all__` lists the module's API; a test function outside a test file is still collected by pytest.
    if (f.language === 'python' && !s.parent && s.exported && syms.named('__all__')) return true;
    if (f.language === 'python' && /^test_|^Test[A-Z_]/.test(s.name)) return true;
    if (f.language === 'rust' && s.qualified_name.split('.').slice(0, -1).some((p) => p === 'tests' || p === 'test')) return true;
    if (s.decorators?.some(isEntryDecorator)) return true;
    if (s.exported && this.ctx.isManifestEntry(f.path)) return true;
    return this.ctx.user.coversSymbol(s);
  }

  /**
   * C/C++: a declaration and its definition are one entity across a header and a source file
   * that includes it (or is included by it); a use of either uses both.
   */
  usedThroughDeclaration(s: SymbolRow, f: FileRow, used: (d: SymbolRow) => boolean): boolean {
    if (f.language !== 'c' && f.language !== 'cpp') return false;
    const linked = new Set([...this.ctx.graph.imports(f.path), ...this.ctx.graph.importers(f.path)].map((n) => n.path));
    for (const path of linked) {
      for (const d of this.binder.view.symbols(path).named(s.qualified_name) ?? []) if (used(d)) return true;
    }
    return false;
  }

  /**
   * Members reached through a type rather than by name: members of interfaces and traits (a
   * contract), methods that override or implement a base method, and methods a subtype overrides.
   */
  dispatched(s: SymbolRow, f: FileRow, syms: FileSymbols): boolean {
    const owner = s.parent ? syms.named(s.parent)?.find((d) => MEMBER_OWNER_KINDS.has(d.kind)) : undefined;
    if (owner?.kind === 'interface' || owner?.kind === 'trait') return true;
    if (f.language === 'rust' && s.qualified_name.includes('.') && this.inTraitImpl(f.path, s.start_line)) return true;
    if (s.kind !== 'method' && s.kind !== 'property' && s.kind !== 'function') return false;
    // `@Override` is an entry decorator already; TypeScript, C#, Kotlin and Swift write `override` in the signature.
    if (/(^|\s)override\s/.test(s.signature)) return true;
    // Go types satisfy interfaces implicitly: a method named like an interface method may be called through one.
    if (f.language === 'go' && s.kind === 'method' && (GO_INTERFACE_METHODS.has(s.name) || this.isInterfaceMethodName(s.name))) return true;
    if (!owner) return false;
    const bases = this.binder.basesOf(f.path, owner.qualified_name);
    if (bases.types.some((b) => this.binder.memberOf(b.file, b.qualified, s.name))) return true;
    // A base outside the project may declare it (an interface method, a framework hook, a protected template method).
    if (bases.external.length && !declaredPrivate(s)) return true;
    return this.overriddenBelow(s, owner);
  }

  /** Whether some interface of the project declares a member with this name. */
  private isInterfaceMethodName(name: string): boolean {
    return (this.sameNamed.get(name) ?? []).some((d) => this.binder.view.symbols(d.file_path).named(d.parent!)?.some((p) => p.kind === 'interface'));
  }

  /** A method some subtype of its class redefines: callers reach it through the base type. */
  private overriddenBelow(s: SymbolRow, owner: SymbolRow): boolean {
    const by = this.redefinedBelow.get(`${owner.file_path}#${owner.qualified_name}\0${s.name}`);
    return by !== undefined && by !== s.id;
  }

  /** Every base of a type up to MAX_ANCESTOR_DEPTH levels up, as `file#qualified_name`, breadth first. */
  private ancestors(file: string, type: string): readonly string[] {
    const key = `${file}#${type}`;
    let v = this.ancestorCache.get(key);
    if (v) return v;
    const seen = new Set<string>();
    let level = [{ file, qualified: type }];
    for (let depth = 0; depth < MAX_ANCESTOR_DEPTH && level.length; depth++) {
      const next: typeof level = [];
      for (const t of level) {
        for (const b of this.binder.basesOf(t.file, t.qualified).types) {
          const k = `${b.file}#${b.qualified}`;
          if (!seen.has(k)) { seen.add(k); next.push(b); }
        }
      }
      level = next;
    }
    this.ancestorCache.set(key, (v = [...seen]));
    return v;
  }

  /** Rust: whether the item at `line` sits in an `impl Trait for Type` block (trait methods are called through the trait). */
  private inTraitImpl(path: string, line: number): boolean {
    let lines = this.lines.get(path);
    if (!lines) this.lines.set(path, (lines = (this.ctx.project.readText(path) ?? '').split('\n')));
    for (let i = line - 2; i >= 0; i--) {
      const text = lines[i]!;
      if (/^\s*(pub(\([^)]*\))?\s+)?(unsafe\s+)?impl\b/.test(text)) return /\bfor\b/.test(text);
      if (/^\}/.test(text)) return false;
    }
    return false;
  }
}

function ownerOf(s: SymbolRow): string | undefined {
  if (s.parent) return s.parent;
  const dot = s.qualified_name.lastIndexOf('.');
  return dot > 0 ? s.qualified_name.slice(0, dot) : undefined;
}

/** Constructors and destructors belong to their type: its use is theirs. */
function isConstructor(s: SymbolRow): boolean {
  const owner = ownerOf(s);
  if (!owner || (s.kind !== 'method' && s.kind !== 'function')) return false;
  const type = owner.slice(owner.lastIndexOf('.') + 1);
  return CONSTRUCTOR_NAMES.has(s.name) || s.name === type || s.name === `~${type}`;
}

/** Private or not exported; `protected` members are API for subclasses anywhere, so they count as public. */
const isPrivate = (s: SymbolRow): boolean => (!s.exported && !/(^|\s)protected\s/.test(s.signature)) || s.name.startsWith('_');
/** Private by declaration (`private`, `#name`, `_name`), which no subclass can override. */
const declaredPrivate = (s: SymbolRow): boolean => /(^|\s)private\s/.test(s.signature) || /^[_#]/.test(s.name);

const AGE_REASON = `unchanged in git for ${AGE_DAYS}+ days (+0.1)`;

function scoreSymbol(s: SymbolRow, usage: Usage): Finding {
  const reasons = [usage.self
    ? `referenced only from its own body (${plural(usage.self, 'self-reference')})`
    : s.kind === 'function' || s.kind === 'method' ? 'never called or referenced' : 'never referenced'];
  let c = 0.7;
  if (isPrivate(s)) { c += 0.15; reasons.push(s.name.startsWith('_') ? 'private name (+0.15)' : 'not exported (+0.15)'); }
  else { c -= 0.2; reasons.push('exported or public: may be used from outside the project (−0.2)'); }
  if (usage.name_matches) {
    c -= 0.2;
    reasons.push(`${plural(usage.name_matches, 'unresolved reference')} to the name '${s.name}' (obj.${s.name} or a free name) may mean it (−0.2)`);
  }
  const other = (s.decorators ?? []).filter((d) => !isEntryDecorator(d));
  if (other.length) { c -= 0.2; reasons.push(`decorated with ${other.map((d) => `@${d}`).join(', ')} (−0.2)`); }
  if (isPackageIndex(s.file_path)) { c -= 0.3; reasons.push('defined in a package index file (−0.3)'); }
  return {
    item: {
      kind: s.kind, name: s.name, qualified_name: s.qualified_name, file_path: s.file_path, line: s.start_line, end_line: s.end_line,
      confidence: c, reasons,
    },
    agePaths: [s.file_path], ageReason: `file ${AGE_REASON}`,
  };
}

// ---- files -----------------------------------------------------------------------------------

function deadFiles(ctx: Context): Finding[] {
  const { project, graph } = ctx;
  const prefixes = dynamicPrefixes(project);
  const out: Finding[] = [];
  for (const f of ctx.codeFiles(ctx.query.scope)) {
    if (ctx.entryFile(f) || graph.importers(f.path).length || usedByName(project, f)) continue;
    const reasons = ['no file imports it'];
    let c = 0.7;
    const runnable = ctx.runnable(f);
    if (runnable) { c -= 0.3; reasons.push(`looks runnable: ${runnable} (−0.3)`); }
    const prefix = prefixes.find((p) => p.from !== f.path && p.reach(f.path));
    if (prefix) { c -= 0.3; reasons.push(`a dynamic import of '${prefix.specifier}…' (${prefix.from}:${prefix.line}) may load it (−0.3)`); }
    const dependencies = graph.imports(f.path).length;
    if (!dependencies && !project.store.importsOfFile(f.id).length) reasons.push('also has no imports (orphan)');
    out.push({
      item: {
        kind: 'file', name: basename(f.path), file_path: f.path, line: 1, end_line: Math.max(1, f.lines), confidence: c, reasons,
        symbols: project.symbols().countInFile(f.id), dependencies,
      },
      agePaths: [f.path], ageReason: `file ${AGE_REASON}`,
    });
  }
  return out;
}

/**
 * A file of a language where files use one another without importing (C/C++ sources, Go
 * packages, Swift modules, C#/Kotlin/Scala namespaces) is used when another file references one
 * of its names; a name match is enough, so this errs towards "used".
 */
function usedByName(project: Project, f: FileRow): boolean {
  if (!IMPORTLESS.has(f.language ?? '') || C_HEADER.test(f.path)) return false;
  const names = new Set(project.store.symbolsOfFile(f.path).map((s) => s.name));
  return [...names].some((n) => project.store.filesReferencing(n).some((r) => r.path !== f.path && project.store.refsOfFile(r.id, n).length > 0));
}

/** Files package.json scripts run (`node scripts/build.js`, `tsx src/cli.ts`), with the script that names them. */
function scriptTargets(project: Project): Map<string, string> {
  return project.derived('analysis.dead_code.scripts', () => {
    const out = new Map<string, string>();
    const files = project.graph().files;
    for (const path of [...files.keys()].filter((p) => basename(p) === 'package.json').sort()) {
      const scripts = asObject(asObject(parseJsonc(project.readText(path) ?? '', [], { allowTrailingComma: true }))?.scripts) ?? {};
      for (const [name, command] of Object.entries(scripts)) {
        if (typeof command !== 'string') continue;
        for (const token of command.split(/[\s;&|()'"=]+/)) {
          const target = token && join(dirname(path), token);
          if (target && files.has(target) && !out.has(target)) out.set(target, `package.json script "${name}" (${path})`);
        }
      }
    }
    return out;
  });
}

/**
 * Literal heads of computed dynamic imports (`import(`./plugins/${x}`)`, `require('./x/' + y)`,
 * `importlib.import_module('pkg.mod.' + n)`) and the files each may reach.
 */
function dynamicPrefixes(project: Project): DynamicPrefix[] {
  return project.derived('analysis.dead_code.prefixes', () => {
    const paths = project.store.filePathsById();
    const out: DynamicPrefix[] = [];
    for (const [id, records] of project.store.allImports()) {
      const from = paths.get(id);
      if (from === undefined) continue;
      for (const r of records) {
        if (r.form !== PREFIX_FORM) continue;
        const reach = prefixReach(from, r.specifier);
        if (reach) out.push({ from, line: r.line, specifier: r.specifier, reach });
      }
    }
    return out.sort((a, b) => cmp(a.from, b.from) || a.line - b.line);
  });
}

function prefixReach(from: string, specifier: string): ((path: string) => boolean) | undefined {
  if (from.endsWith('.py') || from.endsWith('.pyi')) {
    const dots = /^\.*/.exec(specifier)![0].length;
    const rest = specifier.slice(dots).replace(/\./g, '/');
    if (!dots) return (path) => path.startsWith(rest) || path.includes(`/${rest}`);
    let base: string | undefined = dirname(from);
    for (let i = 1; i < dots && base !== undefined; i++) base = base ? dirname(base) : undefined;
    if (base === undefined) return undefined;
    const head = base ? `${base}/${rest}` : rest;
    return (path) => path.startsWith(head);
  }
  if (!/^\.\.?\//.test(specifier)) return undefined;
  const joined = join(dirname(from), specifier);
  if (joined === undefined) return undefined;
  // join drops a trailing slash: keep "a directory" apart from "a name starting with".
  const head = specifier.endsWith('/') && joined ? `${joined}/` : joined;
  return (path) => path.startsWith(head);
}

// ---- modules ---------------------------------------------------------------------------------

function deadModules(ctx: Context): Finding[] {
  const { project, graph, query } = ctx;
  const prefixes = dynamicPrefixes(project);
  const all = ctx.codeFiles('');
  const sourceFiles = all.filter((f) => !isTestPath(f.path)).length;
  const dirs = new Map<string, FileRow[]>();
  for (const f of all) {
    for (const d of ancestors(dirname(f.path))) {
      if (d === '' || !within(d, query.scope)) continue;
      const list = dirs.get(d);
      if (list) list.push(f);
      else dirs.set(d, [f]);
    }
  }
  const out: Finding[] = [];
  for (const [dir, files] of dirs) {
    const sources = files.filter((f) => !isTestPath(f.path)).length;
    // A test tree, or the directory holding all of the project's code (nothing is outside it to import it).
    if (!sources || sources === sourceFiles || ctx.user.coversPath(dir)) continue;
    if (files.some((f) => graph.importers(f.path).some((n) => !within(n.path, dir)))) continue;
    const reasons = [`no file outside ${dir}/ imports any of its ${plural(files.length, 'code file')}`];
    let c = 0.7;
    const entry = moduleEntry(ctx, files);
    if (entry) { c -= 0.3; reasons.push(`contains an entry point: ${entry} (−0.3)`); }
    const prefix = prefixes.find((p) => !within(p.from, dir) && files.some((f) => p.reach(f.path)));
    if (prefix) { c -= 0.3; reasons.push(`a dynamic import of '${prefix.specifier}…' (${prefix.from}:${prefix.line}) may load its files (−0.3)`); }
    out.push({
      item: {
        kind: 'module', name: dir, file_path: dir, line: 1, end_line: 1, confidence: c, reasons,
        files: files.length, symbols: files.reduce((n, f) => n + project.symbols().countInFile(f.id), 0),
      },
      agePaths: files.map((f) => f.path), ageReason: `all files ${AGE_REASON}`,
    });
  }
  return out;
}

/** The first entry point among a directory's files: by construction, or a runnable file nothing imports. */
function moduleEntry(ctx: Context, files: readonly FileRow[]): string | undefined {
  for (const f of files) {
    const why = ctx.entryFile(f);
    if (why) return `${f.path} (${why})`;
  }
  for (const f of files) {
    const why = ctx.graph.importers(f.path).length ? undefined : ctx.runnable(f);
    if (why) return `${f.path} (${why})`;
  }
  return undefined;
}
