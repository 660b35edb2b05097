// ADRs through the real operations: recording with validation and anchors, every status
// transition (allowed and forbidden), supersession seen from both sides, idempotent re-apply,
// listing with literal search, Markdown export and exact re-import, the REST routes with a path
// parameter, and writers in two projects and in another process sharing one memory database.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { makeRepo, removeDir, writeFiles } from '../helpers/fixture.js';
import { startHttp } from '../helpers/server.js';
import { DAY, call, failure, openProject, type Out } from './helpers.js';

const T0 = Date.UTC(2024, 4, 1);
const STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
type Status = (typeof STATUSES)[number];
/** The transition table of spec §9, written out independently of the implementation. */
const ALLOWED: Record<Status, Status[]> = {
  proposed: ['accepted', 'rejected', 'deprecated', 'superseded'],
  accepted: ['deprecated', 'superseded'],
  deprecated: ['superseded'],
  superseded: [],
  rejected: [],
};

let root: string;
let project: Project;

beforeAll(() => {
  root = makeRepo({ 'src/db.ts': 'export const db = 1;\n', 'src/api.ts': 'export const api = 1;\n' });
});
afterAll(() => removeDir(root));
beforeEach(() => {
  writeFiles(root, { 'src/db.ts': 'export const db = 1;\n' });
  rmSync(join(root, 'docs'), { recursive: true, force: true });
  project = openProject(root);
  project.memory().now = () => T0;
});
afterEach(async () => { await project.close(); });

const at = (days: number) => { project.memory().now = () => T0 + days * DAY; };
const base = { title: 'Use SQLite for local stores', context: 'We need a local store.', decision: 'Use SQLite through libsql.' };
const recordAdr = async (args: Record<string, unknown> = {}) => (await call(project, 'record_adr', { ...base, ...args })).out;
const setStatus = async (number: number, status: string, supersededBy?: number) =>
  (await call(project, 'update_adr_status', { number, status, ...(supersededBy !== undefined ? { superseded_by: supersededBy } : {}) })).out;
const getAdr = async (number: number) => (await call(project, 'get_adr', { number })).out;

describe('record_adr', () => {
  it('numbers decisions, normalises tags and anchors the related files that exist', async () => {
    const { out, text } = await call(project, 'record_adr', {
      ...base, consequences: 'One file per project.', related_files: ['src/db.ts', './src/db.ts', join(root, 'src/gone.ts')],
      tags: [' Storage ', 'storage', 'SQLite', ''], author: 'Ada',
    });
    expect(out.number).toBe(1);
    expect(out.missing_files).toEqual(['src/gone.ts']);
    expect(out.adr).toEqual({
      number: 1, title: base.title, status: 'proposed', context: base.context, decision: base.decision, consequences: 'One file per project.',
      related_files: ['src/db.ts', 'src/gone.ts'], tags: ['storage', 'sqlite'], author: 'Ada',
      created_at: '2024-05-01T00:00:00.000Z', updated_at: '2024-05-01T00:00:00.000Z',
      anchor_blob_oids: [expect.stringMatching(/^sha256:[0-9a-f]{64}$/), ''], history: [],
    });
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Recorded ADR #1: Use SQLite for local stores (1 anchor(s))', 'Status: proposed',
      'Use `update_adr_status` to accept, deprecate, or supersede this decision.', 'Related files that do not exist: src/gone.ts',
    ]);
    expect((await recordAdr({ status: 'accepted' })).adr).toMatchObject({ number: 2, status: 'accepted', history: [] });
    const given = `git:${'a'.repeat(40)}`;
    expect((await recordAdr({ related_files: ['src/db.ts', 'src/api.ts'], anchor_blob_oids: [given, ''] })).adr.anchor_blob_oids).toEqual([given, '']);
  });

  it('refuses empty or malformed fields with typed errors', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '' }, 'invalid_argument'], [{ title: '   ' }, 'invalid_argument'], [{ title: 'two\nlines' }, 'invalid_argument'],
      [{ context: '' }, 'invalid_argument'], [{ decision: ' \n ' }, 'invalid_argument'], [{ status: 'deprecated' }, 'invalid_argument'],
      [{ related_files: ['src/db.ts'], anchor_blob_oids: [] }, 'invalid_argument'],
      [{ related_files: ['src/db.ts'], anchor_blob_oids: ['sha256:xyz'] }, 'invalid_argument'],
      [{ related_files: ['.'] }, 'invalid_argument'],
      [{ title: 'x'.repeat(201) }, 'too_large'], [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'too_large'],
      [{ related_files: Array.from({ length: 101 }, (_, i) => `f${i}.ts`) }, 'too_large'],
    ];
    for (const [args, code] of cases) expect((await failure(project, 'record_adr', { ...base, ...args })).code, JSON.stringify(args)).toBe(code);
    const { decision: _d, ...noDecision } = base;
    expect((await failure(project, 'record_adr', noDecision)).message).toBe("Parameter 'decision' is required by record_adr.");
    const outside = await failure(project, 'record_adr', { ...base, related_files: ['../../etc/passwd'] });
    expect([outside.code, outside.details?.reason]).toEqual(['invalid_argument', 'outside_root']);
    expect((await call(project, 'list_adrs', {})).out.total).toBe(0);
  });
});

describe('update_adr_status', () => {
  /** A fresh ADR in the given status, reached by allowed transitions. */
  async function adrIn(status: Status): Promise<number> {
    const n = (await recordAdr()).number as number;
    if (status === 'superseded') await setStatus(n, 'superseded', (await recordAdr()).number as number);
    else if (status !== 'proposed') await setStatus(n, status);
    return n;
  }

  it('allows exactly the transitions of the lifecycle and names the allowed ones otherwise', async () => {
    for (const from of STATUSES) {
      for (const to of STATUSES.filter((s) => s !== from)) {
        const n = await adrIn(from);
        const target = to === 'superseded' ? ((await recordAdr()).number as number) : undefined;
        const args = { number: n, status: to, ...(target !== undefined ? { superseded_by: target } : {}) };
        if (ALLOWED[from].includes(to)) {
          const { out, text } = await call(project, 'update_adr_status', args);
          expect([out.from, out.to, out.changed, out.adr.status], `${from} → ${to}`).toEqual([from, to, true, to]);
          expect(out.adr.history.at(-1)).toEqual({ from, to, at: '2024-05-01T00:00:00.000Z', ...(target !== undefined ? { superseded_by: target } : {}) });
          expect(text.split('\n')[0]).toBe(`ADR #${n} status updated to '${to}'.${target !== undefined ? ` Superseded by ADR #${target}.` : ''}`);
        } else {
          const err = await failure(project, 'update_adr_status', args);
          expect([err.code, err.details?.allowed], `${from} → ${to}`).toEqual(['invalid_argument', ALLOWED[from]]);
          expect(err.message).toBe(`ADR #${n} cannot move from '${from}' to '${to}'; allowed: ${ALLOWED[from].join(', ') || 'none (terminal)'}.`);
        }
      }
    }
  });

  it('re-applying the current status changes nothing', async () => {
    await recordAdr();
    await recordAdr();
    await setStatus(1, 'accepted');
    at(3);
    const again = await call(project, 'update_adr_status', { number: 1, status: 'ACCEPTED' });
    expect([again.out.changed, again.out.from, again.out.to, again.out.adr.history.length, again.out.adr.updated_at])
      .toEqual([false, 'accepted', 'accepted', 1, '2024-05-01T00:00:00.000Z']);
    expect(again.text.split('\n')[0]).toBe("ADR #1 is already 'accepted'; nothing changed.");
    await setStatus(1, 'superseded', 2);
    const same = await setStatus(1, 'superseded', 2);
    expect([same.changed, same.superseded_by, same.adr.history.length]).toEqual([false, 2, 2]);
    await recordAdr();
    const other = await failure(project, 'update_adr_status', { number: 1, status: 'superseded', superseded_by: 3 });
    expect([other.code, other.details?.allowed]).toEqual(['invalid_argument', []]);
  });

  it('needs a live, different, existing superseding ADR, and superseded_by only with superseded', async () => {
    await recordAdr(); // 1
    await recordAdr(); // 2
    await recordAdr(); // 3
    await setStatus(3, 'rejected');
    const reason = async (args: Record<string, unknown>) => {
      const err = await failure(project, 'update_adr_status', { number: 1, ...args });
      return [err.code, err.details?.parameter];
    };
    expect(await reason({ status: 'superseded' })).toEqual(['invalid_argument', 'superseded_by']);
    expect(await reason({ status: 'superseded', superseded_by: 1 })).toEqual(['invalid_argument', 'superseded_by']);
    expect(await reason({ status: 'superseded', superseded_by: 99 })).toEqual(['invalid_argument', 'superseded_by']);
    expect(await reason({ status: 'superseded', superseded_by: 3 })).toEqual(['invalid_argument', 'superseded_by']);
    expect(await reason({ status: 'accepted', superseded_by: 2 })).toEqual(['invalid_argument', 'superseded_by']);
    await setStatus(2, 'superseded', 1);
    expect(await reason({ status: 'superseded', superseded_by: 2 })).toEqual(['invalid_argument', 'superseded_by']); // 2 is superseded
    expect((await getAdr(1)).status).toBe('proposed');
  });

  it('answers not_found for an unknown number and lists the statuses for a bad one', async () => {
    const missing = await failure(project, 'update_adr_status', { number: 42, status: 'accepted' });
    expect([missing.code, missing.message]).toEqual(['not_found', 'ADR #42 does not exist.']);
    await recordAdr();
    const bad = await failure(project, 'update_adr_status', { number: 1, status: 'done' });
    expect([bad.code, bad.message]).toEqual(['invalid_argument', 'Parameter \'status\' must be one of "proposed", "accepted", "rejected", "deprecated", "superseded".']);
    expect((await failure(project, 'update_adr_status', { number: 0, status: 'accepted' })).code).toBe('invalid_argument');
  });
});

describe('get_adr', () => {
  it('shows supersession from both sides, the history and drifted or missing related files', async () => {
    await recordAdr({ related_files: ['src/db.ts', 'src/api.ts', 'src/later.ts'], tags: ['storage'], consequences: 'Fast.' });
    at(1);
    await recordAdr({ title: 'Use Postgres', author: 'Bo' });
    at(2);
    await setStatus(1, 'accepted');
    at(3);
    await setStatus(1, 'superseded', 2);
    writeFileSync(join(root, 'src/db.ts'), 'export const db = 2;\n');
    const old = await call(project, 'get_adr', { number: 1 });
    expect(old.out).toMatchObject({
      number: 1, status: 'superseded', superseded_by: 2, supersedes: [],
      related_files: [
        { path: 'src/db.ts', exists: true, anchor_changed: true },
        { path: 'src/api.ts', exists: true, anchor_changed: false },
        { path: 'src/later.ts', exists: false, anchor_changed: false },
      ],
      history: [
        { from: 'proposed', to: 'accepted', at: '2024-05-03T00:00:00.000Z' },
        { from: 'accepted', to: 'superseded', at: '2024-05-04T00:00:00.000Z', superseded_by: 2 },
      ],
    });
    expect(old.text.split('\n').slice(0, -1)).toEqual([
      '# ADR #1: Use SQLite for local stores', '', '**Status:** superseded', '**Superseded by:** ADR #2',
      '**Created:** 2024-05-01T00:00:00Z / **Updated:** 2024-05-04T00:00:00Z', '**Tags:** storage', '',
      '## Context', '', base.context, '', '## Decision', '', base.decision, '', '## Consequences', '', 'Fast.', '',
      '## Related Files', '', '- `src/db.ts` (changed since recorded)', '- `src/api.ts`', '- `src/later.ts` (missing)', '',
      '## Status History', '', '- 2024-05-03T00:00:00Z: proposed → accepted', '- 2024-05-04T00:00:00Z: accepted → superseded (by ADR #2)',
    ]);
    const replacement = await call(project, 'get_adr', { number: 2 });
    expect([replacement.out.supersedes, replacement.out.superseded_by]).toEqual([[1], undefined]);
    expect(replacement.text).toContain('**Supersedes:** ADR #1\n');
    expect(replacement.text).toContain('**Author:** Bo\n');
    expect(replacement.text).not.toContain('## Consequences');
  });

  it('answers not_found for an unknown number', async () => {
    const err = await failure(project, 'get_adr', { number: 7 });
    expect([err.code, err.message, err.details]).toEqual(['not_found', 'ADR #7 does not exist.', { number: 7 }]);
  });
});

describe('list_adrs', () => {
  it('lists newest first, filtered by status, tag and a literal search', async () => {
    await recordAdr({ title: 'Reach 100% coverage', tags: ['Quality'] });
    await recordAdr({ title: 'Use snake_case names', tags: ['style'] });
    await recordAdr({ title: 'Plain title', context: 'About 100 percent of it.', consequences: 'Everything changes' });
    await setStatus(2, 'accepted');
    const numbers = async (args: Record<string, unknown>) => ((await call(project, 'list_adrs', args)).out.adrs as Out[]).map((a) => a.number);
    expect(await numbers({})).toEqual([3, 2, 1]);
    expect(await numbers({ status: 'accepted' })).toEqual([2]);
    expect(await numbers({ tag: 'QUALITY' })).toEqual([1]);
    expect(await numbers({ search: '%' })).toEqual([1]);
    expect(await numbers({ search: '0%' })).toEqual([1]);
    expect(await numbers({ search: '_' })).toEqual([2]);
    expect(await numbers({ search: 'e_c' })).toEqual([2]);
    expect(await numbers({ search: 'SNAKE' })).toEqual([2]);
    expect(await numbers({ search: '100' })).toEqual([3, 1]);
    expect(await numbers({ search: 'everything' })).toEqual([3]);
    const limited = await call(project, 'list_adrs', { limit: 1 });
    expect([limited.out.total, limited.out.truncated?.shown]).toEqual([3, 1]);
    expect(limited.out.adrs[0]).toEqual({
      number: 3, title: 'Plain title', status: 'proposed', tags: [], created_at: '2024-05-01T00:00:00.000Z', updated_at: '2024-05-01T00:00:00.000Z',
    });
    expect((await failure(project, 'list_adrs', { status: 'done' })).code).toBe('invalid_argument');
  });

  it('renders attocode\'s table and names the filters when nothing matches', async () => {
    await recordAdr();
    await recordAdr({ title: `Replace it with something else entirely, because ${'x'.repeat(20)}`, tags: ['storage', 'db'] });
    await setStatus(1, 'superseded', 2);
    const { text } = await call(project, 'list_adrs', {});
    expect(text.split('\n').slice(0, 6)).toEqual([
      '## Architecture Decision Records (2 total)', '', '| # | Title | Status | Tags | Created |', '|---|-------|--------|------|---------|',
      '| 2 | Replace it with something else entirely, because x... | proposed | storage, db | 2024-05-01 |',
      '| 1 | Use SQLite for local stores | superseded (by #2) |  | 2024-05-01 |',
    ]);
    expect((await call(project, 'list_adrs', { status: 'rejected', tag: 'x' })).text.split('\n')[0]).toBe('No ADRs found (filters: status=rejected, tag=x).');
  });
});

describe('Markdown export and import', () => {
  async function tricky(): Promise<void> {
    await recordAdr({
      context: '\nLeading newline.\n## Decision\n\\## Context\n  trailing spaces  \n\n',
      decision: 'Entscheidung: ü ✓ — "quoted" and `code`\n\n### A sub-heading is fine',
      related_files: ['src/db.ts', 'src/gone.ts'], tags: ['Storage', 'true', 'null', '- dash'], author: 'Ada: "A"',
    });
    at(1);
    await recordAdr({ title: 'Move to Postgres: a "big" step #2', consequences: 'More ops work.\n## Related Files\n- `not/a/file`', status: 'accepted' });
    at(2);
    await recordAdr({ title: 'Ünïcödé title', context: 'c', decision: 'd' });
    await setStatus(3, 'rejected');
    at(3);
    await setStatus(1, 'accepted');
    await setStatus(1, 'superseded', 2);
  }

  it('writes NNNN-title-slug.md files that read back exactly, keeping numbers', async () => {
    await tricky();
    const exported = await call(project, 'export_adrs', {});
    expect(exported.out).toMatchObject({
      directory: 'docs/adr', removed: [],
      files: [
        { number: 1, path: 'docs/adr/0001-use-sqlite-for-local-stores.md' },
        { number: 2, path: 'docs/adr/0002-move-to-postgres-a-big-step-2.md' },
        { number: 3, path: 'docs/adr/0003-unicode-title.md' },
      ],
    });
    expect(exported.text.split('\n')[0]).toBe('Exported 3 ADR(s) to docs/adr:');
    const first = readFileSync(join(root, 'docs/adr/0001-use-sqlite-for-local-stores.md'), 'utf8');
    expect(first).toContain('\nstatus: superseded\nsuperseded_by: 2\ndate: 2024-05-01T00:00:00.000Z\nupdated: 2024-05-04T00:00:00.000Z\n');
    expect(first).toContain('\n# 1. Use SQLite for local stores\n\n## Context\n\n\nLeading newline.\n\\## Decision\n\\\\## Context\n');

    const original = project.memory().adrs.all();
    const fresh = openProject(root);
    try {
      const imported = await call(fresh, 'import_adrs', {});
      expect(imported.out).toMatchObject({ directory: 'docs/adr', created: [1, 2, 3], updated: [], skipped: [] });
      expect(fresh.memory().adrs.all()).toEqual(original);
      // And the files it would write are the same bytes.
      const again = await call(fresh, 'export_adrs', { directory: 'docs/adr-copy' });
      for (const f of again.out.files as Out[]) {
        expect(readFileSync(join(root, f.path as string), 'utf8')).toBe(readFileSync(join(root, f.path.replace('adr-copy', 'adr')), 'utf8'));
      }
      expect((await call(fresh, 'record_adr', base)).out.number).toBe(4);
    } finally {
      await fresh.close();
    }
    // Importing into the store they came from updates, never duplicates.
    const back = await call(project, 'import_adrs', { directory: 'docs/adr/' });
    expect(back.out).toMatchObject({ created: [], updated: [1, 2, 3], skipped: [] });
    expect(back.text.split('\n').slice(0, 2)).toEqual(['Imported 3 ADR(s) from docs/adr.', 'Updated (3): #1, #2, #3']);
    expect(project.memory().adrs.all()).toEqual(original);
  });

  it('exports selected numbers, replaces a renamed file, and keeps numbers never reused after an import', async () => {
    await recordAdr();
    await recordAdr({ title: 'Second' });
    expect((await call(project, 'export_adrs', { numbers: [2] })).out.files).toEqual([{ number: 2, path: 'docs/adr/0002-second.md' }]);
    const path = join(root, 'docs/adr/0002-second.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('# 2. Second', '# 2. Second, renamed'));
    expect((await call(project, 'import_adrs', {})).out.updated).toEqual([2]);
    expect((await getAdr(2)).title).toBe('Second, renamed');
    const renamed = await call(project, 'export_adrs', {});
    expect(renamed.out.removed).toEqual(['docs/adr/0002-second.md']);
    expect(readdirSync(join(root, 'docs/adr')).sort()).toEqual(['0001-use-sqlite-for-local-stores.md', '0002-second-renamed.md']);
    expect((await failure(project, 'export_adrs', { numbers: [9] })).code).toBe('not_found');

    writeFiles(root, { 'docs/adr/0010-hand-written.md': '# 10. Hand written\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Related Files\n\n- `src/api.ts`\n' });
    const hand = await call(project, 'import_adrs', {});
    expect(hand.out.created).toEqual([10]);
    expect(await getAdr(10)).toMatchObject({
      title: 'Hand written', status: 'proposed', context: 'Why.', decision: 'What.', consequences: '', author: '',
      created_at: '2024-05-01T00:00:00.000Z', related_files: [{ path: 'src/api.ts', exists: true, anchor_changed: false }],
    });
    expect((await recordAdr()).number).toBe(11);
  });

  it('skips unreadable files with a reason and refuses bad folders', async () => {
    await recordAdr();
    await call(project, 'export_adrs', {});
    const good = readFileSync(join(root, 'docs/adr/0001-use-sqlite-for-local-stores.md'), 'utf8');
    writeFiles(root, {
      'docs/adr/README.md': '# ADRs\n\nThe decisions.\n',
      'docs/adr/0001-copy.md': good,
      'docs/adr/0002-bad-status.md': good.replace('number: 1', 'number: 2').replace('status: proposed', 'status: maybe'),
      'docs/adr/0003-dangling.md': good.replace('number: 1', 'number: 3').replace('status: proposed', 'status: superseded\nsuperseded_by: 40'),
      'docs/adr/0004-escape.md': good.replace('number: 1', 'number: 4').replace('related_files: []', 'related_files:\n  - ../../etc/passwd'),
      'docs/adr/0005-broken.md': '---\nnumber: [\n---\n# 5. Broken\n',
      'docs/adr/0006-self.md': good.replace('number: 1', 'number: 6').replace('status: proposed', 'status: superseded\nsuperseded_by: 6'),
    });
    const out = (await call(project, 'import_adrs', {})).out;
    expect([out.created, out.updated]).toEqual([[], [1]]);
    expect(out.skipped).toEqual([
      { path: 'docs/adr/0001-use-sqlite-for-local-stores.md', reason: 'ADR #1 is already read from 0001-copy.md' },
      { path: 'docs/adr/0002-bad-status.md', reason: "status 'maybe' is not one of proposed, accepted, rejected, deprecated, superseded" },
      { path: 'docs/adr/0003-dangling.md', reason: 'superseded_by names ADR #40, which does not exist' },
      { path: 'docs/adr/0004-escape.md', reason: "related file '../../etc/passwd' is outside the project root" },
      { path: 'docs/adr/0005-broken.md', reason: expect.stringMatching(/^front matter is not valid YAML/) },
      { path: 'docs/adr/0006-self.md', reason: 'ADR #6 cannot supersede itself' },
      { path: 'docs/adr/README.md', reason: 'no ADR number (front matter, file name or heading)' },
    ]);
    expect((await failure(project, 'import_adrs', { directory: 'docs/none' })).code).toBe('not_found');
    expect((await failure(project, 'export_adrs', { directory: 'src/db.ts' })).code).toBe('invalid_argument');
    const outside = await failure(project, 'export_adrs', { directory: '../adr' });
    expect([outside.code, outside.details?.reason]).toEqual(['invalid_argument', 'outside_root']);
  });
});

describe('storage and routes', () => {
  it('loses nothing with two projects and another process writing to one memory database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cartograph-memory-'));
    const a = openProject(root, dataDir);
    const b = openProject(root, dataDir);
    try {
      await call(a, 'record_adr', base); // creates the database
      // Another process takes the write lock, adds an ADR and holds the lock for 600 ms.
      const child = spawn(process.execPath, ['-e', `
        const Database = require('libsql');
        const db = new Database(process.argv[1]);
        db.exec('PRAGMA busy_timeout = 10000; BEGIN IMMEDIATE');
        db.prepare("INSERT INTO adrs(title, status, context, decision, created_at, updated_at) VALUES ('From another process', 'proposed', 'c', 'd', 'x', 'x')").run();
        process.stdout.write('locked\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
        db.exec('COMMIT');
        db.close();
      `, join(dataDir, 'memory.db')], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const started = Date.now();
      const writes = Array.from({ length: 10 }, (_, i) => call(i % 2 ? a : b, 'record_adr', { ...base, title: `Decision ${i}` }));
      const numbers = (await Promise.all(writes)).map((w) => w.out.number as number);
      expect(Date.now() - started).toBeGreaterThan(300); // the first write waited for the other process
      expect(await exited).toBe(0);
      expect(numbers.sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const titles = ((await call(b, 'list_adrs', { limit: 500 })).out.adrs as Out[]).map((x) => [x.number, x.title]);
      expect(titles.slice(-2)).toEqual([[2, 'From another process'], [1, base.title]]);
      expect(titles).toHaveLength(12);
      await call(a, 'update_adr_status', { number: 1, status: 'accepted' });
      await call(b, 'update_adr_status', { number: 1, status: 'superseded', superseded_by: 12 });
      expect((await call(a, 'get_adr', { number: 1 })).out.history.map((h: Out) => h.to)).toEqual(['accepted', 'superseded']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('serves /adrs/{number} routes with validated numbers, and export/import routes', async () => {
    const http = await startHttp(project);
    const req = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${http.url}/api/v2/projects/default${path}`, {
        method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as Out };
    };
    try {
      expect((await req('POST', '/adrs', base)).body.number).toBe(1);
      expect((await req('POST', '/adrs', { ...base, title: 'Other' })).body.number).toBe(2);
      const got = await req('GET', '/adrs/2?number=1');
      expect([got.status, got.body.number, got.body.title]).toEqual([200, 2, 'Other']);
      for (const bad of ['x', '0', '2.0']) {
        const res = await req('GET', `/adrs/${bad}`);
        expect([res.status, res.body.error.code, res.body.error.details]).toEqual([422, 'invalid_argument', { parameter: 'number' }]);
      }
      expect((await req('GET', '/adrs/9')).status).toBe(404);
      const moved = await req('POST', '/adrs/1/status', { status: 'superseded', superseded_by: 2 });
      expect([moved.status, moved.body.changed, moved.body.superseded_by]).toEqual([200, true, 2]);
      const forbidden = await req('POST', '/adrs/1/status', { status: 'accepted' });
      expect([forbidden.status, forbidden.body.error.details.allowed]).toEqual([422, []]);
      expect((await req('GET', '/adrs?status=superseded')).body.adrs.map((a: Out) => a.number)).toEqual([1]);
      expect((await req('POST', '/adrs/export', {})).body.files).toHaveLength(2);
      expect((await req('POST', '/adrs/import', {})).body.updated).toEqual([1, 2]);
      const v1 = await fetch(`${http.url}/api/v1/projects/default/adrs/1`);
      expect(((await v1.json()) as Out).result).toMatch(/^# ADR #1: Use SQLite for local stores\n/);
    } finally {
      await http.close();
    }
  });
});
