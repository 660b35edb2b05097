// The shape of an operation: written once, served by MCP, REST v1/v2 and the CLI alike.
import { z } from 'zod';
import { Freshness } from '../engine/freshness.js';
import type { Project } from '../engine/project.js';

export const Truncated = z.object({
  shown: z.number().int(),
  total: z.number().int(),
  by: z.enum(['max_tokens', 'limit', 'cap']),
  hint: z.string(),
});
export type Truncated = z.infer<typeof Truncated>;

/** Fields every success result carries (spec §1.2). */
export const CommonFields = {
  freshness: Freshness,
  truncated: Truncated.optional(),
  notes: z.array(z.string()).optional(),
};

export interface OperationContext {
  project: Project;
  signal: AbortSignal;
  /** Adds a plain-words note to the result (clamps, fallbacks, ignored keys). */
  note(message: string): void;
  /** Paths the result cites; their staleness is reported in the freshness stamp. */
  cite(paths: Iterable<string>): void;
}

export interface Annotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
}

export const READ_ONLY: Annotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true };
/** Writing tools, spec §3 W(false, false): repeating the call changes more (a counter, a new record). */
export const WRITE: Annotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false };
/** Writing tools, spec §3 W(false, true): repeating the call with the same arguments changes nothing more. */
export const WRITE_IDEMPOTENT: Annotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: true };

export interface Route {
  method: 'GET' | 'POST';
  /** Path under /api/v1/projects/{id} and /api/v2/projects/{id}, e.g. `/symbols`. */
  path: string;
  /** Further paths the same operation answers under /api/v2/projects/{id} only (attocode's v2 spellings). */
  v2Aliases?: string[];
  /** Other keys REST clients may use for a parameter (`files` → `changed_files`). */
  aliases?: Record<string, string>;
}

export interface Operation<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: I;
  /** Result fields specific to this operation; CommonFields are added by the registry. */
  output: O;
  annotations: Annotations;
  route: Route;
  /** Whether the call must wait for the index (false for operations that work without it). */
  needsIndex?: boolean;
  run(ctx: OperationContext, input: z.infer<I>): Promise<z.infer<O> & { truncated?: Truncated }>;
  render(output: z.infer<O> & { truncated?: Truncated; notes?: string[] }): string;
}

/** Identity helper that keeps the input/output types tied together. */
export function defineOperation<I extends z.ZodObject, O extends z.ZodObject>(op: Operation<I, O>): Operation<I, O> {
  return op;
}

// The token estimate every budget shares lives with the engine's budget fitting.
export { estimateTokens } from '../engine/analysis/budget.js';

