// The request pipeline in front of every route, from settings. Order matters: the request id comes
// first so every later refusal carries it; Host and Origin are checked before anything else looks
// at the request; CORS preflights are answered before authentication (browsers send no key on
// them); the rate limiter runs after authentication because it counts per key name.
import type { Hono } from 'hono';
import type { Settings } from '../../config.js';
import type { Logger } from '../../log.js';
import type { HttpEnv } from '../env.js';
import { auth, loadApiKeys, openPathMatcher } from './auth.js';
import { bodyLimit } from './body-limit.js';
import { hostGuard, LOOPBACK_HOSTS } from './host.js';
import { originGuard } from './origin.js';
import { NOTIFY_PATHS, rateLimit } from './rate-limit.js';
import { requestLog } from './request-log.js';

/** Wildcard binds: addresses no client puts in a Host header, so not host names to accept. */
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

export function installMiddleware(app: Hono<HttpEnv>, settings: Settings, log: Logger): void {
  const bound = settings.host.includes(':') && !settings.host.startsWith('[') ? `[${settings.host}]` : settings.host;
  app.use('*', requestLog({ log }));
  app.use('*', hostGuard({ allowed: [...LOOPBACK_HOSTS, ...(WILDCARD_BINDS.has(bound) ? [] : [bound]), ...settings.allowed_hosts] }));
  app.use('*', originGuard({ allowed: settings.allowed_origins }));
  const isOpen = openPathMatcher(settings.open_paths);
  app.use('*', auth({ keys: loadApiKeys(settings), isOpen }));
  app.use('*', rateLimit({
    tiers: [
      { name: 'notify', limit: settings.rate_limit_notify_per_min, paths: NOTIFY_PATHS },
      { name: 'standard', limit: settings.rate_limit_per_min },
    ],
    isExempt: isOpen,
  }));
  app.use('*', bodyLimit({ maxBytes: settings.max_body_bytes, skipPaths: ['/messages'] }));
}
