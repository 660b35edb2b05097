// Bad input is expected: every case below gets a typed error or a skip reason, and the server
// keeps serving afterwards.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import { startHttp, type RunningServer } from '../helpers/server.js';

let root: string;
let outside: string;
let project: Project;
let http: RunningServer;
let mcp: Client;

beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), 'cartograph-outside-'));
  writeFileSync(join(outside, 'secret.ts'), 'export const secret = 1;\n');
  root = makeRepo({
    'src/ok.ts': 'export function ok() { return 1; }\n',
    'src/broken.ts': 'export function broken() {\n  return 1 +;\n}\nexport function fine() { return 2; }\n',
    'src/blob.bin.ts': Buffer.from([0x65, 0x78, 0x00, 0x01, 0x02, 0x03]),
    'src/huge.ts': `export const big = "${'x'.repeat(30_000)}";\n`,
    'src/bundle.js': `${'var a=1;'.repeat(2_000)}\n`,
  });
  symlinkSync(join(outside, 'secret.ts'), join(root, 'src', 'escape.ts'));
  project = await openIndexed(root, { max_file_size: 20_000 });
  http = await startHttp(project);
  mcp = new Client({ name: 'bad-input', version: '1.0.0' });
  await mcp.connect(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)));
});

afterAll(async () => {
  await mcp.close();
  await http.close();
  await project.close();
  removeDir(root);
  removeDir(outside);
});

const get = async (path: string) => {
  const res = await fetch(`${http.url}${path}`);
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string; details?: Record<string, unknown> }; request_id?: string } & Record<string, unknown> };
};

describe('paths', () => {
  it.each([['../etc/passwd'], ['/etc/passwd'], ['src/escape.ts']])('refuses %s as outside the root', async (path) => {
    const res = await get(`/api/v2/projects/default/symbols?path=${encodeURIComponent(path)}`);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('invalid_argument');
    expect(res.body.error?.details?.reason).toBe('outside_root');
    expect(typeof res.body.request_id).toBe('string');
  });

  it('answers an unknown file with not_found and suggestions', async () => {
    const res = await get('/api/v2/projects/default/dependencies?path=src/OK.ts');
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('not_found');
    expect(res.body.error?.details?.did_you_mean).toEqual(['src/ok.ts']);
  });

  it('refuses a directory where a file is needed', async () => {
    const res = await get('/api/v2/projects/default/symbols?path=src');
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('invalid_argument');
  });

  it('answers a file over the parse cap with too_large', async () => {
    const res = await get('/api/v2/projects/default/symbols?path=src/huge.ts');
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('too_large');
  });
});

describe('files the indexer cannot or should not parse', () => {
  it('skips binary, huge and minified files with a reason', async () => {
    const res = await get('/api/v2/projects/default/index-status');
    expect(res.status).toBe(200);
    const skipped = Object.fromEntries((res.body.skipped as Array<{ path: string; reason: string }>).map((s) => [s.path, s.reason]));
    expect(skipped).toEqual({ 'src/blob.bin.ts': 'binary', 'src/bundle.js': 'minified', 'src/huge.ts': 'too_large' });
  });

  it('keeps what can be read from a file with syntax errors and flags it', async () => {
    const res = await get('/api/v2/projects/default/symbols?path=src/broken.ts');
    expect(res.status).toBe(200);
    expect(res.body.parse_status).toBe('partial');
    expect((res.body.symbols as Array<{ name: string }>).map((s) => s.name)).toContain('fine');
  });
});

describe('requests', () => {
  it('answers an unknown project with 404', async () => {
    const res = await get('/api/v1/projects/nope/symbols?path=src/ok.ts');
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('not_found');
  });

  it('answers malformed JSON with 400 and a typed body', async () => {
    const res = await fetch(`${http.url}/api/v2/projects/default/graph/query`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"file": ',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { reason: string } } };
    expect(body.error.code).toBe('invalid_argument');
    expect(body.error.details.reason).toBe('malformed_json');
  });

  it('answers a missing required parameter with 422', async () => {
    const res = await get('/api/v2/projects/default/search-symbols');
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toMatch(/'name'/);
  });

  it('clamps out-of-range numbers and names ignored keys in notes', async () => {
    const res = await get('/api/v2/projects/default/search-symbols?name=ok&limit=999&bogus=1&KIND=function');
    expect(res.status).toBe(200);
    expect(res.body.notes).toEqual(['limit=999 is out of range; clamped to 200.', 'Ignored unknown parameters: KIND, bogus.']);
  });

  it('accepts branch on REST and says when another branch was asked for', async () => {
    const res = await get('/api/v2/projects/default/symbols?path=src/ok.ts&branch=feature-x');
    expect(res.status).toBe(200);
    expect(res.body.notes).toEqual(["branch 'feature-x' was ignored: answers come from the working tree."]);
  });

  it('matches enum values case-insensitively', async () => {
    const res = await get('/api/v2/projects/default/search-symbols?name=ok&kind=FUNCTION');
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('function');
  });
});

describe('MCP', () => {
  it('answers invalid arguments with an isError result that says what is wrong', async () => {
    const res = await mcp.callTool({ name: 'search_symbols', arguments: { name: 'x', limit: 'many' } });
    expect(res.isError).toBe(true);
    const text = (res.content as Array<{ text: string }>)[0]!.text;
    expect(text).toMatch(/^Error \[invalid_argument\]: Parameter 'limit'/);
    expect((res._meta?.['cartograph/error'] as { error: { code: string } }).error.code).toBe('invalid_argument');
  });

  it('answers an outside path over MCP with invalid_argument', async () => {
    const res = await mcp.callTool({ name: 'dependencies', arguments: { path: '../../etc/passwd' } });
    expect(res.isError).toBe(true);
    expect((res.content as Array<{ text: string }>)[0]!.text).toMatch(/outside the project root/);
  });

  it('answers an unknown tool with an error result', async () => {
    const res = await mcp.callTool({ name: 'no_such_tool', arguments: {} });
    expect(res.isError).toBe(true);
  });

  it('is still serving after all of the above', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    const ok = await mcp.callTool({ name: 'symbols', arguments: { path: 'src/ok.ts' } });
    expect(ok.isError ?? false).toBe(false);
  });
});
