// The stored index survives what it must: a schema change rebuilds instead of misreading, a crash
// mid-index leaves a readable earlier generation and the next run finishes the job, and the
// watcher keeps the index current without being asked.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { IndexStore } from '../../src/engine/index/store.js';
import { Project } from '../../src/engine/project.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { dumpIndex } from '../helpers/dump.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

function manyFiles(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const dep = i > 0 ? `import { f${i - 1} } from './m${i - 1}';\n` : '';
    files[`src/m${i}.ts`] = `${dep}export function f${i}() { return ${i > 0 ? `f${i - 1}() + ` : ''}1; }\n${'// filler line\n'.repeat(40)}`;
  }
  return files;
}

describe('durability', () => {
  it('rebuilds an index written with another schema version instead of reading it', async () => {
    const root = makeRepo({ 'a.ts': 'export const a = 1;\n' });
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-schema-'));
    cleanup.push(() => removeDir(root), () => removeDir(dataDir));
    const first = Project.open(loadSettings({ project: root, data_dir: dataDir, watch: false, workers: 1 }, {}));
    await first.index();
    expect(first.store.generation).toBeGreaterThan(0);
    first.store.setMeta('schema_version', '999');
    await first.close();

    const reopened = IndexStore.open(dataDir);
    cleanup.push(() => reopened.close());
    expect(reopened.generation).toBe(0);
    expect(reopened.allFiles()).toEqual([]);
  });

  it('survives a crash mid-index: the earlier generation stays readable and the next run completes', async () => {
    const root = makeRepo(manyFiles(1500));
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-crash-'));
    cleanup.push(() => removeDir(root), () => removeDir(dataDir));
    const cli = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
    const child = spawn(process.execPath, [cli, 'index', '--project', root, '--data-dir', dataDir, '--workers', '1'], { stdio: 'ignore' });
    // Kill it as soon as the first batch has committed, long before it is done.
    await new Promise<void>((resolveKill, reject) => {
      const timer = setInterval(() => {
        let generation = 0;
        try {
          const s = IndexStore.open(dataDir);
          generation = s.generation;
          s.close();
        } catch { /* not created yet */ }
        if (generation > 0) { clearInterval(timer); child.kill('SIGKILL'); resolveKill(); }
      }, 20);
      child.once('exit', () => { clearInterval(timer); reject(new Error('indexer finished before it could be killed')); });
    });
    await new Promise((r) => child.once('exit', r));

    const partial = IndexStore.open(dataDir);
    const indexed = partial.allFiles().length;
    expect(indexed).toBeGreaterThan(0);
    expect(indexed).toBeLessThan(1500);
    expect(partial.db.prepare('PRAGMA integrity_check').raw().get()).toEqual(['ok']);
    partial.close();

    const resumed = Project.open(loadSettings({ project: root, data_dir: dataDir, watch: false, workers: 1 }, {}));
    cleanup.push(() => resumed.close());
    const res = await resumed.index();
    expect(res.created.length).toBe(1500 - indexed); // only what the crash left undone
    const fresh = await openIndexed(root);
    cleanup.push(() => fresh.close());
    expect(dumpIndex(resumed)).toEqual(dumpIndex(fresh));
  });

  it('re-indexes files changed on disk while watching', async () => {
    const root = makeRepo({ 'src/a.ts': 'export function alpha() { return 1; }\n' });
    cleanup.push(() => removeDir(root));
    const project = await openIndexed(root, { watch_debounce_ms: 50 });
    cleanup.push(() => project.close());
    await project.watch();
    const before = project.store.generation;
    writeFiles(root, { 'src/b.ts': "import { alpha } from './a';\nexport function beta() { return alpha(); }\n" });
    writeFileSync(join(root, 'src/a.ts'), 'export function alpha() { return 2; }\nexport function gamma() { return 3; }\n');
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(project.store.symbolsNamed(['beta', 'gamma']).length === 2 && project.store.edgesTo('src/a.ts').length === 1)) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(project.store.generation).toBeGreaterThan(before);
    expect(project.store.symbolsNamed(['beta', 'gamma']).map((s) => s.name).sort()).toEqual(['beta', 'gamma']);
    expect(project.store.edgesTo('src/a.ts').map((e) => e.source)).toEqual(['src/b.ts']);
  });
});
