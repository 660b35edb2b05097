// API-key authentication. Open when no key is configured (the server then only binds to loopback);
// otherwise every path outside `open_paths` needs `Authorization: Bearer <key>`, the raw key in
// Authorization (attocode clients), or `X-API-Key: <key>`. The matching key's name goes to the
// log and the rate limiter.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MiddlewareHandler } from 'hono';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Settings } from '../../config.js';
import { invalidArgument } from '../../errors.js';
import type { HttpEnv } from '../env.js';

/** Key name → SHA-256 digest of the key. */
export type ApiKeys = ReadonlyMap<string, Buffer>;

export interface AuthOptions {
  keys: ApiKeys;
  /** Paths answered without a key (health, readiness, metrics, docs): see openPathMatcher. */
  isOpen: (path: string) => boolean;
}

/** The `open_paths` setting as a test: exact paths, and entries ending in `/*` open everything below them (the docs pages' assets). */
export function openPathMatcher(paths: readonly string[]): (path: string) => boolean {
  const exact = new Set(paths.filter((p) => !p.endsWith('/*')));
  const prefixes = paths.filter((p) => p.endsWith('/*')).map((p) => p.slice(0, -1));
  return (path) => exact.has(path) || prefixes.some((p) => path.startsWith(p));
}

const KeysFile = z.record(z.string(), z.string().min(1))
  .refine((r) => Object.keys(r).every((name) => /^[A-Za-z0-9._-]{1,64}$/.test(name)), 'key names are letters, digits, . _ -');

// Digests have one length whatever the key's, so timingSafeEqual applies and the comparison time
// says nothing about the key.
const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/** The configured keys: `api_key` (named `default`) and the entries of `api_keys_file`. */
export function loadApiKeys(settings: Pick<Settings, 'api_key' | 'api_keys_file'>): ApiKeys {
  const keys = new Map<string, Buffer>();
  if (settings.api_key) keys.set('default', digest(settings.api_key));
  if (settings.api_keys_file) {
    const file = settings.api_keys_file;
    let parsed: z.infer<typeof KeysFile>;
    try {
      const result = KeysFile.safeParse(parseYaml(readFileSync(file, 'utf8')));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'expected a mapping of key names to keys');
      parsed = result.data;
    } catch (e) {
      throw new Error(`Cannot use api_keys_file ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const [name, key] of Object.entries(parsed)) {
      if (keys.has(name)) throw new Error(`Cannot use api_keys_file ${file}: the name '${name}' is already taken by api_key.`);
      keys.set(name, digest(key));
    }
    if (!Object.keys(parsed).length) throw new Error(`Cannot use api_keys_file ${file}: it names no keys.`);
  }
  return keys;
}

function presentedKey(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  if (apiKey) return apiKey;
  if (!authorization) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  return m ? m[1]!.trim() : authorization.trim();
}

/** The name of the key that matches; every key is compared so the time does not depend on which. */
function matchKey(keys: ApiKeys, presented: string): string | undefined {
  const given = digest(presented);
  let found: string | undefined;
  for (const [name, expected] of keys) if (timingSafeEqual(given, expected) && found === undefined) found = name;
  return found;
}

export function auth(opts: AuthOptions): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    if (!opts.keys.size || opts.isOpen(c.req.path)) return next();
    const presented = presentedKey(c.req.header('authorization'), c.req.header('x-api-key'));
    const name = presented ? matchKey(opts.keys, presented) : undefined;
    if (name === undefined) {
      c.header('WWW-Authenticate', 'Bearer realm="cartograph"');
      throw invalidArgument(presented
        ? 'The API key is not valid; send a configured key as Authorization: Bearer <key> or X-API-Key: <key>.'
        : 'An API key is required; send it as Authorization: Bearer <key> or X-API-Key: <key>.', { reason: 'unauthenticated' });
    }
    c.set('keyName', name);
    return next();
  };
}
