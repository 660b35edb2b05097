// JSON Schemas of operations, derived from their zod schemas once: advertised by MCP tools/list
// and OpenAPI, and read by argument preparation. Draft-07, which every MCP client validates.
import { z } from 'zod';
import { CommonFields, type Operation } from './define.js';

const inputCache = new WeakMap<Operation, Record<string, unknown>>();
const outputCache = new WeakMap<Operation, Record<string, unknown>>();

function toJson(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

const outputZodCache = new WeakMap<Operation, z.ZodObject>();

/** The operation's result schema with the common fields; built once (it validates every result). */
export function outputSchemaOf(op: Operation): z.ZodObject {
  let s = outputZodCache.get(op);
  if (!s) outputZodCache.set(op, (s = op.output.extend(CommonFields)));
  return s;
}

export function inputJsonSchema(op: Operation): Record<string, unknown> {
  let s = inputCache.get(op);
  if (!s) inputCache.set(op, (s = toJson(op.input, 'input')));
  return s;
}

export function outputJsonSchema(op: Operation): Record<string, unknown> {
  let s = outputCache.get(op);
  if (!s) outputCache.set(op, (s = toJson(outputSchemaOf(op), 'output')));
  return s;
}
