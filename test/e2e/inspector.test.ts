// Smoke test with a third-party client: the MCP Inspector CLI (the pinned devDependency, run from
// node_modules, never fetched) lists the tools and calls two of them over stdio, both when the
// stdio server forwards to a shared server (the default) and when it serves in-process.
import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pidAlive, readServerLock } from '../../src/cli/server-lock.js';
import { OPERATIONS } from '../../src/operations/registry.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { copyFixture, removeDir } from '../helpers/fixture.js';

const INSPECTOR = join(PACKAGE_ROOT, 'node_modules', '@modelcontextprotocol', 'inspector', 'clients', 'launcher', 'build', 'index.js');
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

let root: string;
let home: string;
const dataDirs: string[] = [];

beforeAll(() => {
  root = copyFixture('app');
  home = mkdtempSync(join(tmpdir(), 'cg-inspector-home-')); // the inspector keeps its state under ~/.mcp-inspector
});

afterAll(() => {
  for (const d of dataDirs) {
    const lock = readServerLock(d);
    if (lock && pidAlive(lock.pid)) process.kill(lock.pid, 'SIGTERM');
    removeDir(d);
  }
  removeDir(home);
  removeDir(root);
});

describe.each([
  ['forwarded to a shared server', []],
  ['served in-process', ['--no-forward']],
])('MCP Inspector CLI, %s', (_, mode) => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cg-inspector-'));
    dataDirs.push(dataDir);
  });

  /** `mcp-inspector --cli <method options> -- node main.js serve --transport stdio …`; the `--` keeps our flags from the inspector. */
  async function inspect(...method: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await promisify(execFile)(process.execPath, [INSPECTOR, '--cli', ...method, '--',
      process.execPath, CLI, 'serve', '--transport', 'stdio', '--project', root, '--data-dir', dataDir, '--no-watch', '--workers', '1', '--log-level', 'warn', ...mode],
    { env: { ...process.env, HOME: home }, timeout: 60_000 });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  it('lists every operation as a tool', async () => {
    const out = await inspect('--method', 'tools/list');
    expect((out.tools as Array<{ name: string }>).map((t) => t.name).sort()).toEqual(OPERATIONS.map((o) => o.name).sort());
  });

  it('calls index_status and search_symbols', async () => {
    const status = await inspect('--method', 'tools/call', '--tool-name', 'index_status');
    expect(status.isError ?? false).toBe(false);
    expect(status.structuredContent).toMatchObject({ root: realpathSync(root), generation: expect.any(Number) });
    const found = await inspect('--method', 'tools/call', '--tool-name', 'search_symbols', '--tool-arg', 'name=formatName');
    const results = (found.structuredContent as { results: Array<{ qualified_name: string; file_path: string; start_line: number }> }).results;
    expect(results[0]).toMatchObject({ qualified_name: 'formatName', file_path: 'src/util.ts', start_line: 4 });
    expect(Boolean(readServerLock(dataDir))).toBe(mode.length === 0);
  });
});
