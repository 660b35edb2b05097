// evaluate_search: case mining on a real git history (merges, reverts, huge, formatting-only,
// release, whitespace-only, symmetric and identifier-only commits skipped; prefixes stripped;
// deleted files dropped), metric arithmetic on constructed rankings, query-file parsing and its
// typed errors, the two bench baselines, and the whole operation through invoke().
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrepBaseline, WholeFileBm25, grepWords } from '../../bench/search-baselines.js';
import { CartographError } from '../../src/errors.js';
import type { Project } from '../../src/engine/project.js';
import { cleanSubject, mineCases, parseQueryFile, scoreCase, summarize, type EvalCase } from '../../src/engine/search/evaluate.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';

// ---- a repository whose history exercises every mining rule ----------------------------------

/** Five comment lines, so that rewording them is a symmetric five-for-five change. */
const notes = (prefix: string) => Array.from({ length: 5 }, (_, i) => `// ${prefix} note ${i + 1}`).join('\n');

const pool = (o: { release?: boolean; size?: boolean; quote?: string; Notes?: boolean } = {}) => [
  '/** A pool of database connections shared by the request handlers. */',
  'export class ConnectionPool {',
  '  private free: string[] = [];',
  '  /** Takes a connection from the pool, opening one when none is free. */',
  '  acquire(): string { return this.free.pop() ?? this.open(); }',
  ...(o.release ? ['  /** Gives a connection back to the pool. */', '  release(conn: string): void { this.free.push(conn); }'] : []),
  ...(o.size ? ['  get size(): number { return this.free.length; }'] : []),
  `  private open(): string { return ${o.quote ?? "'"}conn${o.quote ?? "'"}; }`,
  '}',
  notes(o.Notes ? 'Pool' : 'pool'),
  '',
].join('\n');

const session = (o: { verify?: boolean; indent?: string; Notes?: boolean } = {}) => [
  "import { createHmac } from 'node:crypto';",
  '',
  '/** Signs the session cookie with an HMAC of its value. */',
  'export function signSessionCookie(value: string, secret: string): string {',
  `${o.indent ?? '  '}const mac = createHmac('sha256', secret).update(value).digest('hex');`,
  '  return `${value}.${mac}`;',
  '}',
  ...(o.verify ? [
    '',
    '/** Checks a signed session cookie and returns its value, or undefined when the signature is wrong. */',
    'export function verifySessionCookie(signed: string, secret: string): string | undefined {',
    "  const value = signed.slice(0, signed.lastIndexOf('.'));",
    '  return signSessionCookie(value, secret) === signed ? value : undefined;',
    '}',
  ] : []),
  notes(o.Notes ? 'Session' : 'session'),
  '',
].join('\n');

const retry = (o: { backoff?: boolean; base?: number } = {}) => [
  "import { sleep } from '../util/time';",
  '',
  '/** Retries a failed HTTP request. */',
  'export async function retryFailedRequest(send: () => Promise<Response>, attempts = 3): Promise<Response> {',
  '  let last: unknown;',
  '  for (let i = 0; i < attempts; i++) {',
  '    try { return await send(); } catch (err) { last = err; }',
  ...(o.backoff ? [`    await sleep(2 ** i * ${o.base ?? 100}); // exponential backoff between retries`] : []),
  '  }',
  '  throw last;',
  '}',
  '',
].join('\n');

const TOKENS = '/** Splits source text into lexer tokens. */\nexport function tokenize(text: string): string[] { return text.split(/\\s+/); }\n';
const LEGACY = '/** The legacy cache helper. */\nexport const legacyCache = new Map<string, string>();\n';
const LIMIT = '/** A rate limiter for the login endpoint: at most five attempts a minute. */\nexport class RateLimiter {\n  allow(key: string): boolean { return key.length > 0; }\n}\n';

let repo: string;
let project: Project;
const hashes: Record<string, string> = {};

function git(args: string[], date?: string): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
    cwd: repo, encoding: 'utf8',
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

/** Writes (or, for null, deletes) files and commits them on day `day` of January 2024. */
function commit(day: number, subject: string, files: Record<string, string | null>): void {
  for (const [rel, content] of Object.entries(files)) {
    if (content === null) rmSync(join(repo, rel));
    else writeFiles(repo, { [rel]: content });
  }
  const date = `2024-01-${String(day).padStart(2, '0')}T12:00:00Z`;
  git(['add', '-A']);
  git(['commit', '-q', '-m', subject], date);
  hashes[subject] = git(['rev-parse', '--short=10', 'HEAD']).trim();
}

beforeAll(async () => {
  repo = makeRepo({});
  git(['init', '-q', '-b', 'main']);
  commit(1, 'Initial commit', {
    'src/db/pool.ts': pool(), 'src/auth/session.ts': session(), 'src/http/retry.ts': retry(),
    'src/util/time.ts': 'export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n',
    'test/auth/session.test.ts': "import { signSessionCookie } from '../../src/auth/session';\nexport const signed = signSessionCookie('a', 'b');\n",
    'README.md': '# Demo\n', 'package.json': '{ "name": "demo", "version": "1.0.0" }\n',
  });
  commit(2, 'feat(db): add a connection pool for database handles', { 'src/db/pool.ts': pool({ release: true }) });
  commit(3, '[auth] Sign session cookies with an HMAC (#12)', {
    'src/auth/session.ts': session({ verify: true }),
    'test/auth/session.test.ts': "import { verifySessionCookie } from '../../src/auth/session';\nexport const ok = verifySessionCookie('a.b', 'c');\n",
  });
  commit(4, 'Retry failed requests with exponential backoff. Fixes #7', {
    'src/http/retry.ts': retry({ backoff: true }), 'README.md': '# Demo\n\nRequests are retried.\n',
    'package.json': '{ "name": "demo", "version": "1.0.0", "license": "MIT" }\n',
  });
  commit(5, 'Add token lexer and legacy cache helper', { 'src/lexer/tokens.ts': TOKENS, 'src/cache/legacy.ts': LEGACY });
  commit(6, 'Reindent the session module', { 'src/auth/session.ts': session({ verify: true, indent: '    ' }) });
  commit(7, 'Run prettier', { 'src/db/pool.ts': pool({ release: true, quote: '"' }) });
  commit(8, 'chore: bump version to 1.2.0', { 'package.json': '{ "name": "demo", "version": "1.2.0", "license": "MIT" }\n' });
  commit(9, 'Add generated fixtures for the parser',
    Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`src/gen/fixture${i}.ts`, `export const fixture${i} = ${i};\n`])));
  commit(10, 'Remove the legacy cache helper module', { 'src/cache/legacy.ts': null });
  git(['checkout', '-q', '-b', 'feature']);
  commit(11, 'Add rate limiter for the login endpoint', { 'src/http/limit.ts': LIMIT });
  git(['checkout', '-q', 'main']);
  commit(12, 'Document the retry policy in the README', { 'README.md': '# Demo\n\nRequests are retried with backoff.\n' });
  git(['merge', '-q', '--no-ff', '-m', "Merge branch 'feature'", 'feature'], '2024-01-13T12:00:00Z');
  commit(14, 'Revert "Run prettier"', { 'src/db/pool.ts': pool({ release: true }) });
  commit(15, 'Fix retryFailedRequest backoff_ms', { 'src/http/retry.ts': retry({ backoff: true, base: 200 }) });
  commit(16, 'Switch the note comments in the pool and session modules', {
    'src/db/pool.ts': pool({ release: true, Notes: true }),
    'src/auth/session.ts': session({ verify: true, indent: '    ', Notes: true }),
  });
  commit(17, 'Add a connection pool for database handles', { 'src/db/pool.ts': pool({ release: true, Notes: true, size: true }) });
  project = await openIndexed(repo);
});

afterAll(async () => {
  await project?.close();
  removeDir(repo);
});

// ---- mining ------------------------------------------------------------------------------------

describe('commit subjects as questions', () => {
  it('strips tags, ticket keys, conventional and area prefixes, issue references and trailing periods', () => {
    expect(cleanSubject('feat(db): add a connection pool for database handles')).toBe('add a connection pool for database handles');
    expect(cleanSubject('[auth] Sign session cookies with an HMAC (#12)')).toBe('Sign session cookies with an HMAC');
    expect(cleanSubject('Retry failed requests with exponential backoff. Fixes #7')).toBe('Retry failed requests with exponential backoff');
    expect(cleanSubject('fix(parser)!: [skip ci] handle empty input.')).toBe('handle empty input');
    expect(cleanSubject('net/http, cmd/go: reject bad chunk sizes')).toBe('reject bad chunk sizes');
    expect(cleanSubject('8270000: Crash when the stream closes twice')).toBe('Crash when the stream closes twice');
    expect(cleanSubject('PROJ-42: Cache parsed headers #99')).toBe('Cache parsed headers');
    expect(cleanSubject('Allow std::vector in the bindings')).toBe('Allow std::vector in the bindings');
    expect(cleanSubject('Fix bug: the cache never expires')).toBe('Fix bug: the cache never expires');
  });
});

describe('case mining', () => {
  it('keeps the newest usable commits with their code files and counts every skip by reason', async () => {
    const set = await mineCases(project, { maxCases: 200, maxFilesPerCommit: 10 });
    expect(set.source).toBe('git_history');
    expect(set.cases).toEqual([
      { query: 'Add a connection pool for database handles', targets: [{ path: 'src/db/pool.ts' }], level: 'file', commit: hashes['Add a connection pool for database handles'] },
      { query: 'Add rate limiter for the login endpoint', targets: [{ path: 'src/http/limit.ts' }], level: 'file', commit: hashes['Add rate limiter for the login endpoint'] },
      // the cache helper was deleted since: only the lexer is left to find
      { query: 'Add token lexer and legacy cache helper', targets: [{ path: 'src/lexer/tokens.ts' }], level: 'file', commit: hashes['Add token lexer and legacy cache helper'] },
      // README.md and package.json are not code
      { query: 'Retry failed requests with exponential backoff', targets: [{ path: 'src/http/retry.ts' }], level: 'file', commit: hashes['Retry failed requests with exponential backoff. Fixes #7'] },
      // the test file is not an answer
      { query: 'Sign session cookies with an HMAC', targets: [{ path: 'src/auth/session.ts' }], level: 'file', commit: hashes['[auth] Sign session cookies with an HMAC (#12)'] },
    ]);
    expect(set.skipped).toEqual({
      symmetric_rewrite: 1, identifier_subject: 1, revert: 1, no_code_files: 2, too_many_files: 1, release: 1,
      formatting: 1, whitespace_only: 1, duplicate_subject: 1, short_subject: 1,
    });
    expect(set.commits_scanned).toBe(16); // the merge commit is never read
  });

  it('stops at max_cases and skips commits over max_files_per_commit', async () => {
    const set = await mineCases(project, { maxCases: 2, maxFilesPerCommit: 2 });
    expect(set.cases.map((c) => c.query)).toEqual(['Add a connection pool for database handles', 'Add rate limiter for the login endpoint']);
    expect(set.skipped).toEqual({ symmetric_rewrite: 1, identifier_subject: 1, revert: 1, no_code_files: 1 });
    expect(set.commits_scanned).toBe(6);
    const narrow = await mineCases(project, { maxCases: 200, maxFilesPerCommit: 2 });
    expect(narrow.cases.map((c) => c.query)).not.toContain('Retry failed requests with exponential backoff'); // three files
    expect(narrow.skipped.too_many_files).toBe(3); // the fixtures, the retry commit and the initial commit
  });

  it('is deterministic', async () => {
    expect(await mineCases(project, { maxCases: 3, maxFilesPerCommit: 10 })).toEqual(await mineCases(project, { maxCases: 3, maxFilesPerCommit: 10 }));
  });
});

// ---- metrics -----------------------------------------------------------------------------------

describe('metrics', () => {
  const fileCase: EvalCase = { query: 'q', targets: [{ path: 'a.ts' }, { path: 'b.ts' }], level: 'file' };
  const ranking = ['x.ts', 'x.ts', 'a.ts', 'y.ts', 'z.ts', 'w.ts', 'b.ts', 'v.ts'].map((path, i) => ({ path, line: i + 1, end_line: i + 1 }));

  it('file level: the ranking is reduced to distinct files', () => {
    expect(scoreCase(fileCase, ranking, 10)).toEqual({ first: 2, rr: 0.5, recall_at_5: 0.5, recall_at_k: 1, hit_at_5: 1 });
    expect(scoreCase(fileCase, ranking, 1)).toEqual({ first: null, rr: 0, recall_at_5: 0.5, recall_at_k: 0, hit_at_5: 1 });
    expect(scoreCase(fileCase, [], 10)).toEqual({ first: null, rr: 0, recall_at_5: 0, recall_at_k: 0, hit_at_5: 0 });
  });

  it('chunk level: every result counts and a range needs an overlapping result', () => {
    const rangeCase: EvalCase = { query: 'q', targets: [{ path: 'a.ts', start_line: 10, end_line: 20 }, { path: 'c.ts' }], level: 'chunk' };
    const hits = [
      { path: 'a.ts', line: 1, end_line: 9 }, // same file, no overlap
      { path: 'b.ts', line: 10, end_line: 20 }, // overlapping lines, other file
      { path: 'a.ts', line: 20, end_line: 30 }, // overlaps on line 20
      { path: 'd.ts', line: 1, end_line: 2 },
      { path: 'e.ts', line: 1, end_line: 2 },
      { path: 'c.ts', line: 3, end_line: 4 }, // sixth: a whole-file target
    ];
    expect(scoreCase(rangeCase, hits, 10)).toEqual({ first: 3, rr: 1 / 3, recall_at_5: 0.5, recall_at_k: 1, hit_at_5: 1 });
    expect(scoreCase(rangeCase, hits, 2)).toEqual({ first: null, rr: 0, recall_at_5: 0.5, recall_at_k: 0, hit_at_5: 1 });
  });

  it('averages over cases, rounded to four decimals', () => {
    const s = [
      { first: 1, rr: 1, recall_at_5: 1, recall_at_k: 1, hit_at_5: 1 },
      { first: 3, rr: 1 / 3, recall_at_5: 0.5, recall_at_k: 0.5, hit_at_5: 1 },
      { first: null, rr: 0, recall_at_5: 0, recall_at_k: 0, hit_at_5: 0 },
    ];
    expect(summarize(s)).toEqual({ mrr: 0.4444, recall_at_5: 0.5, recall_at_k: 0.5, hit_at_5: 0.6667 });
    expect(summarize([])).toEqual({ mrr: 0, recall_at_5: 0, recall_at_k: 0, hit_at_5: 0 });
  });
});

// ---- query files -------------------------------------------------------------------------------

describe('query files', () => {
  const code = (fn: () => unknown) => {
    try { fn(); } catch (err) {
      expect(err).toBeInstanceOf(CartographError);
      const e = err as CartographError;
      return { code: e.code, reason: e.details?.reason, line: e.details?.line, message: e.message };
    }
    throw new Error('expected an error');
  };

  it('reads a JSON array and JSON Lines alike, confines paths and drops what the index lacks', () => {
    const entries = [
      { query: 'sign the session cookie', ranges: [{ path: 'src/auth/session.ts', start_line: 4, end_line: 7 }] },
      { query: 'pool of database connections', files: ['./src/db/pool.ts', 'src/gone.ts'] },
      { query: 'something removed', files: ['src/cache/legacy.ts'] },
    ];
    const fromArray = parseQueryFile(project, 'q.json', JSON.stringify(entries));
    const fromLines = parseQueryFile(project, 'q.jsonl', `${entries.map((e) => JSON.stringify(e)).join('\n')}\n\n`);
    expect(fromLines).toEqual(fromArray);
    expect(fromArray).toEqual({
      source: 'query_file',
      cases: [
        { query: 'sign the session cookie', targets: [{ path: 'src/auth/session.ts', start_line: 4, end_line: 7 }], level: 'chunk' },
        { query: 'pool of database connections', targets: [{ path: 'src/db/pool.ts' }], level: 'file' },
      ],
      skipped: { expected_missing: 1 },
      notes: ['2 expected paths are not in the index and were left out.'],
    });
  });

  it('refuses malformed input with typed errors', () => {
    expect(code(() => parseQueryFile(project, 'q.json', '[{"query": "x", "files": ["a.ts"]'))).toMatchObject({ code: 'invalid_argument', reason: 'malformed_query_file' });
    expect(code(() => parseQueryFile(project, 'q.jsonl', '{"query": "x", "files": ["src/db/pool.ts"]}\n{oops}\n'))).toMatchObject({ code: 'invalid_argument', reason: 'malformed_query_file', line: 2 });
    expect(code(() => parseQueryFile(project, 'q.json', '[{"query": "no answers"}]')).message).toMatch(/entry 1: .*give files or ranges/);
    expect(code(() => parseQueryFile(project, 'q.json', '[{"query": "", "files": ["a.ts"]}]'))).toMatchObject({ code: 'invalid_argument', reason: 'malformed_query_file' });
    expect(code(() => parseQueryFile(project, 'q.json', '[{"query": "x", "ranges": [{"path": "a.ts", "start_line": 9, "end_line": 3}]}]')).message)
      .toMatch(/end_line must not be before start_line/);
    expect(code(() => parseQueryFile(project, 'q.json', '[{"query": "x", "files": ["../outside.ts"]}]'))).toMatchObject({ code: 'invalid_argument', reason: 'outside_root' });
  });
});

// ---- the bench baselines -----------------------------------------------------------------------

describe('baselines', () => {
  it('whole-file BM25 (k1 1.2, b 0.75) with a plain tokenizer: exact scores, ties by path', () => {
    const bm25 = new WholeFileBm25();
    bm25.add('d.txt', 'handler, REQUEST');
    bm25.add('a.txt', 'retry failed request retry');
    bm25.add('c.txt', 'unrelated words here');
    bm25.add('b.txt', 'Request handler');
    const ranked = bm25.rank('Retry request');
    expect(ranked.map((r) => r.path)).toEqual(['a.txt', 'b.txt', 'd.txt']);
    expect(ranked[0]!.score).toBeCloseTo(1.768566, 5);
    expect(ranked[1]!.score).toBeCloseTo(0.401467, 5);
    // A vocabulary limits postings, not scores.
    const limited = new WholeFileBm25(new Set(['retry', 'request']));
    for (const [p, t] of [['d.txt', 'handler, REQUEST'], ['a.txt', 'retry failed request retry'], ['c.txt', 'unrelated words here'], ['b.txt', 'Request handler']] as const) limited.add(p, t);
    expect(limited.rank('Retry request')).toEqual(ranked);
    // No identifier splitting: retryFailedRequest is one word.
    bm25.add('e.ts', 'retryFailedRequest');
    expect(bm25.rank('retry').map((r) => r.path)).toEqual(['a.txt']);
  });

  it('git grep: the question words minus stop words, files ranked by distinct words found', async () => {
    expect(grepWords('Where do we retry the failed HTTP requests?')).toEqual(['retry', 'failed', 'http', 'requests']);
    const dir = makeRepo({ 'a.ts': 'retry after a FAILED call\n', 'b.ts': 'retry\n', 'c.ts': 'nothing\n', 'docs/x.md': 'retry failed\n' }, { git: true });
    try {
      const grep = new GrepBaseline(dir, new Set(['a.ts', 'b.ts', 'c.ts']));
      expect(await grep.rank('retry the failed ones')).toEqual(['a.ts', 'b.ts']);
      expect(await grep.rank('zebra')).toEqual([]);
    } finally { removeDir(dir); }
  });
});

// ---- the operation -----------------------------------------------------------------------------

describe('evaluate_search end to end (needs semantic search)', () => {
  const op = () => operationNamed('evaluate_search')!;

  it('mines the history and scores keyword search; vectors are reported as unavailable', async () => {
    const res = await invoke(op(), project, {});
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    const out = res.output as Record<string, any>;
    expect(out.source).toBe('git_history');
    expect(out.cases).toBe(5);
    expect(out.vector_available).toBe(false);
    expect(out.sweep).toBeUndefined();
    expect(out.modes.map((m: { mode: string }) => m.mode)).toEqual(['keyword']);
    expect(out.modes[0]).toMatchObject({ mode: 'keyword', cases: 5, mrr: 1, recall_at_5: 1, recall_at_k: 1, hit_at_5: 1 });
    expect(out.examples.map((e: { rank: Record<string, number | null> }) => e.rank)).toEqual(Array(5).fill({ keyword: 1 }));
    expect(out.notes.join(' ')).toMatch(/need an embedding provider/);
    expect(res.text).toMatch(/^Search evaluation: 5 cases from git history \(16 commits examined, 11 skipped\), k=10\n {2}mode +MRR@10 +R@5 +R@10 +Hit@5 +p50 ms +p95 ms\n {2}keyword +1\.000 +1\.000 +1\.000 +1\.000 /);
    expect(res.text).toContain('"Add rate limiter for the login endpoint" → src/http/limit.ts');
    expect(estimateTokens(res.text)).toBeLessThan(2000);
    const again = await invoke(op(), project, {});
    if (!again.ok) throw new Error(again.error.message);
    const strip = (o: Record<string, any>) => ({ ...o, freshness: undefined, modes: o.modes.map((m: object) => ({ ...m, p50_ms: 0, p95_ms: 0 })) });
    expect(strip(again.output)).toEqual(strip(out));
  });

  it('runs a query file with file and range answers', async () => {
    writeFileSync(join(repo, 'queries.jsonl'), [
      JSON.stringify({ query: 'sign the session cookie with an HMAC', ranges: [{ path: 'src/auth/session.ts', start_line: 3, end_line: 7 }] }),
      JSON.stringify({ query: 'pool of database connections', files: ['src/db/pool.ts'] }),
      JSON.stringify({ query: 'vanished module', files: ['src/gone.ts'] }),
    ].join('\n'));
    const res = await invoke(op(), project, { query_file: 'queries.jsonl', modes: ['keyword'] });
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    const out = res.output as Record<string, any>;
    expect(out).toMatchObject({ source: 'query_file', cases: 2, skipped: { expected_missing: 1 } });
    expect(out.modes[0]).toMatchObject({ mode: 'keyword', cases: 2, hit_at_5: 1 });
    expect(out.examples[0].expected).toEqual(['src/auth/session.ts:3-7']);
    expect(out.notes).toContain('1 expected path is not in the index and was left out.');
  });

  it('answers bad parameters with typed errors', async () => {
    const outside = await invoke(op(), project, { query_file: '../elsewhere.json' });
    expect(outside.ok ? undefined : [outside.error.code, outside.error.details?.reason]).toEqual(['invalid_argument', 'outside_root']);
    const missing = await invoke(op(), project, { query_file: 'nope.json' });
    expect(missing.ok ? undefined : missing.error.code).toBe('not_found');
    writeFileSync(join(repo, 'bad.json'), '[{"query": 3}]');
    const bad = await invoke(op(), project, { query_file: 'bad.json' });
    expect(bad.ok ? undefined : [bad.error.code, bad.error.details?.reason]).toEqual(['invalid_argument', 'malformed_query_file']);
    const vector = await invoke(op(), project, { modes: ['vector'] });
    expect(vector.ok ? undefined : [vector.error.code, vector.error.details?.reason]).toEqual(['unavailable', 'no_provider']);
    const clamped = await invoke(op(), project, { max_cases: 5000, modes: ['keyword'] });
    expect(clamped.ok && clamped.output.notes).toEqual(expect.arrayContaining(['max_cases=5000 is out of range; clamped to 2000.']));
    const wrongMode = await invoke(op(), project, { modes: ['grep'] });
    expect(wrongMode.ok ? undefined : wrongMode.error.code).toBe('invalid_argument');
  });

  it('says there is nothing to measure in a repository without usable commits', async () => {
    const dir = makeRepo({ 'src/a.ts': 'export const a = 1;\n' }, { git: true }); // one commit, subject "init"
    const p = await openIndexed(dir);
    try {
      const res = await invoke(op(), p, { max_cases: 5 });
      if (!res.ok) throw new Error(res.error.message);
      expect(res.output).toMatchObject({ cases: 0, skipped: { short_subject: 1 }, commits_scanned: 1, modes: [], examples: [] });
      expect(res.text).toContain('Search evaluation: 0 cases from git history (1 commit examined, 1 skipped), k=10\n  Skipped: short_subject 1');
      expect((res.output.notes as string[]).join(' ')).toMatch(/No usable cases: .* query_file/);
    } finally { await p.close(); removeDir(dir); }
  });
});
