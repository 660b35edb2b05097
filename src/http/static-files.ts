// Files the server hands out from its own package and its dependencies (the docs pages' and the
// graph page's scripts, styles and images): read once, then served from memory.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Context, Hono } from 'hono';
import { notFound } from '../errors.js';
import type { HttpEnv } from './env.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const cache = new Map<string, Buffer>();

/** The file at `path` (a fixed path, never one built from the request), cacheable for a day unless `headers` say otherwise. */
export function staticFile(c: Context<HttpEnv>, path: string, headers: Record<string, string> = {}): Response {
  let data = cache.get(path);
  if (!data) cache.set(path, (data = readFileSync(path)));
  return c.body(new Uint8Array(data), 200, {
    'Content-Type': CONTENT_TYPES[extname(path)]!,
    'Cache-Control': 'public, max-age=86400',
    ...headers,
  });
}

/**
 * Serves the files of `table` under `prefix` (`/docs/assets`), by the name each is listed under: a
 * fixed table, so a request path never becomes a file-system path. Other names are 404.
 */
export function mountAssets(app: Hono<HttpEnv>, prefix: string, table: Readonly<Record<string, string>>, headers: Record<string, string> = {}): void {
  app.get(`${prefix}/:file`, (c) => {
    const path = Object.hasOwn(table, c.req.param('file')) ? table[c.req.param('file')] : undefined;
    if (!path) throw notFound(`No asset ${c.req.param('file')} under ${prefix}.`);
    return staticFile(c, path, headers);
  });
}
