// Starts the HTTP server for an app: refuses a non-loopback bind while the API is open, and cuts
// clients that send their request too slowly (slowloris) with node's request and header timeouts.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Settings } from '../config.js';

type ListenSettings = Pick<Settings, 'host' | 'port' | 'api_key' | 'api_keys_file' | 'request_timeout_ms' | 'headers_timeout_ms'>;

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Throws when serving would expose an unauthenticated API beyond this machine. */
export function assertSafeBind(settings: ListenSettings): void {
  if (settings.api_key || settings.api_keys_file || isLoopback(settings.host)) return;
  throw new Error(`Refusing to serve on ${settings.host} without an API key: anyone who can reach it could read the code. `
    + 'Set CARTOGRAPH_API_KEY (or CARTOGRAPH_API_KEYS_FILE), or bind to 127.0.0.1.');
}

export function listen(fetch: Parameters<typeof serve>[0]['fetch'], settings: ListenSettings, onListening?: (info: AddressInfo) => void): ServerType {
  assertSafeBind(settings);
  const requestTimeout = settings.request_timeout_ms;
  // Node requires headersTimeout <= requestTimeout and checks both only every
  // connectionsCheckingInterval (30 s by default), which would stretch short timeouts.
  const headersTimeout = requestTimeout ? Math.min(settings.headers_timeout_ms, requestTimeout) : settings.headers_timeout_ms;
  const connectionsCheckingInterval = Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4)));
  return serve({
    fetch,
    hostname: settings.host,
    port: settings.port,
    serverOptions: { requestTimeout, headersTimeout, connectionsCheckingInterval },
  }, onListening);
}
