// The four LSP tools against real servers (typescript-language-server, pyright) on small fixture
// projects, the index fallback, a server killed mid-request, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import { PY_PROJECT, TS_PROJECT } from './lsp-fixtures.js';

type Out = Record<string, unknown> & { source: string; notes?: string[] };

async function call(project: Project, name: string, args: Record<string, unknown>): Promise<Out> {
  const op = operationNamed(name)!;
  const r = await invoke(op, project, args);
  if (!r.ok) throw r.error;
  expect(estimateTokens(r.text)).toBeLessThan(25_000);
  return r.output as Out;
}

async function error(project: Project, name: string, args: Record<string, unknown>) {
  const r = await invoke(operationNamed(name)!, project, args);
  expect(r.ok).toBe(false);
  return r.ok ? undefined : r.error;
}

const at = (file: string, line: number, col: number) => expect.objectContaining({ file, line, col });

describe('TypeScript through typescript-language-server', () => {
  let root: string;
  let project: Project;
  beforeAll(async () => { root = makeRepo(TS_PROJECT); project = await openIndexed(root); });
  afterAll(async () => { await project.close(); removeDir(root); });

  it('goes to a definition across files and through a re-export, as the very first request', async () => {
    const out = await call(project, 'lsp_definition', { file: 'src/main.ts', line: 2, col: 30 });
    expect(out.source).toBe('lsp');
    expect(out.locations).toEqual([{ file: 'src/math.ts', line: 2, col: 17, end_line: 2, end_col: 19, line_text: 'export function add(a: number, b: number): number {' }]);
    expect(out.location).toEqual((out.locations as unknown[])[0]);
  }, 60_000);

  it('picks the overriding method, not the base one', async () => {
    const out = await call(project, 'lsp_definition', { file: 'src/main.ts', line: 4, col: 20 });
    expect(out.locations).toEqual([expect.objectContaining({ file: 'src/math.ts', line: 12, col: 3, end_col: 6 })]);
  });

  it('lists every reference and none of the unrelated same-named function', async () => {
    const out = await call(project, 'lsp_references', { file: 'src/math.ts', line: 2, col: 17 });
    expect(out.source).toBe('lsp');
    expect(out.total).toBe(5);
    expect(out.locations).toEqual([at('src/index.ts', 1, 10), at('src/main.ts', 1, 10), at('src/main.ts', 2, 30), at('src/main.ts', 5, 28), at('src/math.ts', 2, 17)]);
    const without = await call(project, 'lsp_references', { file: 'src/math.ts', line: 2, col: 17, include_declaration: false, limit: 2 });
    expect(without.total).toBe(4);
    expect(without.truncated).toMatchObject({ shown: 2, total: 4, by: 'limit' });
  });

  it('shows the type and doc on hover', async () => {
    const out = await call(project, 'lsp_hover', { file: 'src/main.ts', line: 2, col: 30 });
    expect(out.source).toBe('lsp');
    expect(out.content).toContain('add(a: number, b: number): number');
    expect(out.content).toContain('Adds two numbers.');
  });

  it('reports the planted type error at its position', async () => {
    const out = await call(project, 'lsp_diagnostics', { file: 'src/main.ts' });
    expect(out).toMatchObject({ source: 'lsp', total: 1, file: 'src/main.ts' });
    expect(out.diagnostics).toEqual([{
      severity: 'error', source: 'typescript', code: '2322', line: 5, col: 14, end_line: 5, end_col: 16,
      message: "Type 'number' is not assignable to type 'string'.",
    }]);
    expect((await call(project, 'lsp_diagnostics', { file: 'src/other.ts' })).total).toBe(0);
  });

  it('answers the next request after the server is killed mid-request', async () => {
    await call(project, 'lsp_hover', { file: 'src/main.ts', line: 3, col: 15 }); // server warm
    const client = project.lsp().running('typescript')!;
    const pid = client.pid!;
    const send = client.request.bind(client);
    client.request = (method, params, signal) => {
      const pending = send(method, params, signal);
      process.kill(pid, 'SIGKILL');
      return pending;
    };
    const during = await call(project, 'lsp_definition', { file: 'src/main.ts', line: 2, col: 30 });
    expect(during.source).toBe('index'); // the killed request fell back, with a note
    expect(during.notes?.some((n) => n.includes('Answered from the index'))).toBe(true);
    expect(during.locations).toEqual([expect.objectContaining({ file: 'src/math.ts', line: 2, col: 17 })]);
    const after = await call(project, 'lsp_definition', { file: 'src/main.ts', line: 2, col: 30 });
    expect(after.source).toBe('lsp');
    expect(after.locations).toEqual([expect.objectContaining({ file: 'src/math.ts', line: 2, col: 17 })]);
    expect(project.lsp().running('typescript')!.pid).not.toBe(pid);
  }, 60_000);

  it('refuses bad positions and paths with typed errors', async () => {
    expect(await error(project, 'lsp_definition', { file: 'src/main.ts', line: 99 })).toMatchObject({ code: 'invalid_argument', details: { line_count: 6 } });
    expect(await error(project, 'lsp_hover', { file: 'src/main.ts', line: 1, col: 200 })).toMatchObject({ code: 'invalid_argument', details: { parameter: 'col' } });
    expect(await error(project, 'lsp_references', { file: '../outside.ts', line: 1 })).toMatchObject({ code: 'invalid_argument', details: { reason: 'outside_root' } });
    expect(await error(project, 'lsp_diagnostics', { file: 'src/nope.ts' })).toMatchObject({ code: 'not_found' });
    expect(await error(project, 'lsp_definition', { file: 'src/main.ts', line: 1.5 })).toMatchObject({ code: 'invalid_argument' });
    // One past the end of a line is a valid position (nothing there).
    const end = await call(project, 'lsp_definition', { file: 'src/main.ts', line: 6, col: 1 });
    expect(end.locations).toEqual([]);
  });

  it('answers the same twice', async () => {
    const a = await call(project, 'lsp_references', { file: 'src/math.ts', line: 12, col: 3 });
    const b = await call(project, 'lsp_references', { file: 'src/math.ts', line: 12, col: 3 });
    expect({ ...a, freshness: 0 }).toEqual({ ...b, freshness: 0 });
    // TypeScript relates an override to the method it overrides.
    expect(a.locations).toEqual([at('src/main.ts', 4, 20), at('src/math.ts', 7, 3), at('src/math.ts', 12, 3)]);
  });
});

describe('Python through pyright', () => {
  let root: string;
  let project: Project;
  beforeAll(async () => { root = makeRepo(PY_PROJECT); project = await openIndexed(root); });
  afterAll(async () => { await project.close(); removeDir(root); });

  it('goes to the right method across files and to a class through a package re-export', async () => {
    const method = await call(project, 'lsp_definition', { file: 'app.py', line: 5, col: 9 });
    expect(method.source).toBe('lsp');
    expect(method.locations).toEqual([{ file: 'pkg/shapes.py', line: 10, col: 9, end_line: 10, end_col: 12, line_text: 'def area(self) -> float:' }]);
    const cls = await call(project, 'lsp_definition', { file: 'app.py', line: 3, col: 5 });
    expect(cls.locations).toEqual([expect.objectContaining({ file: 'pkg/shapes.py', line: 6, col: 7 })]);
  }, 60_000);

  it('lists the references of one method, not of its siblings', async () => {
    const out = await call(project, 'lsp_references', { file: 'pkg/shapes.py', line: 10, col: 9 });
    expect(out.locations).toEqual([at('app.py', 5, 9), at('pkg/shapes.py', 10, 9)]);
  });

  it('shows the signature and docstring on hover', async () => {
    const out = await call(project, 'lsp_hover', { file: 'app.py', line: 5, col: 9 });
    expect(out.content).toContain('def area() -> float');
    expect(out.content).toContain('Area of the circle.');
  });

  it('reports the planted type error at its position', async () => {
    const out = await call(project, 'lsp_diagnostics', { file: 'app.py' });
    expect(out.source).toBe('lsp');
    expect(out.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'reportAssignmentType', line: 6, col: 10, end_line: 6, end_col: 23 })]);
  });
});

describe('index fallback', () => {
  let root: string;
  let project: Project;
  beforeAll(async () => {
    root = makeRepo({ ...TS_PROJECT, 'lib/tool.rb': 'def helper\n  1\nend\n\nhelper\n', 'src/broken.ts': 'export function f( {\n  return 1;\n}\n' });
    // A server command that cannot start: every TypeScript answer comes from the index.
    project = await openIndexed(root, { lsp_servers: { typescript: { command: ['/nonexistent/language-server'] } } });
  });
  afterAll(async () => { await project.close(); removeDir(root); });

  it('binds definitions through re-exports and says where the answer came from', async () => {
    const out = await call(project, 'lsp_definition', { file: 'src/main.ts', line: 2, col: 30 });
    expect(out.source).toBe('index');
    expect(out.notes?.[0]).toMatch(/^Answered from the index \(source: index\): .*typescript language server failed to start/);
    expect(out.locations).toEqual([{ file: 'src/math.ts', line: 2, col: 17, end_line: 2, end_col: 19, line_text: 'export function add(a: number, b: number): number {' }]);
  });

  it('lists bound references only, never the unrelated add', async () => {
    const out = await call(project, 'lsp_references', { file: 'src/math.ts', line: 2, col: 17 });
    expect(out.source).toBe('index');
    const files = (out.locations as Array<{ file: string }>).map((l) => l.file);
    expect(files).not.toContain('src/other.ts');
    expect(out.locations).toEqual(expect.arrayContaining([at('src/math.ts', 2, 17), at('src/main.ts', 2, 30), at('src/main.ts', 5, 28)]));
  });

  it('hovers with the signature and doc of the definition', async () => {
    const out = await call(project, 'lsp_hover', { file: 'src/main.ts', line: 2, col: 30 });
    expect(out.source).toBe('index');
    expect(out.content).toContain('function add(a: number, b: number): number');
    expect(out.content).toContain('Adds two numbers.');
  });

  it('reports syntax errors as diagnostics', async () => {
    const out = await call(project, 'lsp_diagnostics', { file: 'src/broken.ts' });
    expect(out.source).toBe('index');
    expect((out.diagnostics as Array<{ line: number; source: string }>)[0]).toMatchObject({ line: 1, source: 'tree-sitter', severity: 'error' });
    expect((await call(project, 'lsp_diagnostics', { file: 'src/math.ts' })).total).toBe(0);
  });

  it('answers a language without a server from the index, or refuses when told not to fall back', async () => {
    const out = await call(project, 'lsp_definition', { file: 'lib/tool.rb', line: 5, col: 1 });
    expect(out.source).toBe('index');
    expect(out.locations).toEqual([expect.objectContaining({ file: 'lib/tool.rb', line: 1, col: 5 })]);
    expect(await error(project, 'lsp_definition', { file: 'lib/tool.rb', line: 5, allow_fallback: false }))
      .toMatchObject({ code: 'unavailable', details: { reason: 'language_server_unavailable' } });
  });
});
