// Browser origins: a request carrying an Origin that is neither the server itself nor configured
// is refused (a foreign page must not drive a local server); configured origins get CORS headers.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { invalidArgument } from '../../errors.js';
import type { HttpEnv } from '../env.js';

export interface OriginGuardOptions {
  /** Origins such as `https://app.example.com` that may call cross-origin; `*` allows any. */
  allowed: readonly string[];
}

const normalise = (origin: string): string => origin.trim().toLowerCase().replace(/\/+$/, '');

export function originGuard(opts: OriginGuardOptions): MiddlewareHandler<HttpEnv> {
  const allowed = new Set(opts.allowed.map(normalise));
  const any = allowed.has('*');
  const withCors = cors({
    origin: (origin) => origin,
    allowHeaders: ['Authorization', 'X-API-Key', 'Content-Type', 'Accept', 'X-Request-ID', 'Mcp-Session-Id', 'Mcp-Protocol-Version', 'Last-Event-ID'],
    exposeHeaders: ['X-Request-ID', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After',
      'X-Index-Generation', 'X-Index-Stale-Files', 'X-Index-Pending-Files', 'Mcp-Session-Id'],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    const o = normalise(origin);
    if (any || allowed.has(o)) return withCors(c, next);
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (host && (o === `http://${host}` || o === `https://${host}`)) return next();
    throw invalidArgument(`Origin '${origin}' is not allowed; add it to allowed_origins (CARTOGRAPH_ALLOWED_ORIGINS) to call this server from that page.`, { reason: 'forbidden_origin', origin });
  };
}
