// Incremental updates must leave exactly the index a fresh build of the same tree produces.
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileGraph } from '../../src/engine/graph/file-graph.js';
import type { Project } from '../../src/engine/project.js';
import { dumpIndex } from '../helpers/dump.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';

const BASE = {
  'src/a.ts': 'export function alpha(): number { return 1; }\nexport const SHARED = 2;\n',
  'src/b.ts': "import { alpha } from './a.js';\nimport { delta } from './d';\nexport function beta() { return alpha() + delta(); }\n",
  'src/c.ts': "import { beta } from './b';\nimport * as util from './util';\nexport const gamma = () => beta() + util.size;\n",
  'src/util/index.ts': 'export const size = 3;\n',
  'lib/helper.py': 'def helper():\n    return 1\n',
  'lib/main.py': 'from lib.helper import helper\n\nhelper()\n',
};

const opened: Project[] = [];
const dirs: string[] = [];
async function open(root: string): Promise<Project> {
  const p = await openIndexed(root);
  opened.push(p);
  p.graph(); // loaded before the change, so the change patches it
  return p;
}

function graphShape(g: FileGraph): unknown {
  return [...g.files.keys()].sort().map((p) => [p, g.imports(p), g.importers(p)]);
}
afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

async function expectEqualsFresh(project: Project): Promise<void> {
  const fresh = await open(project.root);
  expect(dumpIndex(project)).toEqual(dumpIndex(fresh));
  // The patched in-memory graph equals one loaded from scratch.
  expect(graphShape(project.graph())).toEqual(graphShape(FileGraph.load(project.store)));
}

describe.each([
  ['notify_file_changed', (p: Project, paths: string[]) => p.notify(paths).then(() => undefined)],
  ['a full re-sync', (p: Project) => p.index().then(() => undefined)],
])('incremental update through %s', (_label, apply) => {
  it('edits a file so that its importers gain and lose edges', async () => {
    const root = makeRepo(BASE);
    dirs.push(root);
    const project = await open(root);
    expect(project.store.edgesTo('src/a.ts').map((e) => e.source)).toEqual(['src/b.ts']);
    writeFiles(root, { 'src/b.ts': "import { size } from './util';\nexport function beta() { return size; }\n" });
    await apply(project, ['src/b.ts']);
    expect(project.store.edgesTo('src/a.ts')).toEqual([]);
    expect(project.store.edgesFrom('src/b.ts').map((e) => e.target)).toEqual(['src/util/index.ts']);
    await expectEqualsFresh(project);
  });

  it('adds a file that satisfies an unresolved import', async () => {
    const root = makeRepo(BASE);
    dirs.push(root);
    const project = await open(root);
    expect(project.store.unresolvedOf(project.store.fileId('src/b.ts')!).map((u) => u.specifier)).toEqual(['./d']);
    writeFiles(root, { 'src/d.ts': 'export function delta() { return 4; }\n' });
    await apply(project, ['src/d.ts']);
    expect(project.store.edgesFrom('src/b.ts').map((e) => e.target)).toEqual(['src/a.ts', 'src/d.ts']);
    await expectEqualsFresh(project);
  });

  it('deletes a file: importers keep an unresolved import naming it', async () => {
    const root = makeRepo(BASE);
    dirs.push(root);
    const project = await open(root);
    rmSync(join(root, 'src/a.ts'));
    await apply(project, ['src/a.ts']);
    expect(project.store.file('src/a.ts')).toBeUndefined();
    expect(project.store.importersOfMissing('src/a.ts')).toEqual(['src/b.ts']);
    await expectEqualsFresh(project);
  });

  it('renames a file and updates its importer', async () => {
    const root = makeRepo(BASE);
    dirs.push(root);
    const project = await open(root);
    renameSync(join(root, 'src/util/index.ts'), join(root, 'src/util.ts'));
    await apply(project, ['src/util/index.ts', 'src/util.ts']);
    expect(project.store.edgesFrom('src/c.ts').map((e) => e.target)).toEqual(['src/b.ts', 'src/util.ts']);
    await expectEqualsFresh(project);
  });

  it('re-resolves every import when a resolution input (tsconfig.json) appears', async () => {
    const root = makeRepo({ ...BASE, 'src/e.ts': "import { size } from '@util/index';\nexport const e = size;\n" });
    dirs.push(root);
    const project = await open(root);
    expect(project.store.edgesFrom('src/e.ts')).toEqual([]);
    writeFiles(root, { 'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@util/*": ["src/util/*"] } } }\n' });
    await apply(project, ['tsconfig.json']);
    expect(project.store.edgesFrom('src/e.ts').map((e) => e.target)).toEqual(['src/util/index.ts']);
    await expectEqualsFresh(project);
  });

  it('leaves everything as it was when content is unchanged', async () => {
    const root = makeRepo(BASE);
    dirs.push(root);
    const project = await open(root);
    const before = dumpIndex(project);
    writeFiles(root, { 'src/a.ts': BASE['src/a.ts'] });
    await apply(project, ['src/a.ts']);
    expect(dumpIndex(project)).toEqual(before);
  });
});
