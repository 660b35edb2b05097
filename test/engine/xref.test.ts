// cross_references returns references, not substrings: shadowing, same-named symbols in other
// files, comments and strings, re-exports and namespace imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { crossReferences } from '../../src/engine/xref.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

let project: Project;
let root: string;

beforeAll(async () => {
  root = makeRepo({
    'src/math.ts': [
      'export function add(a: number, b: number): number { return a + b; }',
      'export function twice(x: number) { return add(x, x); }',
      '',
    ].join('\n'),
    'src/index.ts': "export { add } from './math';\nexport * from './other';\n",
    'src/other.ts': [
      '// add(1, 2) in a comment is not a use',
      'export function add(s: string) { return s + "add(3)"; }',
      'export const label = "add";',
      '',
    ].join('\n'),
    'src/use-direct.ts': [
      "import { add } from './math';",
      'export const three = add(1, 2);',
      'export function shadow(add: number) { return add + 1; }',
      '',
    ].join('\n'),
    'src/use-reexport.ts': "import { add } from './index';\nexport const five = add(2, 3);\n",
    'src/use-namespace.ts': "import * as m from './math';\nexport const seven = m.add(3, 4);\n",
    'src/use-other.ts': "import { add } from './other';\nexport const s = add('x');\n",
    'src/unrelated.ts': 'const obj = { add: (a: number) => a };\nexport const r = obj.add(1);\n',
  });
  project = await openIndexed(root);
});

afterAll(async () => {
  await project.close();
  removeDir(root);
});

describe('cross_references', () => {
  it('binds each use to the right definition and never counts text', () => {
    const res = crossReferences(project.store, 'src/math.ts#add');
    expect(res.definitions.map((d) => d.symbol_id)).toEqual(['src/math.ts#add']);
    const sites = res.references.map((r) => `${r.resolution} ${r.kind} ${r.file_path}:${r.line}:${r.col}`);
    expect(sites).toEqual([
      'resolved import src/index.ts:1:10',
      'resolved call src/math.ts:2:43',
      'resolved import src/use-direct.ts:1:10',
      'resolved call src/use-direct.ts:2:22',
      'resolved call src/use-namespace.ts:2:24',
      'resolved import src/use-reexport.ts:1:10',
      'resolved call src/use-reexport.ts:2:21',
      'name_match call src/unrelated.ts:2:22',
    ]);
  });

  it('keeps same-named definitions in different files apart', () => {
    const res = crossReferences(project.store, 'src/other.ts#add');
    expect(res.references.filter((r) => r.resolution === 'resolved').map((r) => `${r.file_path}:${r.line}`))
      .toEqual(['src/use-other.ts:1', 'src/use-other.ts:2']);
  });

  it('a bare name finds every definition', () => {
    const res = crossReferences(project.store, 'add');
    expect(res.definitions.map((d) => d.file_path).sort()).toEqual(['src/math.ts', 'src/other.ts']);
    expect(res.references.some((r) => r.file_path === 'src/use-direct.ts' && r.line === 3)).toBe(false);
  });
});
