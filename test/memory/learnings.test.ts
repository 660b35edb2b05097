// Learnings through the real operations: recording (validation, scopes, anchors, duplicate
// merging), recall ranking (relevance × scope weight × effective confidence, stemming, OR-ed terms,
// unmatched after matched), time decay on an injected clock, feedback with archive and
// re-activation, listing, survival across an index rebuild and concurrent writers, the
// `cartograph://learnings` MCP resource and the REST route with a path parameter.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { createMcpServer } from '../../src/mcp/server.js';
import { makeRepo, removeDir, writeFiles } from '../helpers/fixture.js';
import { startHttp } from '../helpers/server.js';
import { DAY, call, failure, openProject, type Out } from './helpers.js';

const T0 = Date.UTC(2024, 0, 1);

let root: string;
let project: Project;

beforeAll(() => {
  root = makeRepo({
    'src/net/client.ts': 'export function fetchAll() { return 1; }\n',
    'src/config.ts': 'export const config = {};\n',
    'lib/x.ts': 'export const x = 1;\n',
  });
});
afterAll(() => removeDir(root));
beforeEach(() => {
  project = openProject(root);
  project.memory().now = () => T0;
});
afterEach(async () => { await project.close(); });

const record = async (args: Record<string, unknown>) => (await call(project, 'record_learning', { type: 'gotcha', ...args })).out;
const recall = async (args: Record<string, unknown>) => (await call(project, 'recall', args)).out;
const feedback = async (id: number, helpful: boolean) => call(project, 'learning_feedback', { learning_id: id, helpful });
const list = async (args: Record<string, unknown> = {}) => (await call(project, 'list_learnings', args)).out;
const ids = (out: Out) => (out.results as Out[]).map((r) => r.id as number);
const at = (days: number) => { project.memory().now = () => T0 + days * DAY; };

describe('record_learning', () => {
  it('stores a learning with its defaults and says so', async () => {
    const { out, text } = await call(project, 'record_learning', { type: 'Convention', description: '  Use zod for every input  ', details: 'see define.ts' });
    expect(out.id).toBe(1);
    expect(out.created).toBe(true);
    expect(out.duplicate_of).toBeUndefined();
    expect(out.learning).toEqual({
      id: 1, type: 'convention', description: 'Use zod for every input', details: 'see define.ts', scope: '', confidence: 0.7,
      effective_confidence: 0.7, status: 'active', help_count: 0, unhelpful_count: 0, apply_count: 0,
      created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z', anchor_blob_oid: '',
    });
    expect(text.split('\n').slice(0, 2)).toEqual(['Recorded learning #1: [convention] Use zod for every input', 'Scope: (global) · confidence 70%']);
    expect((await record({ description: 'Second one' })).id).toBe(2);
  });

  it('clamps confidence into [0.1, 1.0] with a note', async () => {
    const high = await call(project, 'record_learning', { type: 'pattern', description: 'high', confidence: 5 });
    expect(high.out.learning.confidence).toBe(1);
    expect(high.out.notes).toEqual(['confidence=5 is out of range; clamped to 1.']);
    expect((await record({ description: 'low', confidence: 0 })).learning.confidence).toBe(0.1);
  });

  it('normalises the scope: directories end with /, files stay, root is global', async () => {
    expect((await record({ description: 'a', scope: 'src/net' })).learning.scope).toBe('src/net/');
    expect((await record({ description: 'b', scope: 'src/net/' })).learning.scope).toBe('src/net/');
    expect((await record({ description: 'c', scope: join(root, 'src/config.ts') })).learning.scope).toBe('src/config.ts');
    expect((await record({ description: 'd', scope: './' })).learning.scope).toBe('');
    expect((await record({ description: 'e', scope: 'src/future/' })).learning.scope).toBe('src/future/');
    expect((await record({ description: 'f', scope: 'src/future.ts' })).learning.scope).toBe('src/future.ts');
  });

  it('refuses bad input with typed errors', async () => {
    const badType = await failure(project, 'record_learning', { type: 'tip', description: 'x' });
    expect(badType.code).toBe('invalid_argument');
    expect(badType.message).toBe('Parameter \'type\' must be one of "pattern", "antipattern", "workaround", "convention", "gotcha".');
    expect((await failure(project, 'record_learning', { type: 'gotcha', description: '' })).code).toBe('invalid_argument');
    expect((await failure(project, 'record_learning', { type: 'gotcha', description: '   ' })).code).toBe('invalid_argument');
    expect((await failure(project, 'record_learning', { type: 'gotcha' })).code).toBe('invalid_argument');
    expect((await failure(project, 'record_learning', { type: 'gotcha', description: 'x'.repeat(501) })).code).toBe('too_large');
    expect((await failure(project, 'record_learning', { type: 'gotcha', description: 'x', confidence: 'high' })).code).toBe('invalid_argument');
    for (const anchor of ['git:123', 'sha256:abc', 'md5:0123456789abcdef0123456789abcdef', `git:${'g'.repeat(40)}`]) {
      const err = await failure(project, 'record_learning', { type: 'gotcha', description: 'x', anchor_blob_oid: anchor });
      expect([err.code, err.details?.parameter]).toEqual(['invalid_argument', 'anchor_blob_oid']);
    }
    const outside = await failure(project, 'record_learning', { type: 'gotcha', description: 'x', scope: '../elsewhere/file.ts' });
    expect([outside.code, outside.details?.reason]).toEqual(['invalid_argument', 'outside_root']);
    expect((await list()).total).toBe(0);
  });

  it('anchors an existing file scope by its SHA-256 outside git, and keeps a given anchor', async () => {
    const sha = createHash('sha256').update(readFileSync(join(root, 'src/config.ts'))).digest('hex');
    const { out, text } = await call(project, 'record_learning', { type: 'gotcha', description: 'config is lazy', scope: 'src/config.ts' });
    expect(out.learning.anchor_blob_oid).toBe(`sha256:${sha}`);
    expect(text).toContain(`(anchor=sha256:${sha.slice(0, 8)}…)`);
    expect((await record({ description: 'no file yet', scope: 'src/missing.ts' })).learning.anchor_blob_oid).toBe('');
    expect((await record({ description: 'a directory', scope: 'src/' })).learning.anchor_blob_oid).toBe('');
    const given = `git:${'AB'.repeat(20)}`;
    expect((await record({ description: 'given', scope: 'src/config.ts', anchor_blob_oid: given })).learning.anchor_blob_oid).toBe(given.toLowerCase());
  });

  it('anchors by git blob id in a git work tree', async () => {
    const repo = makeRepo({ 'src/a.ts': 'export const a = 1;\r\n' }, { git: true });
    const p = openProject(repo);
    try {
      const oid = execFileSync('git', ['hash-object', 'src/a.ts'], { cwd: repo, encoding: 'utf8' }).trim();
      const { out } = await call(p, 'record_learning', { type: 'gotcha', description: 'a is one', scope: 'src/a.ts' });
      expect(out.learning.anchor_blob_oid).toBe(`git:${oid}`);
    } finally {
      await p.close();
      removeDir(repo);
    }
  });

  it('merges an equal description (after normalising) into the active learning', async () => {
    await record({ description: 'Cache the parsed config!', scope: 'src/' });
    at(1);
    const dup = await call(project, 'record_learning', { type: 'gotcha', description: 'cache  the PARSED config', scope: 'src', details: 'why' });
    expect([dup.out.id, dup.out.created, dup.out.duplicate_of]).toEqual([1, false, 1]);
    expect(dup.out.learning).toMatchObject({ confidence: 0.75, details: 'why', created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-02T00:00:00.000Z' });
    expect(dup.text.split('\n')[0]).toBe('Learning #1 already records this; confidence raised to 75%.');
    // Details already there are kept.
    expect((await record({ description: 'Cache the parsed config', scope: 'src/', details: 'other' })).learning).toMatchObject({ confidence: 0.8, details: 'why' });
    expect((await list()).total).toBe(1);
  });

  it('merges by word-set Jaccard ≥ 0.8, and only within the same type and scope', async () => {
    const base = 'alpha beta gamma delta epsilon zeta eta theta iota kappa';
    await record({ description: base });
    expect((await record({ description: `${base} lambda` })).duplicate_of).toBe(1); // 10/11
    expect((await record({ description: 'alpha beta gamma delta epsilon zeta eta theta mu nu' })).created).toBe(true); // 8/12
    expect((await record({ description: base, type: 'pattern' })).created).toBe(true);
    expect((await record({ description: base, scope: 'lib/' })).created).toBe(true);
    expect((await list()).total).toBe(4);
  });

  it('fills a missing anchor when a duplicate is recorded after the file appeared', async () => {
    const repo = makeRepo({ 'README.md': '# r\n' });
    const p = openProject(repo);
    try {
      await call(p, 'record_learning', { type: 'gotcha', description: 'new module', scope: 'src/new.ts' });
      writeFiles(repo, { 'src/new.ts': 'export {};\n' });
      const { out } = await call(p, 'record_learning', { type: 'gotcha', description: 'New module.', scope: 'src/new.ts' });
      expect(out.duplicate_of).toBe(1);
      expect(out.learning.anchor_blob_oid).toMatch(/^sha256:[0-9a-f]{64}$/);
    } finally {
      await p.close();
      removeDir(repo);
    }
  });

  it('does not merge into an archived learning', async () => {
    await record({ description: 'flaky thing', confidence: 0.1 });
    await recall({ query: 'unrelated' }); // archives it (effective confidence below 0.15)
    expect((await record({ description: 'flaky thing' })).created).toBe(true);
  });
});

describe('recall ranking', () => {
  it('ranks matches by relevance, appends the unmatched scope chain after them, and counts them', async () => {
    await record({ description: 'cache invalidation runs on every notify', confidence: 0.7 }); // 1: both terms
    await record({ description: 'the cache key includes the cache version', confidence: 0.7 }); // 2: one term twice
    await record({ description: 'notify handlers must be idempotent', confidence: 0.7 }); // 3: one term
    await record({ description: 'database migrations run at startup', confidence: 1 }); // 4: no term, most confident
    for (const w of ['parser', 'lexer', 'printer', 'linter', 'bundler', 'watcher']) await record({ description: `the ${w} is fast`, confidence: 0.5 });
    const out = await recall({ query: 'cache notify' });
    expect(ids(out)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const results = out.results as Out[];
    expect(results.map((r) => r.matched)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(results[0]!.relevance_score).toBe(0.7);
    expect(results[1]!.relevance_score).toBeLessThan(0.7);
    expect(results[2]!.relevance_score).toBeLessThan(results[1]!.relevance_score);
    expect(results[2]!.relevance_score).toBeGreaterThan(0);
    expect(results.slice(3).every((r) => r.relevance_score === 0)).toBe(true);
    expect(out.total).toBe(10);
    expect(out.truncated).toBeUndefined();

    // Enough matches: nothing unmatched is appended, and the cut is reported.
    const two = await call(project, 'recall', { query: 'cache notify', max_results: 2 });
    expect(ids(two.out)).toEqual([1, 2]);
    expect(two.out.total).toBe(3);
    expect(two.out.truncated).toEqual({ shown: 2, total: 3, by: 'limit', hint: 'Raise max_results or refine the query.' });
    expect(two.text).toContain('… 1 more not shown (max_results=2); raise max_results or refine the query.');
  });

  it('weights the scope chain 1.0, 0.85, 0.70 … and everything else 0.3', async () => {
    for (const scope of ['', 'lib/', 'src/', 'src/net/', 'src/net/client.ts']) await record({ description: 'Retry flaky network calls', scope });
    const out = await recall({ query: 'retry', scope: 'src/net/client.ts' });
    expect((out.results as Out[]).map((r) => [r.scope, r.relevance_score])).toEqual([
      ['src/net/client.ts', 0.7], ['src/net/', 0.595], ['src/', 0.49], ['', 0.385], ['lib/', 0.21],
    ]);
    expect(out.scope).toBe('src/net/client.ts');
    // From a directory the chain starts there.
    expect((await recall({ query: 'retry', scope: 'src/net' })).results.map((r: Out) => [r.scope, r.relevance_score])).toEqual([
      ['src/net/', 0.7], ['src/', 0.595], ['', 0.49], ['lib/', 0.21], ['src/net/client.ts', 0.21],
    ]);
  });

  it('stems query words ("caching" finds "cache") without matching other words', async () => {
    await record({ description: 'Cache the parsed config' });
    await record({ description: 'Cachet is a different word' });
    const out = await recall({ query: 'caching', max_results: 1 });
    expect(ids(out)).toEqual([1]);
    expect(out.results[0].matched).toBe(true);
    expect(out.total).toBe(1);
  });

  it('ORs the query terms: matching more of them ranks higher', async () => {
    await record({ description: 'alpha only here' });
    await record({ description: 'gamma only here' });
    await record({ description: 'alpha and gamma together' });
    await record({ description: 'nothing relevant' });
    const out = await recall({ query: 'alpha gamma', max_results: 3 });
    expect(ids(out)).toEqual([3, 1, 2]);
    expect((out.results as Out[]).every((r) => r.matched)).toBe(true);
  });

  it('leaves out words found in half the learnings or more when another query word tells them apart', async () => {
    for (const w of ['parser', 'lexer', 'printer', 'linter', 'bundler']) await record({ description: `the ${w} is fine` });
    await record({ description: 'cache results of the resolver' });
    await record({ description: 'cache keys are hashed' });
    await record({ description: 'unrelated words here' });
    const out = await recall({ query: 'the cache' });
    expect((out.results as Out[]).filter((r) => r.matched).map((r) => r.id).sort()).toEqual([6, 7]);
    expect(ids(out).slice(2)).toEqual([1, 2, 3, 4, 5, 8]); // unmatched, by scope weight × confidence, then id
    // Alone, a common word still matches.
    expect((await recall({ query: 'the', max_results: 10 })).results.filter((r: Out) => r.matched)).toHaveLength(6);
  });

  it('with an empty query returns the scope chain by weight × confidence, unmatched', async () => {
    await record({ description: 'global one', confidence: 0.9 });
    await record({ description: 'net one', scope: 'src/net/', confidence: 0.8 });
    await record({ description: 'lib one', scope: 'lib/', confidence: 1 });
    await record({ description: 'global two', confidence: 0.9 });
    const out = await recall({ scope: 'src/net/' });
    expect(ids(out)).toEqual([2, 1, 4]); // 0.8×1.0, then 0.9×0.85 twice (tie: id); lib/ is outside the chain
    expect((out.results as Out[]).map((r) => [r.matched, r.relevance_score])).toEqual([[false, 0], [false, 0], [false, 0]]);
    expect(ids(await recall({ query: '!!! ???', scope: 'src/net/' }))).toEqual([2, 1, 4]);
  });

  it('renders results like attocode and says when nothing is relevant', async () => {
    expect((await call(project, 'recall', { query: 'anything' })).text.split('\n')[0]).toBe('No relevant learnings found for this project.');
    await record({ description: 'Trigram index is invalidated on every notify', details: 'line one\nline two' });
    const { text } = await call(project, 'recall', { query: 'trigram' });
    expect(text.split('\n').slice(0, 6)).toEqual([
      '## Project Learnings (1 relevant)', '', '- **[gotcha]** (confidence: 70%, id: 1)',
      '  Trigram index is invalidated on every notify', '  _line one', '  line two_',
    ]);
  });

  it('counts what it returns as applied', async () => {
    await record({ description: 'applied thing' });
    await record({ description: 'other thing', scope: 'lib/' });
    at(2);
    await recall({ query: 'applied' });
    await recall({ query: 'applied' });
    const [applied, other] = (await list()).learnings as Out[];
    expect([applied!.id, applied!.apply_count, other!.apply_count]).toEqual([1, 2, 0]);
    expect(project.memory().learnings.get(1)!.last_applied_at).toBe('2024-01-03T00:00:00.000Z');
  });

  it('refuses a scope outside the root', async () => {
    const err = await failure(project, 'recall', { query: 'x', scope: '/etc' });
    expect([err.code, err.details?.reason]).toEqual(['invalid_argument', 'outside_root']);
  });
});

describe('stale anchors', () => {
  it.each([false, true])('flags a learning whose file changed since it was recorded (git: %s)', async (git) => {
    const repo = makeRepo({ 'src/a.ts': 'export const a = 1;\n' }, { git });
    const p = openProject(repo);
    try {
      await call(p, 'record_learning', { type: 'gotcha', description: 'a is one', scope: 'src/a.ts' });
      const before = await call(p, 'recall', { query: 'one', scope: 'src/a.ts' });
      expect(before.out.results[0].stale_anchor).toBe(false);
      writeFileSync(join(repo, 'src/a.ts'), 'export const a = 2;\n');
      const after = await call(p, 'recall', { query: 'one', scope: 'src/a.ts' });
      expect(after.out.results[0].stale_anchor).toBe(true);
      expect(after.text).toContain('  (code changed since this was recorded)');
      writeFileSync(join(repo, 'src/a.ts'), 'export const a = 1;\n');
      expect((await call(p, 'recall', { query: 'one' })).out.results[0].stale_anchor).toBe(false);
    } finally {
      await p.close();
      removeDir(repo);
    }
  });
});

describe('lifecycle', () => {
  it('decays 0.02 per full 30 days since creation, computed at read time', async () => {
    await record({ description: 'decaying' });
    const confidence = async () => ((await list()).learnings as Out[])[0]!.confidence;
    at(29);
    expect(await confidence()).toBe(0.7);
    at(30);
    expect(await confidence()).toBe(0.68);
    at(95);
    expect(await confidence()).toBe(0.64);
    expect(project.memory().learnings.get(1)!.confidence).toBe(0.7); // stored value untouched
    // Helpful feedback restarts the decay from the new confidence.
    const fb = await feedback(1, true);
    expect([fb.out.confidence_before, fb.out.confidence]).toEqual([0.64, 0.75]);
    at(95 + 30);
    expect(await confidence()).toBe(0.73);
  });

  it('archives on decay below 15 % during recall and re-activates on helpful feedback', async () => {
    await record({ description: 'old advice about workers', confidence: 0.2 });
    await record({ description: 'fresh advice about workers', confidence: 0.2 });
    at(90);
    await record({ description: 'fresh advice about parsers', confidence: 0.2 }); // recorded later: not decayed
    const out = await recall({ query: 'advice' });
    expect(ids(out)).toEqual([3]);
    const archived = (await list({ status: 'archived' })).learnings as Out[];
    expect(archived.map((l) => [l.id, l.status, l.archived_reason, l.confidence])).toEqual([
      [1, 'archived', 'confidence below 15%', 0.14], [2, 'archived', 'confidence below 15%', 0.14],
    ]);
    const fb = await feedback(1, true);
    expect(fb.out).toMatchObject({ confidence_before: 0.14, confidence: 0.25, status_before: 'archived', status: 'active' });
    expect(fb.out.archived_reason).toBeUndefined();
    expect(fb.text.split('\n')[0]).toBe('Feedback recorded — confidence boosted for learning #1 (14% → 25%). Learning is active again.');
    expect(ids(await recall({ query: 'advice' }))).toEqual([1, 3]); // 0.25 beats 0.2; #2 stays archived
  });

  it('moves confidence by +0.05 / −0.10 within [0.1, 1.0] and archives after 5 unhelpful votes', async () => {
    await record({ description: 'sometimes wrong', confidence: 1 });
    const up = await feedback(1, true);
    expect(up.out).toEqual(expect.objectContaining({ id: 1, helpful: true, confidence_before: 1, confidence: 1, help_count: 1, unhelpful_count: 0, status: 'active' }));
    expect(up.text.split('\n')[0]).toBe('Feedback recorded — confidence boosted for learning #1 (100% → 100%).');
    const seen: number[] = [];
    let last = up;
    for (let i = 0; i < 5; i++) { last = await feedback(1, false); seen.push(last.out.confidence); }
    expect(seen).toEqual([0.9, 0.8, 0.7, 0.6, 0.5]);
    expect(last.out).toMatchObject({ status_before: 'active', status: 'archived', archived_reason: '5 unhelpful votes', unhelpful_count: 5 });
    expect(last.text.split('\n')[0]).toBe('Feedback recorded — confidence reduced for learning #1 (60% → 50%). Learning archived (5 unhelpful votes).');
    expect(ids(await recall({ query: 'wrong' }))).toEqual([]);
    // Helpful feedback cannot undo 5 unhelpful votes.
    const still = await feedback(1, true);
    expect(still.out).toMatchObject({ status: 'archived', confidence: 0.55 });
    expect(still.text.split('\n')[0]).toBe('Feedback recorded — confidence boosted for learning #1 (50% → 55%). Learning stays archived (5 unhelpful votes).');

    await record({ description: 'weak claim', confidence: 0.1 });
    const floor = await feedback(2, false);
    expect(floor.out).toMatchObject({ confidence: 0.1, status: 'archived', archived_reason: 'confidence below 15%' });
  });

  it('answers not_found for an unknown id and refuses ids below 1 instead of clamping', async () => {
    const err = await failure(project, 'learning_feedback', { learning_id: 99, helpful: true });
    expect([err.code, err.message, err.details]).toEqual(['not_found', 'Learning #99 does not exist.', { learning_id: 99 }]);
    for (const id of [0, -1, 1.5, 'one']) expect((await failure(project, 'learning_feedback', { learning_id: id, helpful: true })).code).toBe('invalid_argument');
    expect((await failure(project, 'learning_feedback', { learning_id: 1 })).code).toBe('invalid_argument');
  });
});

describe('list_learnings', () => {
  it('orders by effective confidence, then newest update, then id, with filters and a limit', async () => {
    await record({ description: 'one', confidence: 0.8, scope: 'src/net/' });
    await record({ description: 'two', confidence: 0.9 });
    at(1);
    await record({ description: 'three', confidence: 0.8, type: 'pattern' });
    await record({ description: 'four', confidence: 0.8, scope: 'lib/' });
    await record({ description: 'five', confidence: 0.2 });
    await feedback(5, false);
    await feedback(5, false); // 0.1 → archived
    const order = async (args: Record<string, unknown>) => ((await list(args)).learnings as Out[]).map((l) => l.id);
    expect(await order({})).toEqual([2, 3, 4, 1]);
    expect(await order({ status: 'ARCHIVED' })).toEqual([5]);
    expect(await order({ status: 'all' })).toEqual([2, 3, 4, 1, 5]);
    expect(await order({ type: 'pattern' })).toEqual([3]);
    expect(await order({ scope: 'src' })).toEqual([2, 3, 1]); // under src/, plus global ones
    const limited = await call(project, 'list_learnings', { limit: 2 });
    expect(limited.out.total).toBe(4);
    expect(limited.out.truncated).toMatchObject({ shown: 2, total: 4, by: 'limit' });
    expect(limited.out.learnings[0]).toEqual({
      id: 2, type: 'gotcha', description: 'two', details: '', scope: '', confidence: 0.9, status: 'active',
      helpful_count: 0, unhelpful_count: 0, apply_count: 0, created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z',
    });
    expect((await call(project, 'list_learnings', {})).text).toBe((await call(project, 'list_learnings', {})).text);
  });

  it('renders a table with cut descriptions and (global)', async () => {
    await record({ description: `${'x'.repeat(70)} | piped` });
    await record({ description: 'scoped', scope: 'lib/x.ts', confidence: 0.5 });
    const { text } = await call(project, 'list_learnings', {});
    expect(text.split('\n').slice(0, 6)).toEqual([
      '## Learnings (2 total)', '', '| ID | Type | Description | Confidence | Applied | Scope |', '|---|---|---|---|---|---|',
      `| 1 | gotcha | ${'x'.repeat(60)}... | 70% | 0x | (global) |`, '| 2 | gotcha | scoped | 50% | 0x | lib/x.ts |',
    ]);
    expect((await call(project, 'list_learnings', { type: 'workaround' })).text.split('\n')[0]).toBe('No learnings found matching the filters.');
  });

  it('refuses an unknown status or type', async () => {
    expect((await failure(project, 'list_learnings', { status: 'deleted' })).code).toBe('invalid_argument');
    expect((await failure(project, 'list_learnings', { type: 'tip' })).code).toBe('invalid_argument');
  });
});

describe('storage', () => {
  it('keeps memory when the index is rebuilt for a new schema version', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cartograph-memory-'));
    let p = openProject(root, dataDir);
    await p.index();
    await call(p, 'record_learning', { type: 'gotcha', description: 'survives rebuilds' });
    p.store.setMeta('schema_version', '-1');
    await p.close();
    p = openProject(root, dataDir);
    try {
      expect(p.store.generation).toBe(0); // the index was deleted and starts over
      expect(((await call(p, 'list_learnings', {})).out.learnings as Out[]).map((l) => l.description)).toEqual(['survives rebuilds']);
    } finally {
      await p.close();
    }
  });

  it('answers while the index is still being built', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/m${i}.ts`] = `export function f${i}() { return ${i}; }\n`;
    const repo = makeRepo(files);
    const p = openProject(repo);
    try {
      const indexing = p.startIndexing();
      expect((await call(p, 'record_learning', { type: 'pattern', description: 'during indexing', scope: 'src/m1.ts' })).out.created).toBe(true);
      expect(ids((await call(p, 'recall', { query: 'indexing' })).out)).toEqual([1]);
      expect(p.initialIndexDone).toBe(false);
      await indexing;
    } finally {
      await p.close();
      removeDir(repo);
    }
  });

  it('loses nothing when two projects on one data dir write interleaved', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cartograph-memory-'));
    const a = openProject(root, dataDir);
    const b = openProject(root, dataDir);
    try {
      await call(a, 'record_learning', { type: 'gotcha', description: 'shared target' });
      const writes: Array<Promise<unknown>> = [];
      const recalls: Array<Promise<{ out: Out }>> = [];
      for (let i = 0; i < 25; i++) {
        writes.push(call(a, 'record_learning', { type: 'gotcha', description: `first writer note number ${i}`, scope: 'src/config.ts' }));
        writes.push(call(b, 'record_learning', { type: 'gotcha', description: `second writer note number ${i}`, scope: 'src/config.ts' }));
        writes.push(call(i % 2 ? a : b, 'learning_feedback', { learning_id: 1, helpful: true }));
        recalls.push(call(i % 2 ? b : a, 'recall', { query: 'note' }));
      }
      await Promise.all(writes);
      const returned = (await Promise.all(recalls)).reduce((n, r) => n + (r.out.results as Out[]).length, 0);
      const all = (await call(b, 'list_learnings', { limit: 1000 })).out.learnings as Out[];
      expect(all.map((l) => l.id).sort((x, y) => x - y)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
      expect(all.find((l) => l.id === 1)!.helpful_count).toBe(25);
      expect(all.reduce((n, l) => n + (l.apply_count as number), 0)).toBe(returned);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('front ends', () => {
  it('serves cartograph://learnings: active learnings grouped by type', async () => {
    await record({ description: 'Config is lazy', details: 'load on demand', scope: 'src/config.ts', confidence: 0.9 });
    await record({ description: 'Use zod', type: 'convention' });
    await record({ description: 'Retry twice', type: 'workaround', confidence: 0.5 });
    await record({ description: 'Never mind', confidence: 0.1 });
    await recall({ query: 'nothing' }); // archives "Never mind"
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = createMcpServer(project);
    await server.connect(serverSide);
    const client = new Client({ name: 'memory-test', version: '1.0.0' });
    await client.connect(clientSide);
    try {
      const { resources } = await client.listResources();
      expect(resources.map((r) => r.uri)).toEqual(['cartograph://learnings']);
      const read = await client.readResource({ uri: 'cartograph://learnings' });
      expect(read.contents).toEqual([{
        uri: 'cartograph://learnings', mimeType: 'text/markdown',
        text: [
          '# Project learnings (3 active)', '', '## workaround (1)', '', '- #3 (50%, global) Retry twice', '',
          '## convention (1)', '', '- #2 (70%, global) Use zod', '', '## gotcha (1)', '',
          '- #1 (90%, src/config.ts) Config is lazy', '  _load on demand_',
        ].join('\n'),
      }]);
      expect((await client.readResource({ uri: 'attocode://learnings' })).contents[0]!.text).toContain('# Project learnings (3 active)');
      await expect(client.readResource({ uri: 'cartograph://nothing' })).rejects.toThrow(/not found/);
    } finally {
      await client.close();
    }
  });

  it('routes POST /learnings/{learning_id}/feedback with a validated path parameter', async () => {
    const http = await startHttp(project);
    const post = async (path: string, body: unknown, version = 'v2') => {
      const res = await fetch(`${http.url}/api/${version}/projects/default${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Out };
    };
    try {
      expect((await post('/learnings', { type: 'gotcha', description: 'over http' })).body.id).toBe(1);
      const ok = await post('/learnings/1/feedback', { helpful: true, learning_id: 7 });
      expect([ok.status, ok.body.id, ok.body.help_count]).toEqual([200, 1, 1]);
      const v1 = await post('/learnings/1/feedback', { helpful: false }, 'v1');
      expect([v1.status, (v1.body.result as string).split('\n')[0]]).toEqual([200, 'Feedback recorded — confidence reduced for learning #1 (75% → 65%).']);
      for (const bad of ['abc', '0', '-1', '1.5', '01']) {
        const res = await post(`/learnings/${bad}/feedback`, { helpful: true });
        expect([res.status, res.body.error.code, res.body.error.details]).toEqual([422, 'invalid_argument', { parameter: 'learning_id' }]);
      }
      const missing = await post('/learnings/99/feedback', { helpful: true });
      expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
      const recalled = await fetch(`${http.url}/api/v2/projects/default/learnings/recall?query=http&max_results=5`);
      expect(((await recalled.json()) as Out).results.map((r: Out) => r.id)).toEqual([1]);
    } finally {
      await http.close();
    }
  });
});
