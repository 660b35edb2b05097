// The keyword table after a sync that died between two writes of its first bulk load: the next
// process must find every file either whole under its hash or missing (and so rewritten), never
// part of a file's rows taken for done. A write that throws stands in for the kill.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { Project } from '../../src/engine/project.js';
import { KeywordIndex } from '../../src/engine/search/keyword-index.js';
import { makeRepo, removeDir } from '../helpers/fixture.js';

// Past one write (4,000 rows) of the bulk load, with a chunk count per file that does not divide it.
const files: Record<string, string> = {};
for (let i = 0; i < 600; i++) {
  const fns = Array.from({ length: 6 + (i % 3) }, (_, k) => `export function f${i}_${k}(a: number): number {\n  return a + ${k};\n}\n`);
  files[`src/m${i}.ts`] = fns.join('');
}
const root = makeRepo(files);
const dataDir = mkdtempSync(join(tmpdir(), 'cartograph-data-'));
const open = () => Project.open(loadSettings({ project: root, data_dir: dataDir, workers: 1, watch: false }, {}));

afterAll(() => {
  vi.restoreAllMocks();
  removeDir(root);
  removeDir(dataDir);
});

describe('keyword table bulk load interrupted between two writes', () => {
  it('is completed by the next process', async () => {
    const first = open();
    await first.index();
    const chunks = first.store.chunkCount();
    expect(chunks).toBeGreaterThan(4000);
    const add = KeywordIndex.prototype.add;
    let writes = 0;
    const spy = vi.spyOn(KeywordIndex.prototype, 'add').mockImplementation(async function (this: KeywordIndex, rows) {
      if (++writes > 1) throw new Error('killed');
      return add.call(this, rows);
    });
    await first.search().ready();
    expect(writes).toBe(2); // the first write landed, the second did not
    spy.mockRestore();
    await first.close();

    const next = open();
    try {
      await next.index();
      await next.search().ready();
      const status = await next.search().status(next.store.allFiles());
      expect(status.keyword_index).toMatchObject({ documents: chunks, files: 600, pending_files: 0 });
    } finally {
      await next.close();
    }
  });
});
