// Starts the real HTTP front end (Hono app on @hono/node-server) on a free loopback port.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { loadSettings } from '../../src/config.js';
import type { Project } from '../../src/engine/project.js';
import { createApp } from '../../src/http/app.js';
import { ProjectHub } from '../../src/http/projects.js';

export interface RunningServer { url: string; hub: ProjectHub; close(): Promise<void> }

export async function startHttp(project: Project): Promise<RunningServer> {
  const hub = new ProjectHub(loadSettings({ project: project.root, watch: false }, {}));
  hub.add('default', project);
  const { app, close } = createApp(hub);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hub,
    async close() {
      await close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
