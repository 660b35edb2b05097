// Starts the real HTTP front end (Hono app on @hono/node-server) on a free loopback port.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { loadSettings, type Settings } from '../../src/config.js';
import type { Project } from '../../src/engine/project.js';
import { createApp } from '../../src/http/app.js';
import { listen } from '../../src/http/listen.js';
import { ProjectHub } from '../../src/http/projects.js';

export interface RunningServer { url: string; port: number; hub: ProjectHub; close(): Promise<void> }

/** `settings` overrides defaults the way flags would (API keys, limits, timeouts…). */
export async function startHttp(project: Project, settings: Partial<Record<keyof Settings, unknown>> = {}): Promise<RunningServer> {
  const resolved = loadSettings({ watch: false, ...settings, project: project.root, host: '127.0.0.1', port: 0 }, {});
  const hub = new ProjectHub(resolved);
  hub.add('default', project);
  const { app, close } = createApp(hub, resolved);
  const server = listen(app.fetch, resolved);
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hub,
    async close() {
      await close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * The MCP stdio server as an MCP client starts it: `cartograph serve --transport stdio` from dist/.
 * It serves in-process (`--no-forward`) so a suite leaves no shared server behind; pass `--forward`
 * in `extraArgs` to test forwarding.
 */
export function stdioTransport(root: string, dataDir: string, extraArgs: readonly string[] = []): StdioClientTransport {
  return new StdioClientTransport({
    command: process.execPath,
    args: [join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'), 'serve', '--transport', 'stdio', '--project', root, '--data-dir', dataDir,
      '--no-watch', '--log-level', 'warn', '--no-forward', ...extraArgs],
    stderr: 'ignore',
  });
}

/** Official SDK clients connected over each transport, by name. */
export async function connectClients(transports: Record<string, Transport>): Promise<Record<string, Client>> {
  const clients: Record<string, Client> = {};
  for (const [name, t] of Object.entries(transports)) {
    const c = new Client({ name: `test-${name}`, version: '1.0.0' });
    await c.connect(t);
    clients[name] = c;
  }
  return clients;
}
