// DNS-rebinding guard: a page on evil.example whose name resolves to 127.0.0.1 reaches this server
// with `Host: evil.example`, so only the names the server is known by are accepted.
import type { MiddlewareHandler } from 'hono';
import { invalidArgument } from '../../errors.js';
import type { HttpEnv } from '../env.js';

export interface HostGuardOptions {
  /** Host names without port (`127.0.0.1`, `localhost`, `[::1]`, …); `*` accepts any. */
  allowed: readonly string[];
}

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** The host name of a Host header, without port, lowercased; IPv6 keeps its brackets. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon >= 0 && colon === h.lastIndexOf(':') ? h.slice(0, colon) : h;
}

export function hostGuard(opts: HostGuardOptions): MiddlewareHandler<HttpEnv> {
  const allowed = new Set(opts.allowed.map(hostName));
  return async (c, next) => {
    if (allowed.has('*')) return next();
    const header = c.req.header('host') ?? '';
    if (!allowed.has(hostName(header))) {
      throw invalidArgument(`Host '${header}' is not allowed; add it to allowed_hosts (CARTOGRAPH_ALLOWED_HOSTS) to serve it.`, { reason: 'forbidden_host', host: header });
    }
    return next();
  };
}
