// The Hono app: health and readiness, projects and notify routes, REST v1 (text) and v2 (JSON)
// routes generated from the operation registry, MCP over Streamable HTTP and SSE, and one error
// envelope.
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { Settings } from '../config.js';
import { CartographError, httpStatus, invalidArgument, notFound, toCartographError } from '../errors.js';
import { log } from '../log.js';
import { mountMcp } from '../mcp/http-transports.js';
import { invoke } from '../operations/execute.js';
import { OPERATIONS } from '../operations/registry.js';
import { VERSION } from '../version.js';
import type { Project } from '../engine/project.js';
import type { ProjectHub } from './projects.js';
import type { HttpEnv as Env } from './env.js';
import { installMiddleware } from './middleware/index.js';
import { mountDocs } from './docs.js';
import { mountGraphViz } from './graph-viz.js';
import { projectSummary } from './hydration.js';
import { httpMetrics, mountMetrics } from './metrics.js';
import { mountNotifyRoutes } from './notify-routes.js';
import { mountProjectRoutes } from './project-routes.js';
import { readJson } from './route-helpers.js';
import { pathParamsOf, restRoutes } from './routes.js';

function errorResponse(c: Context<Env>, err: CartographError): Response {
  const status = httpStatus(err);
  if (err.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(err.retryAfterMs / 1000)));
  return c.json({ error: err.toBody(), request_id: c.get('requestId') }, status as 400);
}

/** Query parameters as an object; repeated keys become arrays. */
function queryArgs(c: Context<Env>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, values] of Object.entries(c.req.queries())) out[k] = values.length === 1 ? values[0] : values;
  return out;
}

/**
 * `branch` is accepted on every REST route (attocode clients send it). The index reflects the
 * working tree; another branch than the checked-out one is answered from it, with a note.
 */
async function branchNotes(project: Project, args: unknown): Promise<string[]> {
  if (!args || typeof args !== 'object' || !('branch' in args)) return [];
  const record = args as Record<string, unknown>;
  const branch = record.branch;
  delete record.branch;
  if (typeof branch !== 'string' || !branch) return [];
  const current = await project.currentBranch();
  return branch === current ? [] : [`branch '${branch}' was ignored: answers come from the working tree${current ? ` (branch '${current}')` : ''}.`];
}

/**
 * Adds the route's path parameters to the arguments; they win over body or query keys of the same
 * name. Every path parameter is an id or a number: a positive integer (spec §3), else 422.
 */
function withPathParams(c: Context<Env>, names: readonly string[], args: unknown): unknown {
  if (!names.length || !args || typeof args !== 'object' || Array.isArray(args)) return args;
  const out = args as Record<string, unknown>;
  for (const name of names) {
    const raw = c.req.param(name) ?? '';
    if (!/^[1-9]\d{0,14}$/.test(raw)) {
      throw invalidArgument(`Path parameter '${name}' must be a positive integer; got '${raw}'.`, { parameter: name });
    }
    out[name] = Number(raw);
  }
  return out;
}

/** `settings` drives auth, Host/Origin checks, rate and body limits; the defaults are an open, loopback-only API. */
export function createApp(hub: ProjectHub, settings: Settings = Settings.parse({})): { app: Hono<Env>; close(): Promise<void> } {
  const app = new Hono<Env>();
  app.use('*', httpMetrics()); // first, so requests refused by the middleware are counted too
  installMiddleware(app, settings, log);

  app.onError((err, c) => errorResponse(c, toCartographError(err)));
  app.notFound((c) => errorResponse(c, notFound(`No route for ${c.req.method} ${c.req.path}.`)));

  app.get('/health', (c) => c.json({ status: 'ok', version: VERSION }));
  app.get('/ready', (c) => {
    const ready = hub.list().every((e) => e.project.initialIndexDone);
    return c.json({ ready, projects: hub.list().map(projectSummary) }, ready ? 200 : 503);
  });
  const metrics = mountMetrics(app, hub);
  mountDocs(app);
  mountGraphViz(app, hub);

  mountProjectRoutes(app, hub, settings);
  mountNotifyRoutes(app, hub, settings);

  for (const op of OPERATIONS) {
    const pathParams = pathParamsOf(op);
    for (const { version, pattern } of restRoutes(op)) {
      app.on(op.route.method, pattern, (c) => hub.use(c.req.param('id'), async (entry) => {
        const args = withPathParams(c, pathParams, op.route.method === 'GET' ? queryArgs(c) : await readJson(c));
        const notes = await branchNotes(entry.project, args);
        const controller = new AbortController();
        c.env?.incoming?.once('close', () => { if (!c.env.outgoing.writableEnded) controller.abort(); });
        const res = await invoke(op, entry.project, args, { fromQuery: op.route.method === 'GET', signal: controller.signal, notes });
        if (!res.ok) return errorResponse(c, res.error);
        const f = res.output.freshness as { generation: number; stale_files: number; pending_files: number };
        c.header('X-Index-Generation', String(f.generation));
        c.header('X-Index-Stale-Files', String(f.stale_files));
        c.header('X-Index-Pending-Files', String(f.pending_files));
        if (version === 'v1') return c.json({ result: res.text });
        if ((c.req.header('accept') ?? '').startsWith('text/plain')) return c.text(res.text);
        return c.json(res.output);
      }));
    }
  }

  const mcp = mountMcp(app as unknown as Hono<{ Bindings: HttpBindings }>, {
    projectFor: (id) => hub.get(id ?? 'default')?.project,
  });
  return { app, close: () => { metrics.close(); return mcp.close(); } };
}
