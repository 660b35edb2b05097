// The `cartograph` command as a user runs it: index with progress, status, an operation with
// --json and as text, errors with a non-zero exit, and MCP stdio that writes nothing but protocol.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { copyFixture, removeDir } from '../helpers/fixture.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
let root: string;
let dataDir: string;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--project', root, '--data-dir', dataDir], { encoding: 'utf8' });

beforeAll(() => {
  root = copyFixture('app');
  dataDir = mkdtempSync(join(tmpdir(), 'cg-cli-'));
});
afterAll(() => { removeDir(root); removeDir(dataDir); });

describe('cartograph CLI', () => {
  it('indexes with progress on stderr and a summary on stdout', () => {
    const r = run('index');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Indexed .*: 8 new, 0 changed, 0 deleted, 0 unchanged in [\d.]+ s \(generation \d+\)\.\n$/);
    expect(r.stderr).toMatch(/parsing/);
  });

  it('shows status', () => {
    const r = run('status');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Files: 8 indexed/);
    expect(r.stdout).toMatch(/Last cold run: 8 files/);
  });

  it('runs an operation with a positional argument, as text and as JSON', () => {
    const text = run('dependencies', 'src/util.ts');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Imported by (2 files):\n  src/app.ts\n  src/services/users.ts');
    const json = run('search_symbols', '--name', 'formatName', '--json');
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout) as { results: Array<{ qualified_name: string; file_path: string }> };
    expect(out.results[0]).toMatchObject({ qualified_name: 'formatName', file_path: 'src/util.ts' });
  });

  it('exits non-zero with a typed error', () => {
    const r = run('symbols', 'src/missing.ts');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error \[not_found\]: File 'src\/missing.ts' is not in the index/m);
    expect(r.stdout).toBe('');
  });

  it('writes only JSON-RPC to stdout in MCP stdio mode', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--transport', 'stdio', '--project', root, '--data-dir', dataDir, '--no-watch', '--no-forward'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    const send = (msg: object) => child.stdin.write(`${JSON.stringify(msg)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'symbols', arguments: { path: 'src/app.ts' } } });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !stdout.includes('"id":2')) await new Promise((r) => setTimeout(r, 50));
    child.kill();
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(JSON.parse(lines[1]!).result.structuredContent.symbols.map((s: { name: string }) => s.name)).toEqual(['App', 'users', 'start', 'main']);
  });

  it('prints help', () => {
    const out = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/Usage:/);
    expect(out).toMatch(/CARTOGRAPH_MAX_FILE_SIZE/);
  });
});
