// The LanceDB vector store on real files in temp dirs: identity in the schema metadata, rebuild on
// a model change, length checks before insert, per-file replacement, cosine search, filter escaping.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CartographError } from '../../src/errors.js';
import { escapeLiteral } from '../../src/engine/lance.js';
import { VectorStore, type VectorIdentity, type VectorRow } from '../../src/engine/embed/vector-store.js';

const A: VectorIdentity = { model: 'fake-embed', digest: 'sha256:aaaa1111bbbb2222', dimension: 3 };
const open: VectorStore[] = [];
afterEach(() => { for (const s of open.splice(0)) s.close(); });

async function store(dir = mkdtempSync(join(tmpdir(), 'cartograph-vectors-')), opts: { bruteForceMaxFloats?: number } = {}): Promise<{ s: VectorStore; dir: string }> {
  const s = await VectorStore.open(dir, opts);
  open.push(s);
  return { s, dir };
}

const row = (chunk_id: string, path: string, v: number[], text_hash = 'h'): VectorRow => ({ chunk_id, path, text_hash, vector: Float32Array.from(v) });

async function thrown(p: Promise<unknown>): Promise<CartographError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(CartographError);
  return err as CartographError;
}

const QUOTED = "src/it's \\ \"odd\" é/日本/😀.ts";

describe('escapeLiteral', () => {
  it('doubles single quotes and leaves backslashes and unicode alone (SQL literals have no backslash escapes)', () => {
    expect(escapeLiteral("it's")).toBe("'it''s'");
    expect(escapeLiteral('a\\b')).toBe("'a\\b'");
    expect(escapeLiteral("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
    expect(escapeLiteral('é/日本/😀')).toBe("'é/日本/😀'");
  });
});

describe('VectorStore', () => {
  it('searches by cosine similarity, best first, with exact ids and scores', async () => {
    const { s } = await store();
    expect(await s.adopt(A)).toBe(true);
    await s.replaceFile('a.ts', [row('a1', 'a.ts', [1, 0, 0]), row('a2', 'a.ts', [0, 1, 0])]);
    await s.replaceFile('b.ts', [row('b1', 'b.ts', [0.8, 0.6, 0]), row('b2', 'b.ts', [-1, 0, 0])]);
    const hits = await s.search(Float32Array.from([2, 0, 0]), 3);
    expect(hits.map((h) => h.chunk_id)).toEqual(['a1', 'b1', 'a2']);
    expect(hits.map((h) => h.path)).toEqual(['a.ts', 'b.ts', 'a.ts']);
    expect(hits[0]!.cosine).toBeCloseTo(1, 5);
    expect(hits[1]!.cosine).toBeCloseTo(0.8, 5);
    expect(hits[2]!.cosine).toBeCloseTo(0, 5);
    expect((await s.search(Float32Array.from([1, 0, 0]), 10)).at(-1)).toMatchObject({ chunk_id: 'b2' });
    expect((await s.search(Float32Array.from([1, 0, 0]), 10)).at(-1)!.cosine).toBeCloseTo(-1, 5);
  });

  it('replaces a file\'s rows, deletes files and filters by paths containing quotes, backslashes and unicode', async () => {
    const { s } = await store();
    await s.adopt(A);
    await s.replaceFile(QUOTED, [row('q1', QUOTED, [1, 0, 0]), row('q2', QUOTED, [0, 1, 0])]);
    await s.replaceFile("x' OR '1'='1", [row('x1', "x' OR '1'='1", [1, 0.2, 0])]);
    await s.replaceFile('plain.ts', [row('p1', 'plain.ts', [1, 0, 0.1])]);
    expect(await s.count()).toBe(4);

    const inQuoted = await s.search(Float32Array.from([1, 0, 0]), 10, { paths: [QUOTED] });
    expect(inQuoted.map((h) => h.chunk_id)).toEqual(['q1', 'q2']);
    expect((await s.search(Float32Array.from([1, 0, 0]), 10, { paths: new Set(["x' OR '1'='1", 'plain.ts']) })).map((h) => h.chunk_id)).toEqual(['p1', 'x1']);
    expect(await s.search(Float32Array.from([1, 0, 0]), 10, { paths: [] })).toEqual([]);
    // Beyond 2000 paths the filter applies after ranking, with the same answer.
    const many = new Set([QUOTED, ...Array.from({ length: 2000 }, (_, i) => `absent/${i}.ts`)]);
    expect((await s.search(Float32Array.from([1, 0, 0]), 1, { paths: many })).map((h) => h.chunk_id)).toEqual(['q1']);

    await s.replaceFile(QUOTED, [row('q3', QUOTED, [0, 0, 1], 'h2')]);
    expect((await s.storedChunks([QUOTED])).map((c) => [c.chunk_id, c.text_hash])).toEqual([['q3', 'h2']]);
    await s.deleteFile("x' OR '1'='1");
    expect(await s.count()).toBe(2); // the injection-looking path deleted only itself
    const all = [];
    for await (const batch of s.scan()) all.push(...batch);
    expect(all.map((c) => c.chunk_id).sort()).toEqual(['p1', 'q3']);
    const [back] = await s.rowsOf(['plain.ts']);
    expect(back).toEqual(row('p1', 'plain.ts', [1, 0, 0.1]));
  });

  it('refuses a vector of the wrong length or with a non-finite number, and stores nothing of that call', async () => {
    const { s } = await store();
    await s.adopt(A);
    await s.replaceFile('a.ts', [row('a1', 'a.ts', [1, 0, 0])]);
    const short = await thrown(s.replaceFile('a.ts', [row('a2', 'a.ts', [1, 0, 0]), row('a3', 'a.ts', [1, 0])]));
    expect(short.code).toBe('unavailable');
    expect(short.details).toEqual({ reason: 'dimension_mismatch', chunk_id: 'a3', expected: 3, got: 2 });
    expect((await thrown(s.replaceFile('a.ts', [row('a4', 'a.ts', [1, 0, 0, 0])]))).details).toMatchObject({ reason: 'dimension_mismatch', got: 4 });
    expect((await thrown(s.replaceFile('a.ts', [row('a5', 'a.ts', [Number.NaN, 0, 0])]))).details).toEqual({ reason: 'bad_response', chunk_id: 'a5' });
    expect((await s.storedChunks(['a.ts'])).map((c) => c.chunk_id)).toEqual(['a1']);
    await expect(s.replaceFile('a.ts', [row('b1', 'b.ts', [1, 0, 0])])).rejects.toThrow(/not being replaced/);
    expect((await thrown(s.search(Float32Array.from([1, 0]), 5))).details).toEqual({ reason: 'dimension_mismatch', expected: 3, got: 2 });
  });

  it('keeps the model identity with the table and rebuilds it for another model, digest or dimension', async () => {
    const { s, dir } = await store();
    expect(s.identity).toBeUndefined();
    await s.adopt(A);
    await s.replaceFile('a.ts', [row('a1', 'a.ts', [1, 0, 0])]);
    s.close();
    open.pop();

    const reopened = (await store(dir)).s;
    expect(reopened.identity).toEqual(A);
    expect(await reopened.adopt({ ...A })).toBe(false);
    expect(await reopened.count()).toBe(1);
    expect(reopened.modelMismatch).toBeUndefined();

    const B: VectorIdentity = { model: 'fake-embed', digest: 'sha256:cccc3333dddd4444', dimension: 4 };
    expect(await reopened.adopt(B)).toBe(true);
    expect(await reopened.count()).toBe(0);
    expect(reopened.identity).toEqual(B);
    expect(reopened.modelMismatch).toEqual({ stored: 'fake-embed@aaaa1111bbbb (3-d)', active: 'fake-embed@cccc3333dddd (4-d)' });
    await reopened.replaceFile('a.ts', [row('a1', 'a.ts', [0, 0, 0, 1])]);
    reopened.clearMismatch();
    expect(reopened.modelMismatch).toBeUndefined();
    expect(await reopened.adopt({ ...B, digest: 'sha256:eeee' })).toBe(true); // same dimension, other weights
    expect(await reopened.count()).toBe(0);
    reopened.close();
    open.pop();

    const third = (await store(dir)).s;
    expect(third.identity).toEqual({ ...B, digest: 'sha256:eeee' });
    expect(third.modelMismatch).toBeUndefined();
  });

  it('builds an IVF_FLAT index in maintain() only above the flat-scan bound, and drops it below', async () => {
    const { s } = await store(undefined, { bruteForceMaxFloats: 500 });
    await s.adopt({ model: 'm', digest: 'd', dimension: 4 });
    expect(await s.maintain()).toBe(false); // empty
    const rows = Array.from({ length: 200 }, (_, i) => row(`c${i}`, `f${i % 20}.ts`, [Math.cos(i), Math.sin(i), (i % 7) / 7, 1]));
    for (let f = 0; f < 20; f++) await s.replaceFile(`f${f}.ts`, rows.filter((r) => r.path === `f${f}.ts`));
    expect(await s.maintain()).toBe(true); // 200 rows × 4 = 800 floats > 500
    expect((await s.search(rows[37]!.vector, 1))[0]).toMatchObject({ chunk_id: 'c37', path: 'f17.ts' });
    await s.deleteFiles(Array.from({ length: 10 }, (_, f) => `f${f}.ts`));
    expect(await s.maintain()).toBe(false); // 100 × 4 = 400 floats: flat scan again
    expect((await s.search(rows[37]!.vector, 1))[0]).toMatchObject({ chunk_id: 'c37' });
  });
});
