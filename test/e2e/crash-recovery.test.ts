// Fault: `kill -9` of the HTTP server while it indexes, 20 times in a row, with files edited,
// created and deleted between starts. After each kill the index on disk passes SQLite's integrity
// check and holds no half-written file; each next start replaces the stale lock, opens that index
// and answers; a last start, left to finish, serves exactly what a fresh index of the files holds.
// And a kill between two batch commits, aimed: the next start still re-resolves the imports a
// committed new file satisfies. Loopback only; the kill points are seeded.
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { pidAlive, readServerLock } from '../../src/cli/server-lock.js';
import type { Project } from '../../src/engine/project.js';
import { IndexStore } from '../../src/engine/index/store.js';
import { seededRandom } from '../../src/engine/random.js';
import { killAll, sleep, spawnServer, waitForLock, type CliServer } from '../helpers/cli-server.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';

const MODULES = 600;
const CYCLES = 20;
const SEED = 4242;
/**
 * Where a kill lands (seeded): 40 % this long after the server announced itself and began indexing,
 * 40 % this long after it committed a batch of files (the indexer commits every 400), mid-sync, and
 * 20 % this long after the sync finished, while the keyword search index catches up.
 */
const KILL_AFTER_MS: readonly [number, number] = [100, 900];
const KILL_AFTER_COMMIT_MS: readonly [number, number] = [0, 300];
const KILL_AFTER_SYNC_MS: readonly [number, number] = [0, 600];
/** Between two starts: distinct files edited (more than one batch), files created (each satisfying an import that was unresolved), files deleted. */
const EDITS = 450;
const CREATES = 2;
const DELETES = 1;

const dirOf = (i: number) => `src/p${Math.floor(i / 50)}`;
const moduleOf = (i: number) => `${dirOf(i)}/m${i}.ts`;
/** Every 25th module imports a sibling that does not exist yet; the cycles create them one by one. */
const lateOf = (i: number) => `${dirOf(i)}/late${i}.ts`;
const hasLate = (i: number) => i % 25 === 3;

function spec(from: number, to: number): string {
  return dirOf(from) === dirOf(to) ? `./m${to}.js` : `../p${Math.floor(to / 50)}/m${to}.js`;
}

function moduleText(i: number): string {
  const deps = [i - 1, i - 7, i - 31].filter((d) => d >= 0);
  return [
    ...deps.map((d) => `import { f${d}, C${d} } from '${spec(i, d)}';`),
    ...(hasLate(i) ? [`import { late${i} } from './late${i}.js';`] : []),
    `/** Module ${i}. */`,
    `export class C${i} {`,
    `  private n = ${i};`,
    '  value(x: number): number { return x + this.n; }',
    '  twice(x: number): number { if (x > 0) { return this.value(x) * 2; } return 0; }',
    '}',
    `export function f${i}(a: number, b: number): number {`,
    ...deps.map((d) => `  a += f${d}(a, b) + new C${d}().value(b);`),
    ...(hasLate(i) ? [`  a += late${i}();`] : []),
    '  return a * b;',
    '}',
    `export async function g${i}(s: string): Promise<string> { return s.trim() + ${i}; }`,
    `export const K${i} = ${i};`,
    '',
  ].join('\n');
}

/** What the on-disk index holds right now, read from a copy so the check does not recover or checkpoint the original. */
function inspectCopy(dataDir: string): { integrity: string; generation: number; orphans: number; paths: Set<string> } {
  const dir = mkdtempSync(join(tmpdir(), 'cg-crash-copy-'));
  try {
    for (const suffix of ['', '-wal']) {
      const from = join(dataDir, `index.db${suffix}`);
      if (existsSync(from)) copyFileSync(from, join(dir, `index.db${suffix}`));
    }
    const db = new Database(join(dir, 'index.db'));
    try {
      const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
      const one = (sql: string) => Number((db.prepare(sql).raw().get() as unknown[] | undefined)?.[0] ?? 0);
      const hasMeta = one("SELECT count(*) FROM sqlite_master WHERE name = 'meta'") > 0;
      // Rows of a file that is not there: what a half-applied replace or delete would leave.
      const orphans = !hasMeta ? 0 : one(`SELECT
          (SELECT count(*) FROM symbols WHERE file_id NOT IN (SELECT id FROM files))
        + (SELECT count(*) FROM chunks WHERE file_id NOT IN (SELECT id FROM files))
        + (SELECT count(*) FROM imports WHERE file_id NOT IN (SELECT id FROM files))
        + (SELECT count(*) FROM edges WHERE source_id NOT IN (SELECT id FROM files) OR target_id NOT IN (SELECT id FROM files))`);
      return {
        integrity,
        generation: hasMeta ? one("SELECT value FROM meta WHERE key = 'generation'") : 0,
        orphans,
        paths: new Set(hasMeta ? (db.prepare('SELECT path FROM files').raw().all() as string[][]).map((r) => r[0]!) : []),
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Everything the comparison looks at, by path: no row ids, no generations, and no `missing_path`
 * of unresolved imports (which deleted file an import pointed at is history a fresh index never saw).
 */
function snapshot(store: IndexStore) {
  const files = store.allFiles().map(({ id: _id, generation: _g, ...f }) => f);
  const byPath = Object.fromEntries(store.allFiles().map((f) => [f.path, {
    symbols: store.symbolsOfFile(f.path).map(({ id: _id, file_id: _f, ...s }) => s),
    imports: store.importsOfFile(f.id),
    externals: store.externalsOf(f.id),
    unresolved: store.unresolvedOf(f.id).map(({ specifier, line }) => ({ specifier, line })),
  }]));
  return { files, byPath, edges: store.allEdges(), counts: store.counts() };
}

const dataDirs: string[] = [];
const roots: string[] = [];
const servers: CliServer[] = [];
let fresh: Project | undefined;

afterAll(async () => {
  await fresh?.close();
  killAll(servers.map((s) => s.pid), dataDirs);
  await Promise.all(servers.map((s) => s.exited));
  for (const dir of [...dataDirs, ...roots]) removeDir(dir);
});

function newRepo(files: Record<string, string>): { root: string; dataDir: string } {
  const root = makeRepo(files, { git: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-crash-'));
  roots.push(root);
  dataDirs.push(dataDir);
  return { root, dataDir };
}

function start(root: string, dataDir: string, workers: number): CliServer {
  const s = spawnServer(root, dataDir, { args: ['--workers', String(workers), '--log-level', 'warn'] });
  servers.push(s);
  return s;
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return await res.json() as Record<string, unknown>;
}

const indexStatus = (base: string) => getJson(`${base}/api/v2/projects/default/index-status`);

/** Waits for the server's first sync to finish. */
async function ready(base: string, pollMs = 100): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await fetch(`${base}/ready`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`${base} not ready within 120 s`);
    await sleep(pollMs);
  }
}

/** Stops a server the orderly way (SIGTERM: pending work applied, lock withdrawn). */
async function stop(server: CliServer): Promise<void> {
  process.kill(server.pid, 'SIGTERM');
  expect(await server.exited).toBe(0);
}

/** Kills the server as soon as it has committed past `generation` (checked every few ms). */
async function killAfterCommit(server: CliServer, base: string, generation: number, extraMs: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (((await indexStatus(base)).generation as number) <= generation && Date.now() < deadline) await sleep(5);
  await sleep(extraMs);
  process.kill(server.pid, 'SIGKILL');
}

/** The progress line the server printed last before it died ('Indexed' once the sync was done). */
const phaseAtDeath = (stderr: string): string =>
  stderr.split('\n').map((l) => /^(discovering|parsing|resolving|idle):|^(Indexed) /.exec(l)).filter(Boolean).map((m) => m![1] ?? m![2]!).pop() ?? 'starting';

describe('kill -9 of the server during indexing', () => {
  it(`${CYCLES} times in a row leaves an index every next start opens, and the last start serves a fresh index's answers`, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < MODULES; i++) files[moduleOf(i)] = moduleText(i);
    const { root, dataDir } = newRepo(files);
    const rng = seededRandom(SEED);
    const alive = Array.from({ length: MODULES }, (_, i) => i);
    const lateMissing = alive.filter(hasLate);

    let committed = 0;
    let previous: CliServer | undefined;
    const phases: Record<string, number> = {};
    const generations: number[] = [];
    const started = Date.now();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (cycle > 0) {
        // Work for the next start: edits, new files that satisfy unresolved imports, deletions.
        const pool = [...alive];
        for (let k = 0; k < EDITS; k++) {
          const [i] = pool.splice(Math.floor(rng() * pool.length), 1);
          appendFileSync(join(root, moduleOf(i!)), `export function edit${cycle}_${k}(): number { return ${k}; }\n`);
        }
        for (const i of lateMissing.splice(0, CREATES)) writeFileSync(join(root, lateOf(i)), `export function late${i}(): number { return ${i}; }\n`);
        for (let k = 0; k < DELETES; k++) {
          const [i] = alive.splice(Math.floor(rng() * alive.length), 1);
          rmSync(join(root, moduleOf(i!)));
        }
        // The killed server's lock is still there, naming a dead process.
        expect(readServerLock(dataDir)?.pid).toBe(previous!.pid);
        expect(pidAlive(previous!.pid)).toBe(false);
      }
      const server = start(root, dataDir, 2);
      const lock = await waitForLock(dataDir, server);
      const announcedAt = Date.now();
      const draw = rng();
      const kind = draw < 0.4 ? 'timed' : draw < 0.8 ? 'after commit' : 'after sync';
      const delay = (range: readonly [number, number]) => range[0] + rng() * (range[1] - range[0]);
      // It opened what the last kill left, and serves it: nothing committed before a kill is lost.
      const status = await indexStatus(lock.url);
      expect(status.generation as number).toBeGreaterThanOrEqual(committed);
      if (kind === 'after commit') await killAfterCommit(server, lock.url, status.generation as number, delay(KILL_AFTER_COMMIT_MS));
      else {
        if (kind === 'after sync') {
          await ready(lock.url, 10);
          await sleep(delay(KILL_AFTER_SYNC_MS));
        } else await sleep(announcedAt + delay(KILL_AFTER_MS) - Date.now());
        process.kill(server.pid, 'SIGKILL');
      }
      expect(await server.exited).toBe('SIGKILL');
      const phase = `${kind}, ${phaseAtDeath(server.stderr())}`;
      phases[phase] = (phases[phase] ?? 0) + 1;
      const disk = inspectCopy(dataDir);
      expect(disk.integrity, `cycle ${cycle}`).toBe('ok');
      expect(disk.orphans, `cycle ${cycle}`).toBe(0);
      expect(disk.generation).toBeGreaterThanOrEqual(committed);
      committed = disk.generation;
      generations.push(committed);
      previous = server;
    }
    const killMs = Date.now() - started;
    console.log(`crash: ${CYCLES} kills in ${(killMs / 1000).toFixed(1)} s; kind and last progress line before each kill ${JSON.stringify(phases)}; `
      + `generation on disk after each kill ${generations.join(' ')}`);

    // One more start, left to finish.
    const last = start(root, dataDir, 2);
    const lock = await waitForLock(dataDir, last);
    await ready(lock.url);
    const served = await indexStatus(lock.url);
    expect(served.phase).toBe('idle');
    expect(served.generation as number).toBeGreaterThanOrEqual(committed);

    fresh = await openIndexed(root);
    const expected = snapshot(fresh.store);
    expect({ files_indexed: served.files_indexed, symbols: served.symbols, edges: served.edges })
      .toEqual({ files_indexed: expected.counts.files, symbols: expected.counts.symbols, edges: expected.counts.edges });
    // The keyword search index (its own store, killed mid-write too) holds what a fresh one does.
    await fresh.search().ready();
    const freshKeyword = (await fresh.search().status(fresh.store.allFiles())).keyword_index;
    const keywordDeadline = Date.now() + 60_000;
    let servedKeyword: typeof freshKeyword;
    do {
      servedKeyword = (await getJson(`${lock.url}/api/v2/projects/default/semantic-search-status`)).keyword_index as typeof freshKeyword;
      if (servedKeyword.pending_files === 0 && servedKeyword.generation >= (served.generation as number)) break;
      await sleep(100);
    } while (Date.now() < keywordDeadline);
    expect({ ...servedKeyword, generation: 0 }).toEqual({ ...freshKeyword, generation: 0 });
    await stop(last);
    const store = IndexStore.open(dataDir);
    try {
      const got = snapshot(store);
      expect(got.files.map((f) => f.path)).toEqual(expected.files.map((f) => f.path));
      expect(got.files).toEqual(expected.files);
      expect(got.edges).toEqual(expected.edges);
      for (const [path, want] of Object.entries(expected.byPath)) expect(got.byPath[path], path).toEqual(want);
    } finally {
      store.close();
    }
    console.log(`crash: final index ${expected.counts.files} files, ${expected.counts.symbols} symbols, ${expected.counts.edges} edges, as a fresh one`);
    // At least half the kills aimed at a sync in progress must land there, or the test no longer tests what it says.
    const aimed = Object.entries(phases).filter(([k]) => !k.startsWith('after sync'));
    const landed = aimed.filter(([k]) => !k.endsWith('Indexed')).reduce((n, [, v]) => n + v, 0);
    expect(landed).toBeGreaterThanOrEqual(aimed.reduce((n, [, v]) => n + v, 0) / 2);
  }, 600_000);

  it('between two batch commits loses no re-resolution: a committed new file still satisfies the import waiting for it', async () => {
    // 800 one-line modules (two batches when edited), and a file importing one that is missing.
    const files: Record<string, string> = { 'src/x.ts': "import { late } from './a/late.js';\nexport const x = late();\n" };
    for (let i = 0; i < 800; i++) files[`src/z/m${String(i).padStart(4, '0')}.ts`] = `export function f${i}(): number { return ${i}; }\n`;
    const { root, dataDir } = newRepo(files);
    const deps = (base: string) => getJson(`${base}/api/v2/projects/default/dependencies?path=src/x.ts`);
    const first = start(root, dataDir, 1);
    const firstLock = await waitForLock(dataDir, first);
    await ready(firstLock.url);
    expect(await deps(firstLock.url)).toMatchObject({ imports: [], unresolved: [{ specifier: './a/late.js', line: 1 }] });
    await stop(first);

    // The missing file appears (it sorts first, so one worker parses it into the first batch) along with 790 edits.
    writeFiles(root, { 'src/a/late.ts': 'export function late(): number { return 1; }\n' });
    for (let i = 0; i < 790; i++) appendFileSync(join(root, `src/z/m${String(i).padStart(4, '0')}.ts`), `export const e${i} = ${i};\n`);
    const victim = start(root, dataDir, 1);
    const victimLock = await waitForLock(dataDir, victim);
    await killAfterCommit(victim, victimLock.url, (await indexStatus(victimLock.url)).generation as number, 0);
    expect(await victim.exited).toBe('SIGKILL');
    expect(phaseAtDeath(victim.stderr())).toBe('parsing');
    const disk = inspectCopy(dataDir);
    expect(disk.integrity).toBe('ok');
    expect(disk.paths.has('src/a/late.ts')).toBe(true);

    const next = start(root, dataDir, 1);
    const nextLock = await waitForLock(dataDir, next);
    await ready(nextLock.url);
    expect(await deps(nextLock.url)).toMatchObject({ imports: ['src/a/late.ts'], unresolved: [] });
    await stop(next);
  }, 300_000);
});
