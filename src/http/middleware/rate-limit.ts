// Per-client rate limits in fixed one-minute windows aligned to the clock, by API key name (or the
// client address in open mode), in tiers: notify routes, which editors hit on every save, get their
// own larger budget. Every limited response carries X-RateLimit-Limit/Remaining/Reset (Reset in Unix
// seconds); over the limit is 429 `unavailable` with reason `rate_limited` and Retry-After.
import type { MiddlewareHandler } from 'hono';
import { CartographError } from '../../errors.js';
import type { HttpEnv } from '../env.js';

export interface RateLimitTier {
  name: string;
  /** Requests per window; 0 means unlimited. */
  limit: number;
  /** Paths of this tier; the last tier takes every path no earlier tier matched. */
  paths?: RegExp;
}

export interface RateLimitOptions {
  tiers: readonly RateLimitTier[];
  /** Paths never limited (health probes, metrics scrapers, docs): the same test as auth's open paths. */
  isExempt: (path: string) => boolean;
  windowMs?: number;
}

export const NOTIFY_PATHS = /\/notify(\/|$)/;

/** Counts for the current window only: at each boundary the map starts empty, so it never grows past one window's clients. */
class FixedWindow {
  private start = -1;
  private readonly counts = new Map<string, number>();

  constructor(private readonly ms: number) {}

  hit(key: string, now: number): { count: number; resetAt: number } {
    const start = now - (now % this.ms);
    if (start !== this.start) { this.start = start; this.counts.clear(); }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return { count, resetAt: start + this.ms };
  }
}

export function rateLimit(opts: RateLimitOptions): MiddlewareHandler<HttpEnv> {
  const window = new FixedWindow(opts.windowMs ?? 60_000);
  return async (c, next) => {
    const tier = opts.tiers.find((t) => !t.paths || t.paths.test(c.req.path));
    if (!tier?.limit || opts.isExempt(c.req.path)) return next();
    const keyName = c.get('keyName');
    const client = keyName !== undefined ? `key:${keyName}` : `addr:${c.env?.incoming?.socket.remoteAddress ?? 'unknown'}`;
    const now = Date.now();
    const { count, resetAt } = window.hit(`${tier.name}|${client}`, now);
    c.header('X-RateLimit-Limit', String(tier.limit));
    c.header('X-RateLimit-Remaining', String(Math.max(0, tier.limit - count)));
    c.header('X-RateLimit-Reset', String(Math.ceil(resetAt / 1000)));
    if (count > tier.limit) {
      throw new CartographError('unavailable', `Rate limit of ${tier.limit} requests per minute exceeded (${tier.name} routes); retry after the window resets.`,
        { reason: 'rate_limited', tier: tier.name, limit: tier.limit }, Math.max(1000, resetAt - now));
    }
    return next();
  };
}
