// `cartograph setup <client>` as a user runs it: each client's configuration parsed back and compared
// whole, for stdio (absolute node + bin, or npx) and HTTP (with and without an API key), merging into
// existing files without touching other servers or comments, and the exit code for an unknown client.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { removeDir } from '../helpers/fixture.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const NODE = process.execPath;
const CLIENTS = ['claude-code', 'cursor', 'vscode', 'codex', 'windsurf', 'zed', 'gemini'];
const URL_DEFAULT = 'http://127.0.0.1:7345/mcp';

let root: string;
let home: string;
// No CARTOGRAPH_* variable of the machine running the tests leaks into the settings.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CARTOGRAPH_')));
const run = (...args: string[]) => spawnSync(NODE, [BIN, 'setup', ...args, '--project', root, '--home', home], { encoding: 'utf8', env });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cg-setup-project-'));
  home = mkdtempSync(join(tmpdir(), 'cg-setup-home-'));
});
afterEach(() => { removeDir(root); removeDir(home); });

/** A strict reader for the TOML subset setup writes: `[table]` headers, `key = <string or string array>`, comments. */
function parseToml(text: string): Record<string, Record<string, unknown>> {
  const tables: Record<string, Record<string, unknown>> = { '': {} };
  let current = tables['']!;
  for (const line of text.split('\n')) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const header = /^\[([\w.]+)\]$/.exec(line);
    if (header) { current = tables[header[1]!] = {}; continue; }
    const kv = /^(\w+) = ("(?:[^"\\]|\\.)*"|\[(?:"(?:[^"\\]|\\.)*"(?:, )?)*\])$/.exec(line);
    if (!kv) throw new Error(`not TOML this test understands: ${line}`);
    current[kv[1]!] = JSON.parse(kv[2]!);
  }
  return tables;
}

describe('cartograph setup: printed configuration', () => {
  const stdio = () => ({ command: NODE, args: [BIN, 'serve', '--transport', 'stdio', '--project', root] });

  it('prints a stdio entry with absolute node and bin paths for every client', () => {
    const expected: Record<string, unknown> = {
      'claude-code': { mcpServers: { cartograph: { type: 'stdio', ...stdio() } } },
      cursor: { mcpServers: { cartograph: stdio() } },
      vscode: { servers: { cartograph: { type: 'stdio', ...stdio() } } },
      windsurf: { mcpServers: { cartograph: stdio() } },
      zed: { context_servers: { cartograph: stdio() } },
      gemini: { mcpServers: { cartograph: stdio() } },
    };
    for (const client of CLIENTS) {
      const r = run(client);
      expect(r.status, r.stderr).toBe(0);
      if (client === 'codex') expect(parseToml(r.stdout)).toEqual({ '': {}, 'mcp_servers.cartograph': stdio() });
      else expect(JSON.parse(r.stdout), client).toEqual(expected[client]);
    }
  });

  it('says where the configuration goes: project files under the root, user files under --home', () => {
    const where: Record<string, string> = {
      'claude-code': join(root, '.mcp.json'), cursor: join(root, '.cursor/mcp.json'), vscode: join(root, '.vscode/mcp.json'),
      codex: join(home, '.codex/config.toml'), windsurf: join(home, '.codeium/windsurf/mcp_config.json'),
      zed: join(root, '.zed/settings.json'), gemini: join(root, '.gemini/settings.json'),
    };
    for (const client of CLIENTS) expect(run(client).stderr).toBe(`Add this to ${where[client]}, or run again with --write to merge it there.\n`);
  });

  it('uses npx with --npx', () => {
    const r = run('claude-code', '--npx');
    expect(JSON.parse(r.stdout)).toEqual({
      mcpServers: { cartograph: { type: 'stdio', command: 'npx', args: ['cartograph', 'serve', '--transport', 'stdio', '--project', root] } },
    });
  });

  it('passes read-only mode on to the stdio server', () => {
    expect(JSON.parse(run('cursor', '--read-only').stdout).mcpServers.cartograph.args.at(-1)).toBe('--read-only');
  });

  it('prints an HTTP entry without headers when no API key is configured, at the default or a given URL', () => {
    expect(JSON.parse(run('cursor', '--http').stdout)).toEqual({ mcpServers: { cartograph: { url: URL_DEFAULT } } });
    expect(JSON.parse(run('vscode', '--http', 'http://10.0.0.5:9000/mcp').stdout))
      .toEqual({ servers: { cartograph: { type: 'http', url: 'http://10.0.0.5:9000/mcp' } } });
    expect(parseToml(run('codex', '--http').stdout)).toEqual({ '': {}, 'mcp_servers.cartograph': { url: URL_DEFAULT } });
  });

  it('prints an Authorization header referring to the key, never the key itself, when one is configured', () => {
    const auth = (value: string) => ({ headers: { Authorization: value } });
    const expected: Record<string, unknown> = {
      'claude-code': { mcpServers: { cartograph: { type: 'http', url: URL_DEFAULT, ...auth('Bearer ${CARTOGRAPH_API_KEY}') } } },
      cursor: { mcpServers: { cartograph: { url: URL_DEFAULT, ...auth('Bearer ${env:CARTOGRAPH_API_KEY}') } } },
      vscode: {
        inputs: [{ type: 'promptString', id: 'cartograph-api-key', description: 'Cartograph API key', password: true }],
        servers: { cartograph: { type: 'http', url: URL_DEFAULT, ...auth('Bearer ${input:cartograph-api-key}') } },
      },
      windsurf: { mcpServers: { cartograph: { serverUrl: URL_DEFAULT, ...auth('Bearer ${env:CARTOGRAPH_API_KEY}') } } },
      zed: { context_servers: { cartograph: { url: URL_DEFAULT, ...auth('Bearer <CARTOGRAPH_API_KEY>') } } },
      gemini: { mcpServers: { cartograph: { httpUrl: URL_DEFAULT, ...auth('Bearer ${CARTOGRAPH_API_KEY}') } } },
    };
    for (const client of CLIENTS) {
      const r = run(client, '--http', '--api-key', 's3cret-key');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('s3cret-key');
      if (client === 'codex') {
        expect(parseToml(r.stdout)).toEqual({ '': {}, 'mcp_servers.cartograph': { url: URL_DEFAULT, bearer_token_env_var: 'CARTOGRAPH_API_KEY' } });
      } else expect(JSON.parse(r.stdout), client).toEqual(expected[client]);
    }
    expect(run('zed', '--http', '--api-key', 'k').stderr).toContain('Replace <CARTOGRAPH_API_KEY> with your API key');
  });

  it('exits 2 and lists the clients for an unknown or missing client', () => {
    for (const r of [run('emacs'), run()]) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Supported clients: claude-code, cursor, vscode, codex, windsurf, zed, gemini.');
    }
    expect(run('emacs').stderr).toMatch(/^Unknown client 'emacs'\./);
  });
});

describe('cartograph setup --write', () => {
  it('creates a missing project file with the printed content', () => {
    const printed = run('gemini').stdout;
    const r = run('gemini', '--write');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Added the 'cartograph' server to ${join(root, '.gemini/settings.json')}.\n`);
    expect(JSON.parse(readFileSync(join(root, '.gemini/settings.json'), 'utf8'))).toEqual(JSON.parse(printed));
  });

  it('merges into an existing JSONC file, keeping other servers, settings and comments, and replaces a stale entry', () => {
    const path = join(root, '.cursor/mcp.json');
    mkdirSync(join(root, '.cursor'));
    writeFileSync(path, [
      '{',
      '  // servers the team shares',
      '  "mcpServers": {',
      '    "other": { "command": "other-server", "args": ["--flag"] }, // keep me',
      '    "cartograph": { "url": "http://old.example/mcp" },',
      '  },',
      '  "theme": "dark"',
      '}',
      '',
    ].join('\n'));
    expect(run('cursor', '--write').status).toBe(0);
    const once = readFileSync(path, 'utf8');
    expect(once).toContain('// servers the team shares');
    expect(once).toContain('// keep me');
    expect(parse(once, [], { allowTrailingComma: true })).toEqual({
      mcpServers: {
        other: { command: 'other-server', args: ['--flag'] },
        cartograph: { command: NODE, args: [BIN, 'serve', '--transport', 'stdio', '--project', root] },
      },
      theme: 'dark',
    });
    expect(run('cursor', '--write').status).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(once);
  });

  it('adds the VS Code key input once, next to inputs already there', () => {
    const path = join(root, '.vscode/mcp.json');
    mkdirSync(join(root, '.vscode'));
    writeFileSync(path, '{\n  "inputs": [{ "type": "promptString", "id": "gh-token", "password": true }],\n  "servers": { "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" } }\n}\n');
    expect(run('vscode', '--http', '--api-key', 'k', '--write').status).toBe(0);
    expect(run('vscode', '--http', '--api-key', 'k', '--write').status).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      inputs: [
        { type: 'promptString', id: 'gh-token', password: true },
        { type: 'promptString', id: 'cartograph-api-key', description: 'Cartograph API key', password: true },
      ],
      servers: {
        github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/' },
        cartograph: { type: 'http', url: URL_DEFAULT, headers: { Authorization: 'Bearer ${input:cartograph-api-key}' } },
      },
    });
  });

  it('writes user-level files under --home only', () => {
    expect(run('windsurf', '--http', '--write').status).toBe(0);
    expect(JSON.parse(readFileSync(join(home, '.codeium/windsurf/mcp_config.json'), 'utf8')))
      .toEqual({ mcpServers: { cartograph: { serverUrl: URL_DEFAULT } } });
    expect(existsSync(join(root, '.codeium'))).toBe(false);
  });

  it('replaces the Codex table in place, keeping other tables and comments', () => {
    const path = join(home, '.codex/config.toml');
    mkdirSync(join(home, '.codex'));
    writeFileSync(path, [
      'model = "o3"',
      '',
      '[mcp_servers.cartograph]',
      'url = "http://old.example/mcp"',
      '',
      '# the docs server',
      '[mcp_servers.docs]',
      'command = "docs-mcp"',
      'args = ["--stdio"]',
      '',
    ].join('\n'));
    expect(run('codex', '--write').status).toBe(0);
    const expected = [
      'model = "o3"',
      '',
      '[mcp_servers.cartograph]',
      `command = ${JSON.stringify(NODE)}`,
      `args = [${[BIN, 'serve', '--transport', 'stdio', '--project', root].map((s) => JSON.stringify(s)).join(', ')}]`,
      '',
      '# the docs server',
      '[mcp_servers.docs]',
      'command = "docs-mcp"',
      'args = ["--stdio"]',
      '',
    ].join('\n');
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(parseToml(expected)['mcp_servers.docs']).toEqual({ command: 'docs-mcp', args: ['--stdio'] });
    expect(run('codex', '--write').status).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('appends the Codex table to a file without one', () => {
    const path = join(home, '.codex/config.toml');
    mkdirSync(join(home, '.codex'));
    writeFileSync(path, '[mcp_servers.docs]\ncommand = "docs-mcp"\n');
    expect(run('codex', '--http', '--write').status).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(`[mcp_servers.docs]\ncommand = "docs-mcp"\n\n[mcp_servers.cartograph]\nurl = "${URL_DEFAULT}"\n`);
  });

  it('refuses to rewrite a file that is not valid JSON', () => {
    const path = join(root, '.mcp.json');
    writeFileSync(path, '{ "mcpServers": { "other": ');
    const r = run('claude-code', '--write');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\.mcp\.json is not a JSON object \(/);
    expect(readFileSync(path, 'utf8')).toBe('{ "mcpServers": { "other": ');
  });
});
