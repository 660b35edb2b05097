// semantic_search through the real engine: chunks from the indexer, the LanceDB keyword table,
// structural boosts, the per-file cap, file filters, abstention on made-up queries, edits
// reaching the keyword index, and typed errors for bad input.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

let project: Project;
let root: string;

const RETRY = [
  "import { sleep } from '../util/time';",
  '',
  '/** Retries a failed HTTP request with exponential backoff. */',
  'export async function retryFailedRequest(send: () => Promise<Response>, attempts = 3): Promise<Response> {',
  '  let last: unknown;',
  '  for (let i = 0; i < attempts; i++) {',
  '    try { return await send(); } catch (err) { last = err; }',
  '    await sleep(2 ** i * 100);',
  '  }',
  '  throw last;',
  '}',
  '',
].join('\n');

const SESSION = [
  "import { createHmac } from 'node:crypto';",
  '',
  '/** Signs the session cookie with an HMAC of its value. */',
  'export function signSessionCookie(value: string, secret: string): string {',
  "  const mac = createHmac('sha256', secret).update(value).digest('hex');",
  '  return `${value}.${mac}`;',
  '}',
  '',
  '/** Checks a signed cookie and returns its value, or undefined when the signature is wrong. */',
  'export function verifySessionCookie(signed: string, secret: string): string | undefined {',
  "  const dot = signed.lastIndexOf('.');",
  '  const value = signed.slice(0, dot);',
  '  return signSessionCookie(value, secret) === signed ? value : undefined;',
  '}',
  '',
].join('\n');

const POOL = [
  '/** A pool of database connections shared by the request handlers. */',
  'export class ConnectionPool {',
  '  private free: string[] = [];',
  '  /** Takes a connection from the pool, opening one when none is free. */',
  '  acquire(): string { return this.free.pop() ?? this.open(); }',
  '  /** Gives a connection back to the pool. */',
  '  release(conn: string): void { this.free.push(conn); }',
  "  private open(): string { return 'conn'; }",
  '}',
  '',
].join('\n');

/** Five functions that all mention tokens, to check that one file cannot take more than three places. */
const TOKENS = Array.from({ length: 5 }, (_, i) => `/** Parses token kind ${i}. */\nexport function parseToken${i}(token: string) { return token.split('${i}'); }\n`).join('\n');

beforeAll(async () => {
  root = makeRepo({
    'src/http/retry.ts': RETRY,
    'src/util/time.ts': 'export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n',
    'src/auth/session.ts': SESSION,
    'src/db/pool.ts': POOL,
    'src/lexer/tokens.ts': TOKENS,
    'test/retry.test.ts': "import { retryFailedRequest } from '../src/http/retry';\n\n// retry a failed request three times\nexport async function retriesFailedRequests() { await retryFailedRequest(async () => new Response()); }\n",
    'README.md': '# Demo\n\nA demo service.\n\n## Sessions\n\nSession cookies are signed with HMAC.\n',
  });
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

async function search(args: Record<string, unknown>) {
  const res = await invoke(operationNamed('semantic_search')!, project, args);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res as typeof res & { output: { results: Array<Record<string, any>>; low_confidence: boolean; mode_used: string; degraded_reason?: string; total: number; notes?: string[] } };
}

describe('semantic_search, keyword leg', () => {
  it('finds a function described in words, with its line range and score components', async () => {
    const { output, text } = await search({ query: 'where do we retry failed requests' });
    expect(output.mode_used).toBe('keyword');
    expect(output.degraded_reason).toBe('no_provider');
    expect(output.low_confidence).toBe(false);
    expect(output.results[0]).toMatchObject({
      file_path: 'src/http/retry.ts', line: 3, end_line: 11, kind: 'function', name: 'retryFailedRequest', score: 1,
    });
    expect(output.results[0]!.components.bm25).toBeGreaterThan(0);
    expect(output.results[0]!.components.bm25_rank).toBe(1);
    expect(output.results[0]!.components.factors).toMatchObject({ kind: 1.4, source_root: 1.7, coverage: 2.5 });
    const snippet = output.results[0]!.snippet as string;
    expect(snippet).toMatch(/^(export )?async function retryFailedRequest\(send: \(\) => Promise<Response>, attempts = 3\): Promise<Response>/);
    expect([...snippet].length).toBeLessThanOrEqual(120);
    expect(snippet).not.toContain('\n');
    expect(text).toMatch(/^Semantic search results \(\d+, mode=keyword\):\n {2}1\. \[function\] src\/http\/retry\.ts:3-11 — retryFailedRequest \(score 1\.00\)/);
    expect(text).toContain('keyword search only: no embedding provider is configured.');
  });

  it('ranks the code above its test and the README unless tests are asked for', async () => {
    const plain = (await search({ query: 'retry failed request' })).output.results.map((r) => r.file_path);
    expect(plain[0]).toBe('src/http/retry.ts');
    expect(plain.indexOf('test/retry.test.ts')).toBeGreaterThan(0);
    const cookie = (await search({ query: 'sign the session cookie with an HMAC' })).output.results;
    expect(cookie[0]).toMatchObject({ file_path: 'src/auth/session.ts', name: 'signSessionCookie', line: 3, end_line: 7 });
    expect(cookie.findIndex((r) => r.file_path === 'README.md')).toBeGreaterThan(0);
  });

  it('keeps at most three chunks of one file', async () => {
    const { output } = await search({ query: 'parse token', top_k: 10 });
    expect(output.results.filter((r) => r.file_path === 'src/lexer/tokens.ts')).toHaveLength(3);
  });

  it('applies file_filter globs', async () => {
    const { output } = await search({ query: 'cookie signature value', file_filter: 'src/auth/*' });
    expect(new Set(output.results.map((r) => r.file_path))).toEqual(new Set(['src/auth/session.ts']));
    expect((await search({ query: 'cookie', file_filter: 'nowhere/**' })).output.results).toEqual([]);
  });

  it('says when nothing is likely relevant instead of returning confident noise', async () => {
    await project.search().calibrate();
    const { output, text } = await search({ query: 'purple giraffe orchestra on the moon' });
    expect(output.low_confidence).toBe(true);
    if (output.results.length) expect(text).toContain('Low confidence');
    expect((await search({ query: 'connection pool acquire' })).output.low_confidence).toBe(false);
  });

  it('sees an edit as soon as the file is re-indexed', async () => {
    writeFileSync(join(root, 'src/db/pool.ts'), `${POOL}\n/** Drains every idle connection before shutdown. */\nexport function drainIdleConnections(pool: ConnectionPool) { return pool; }\n`);
    await invoke(operationNamed('notify_file_changed')!, project, { files: ['src/db/pool.ts'] });
    const { output } = await search({ query: 'drain idle connections before shutdown' });
    expect(output.results[0]).toMatchObject({ file_path: 'src/db/pool.ts', name: 'drainIdleConnections' });
  });

  it('ranks the definition named by an identifier query first', async () => {
    const { output } = await search({ query: 'verifySessionCookie' });
    expect(output.results[0]).toMatchObject({ name: 'verifySessionCookie', components: { factors: { name_exact: 5 } } });
    const member = (await search({ query: 'how does ConnectionPool.release work' })).output.results[0];
    expect(member).toMatchObject({ name: 'ConnectionPool.release', components: { factors: { name_exact: 5 } } });
  });

  it('answers identifier-looking queries that match nothing with a pointer to search_symbols', async () => {
    const { text, output } = await search({ query: 'zzqxNothingHere' });
    expect(output.results).toEqual([]);
    expect(text).toContain("No results found. 'zzqxNothingHere' looks like an identifier: try search_symbols.");
  });
});

describe('semantic_search, modes and bad input', () => {
  it('refuses mode=vector without a provider instead of degrading silently', async () => {
    const res = await invoke(operationNamed('semantic_search')!, project, { query: 'retry', mode: 'vector' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatchObject({ code: 'unavailable', details: { reason: 'no_provider' } });
  });

  it('returns typed errors for empty, oversized and malformed queries, and clamps top_k', async () => {
    const call = (args: Record<string, unknown>) => invoke(operationNamed('semantic_search')!, project, args);
    const empty = await call({ query: '   ' });
    expect(!empty.ok && empty.error.code).toBe('invalid_argument');
    const huge = await call({ query: 'x'.repeat(2001) });
    expect(!huge.ok && huge.error.code).toBe('too_large');
    const broken = await call({ query: 'retry \ud800 request' });
    expect(!broken.ok && broken.error.code).toBe('invalid_argument');
    const clamped = await call({ query: 'retry', top_k: 500 });
    expect(clamped.ok && clamped.output.notes).toContain('top_k=500 is out of range; clamped to 100.');
    const badMode = await call({ query: 'retry', mode: 'psychic' });
    expect(!badMode.ok && badMode.error.code).toBe('invalid_argument');
  });
});

describe('semantic_search_status', () => {
  it('reports the keyword index and a keyword-only, healthy state without a provider', async () => {
    await project.search().ready();
    const res = await invoke(operationNamed('semantic_search_status')!, project, {});
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const files = project.store.allFiles().length; // README.md included: Markdown is searched by its sections
    expect(res.output).toMatchObject({
      provider: 'none', available: true, health_status: 'healthy', vector_search_active: false,
      keyword_index: { ready: true, files, pending_files: 0, documents: project.store.chunkCount() },
    });
    expect(res.text).toContain('Note: no embedding provider is configured; search is keyword-only by design.');
  });
});
