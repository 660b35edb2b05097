// Request bodies over the configured size are refused with `too_large` (413) before a handler
// buffers them; chunked bodies are counted as they arrive.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { tooLarge } from '../../errors.js';
import type { HttpEnv } from '../env.js';

export interface BodyLimitOptions {
  maxBytes: number;
  /**
   * Paths whose handler reads the node request stream itself (the legacy SSE `/messages`, which
   * applies the MCP SDK's own cap): consuming the body here would leave that stream empty.
   */
  skipPaths?: readonly string[];
}

export function bodyLimit(opts: BodyLimitOptions): MiddlewareHandler<HttpEnv> {
  const skip = new Set(opts.skipPaths ?? []);
  const limit = honoBodyLimit({
    maxSize: opts.maxBytes,
    onError: () => {
      throw tooLarge(`The request body is larger than ${opts.maxBytes} bytes; send less (max_body_bytes).`, { limit: opts.maxBytes });
    },
  });
  return async (c, next) => (skip.has(c.req.path) ? next() : limit(c, next));
}
