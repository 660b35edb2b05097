// HTTP side of the metrics: a middleware that counts every request under a closed route category
// (found from the route pattern that matched, never from the raw path), and the scrape routes
// `GET /api/v1/metrics?format=prometheus|json` and `GET /metrics`.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import { recordHttpRequest, registry, serveMetrics, watchProjects } from '../metrics.js';
import { OPERATIONS } from '../operations/registry.js';
import type { HttpEnv } from './env.js';
import type { ProjectHub } from './projects.js';
import { restRoutes } from './routes.js';

const operationByPattern = new Map<string, string>(OPERATIONS.flatMap((op) => restRoutes(op).map((r) => [r.pattern, op.name] as const)));

/** The category of a registered route pattern; undefined for middleware wildcards and unknown routes. */
function categoryOf(pattern: string): string | undefined {
  const op = operationByPattern.get(pattern);
  if (op) return op;
  if (pattern === '/health' || pattern === '/ready') return 'health';
  if (pattern === '/metrics' || pattern === '/api/v1/metrics') return 'metrics';
  if (pattern === '/openapi.json' || /^\/(docs|redoc)(\/|$)/.test(pattern)) return 'docs';
  if (pattern === '/mcp' || pattern === '/sse' || pattern === '/messages') return 'mcp';
  if (/^\/api\/v[12]\/projects/.test(pattern)) return 'projects';
  if (pattern.startsWith('/api/v1/notify/')) return 'notify';
  return undefined;
}

export function httpMetrics(): MiddlewareHandler<HttpEnv> {
  // Per registered pattern (a closed set), so each request costs map lookups only.
  const categories = new Map<string, string | undefined>();
  const cachedCategoryOf = (pattern: string): string | undefined => {
    if (!categories.has(pattern)) categories.set(pattern, categoryOf(pattern));
    return categories.get(pattern);
  };
  return async (c, next) => {
    const started = performance.now();
    await next(); // Hono turns a thrown error into the response before this returns
    let route = 'other';
    for (const r of matchedRoutes(c)) {
      const category = cachedCategoryOf(r.path);
      if (category !== undefined) { route = category; break; }
    }
    recordHttpRequest(route, c.res.status, (performance.now() - started) / 1000);
  };
}

const Format = z.enum(['prometheus', 'json']);

async function scrape(c: Context<HttpEnv>): Promise<Response> {
  const format = Format.safeParse((c.req.query('format') ?? 'prometheus').toLowerCase());
  if (!format.success) throw invalidArgument(`Parameter 'format' must be "prometheus" or "json"; got '${c.req.query('format')}'.`, { parameter: 'format' });
  if (format.data === 'json') return c.json(await registry.getMetricsAsJSON());
  return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
}

/** Mounts the scrape routes and adds the hub's projects to the index gauges until `close`. */
export function mountMetrics(app: Hono<HttpEnv>, hub: ProjectHub): { close(): void } {
  serveMetrics(OPERATIONS.map((op) => op.name));
  app.get('/api/v1/metrics', scrape);
  app.get('/metrics', scrape);
  return { close: watchProjects(() => hub.list()) };
}
