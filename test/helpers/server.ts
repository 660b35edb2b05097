// Starts the real HTTP front end (Hono app on @hono/node-server) on a free loopback port.
import type { AddressInfo } from 'node:net';
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
