// relevant_context: relationships at depth 1 and 2, compact symbol forms in several languages,
// the budget (never exceeded, even by a first centre too big on its own), and typed errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import { chainRepo, polyglotRepo } from './orientation-fixtures.js';

let root: string;
let project: Project;

beforeAll(async () => {
  root = makeRepo(chainRepo());
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

async function capsule(p: Project, args: Record<string, unknown>) {
  const op = operationNamed('relevant_context')!;
  const res = await invoke(op, p, args);
  if (!res.ok) throw res.error;
  return { output: res.output as { files: Array<{ path: string; relationship: string; symbols: unknown[] }>; omitted_files: string[]; notes?: string[]; truncated?: unknown; learnings: unknown[] }, text: op.render(res.output as never) };
}

describe('relevant_context with project memory', () => {
  let own: Project;
  let ownRoot: string;
  beforeAll(async () => { ownRoot = makeRepo(chainRepo()); own = await openIndexed(ownRoot); });
  afterAll(async () => { await own.close(); removeDir(ownRoot); });

  it('appends learnings scoped to a centre file or its folders, not global or unrelated ones', async () => {
    const record = (args: Record<string, unknown>) => invoke(operationNamed('record_learning')!, own, args);
    await record({ type: 'gotcha', description: 'a() must run after b()', scope: 'src/a.ts' });
    await record({ type: 'convention', description: 'Everything under src returns strings', scope: 'src/' });
    await record({ type: 'pattern', description: 'A global learning' });
    await record({ type: 'pattern', description: 'Elsewhere', scope: 'lib/' });
    const { output, text } = await capsule(own, { files: ['src/a.ts'] });
    expect((output.learnings as Array<{ description: string }>).map((l) => l.description))
      .toEqual(['a() must run after b()', 'Everything under src returns strings']);
    expect(text).toMatch(/\nLearnings for these files:\n {2}#\d+ \[gotcha\] a\(\) must run after b\(\)\n {2}#\d+ \[convention\] Everything under src returns strings$/);
    // With no room left, learnings are the first thing dropped.
    const tight = await capsule(own, { files: ['src/a.ts'], max_tokens: 200 });
    expect(estimateTokens(tight.text)).toBeLessThanOrEqual(200);
  });
});

describe('relevant_context', () => {
  it('depth 1: the centre, what it imports and what imports it', async () => {
    const { output, text } = await capsule(project, { files: ['src/a.ts'] });
    expect(text).toBe([
      'Subgraph capsule for src/a.ts (depth=1, 3 files):',
      'src/a.ts',
      '  typescript, 6L, importance=0.58, center',
      '    class Runner(Base, Job): run, stop',
      '    fn a(count, label) -> string',
      '  src/b.ts',
      '    typescript, 2L, importance=0.63, imported-by-center',
      '      fn b() -> string',
      '  src/d.ts',
      '    typescript, 2L, importance=0.52, imports-center',
      '      fn d()',
    ].join('\n'));
    expect(output.files[0]).toEqual({
      path: 'src/a.ts', distance: 0, relationship: 'center', language: 'typescript', line_count: 6, importance: 0.578,
      symbols: [
        { kind: 'class', name: 'Runner', signature: 'class Runner(Base, Job): run, stop' },
        { kind: 'function', name: 'a', signature: 'fn a(count, label) -> string' },
      ],
    });
    expect(output.learnings).toEqual([]);
    expect(output.truncated).toBeUndefined();
  });

  it('depth 2: transitive imports and importers, farther files indented deeper', async () => {
    const { output, text } = await capsule(project, { files: ['src/a.ts'], depth: 2 });
    expect(output.files.map((f) => [f.path, f.relationship])).toEqual([
      ['src/a.ts', 'center'], ['src/b.ts', 'imported-by-center'], ['src/d.ts', 'imports-center'],
      ['src/c.ts', 'transitive-import'], ['src/e.ts', 'transitive-importer'],
    ]);
    expect(text.split('\n').slice(-6)).toEqual([
      '    src/c.ts',
      '      typescript, 1L, importance=0.67, transitive-import',
      '        fn c() -> string',
      '    src/e.ts',
      '      typescript, 2L, importance=0.45, transitive-importer',
      '        fn e()',
    ]);
    const flat = await capsule(project, { files: ['src/a.ts'], depth: 0, include_symbols: false });
    expect(flat.text).toBe('Subgraph capsule for src/a.ts (depth=0, 1 file):\nsrc/a.ts\n  typescript, 6L, importance=0.58, center');
  });

  it('never exceeds max_tokens: a first centre too big alone loses symbol lines from the end', async () => {
    const first = await capsule(project, { files: ['src/big.ts'], max_tokens: 200 });
    expect(estimateTokens(first.text)).toBeLessThanOrEqual(200);
    expect(first.output.files[0]!.path).toBe('src/big.ts');
    expect(first.output.files[0]!.symbols.length).toBeGreaterThan(0);
    expect(first.output.files[0]!.symbols.length).toBeLessThan(8);
    expect(first.output.omitted_files.length).toBeGreaterThan(0);
    expect(first.text.split('\n').at(-1)).toBe(`... and ${first.output.omitted_files.length} more files (truncated)`);
    expect(first.output.truncated).toMatchObject({ by: 'max_tokens', total: 4 });
    expect((await capsule(project, { files: ['src/big.ts'], max_tokens: 200 })).text).toBe(first.text);
    const roomy = await capsule(project, { files: ['src/big.ts'], max_tokens: 2000 });
    expect(roomy.output.files[0]!.symbols).toHaveLength(8);
    expect(roomy.output.files.map((f) => f.path)).toEqual(['src/big.ts', 'src/uses-big-1.ts', 'src/uses-big-2.ts', 'src/uses-big-3.ts']);
  });

  it('renders compact forms for several languages', async () => {
    const dir = makeRepo(polyglotRepo());
    const p = await openIndexed(dir);
    try {
      const { output } = await capsule(p, { files: ['py/store.py', 'go/store.go', 'rust/lib.rs', 'java/demo/Greeter.java'], depth: 0 });
      const forms = Object.fromEntries(output.files.map((f) => [f.path, (f.symbols as Array<{ signature: string }>).map((s) => s.signature)]));
      expect(forms).toEqual({
        'py/store.py': ['class Store(Base): __init__, load', 'fn open_store(path, mode) -> "Store"', 'constant LIMIT', 'fn _helper()'],
        'go/store.go': ['struct Item: Name', 'interface Store: Get', 'struct Mem', 'fn New(dir) -> *Mem', 'fn Mem.Get(name) -> (Item, error)', 'fn Mem.evict()'],
        'rust/lib.rs': ['struct Counter: count', 'trait Named: name', 'enum Mode: Fast, Slow', 'fn Counter.new(step) -> Self', 'fn Counter.tick() -> u32', 'constant MAX', 'fn Counter.reset()', 'fn private_fn()'],
        'java/demo/Greeter.java': ['class Greeter: MAX, Greeter, greet, Tone'],
      });
    } finally { await p.close(); removeDir(dir); }
  });

  it('names unknown files in notes; refuses an empty list and a list of unknown files', async () => {
    const some = await capsule(project, { files: ['src/a.ts', 'nope.ts'], depth: 0 });
    expect(some.output.notes).toEqual(['Not in the index, left out: nope.ts.']);
    const empty = await invoke(operationNamed('relevant_context')!, project, { files: [] });
    expect(!empty.ok && empty.error).toMatchObject({ code: 'invalid_argument', details: { parameter: 'files' } });
    const none = await invoke(operationNamed('relevant_context')!, project, { files: ['nope.ts'] });
    expect(!none.ok && none.error).toMatchObject({ code: 'not_found', details: { unknown_files: ['nope.ts'] } });
    const outside = await invoke(operationNamed('relevant_context')!, project, { files: ['../x.ts'] });
    expect(!outside.ok && outside.error).toMatchObject({ code: 'invalid_argument', details: { reason: 'outside_root' } });
    const many = await invoke(operationNamed('relevant_context')!, project, { files: Array.from({ length: 51 }, (_, i) => `f${i}.ts`) });
    expect(!many.ok && many.error.code).toBe('too_large');
  });
});
