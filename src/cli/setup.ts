// `cartograph setup <client>`: the MCP configuration an AI client needs to reach Cartograph, printed
// or merged into the file that client reads. Each client's entry follows its own documentation
// (cited next to it); merging edits only the `cartograph` entry, so other servers and comments stay.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { loadSettings } from '../config.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { ParsedArgs } from './args.js';

const SERVER = 'cartograph';
export const DEFAULT_HTTP_URL = 'http://127.0.0.1:7345/mcp';
/** Configs name the key's environment variable instead of holding the key: they are often committed. */
const KEY_ENV = 'CARTOGRAPH_API_KEY';
const VSCODE_KEY_INPUT = 'cartograph-api-key';

export type Launch =
  | { transport: 'stdio'; command: string; args: string[] }
  | { transport: 'http'; url: string; withKey: boolean };

type Entry = Record<string, unknown>;

interface Client {
  /** Project files go under the project root, user files under the home directory. */
  scope: 'project' | 'user';
  file: string;
  format: 'json' | 'toml';
  /** Object (JSON) or table prefix (TOML) that maps server names to entries. */
  key: string;
  /** Fields a stdio entry carries before `command` and `args`. */
  stdioFields?: Entry;
  http(url: string, withKey: boolean): Entry;
  /** Top-level values the entry refers to (VS Code's prompted inputs). */
  inputs?(launch: Launch): Entry[];
}

const bearer = (withKey: boolean, ref: string): Entry => (withKey ? { headers: { Authorization: `Bearer ${ref}` } } : {});

export const CLIENTS: Record<string, Client> = {
  // https://code.claude.com/docs/en/mcp — project scope is `.mcp.json` at the root, `type` stdio|http,
  // `${VAR}` is expanded in headers.
  'claude-code': {
    scope: 'project', file: '.mcp.json', format: 'json', key: 'mcpServers', stdioFields: { type: 'stdio' },
    http: (url, withKey) => ({ type: 'http', url, ...bearer(withKey, `\${${KEY_ENV}}`) }),
  },
  // https://cursor.com/docs/mcp — `.cursor/mcp.json`, `command`/`args` or `url`/`headers`, `${env:NAME}` interpolation.
  cursor: {
    scope: 'project', file: '.cursor/mcp.json', format: 'json', key: 'mcpServers',
    http: (url, withKey) => ({ url, ...bearer(withKey, `\${env:${KEY_ENV}}`) }),
  },
  // https://code.visualstudio.com/docs/copilot/reference/mcp-configuration — `.vscode/mcp.json` maps `servers`
  // with a required `type`; secrets come from `inputs` referenced as `${input:id}`.
  vscode: {
    scope: 'project', file: '.vscode/mcp.json', format: 'json', key: 'servers', stdioFields: { type: 'stdio' },
    http: (url, withKey) => ({ type: 'http', url, ...bearer(withKey, `\${input:${VSCODE_KEY_INPUT}}`) }),
    inputs: (launch) => (launch.transport === 'http' && launch.withKey
      ? [{ type: 'promptString', id: VSCODE_KEY_INPUT, description: 'Cartograph API key', password: true }]
      : []),
  },
  // https://developers.openai.com/codex/mcp — `[mcp_servers.<name>]` tables in ~/.codex/config.toml;
  // Streamable HTTP takes `url`, and a token only by `bearer_token_env_var` (an inline token is refused).
  codex: {
    scope: 'user', file: '.codex/config.toml', format: 'toml', key: 'mcp_servers',
    http: (url, withKey) => ({ url, ...(withKey ? { bearer_token_env_var: KEY_ENV } : {}) }),
  },
  // https://docs.windsurf.com/windsurf/cascade/mcp — ~/.codeium/windsurf/mcp_config.json, remote servers under
  // `serverUrl` (not `url`), `${env:NAME}` interpolation in headers.
  windsurf: {
    scope: 'user', file: '.codeium/windsurf/mcp_config.json', format: 'json', key: 'mcpServers',
    http: (url, withKey) => ({ serverUrl: url, ...bearer(withKey, `\${env:${KEY_ENV}}`) }),
  },
  // https://zed.dev/docs/ai/mcp — `context_servers` in settings.json (project `.zed/settings.json`),
  // `command`/`args` or `url`/`headers`. Zed documents no variable interpolation: the key is a placeholder.
  zed: {
    scope: 'project', file: '.zed/settings.json', format: 'json', key: 'context_servers',
    http: (url, withKey) => ({ url, ...bearer(withKey, `<${KEY_ENV}>`) }),
  },
  // https://geminicli.com/docs/tools/mcp-server/ — `mcpServers` in `.gemini/settings.json`, Streamable HTTP
  // under `httpUrl`, `$VAR`/`${VAR}` expanded in settings strings.
  gemini: {
    scope: 'project', file: '.gemini/settings.json', format: 'json', key: 'mcpServers',
    http: (url, withKey) => ({ httpUrl: url, ...bearer(withKey, `\${${KEY_ENV}}`) }),
  },
};

export function serverEntry(client: Client, launch: Launch): Entry {
  return launch.transport === 'stdio'
    ? { ...client.stdioFields, command: launch.command, args: launch.args }
    : client.http(launch.url, launch.withKey);
}

/** TOML basic strings share JSON's escapes, so JSON.stringify quotes strings and string arrays alike. */
function tomlTable(client: Client, entry: Entry): string {
  const lines = Object.entries(entry).map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.map((s) => JSON.stringify(s)).join(', ')}]` : JSON.stringify(v)}`);
  return [`[${client.key}.${SERVER}]`, ...lines].join('\n');
}

/** The configuration as a file of its own would hold it. */
export function renderConfig(client: Client, launch: Launch): string {
  const entry = serverEntry(client, launch);
  if (client.format === 'toml') return `${tomlTable(client, entry)}\n`;
  const inputs = client.inputs?.(launch) ?? [];
  return `${JSON.stringify({ ...(inputs.length ? { inputs } : {}), [client.key]: { [SERVER]: entry } }, null, 2)}\n`;
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

function mergeJson(text: string, client: Client, launch: Launch, path: string): string {
  const errors: ParseError[] = [];
  const doc: unknown = text.trim() ? parse(text, errors, { allowTrailingComma: true }) : {};
  if (errors.length || !doc || typeof doc !== 'object' || Array.isArray(doc)) {
    const why = errors.length ? `${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}` : 'not a JSON object';
    throw new Error(`${path} is not a JSON object (${why}); fix it or add the printed configuration by hand.`);
  }
  let out = applyEdits(text, modify(text, [client.key, SERVER], serverEntry(client, launch), FORMAT));
  const existing = (doc as { inputs?: unknown }).inputs;
  for (const input of client.inputs?.(launch) ?? []) {
    if (!Array.isArray(existing)) out = applyEdits(out, modify(out, ['inputs'], [input], FORMAT));
    else if (!existing.some((i: { id?: unknown }) => i?.id === input.id)) {
      out = applyEdits(out, modify(out, ['inputs', existing.length], input, { ...FORMAT, isArrayInsertion: true }));
    }
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}

/**
 * Replaces the `[mcp_servers.cartograph]` table (and its sub-tables) or appends one. The table ends
 * at the next other header; comments and blank lines just above that header belong to it.
 */
function mergeToml(text: string, client: Client, launch: Launch): string {
  const table = tomlTable(client, serverEntry(client, launch));
  const lines = text.split('\n');
  const ours = new RegExp(`^\\s*\\[\\s*${client.key}\\s*\\.\\s*(?:${SERVER}|"${SERVER}")\\s*(?:\\]|\\.)`);
  const start = lines.findIndex((l) => ours.test(l));
  if (start < 0) return `${text.trimEnd()}${text.trim() ? '\n\n' : ''}${table}\n`;
  let end = start + 1;
  while (end < lines.length && !(/^\s*\[/.test(lines[end]!) && !ours.test(lines[end]!))) end++;
  if (end < lines.length) while (end > start + 1 && /^\s*(#.*)?$/.test(lines[end - 1]!)) end--;
  const after = lines.slice(end);
  while (after.length && !after[0]!.trim()) after.shift();
  return [...lines.slice(0, start), table, ...(after.length ? ['', ...after] : [''])].join('\n');
}

export function configPath(client: Client, root: string, home: string): string {
  return join(client.scope === 'project' ? root : home, client.file);
}

/** Merges the entry into the file (created when missing) and returns the new text. */
export function writeConfig(client: Client, launch: Launch, path: string): string {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const out = client.format === 'toml' ? mergeToml(text, client, launch) : mergeJson(text, client, launch, path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, out);
  return out;
}

/** Runs `cartograph setup`; returns the exit code. */
export function setup(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void): number {
  const name = args.positionals[0];
  const client = name ? CLIENTS[name] : undefined;
  if (!client) {
    err(`${name ? `Unknown client '${name}'` : 'No client given'}. Supported clients: ${Object.keys(CLIENTS).join(', ')}.`);
    err('Usage: cartograph setup <client> [--project DIR] [--http [URL]] [--npx] [--write] [--home DIR]');
    return 2;
  }
  const settings = loadSettings(args.settings);
  const http = args.params.http;
  const npx = args.params.npx === true;
  const bin = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
  // Absolute node and script paths work without a global install and whatever PATH the client has.
  const launch: Launch = http !== undefined && http !== false
    ? { transport: 'http', url: typeof http === 'string' ? http : DEFAULT_HTTP_URL, withKey: Boolean(settings.api_key ?? settings.api_keys_file) }
    : {
        transport: 'stdio',
        command: npx ? 'npx' : process.execPath,
        args: [npx ? SERVER : bin, 'serve', '--transport', 'stdio', '--project', settings.project, ...(settings.read_only ? ['--read-only'] : [])],
      };
  const home = typeof args.params.home === 'string' ? args.params.home : homedir();
  const path = configPath(client, settings.project, home);
  if (args.params.write === true) {
    writeConfig(client, launch, path);
    out(`Added the '${SERVER}' server to ${path}.`);
  } else {
    out(renderConfig(client, launch).trimEnd());
    err(`Add this to ${path}, or run again with --write to merge it there.`);
  }
  if (name === 'zed' && launch.transport === 'http' && launch.withKey) err(`Replace <${KEY_ENV}> with your API key: Zed does not expand variables.`);
  return 0;
}
