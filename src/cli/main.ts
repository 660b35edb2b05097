#!/usr/bin/env node
// The `cartograph` command: serve (MCP over stdio or HTTP + REST), index, status, and one
// subcommand per operation (`cartograph search_symbols --name parse --json`).
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ENV_NAMES, Settings, loadSettings } from '../config.js';
import { Project } from '../engine/project.js';
import { CartographError } from '../errors.js';
import { createApp } from '../http/app.js';
import { assertSafeBind, listen } from '../http/listen.js';
import { ProjectHub } from '../http/projects.js';
import { log } from '../log.js';
import { createMcpServer } from '../mcp/server.js';
import { inputJsonSchema } from '../operations/json-schema.js';
import { invoke } from '../operations/execute.js';
import { OPERATIONS, operationNamed } from '../operations/registry.js';
import { VERSION } from '../version.js';
import { parseArgs, type ParsedArgs } from './args.js';
import { forwardStdio } from './forward.js';
import { exitWhenIdle } from './idle-exit.js';
import { progressReporter } from './progress.js';
import { announceServer } from './server-lock.js';
import { CLIENTS, setup } from './setup.js';

const err = (s: string) => process.stderr.write(`${s}\n`);

function usage(): string {
  const settingLines = (Object.keys(Settings.shape) as Array<keyof typeof ENV_NAMES>)
    .map((k) => `  --${k.replace(/_/g, '-').padEnd(20)} ${ENV_NAMES[k]}`);
  return [
    `cartograph ${VERSION} — code intelligence for AI coding assistants`,
    '',
    'Usage:',
    '  cartograph serve [--project DIR] [--transport stdio|http] [--host H] [--port P]',
    '  cartograph index [--project DIR]          build or refresh the index, with progress',
    '  cartograph status [--project DIR]         show what the index holds',
    '  cartograph setup <client> [--http [URL]] [--npx] [--write] [--home DIR]',
    `      print (or merge into its file) the MCP config for one of: ${Object.keys(CLIENTS).join(', ')}`,
    '  cartograph <operation> [args] [--json]    run one operation, e.g.',
    '      cartograph search_symbols --name parse',
    '      cartograph dependencies src/app.ts --json',
    '  cartograph eval-search [--max-cases N] [--query-file F] [--json]   measure search on this repository',
    '',
    `Operations: ${OPERATIONS.map((o) => o.name).join(', ')}`,
    '',
    'Settings (flag, environment variable):',
    ...settingLines,
  ].join('\n');
}

async function serve(args: ParsedArgs): Promise<void> {
  const settings = loadSettings(args.settings);
  log.level = settings.log_level;
  // An MCP client's stdio server shares the project's HTTP server (one index, one writer) when it can.
  if (settings.transport === 'stdio' && settings.forward && await forwardStdio(settings, args.settings)) return;
  // Before opening anything, so a refused bind leaves no index behind.
  if (settings.transport === 'http') assertSafeBind(settings);
  const project = Project.open(settings);
  const hub = new ProjectHub(settings);
  hub.add('default', project);
  const stop = async () => { await hub.close(); process.exit(0); };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  if (settings.transport === 'stdio') {
    void project.startIndexing();
    if (settings.watch) void project.watch();
    const transport = new StdioServerTransport();
    transport.onclose = () => void stop();
    await createMcpServer(project).connect(transport);
    err(`cartograph: serving ${project.root} over MCP stdio`);
    return;
  }

  const { app } = createApp(hub, settings);
  const server = listen(app.fetch, settings, (info) => {
    const base = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${info.port}`;
    err(`cartograph ${VERSION}: serving ${project.root}`);
    err(`  MCP (Streamable HTTP): ${base}/mcp`);
    err(`  MCP (SSE):             ${base}/sse`);
    err(`  REST:                  ${base}/api/v1/projects/default/…  and  ${base}/api/v2/projects/default/…`);
    err(`  Health:                ${base}/health`);
  });
  server.on('error', (e) => { err(`cartograph: cannot listen on ${settings.host}:${settings.port}: ${e.message}`); process.exit(1); });
  // Announced before indexing starts, so a second server for the project exits without writing.
  const release = await announceServer(server, project, settings);
  if (settings.idle_exit_ms) exitWhenIdle(server, settings.idle_exit_ms, () => { release(); void stop(); });
  const started = Date.now();
  await project.startIndexing(progressReporter());
  const st = project.status();
  err(`Indexed ${st.discovery?.files.length ?? 0} files in ${((Date.now() - started) / 1000).toFixed(1)} s (generation ${project.store.generation}).`);
  if (settings.watch) await project.watch();
}

async function index(args: ParsedArgs): Promise<void> {
  const settings = loadSettings(args.settings);
  log.level = settings.log_level;
  const project = Project.open(settings);
  const started = Date.now();
  const res = await project.index(progressReporter());
  const summary = {
    root: project.root, generation: res.generation, created: res.created.length, updated: res.updated.length,
    deleted: res.deleted.length, unchanged: res.unchanged.length, ms: Date.now() - started,
  };
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    process.stdout.write(`Indexed ${summary.root}: ${summary.created} new, ${summary.updated} changed, ${summary.deleted} deleted, `
      + `${summary.unchanged} unchanged in ${(summary.ms / 1000).toFixed(1)} s (generation ${summary.generation}).\n`);
  }
  await project.close();
}

async function runOperation(name: string, args: ParsedArgs): Promise<number> {
  const op = operationNamed(name)!;
  const settings = loadSettings(args.settings);
  log.level = settings.log_level;
  const project = Project.open(settings);
  try {
    // Operations that read the index bring it up to date first; `status` and the memory and
    // history operations answer without it.
    project.indexOnDemand(process.stderr.isTTY ? progressReporter() : undefined);
    const params: Record<string, unknown> = { ...args.params };
    const schema = inputJsonSchema(op) as { required?: string[]; properties?: Record<string, unknown> };
    const positionalKeys = schema.required?.length ? schema.required : Object.keys(schema.properties ?? {}).slice(0, 1);
    args.positionals.forEach((value, i) => {
      const key = positionalKeys[Math.min(i, positionalKeys.length - 1)];
      if (!key) return;
      const prev = params[key];
      params[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
    });
    const res = await invoke(op, project, params, { fromQuery: true });
    if (!res.ok) {
      err(`Error [${res.error.code}]: ${res.error.message}`);
      return 1;
    }
    process.stdout.write(`${args.json ? JSON.stringify(res.output, null, 2) : res.text}\n`);
    return 0;
  } finally {
    await project.close();
  }
}

/** Subcommands named otherwise than their operation. */
const COMMAND_ALIASES = new Map([['status', 'index_status'], ['eval-search', 'evaluate_search']]);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const command = args.command;
  if (!command || args.help || command === 'help') { process.stdout.write(`${usage()}\n`); return 0; }
  if (command === 'version' || command === '--version') { process.stdout.write(`${VERSION}\n`); return 0; }
  if (command === 'serve') { await serve(args); return -1; }
  if (command === 'index') { await index(args); return 0; }
  if (command === 'setup') return setup(args, (s) => process.stdout.write(`${s}\n`), err);
  const opName = COMMAND_ALIASES.get(command) ?? command.replace(/-/g, '_');
  if (operationNamed(opName)) return runOperation(opName, args);
  err(`Unknown command '${command}'. Run 'cartograph --help'.`);
  return 2;
}

main().then((code) => { if (code >= 0) process.exit(code); }, (e: unknown) => {
  err(e instanceof CartographError ? `Error [${e.code}]: ${e.message}` : `cartograph: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
