// Request ids and the access log: the id a client sent (when well-formed) or a fresh one goes on
// every response, errors included, and each request becomes one info line on stderr.
import { randomUUID } from 'node:crypto';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../../log.js';
import type { HttpEnv } from '../env.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestLogOptions { log: Logger }

/**
 * The route pattern that served the request (`/api/v2/projects/:id/symbols`): raw paths carry
 * user input (file paths, queries) that has no place in an access log.
 */
function routeTemplate(c: Context<HttpEnv>): string {
  return matchedRoutes(c).find((r) => r.path !== '/*' && r.path !== '*')?.path ?? '(no route)';
}

export function requestLog(opts: RequestLogOptions): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-ID', id);
    const started = performance.now();
    await next();
    // Streams handed to the MCP SDK (SSE) have already sent their headers.
    if (c.res !== RESPONSE_ALREADY_SENT && !c.res.headers.has('x-request-id')) {
      try { c.res.headers.set('X-Request-ID', id); } catch { /* immutable headers of a proxied Response */ }
    }
    opts.log.info({
      request_id: id, method: c.req.method, path: routeTemplate(c), status: c.res.status,
      ms: Math.round(performance.now() - started), key: c.get('keyName'),
    }, 'request');
  };
}
