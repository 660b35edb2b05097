// distill: each level, public API in each file's own syntax (TypeScript, Python, Go, Rust, Java),
// the token budget with its omission line, neighbourhood selection, and typed errors.
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SymbolRow } from '../../src/engine/index/store.js';
import type { Project } from '../../src/engine/project.js';
import { compactSymbol, renderDeclarations } from '../../src/engine/analysis/signatures.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import { polyglotRepo } from './orientation-fixtures.js';

let root: string;
let project: Project;

beforeAll(async () => {
  root = makeRepo(polyglotRepo());
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

async function distill(args: Record<string, unknown>) {
  const op = operationNamed('distill')!;
  const res = await invoke(op, project, args);
  if (!res.ok) throw res.error;
  return { output: res.output as { files: Array<{ path: string; content: string; tokens: number }>; omitted_files: string[]; total_tokens: number; notes?: string[]; truncated?: unknown }, text: op.render(res.output as never) };
}

/** The content distill gives one file at level=signatures. */
async function signaturesOf(path: string): Promise<string[]> {
  const { output } = await distill({ files: [path], depth: 0 });
  expect(output.files.map((f) => f.path)).toEqual([path]);
  return output.files[0]!.content.split('\n');
}

describe('distill signatures, in each file\'s own language', () => {
  it('TypeScript: export declarations, class members without private ones, typed arrow functions', async () => {
    expect(await signaturesOf('ts/shapes.ts')).toEqual([
      '/** A shape with an area. */',
      'export interface Shape {',
      '  area(): number;',
      '  readonly name: string;',
      '}',
      "export type Kind = 'circle' | 'square';",
      'export enum Color {',
      "  Red = 'red',",
      "  Blue = 'blue',",
      '}',
      '/** A circle. */',
      'export class Circle implements Shape {',
      "  readonly name = 'circle';",
      '  constructor(private readonly radius: number);',
      '  /** Area in square units. */',
      '  area(): number;',
      '}',
      'export const makeCircle: (r: number) => Circle;',
      "export function describe(s: Shape, unit: Unit = 'cm'): string;",
    ]); // `internal`, `cache` and the protected `reset` are not public
  });

  it('Python: stubs with docstrings; underscore names omitted', async () => {
    expect(await signaturesOf('py/store.py')).toEqual([
      'class Store(Base, metaclass=Meta):',
      '    """Keeps items."""',
      '    def __init__(self, path: str, *, create: bool = False): ...',
      '    async def load(self) -> list[str]:',
      '        """Loads every item."""',
      'def open_store(path, mode="r") -> "Store": ...',
      'LIMIT = 10',
    ]);
  });

  it('Go: exported types with exported fields, funcs and methods with receivers', async () => {
    expect(await signaturesOf('go/store.go')).toEqual([
      '// Item is one entry.',
      'type Item struct {',
      '\tName string',
      '}',
      '// Store holds items.',
      'type Store interface {',
      '\tGet(name string) (Item, error)',
      '}',
      '// New makes a store.',
      'func New(dir string) *Mem',
      'type Mem struct { ... }',
      '// Get finds an item.',
      'func (m *Mem) Get(name string) (Item, error)',
    ]);
  });

  it('Rust: pub items, impl blocks regrouped, trait methods, enum variants', async () => {
    expect(await signaturesOf('rust/lib.rs')).toEqual([
      '/// A counter.',
      'pub struct Counter {',
      '  pub count: u32,',
      '}',
      'impl Counter {',
      '  /// Makes a counter.',
      '  pub fn new(step: u32) -> Self;',
      '  pub fn tick(&mut self) -> u32;',
      '}',
      'pub trait Named {',
      '  fn name(&self) -> String;',
      '}',
      'pub enum Mode {',
      '  Fast,',
      '  Slow(u8),',
      '}',
      'pub const MAX: u32 = 10;',
    ]);
  });

  it('Java: public class with public member headers and nested types', async () => {
    expect(await signaturesOf('java/demo/Greeter.java')).toEqual([
      '/** Greets people. */',
      'public class Greeter {',
      '  public static final int MAX = 3;',
      '  /** Makes a greeter. */',
      '  public Greeter(String greeting);',
      '  public String greet(String name, int times);',
      '  public enum Tone {',
      '    WARM,',
      '    COLD,',
      '  }',
      '}',
    ]);
  });
});

describe('distill selection and budget', () => {
  const all = Object.keys(polyglotRepo());

  it('adds whole files until the next would not fit, then names how many were left out', async () => {
    const first = await distill({ files: all, depth: 0, max_tokens: 200 });
    expect(estimateTokens(first.text)).toBeLessThanOrEqual(200);
    expect(first.output.files.map((f) => f.path)).toEqual(['ts/units.ts', 'ts/shapes.ts']);
    expect(first.output.omitted_files).toEqual(['py/store.py', 'go/store.go', 'rust/lib.rs', 'java/demo/Greeter.java']);
    expect(first.output.truncated).toEqual({ shown: 2, total: 6, by: 'max_tokens', hint: 'Raise max_tokens, lower depth or name fewer files.' });
    const lines = first.text.split('\n');
    expect(lines.slice(-3)).toEqual(['# ... 4 more file(s) omitted (token budget)', '', `(2 files, level=signatures, ~${first.output.total_tokens} tokens)`]);
    expect((await distill({ files: all, depth: 0, max_tokens: 200 })).text).toBe(first.text);
    for (const max of [250, 300, 400]) expect(estimateTokens((await distill({ files: all, depth: 0, max_tokens: max })).text)).toBeLessThanOrEqual(max);
  });

  it('expands named files over importers and imports up to depth, centres first', async () => {
    expect((await distill({ files: ['ts/units.ts'], depth: 1 })).output.files.map((f) => f.path)).toEqual(['ts/units.ts', 'ts/shapes.ts']);
    expect((await distill({ files: ['ts/units.ts'], depth: 0 })).output.files.map((f) => f.path)).toEqual(['ts/units.ts']);
  });

  it('without files takes the most important code files', async () => {
    const { output } = await distill({});
    expect(output.files.map((f) => f.path).sort()).toEqual([...all].sort());
  });

  it('structure: the selection\'s tree and its import lines', async () => {
    const { text } = await distill({ files: ['ts/units.ts'], level: 'STRUCTURE' });
    expect(text.split('\n')).toEqual([
      '# File tree',
      './',
      '└── ts/',
      '    ├── shapes.ts',
      '    └── units.ts',
      '',
      '# Import graph (file -> imports)',
      'ts/shapes.ts -> ts/units.ts',
      '',
      '(2 files, level=structure, ~34 tokens)',
    ]);
  });

  it('full: numbered source of the named files; without files, the repository map', async () => {
    const { text } = await distill({ files: ['ts/units.ts'], level: 'full', depth: 0 });
    expect(text).toBe("# ts/units.ts\n1 | export type Unit = 'cm' | 'in';\n\n(1 files, level=full, ~14 tokens)");
    const map = await distill({ level: 'full', max_tokens: 300 });
    expect(map.text.split('\n')[0]).toBe(`${basename(root)}/`);
    expect(map.text).toMatch(/\n\(6 files, 112 lines, 5 languages\)\n\n\(6 files, level=full, ~\d+ tokens\)$/);
    expect(estimateTokens(map.text)).toBeLessThanOrEqual(300);
  });

  it('names unknown files in notes, and refuses when none is known or the level is bad', async () => {
    const some = await distill({ files: ['ts/units.ts', 'nope.ts'], depth: 0 });
    expect(some.output.notes).toEqual(['Not in the index, left out: nope.ts.']);
    expect(some.output.files.map((f) => f.path)).toEqual(['ts/units.ts']);
    const none = await invoke(operationNamed('distill')!, project, { files: ['nope.ts', 'also/nope.py'] });
    expect(!none.ok && none.error).toMatchObject({ code: 'not_found', details: { unknown_files: ['nope.ts', 'also/nope.py'] } });
    const bad = await invoke(operationNamed('distill')!, project, { level: 'everything' });
    expect(!bad.ok && bad.error.code).toBe('invalid_argument');
  });
});

describe('declarations from stored symbol facts', () => {
  const row = (s: Partial<SymbolRow> & Pick<SymbolRow, 'name' | 'kind' | 'signature'>): SymbolRow => ({
    id: 0, file_id: 0, file_path: 'x', symbol_id: `x#${s.name}`, qualified_name: s.name, start_line: 1, end_line: 1, start_col: 1, exported: true, ...s,
  });

  it('closes initialisers cut at their first line, and writes Python decorators once the extractor records them', () => {
    expect(renderDeclarations('typescript', [
      row({ name: 'LIST', kind: 'constant', signature: 'const LIST = [' }),
      row({ name: 'schema', kind: 'constant', signature: 'const schema = z.object(' }),
      row({ name: 'table', kind: 'variable', signature: 'const table =' }),
      row({ name: 'handler', kind: 'function', signature: 'const handler = (req, res) =>' }),
    ])).toEqual(['export const LIST = [...];', 'export const schema = z.object(...);', 'export const table;', 'export const handler = (req, res) => ...;']);
    expect(renderDeclarations('python', [
      row({ name: 'Point', kind: 'class', signature: 'class Point', decorators: ['dataclass'], start_line: 1 }),
      row({ name: 'norm', kind: 'method', signature: 'def norm(self) -> float', parent: 'Point', qualified_name: 'Point.norm', decorators: ['property'], start_line: 3 }),
    ])).toEqual(['@dataclass', 'class Point:', '    @property', '    def norm(self) -> float: ...']);
  });

  it('prefers the recorded return type over reading it from the signature', () => {
    const f = row({ name: 'load', kind: 'function', signature: 'def load(path)', return_type: 'Store' });
    expect(compactSymbol(f, 'python', new Map())).toBe('fn load(path) -> Store');
    expect(compactSymbol(row({ name: 'run', kind: 'function', signature: 'public static void run(String[] args, int n)' }), 'java', new Map())).toBe('fn run(args, n)');
    expect(compactSymbol(row({ name: 'vec2_add', kind: 'function', signature: 'vec2 vec2_add(vec2 a, const vec2 *b)' }), 'c', new Map())).toBe('fn vec2_add(a, b) -> vec2');
    // A C++ initialiser list after the parameters is not a result type.
    expect(compactSymbol(row({ name: 'Circle', kind: 'method', signature: 'Circle::Circle(double radius) : radius_(radius)' }), 'cpp', new Map())).toBe('fn Circle(radius)');
    expect(compactSymbol(row({ name: 'add', kind: 'method', signature: 'public function add(int $a, ?string $label = null): int' }), 'php', new Map())).toBe('fn add($a, $label) -> int');
    expect(compactSymbol(row({ name: 'add', kind: 'method', signature: 'public func add(_ title: String, priority: Priority = .normal) -> TodoItem' }), 'swift', new Map())).toBe('fn add(title, priority) -> TodoItem');
  });
});
