// What the hand-written HTTP routes (projects, notify) share with the generated ones: reading a JSON
// body, checking it against a zod schema with the same typed error as operation arguments, and the
// read-only refusal of writes.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Settings } from '../config.js';
import { invalidArgument } from '../errors.js';
import type { HttpEnv } from './env.js';

/** The JSON body; an empty body is `{}`, anything unparsable a 400 `malformed_json`. */
export async function readJson(c: Context<HttpEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalidArgument('The request body is not valid JSON.', { reason: 'malformed_json' });
  }
}

/** `raw` checked against `schema`; the first violation is a 422 naming the parameter. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const parameter = issue.path.join('.') || '(body)';
  throw invalidArgument(`Parameter '${parameter}': ${issue.message}.`, { parameter });
}

/** Writes (notify, reindex, delete) are refused on a read-only server, like writing operations (403). */
export function refuseWhenReadOnly(settings: Settings, action: string): void {
  if (settings.read_only) {
    throw invalidArgument(`${action} changes state and this server is read-only (read_only setting).`, { reason: 'read_only', action });
  }
}
