// JSON Schemas of operations, derived from their zod schemas once: advertised by MCP tools/list
// and read by argument preparation (draft-07, which every MCP client validates), and by the
// OpenAPI document (draft 2020-12, OpenAPI 3.1's dialect).
import { z } from 'zod';
import { CommonFields, type Operation } from './define.js';

const inputCache = new WeakMap<Operation, Record<string, unknown>>();
const outputCache = new WeakMap<Operation, Record<string, unknown>>();

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output', target: 'draft-7' | 'draft-2020-12' = 'draft-7'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, target, unrepresentable: 'any' }) as Record<string, unknown>;
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
  if (!s) inputCache.set(op, (s = toJsonSchema(op.input, 'input')));
  return s;
}

export function outputJsonSchema(op: Operation): Record<string, unknown> {
  let s = outputCache.get(op);
  if (!s) outputCache.set(op, (s = toJsonSchema(outputSchemaOf(op), 'output')));
  return s;
}
