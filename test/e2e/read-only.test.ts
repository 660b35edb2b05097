// Read-only mode on every front end: MCP clients (stdio and Streamable HTTP, official SDK) are not
// offered the writing tools, and a call to one is refused with the typed read_only error over MCP,
// REST (403) and the CLI, while reading operations answer as usual.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { OPERATIONS } from '../../src/operations/registry.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { copyFixture, openIndexed, removeDir } from '../helpers/fixture.js';
import { connectClients, startHttp, stdioTransport, type RunningServer } from '../helpers/server.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
/** Every operation whose annotations say it writes. */
const WRITERS = ['export_adrs', 'import_adrs', 'learning_feedback', 'notify_file_changed', 'record_adr', 'record_learning', 'update_adr_status'];
const LEARNING = { type: 'gotcha', description: 'formatName trims whitespace', scope: 'src/util.ts', confidence: 1 };

let root: string;
let dataDir: string;
let project: Project;
let http: RunningServer;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  root = copyFixture('app');
  dataDir = mkdtempSync(join(tmpdir(), 'cg-ro-'));
  project = await openIndexed(root, { read_only: true });
  http = await startHttp(project, { read_only: true });
  Object.assign(clients, await connectClients({
    stdio: stdioTransport(root, dataDir, ['--read-only']),
    streamable: new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)),
  }));
});

afterAll(async () => {
  for (const c of Object.values(clients)) await c.close();
  await http.close();
  await project.close();
  removeDir(root);
  removeDir(dataDir);
});

const refusal = (tool: string) => ({
  code: 'invalid_argument',
  message: `${tool} changes state and this server is read-only (read_only setting).`,
  details: { reason: 'read_only', tool },
});

describe('read-only mode', () => {
  it('lists exactly the operations annotated read-only', async () => {
    expect(OPERATIONS.filter((o) => !o.annotations.readOnlyHint).map((o) => o.name).sort()).toEqual(WRITERS);
    const expected = OPERATIONS.map((o) => o.name).filter((n) => !WRITERS.includes(n)).sort();
    for (const [transport, c] of Object.entries(clients)) {
      const { tools } = await c.listTools();
      expect(tools.map((t) => t.name).sort(), transport).toEqual(expected);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true), transport).toBe(true);
    }
  });

  it('refuses a writing tool called over MCP with the typed error', async () => {
    for (const [transport, c] of Object.entries(clients)) {
      const res = await c.callTool({ name: 'record_learning', arguments: LEARNING });
      expect(res.isError, transport).toBe(true);
      expect(res._meta?.['cartograph/error'], transport).toEqual({ error: refusal('record_learning'), request_id: null });
      expect(res.content, transport).toEqual([{ type: 'text', text: `Error [invalid_argument]: ${refusal('record_learning').message}` }]);
    }
  });

  it('answers 403 with the typed error over REST v1 and v2, and writes nothing', async () => {
    for (const version of ['v1', 'v2']) {
      for (const [path, tool, body] of [['/learnings', 'record_learning', LEARNING], ['/notify', 'notify_file_changed', { files: ['src/util.ts'] }]] as const) {
        const res = await fetch(`${http.url}/api/${version}/projects/default${path}`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
        });
        expect(res.status, `${version} ${tool}`).toBe(403);
        expect(((await res.json()) as { error: unknown }).error).toEqual(refusal(tool));
      }
    }
    const list = await fetch(`${http.url}/api/v2/projects/default/learnings`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });

  it('still answers reading operations', async () => {
    for (const [transport, c] of Object.entries(clients)) {
      const res = await c.callTool({ name: 'search_symbols', arguments: { name: 'formatName' } });
      expect(res.isError ?? false, transport).toBe(false);
      expect((res.structuredContent as { results: Array<{ file_path: string }> }).results[0]!.file_path).toBe('src/util.ts');
    }
    const res = await fetch(`${http.url}/api/v2/projects/default/symbols?path=src/app.ts`);
    expect(res.status).toBe(200);
  });

  it('refuses a writing operation on the CLI, by flag or environment variable', () => {
    const base = [CLI, 'record_learning', '--type', 'gotcha', '--description', 'x', '--project', root, '--data-dir', dataDir];
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CARTOGRAPH_')));
    for (const r of [
      spawnSync(process.execPath, [...base, '--read-only'], { encoding: 'utf8', env }),
      spawnSync(process.execPath, base, { encoding: 'utf8', env: { ...env, CARTOGRAPH_READ_ONLY: '1' } }),
    ]) {
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Error [invalid_argument]: ${refusal('record_learning').message}`);
      expect(r.stdout).toBe('');
    }
  });
});
