// MCP over HTTP on the Hono app: Streamable HTTP at /mcp (one session per mcp-session-id) and the
// legacy SSE transport at /sse + /messages. Each session gets its own server bound to a project.
import { randomUUID } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Hono } from 'hono';
import type { Project } from '../engine/project.js';
import { createMcpServer } from './server.js';

export interface McpMountOptions {
  /** The project a session works on, from the request (`?project=id`, default project otherwise). */
  projectFor(projectId: string | undefined): Project | undefined;
}

export function mountMcp(app: Hono<{ Bindings: HttpBindings }>, opts: McpMountOptions): { close(): Promise<void> } {
  const streamable = new Map<string, WebStandardStreamableHTTPServerTransport>();
  const sse = new Map<string, SSEServerTransport>();

  app.all('/mcp', async (c) => {
    const sessionId = c.req.header('mcp-session-id');
    let transport = sessionId ? streamable.get(sessionId) : undefined;
    if (!transport) {
      if (sessionId) return c.json({ jsonrpc: '2.0', error: { code: -32001, message: 'Unknown MCP session' }, id: null }, 404);
      const project = opts.projectFor(c.req.query('project'));
      if (!project) return c.json({ jsonrpc: '2.0', error: { code: -32602, message: 'Unknown project' }, id: null }, 404);
      const created = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => { streamable.set(id, created); },
        onsessionclosed: (id) => { streamable.delete(id); },
      });
      transport = created;
      await createMcpServer(project).connect(transport);
    }
    return transport.handleRequest(c.req.raw);
  });

  app.get('/sse', async (c) => {
    const project = opts.projectFor(c.req.query('project'));
    if (!project) return c.json({ error: { code: 'not_found', message: 'Unknown project' } }, 404);
    const transport = new SSEServerTransport('/messages', c.env.outgoing);
    sse.set(transport.sessionId, transport);
    transport.onclose = () => sse.delete(transport.sessionId);
    await createMcpServer(project).connect(transport);
    return RESPONSE_ALREADY_SENT;
  });

  app.post('/messages', async (c) => {
    const transport = sse.get(c.req.query('sessionId') ?? '');
    if (!transport) return c.json({ error: { code: 'not_found', message: 'Unknown SSE session' } }, 404);
    await transport.handlePostMessage(c.env.incoming, c.env.outgoing);
    return RESPONSE_ALREADY_SENT;
  });

  return {
    async close() {
      await Promise.all([...streamable.values(), ...sse.values()].map((t) => t.close().catch(() => undefined)));
    },
  };
}
