// The one call path every front end uses: argument preparation (aliases, unknown keys, case-
// insensitive enums, clamping, size limits, query-string coercion), validation, waiting for the
// index, the deadline, the freshness stamp, rendering and the output cap. Errors come back as
// values, never thrown past this point.
import { z } from 'zod';
import { CartographError, invalidArgument, notIndexedYet, toCartographError, tooLarge, unavailable } from '../errors.js';
import { freshnessLine } from '../engine/freshness.js';
import type { Project } from '../engine/project.js';
import { log } from '../log.js';
import { recordOperation } from '../metrics.js';
import { estimateTokens, type Operation, type OperationContext } from './define.js';
import { inputJsonSchema, outputSchemaOf } from './json-schema.js';

/** Any rendered text above this many estimated tokens is cut (Claude Code's default MCP limit). */
const OUTPUT_CAP_TOKENS = 25_000;

interface JsonProp {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  items?: JsonProp;
  anyOf?: JsonProp[];
}

function propsOf(op: Operation): Record<string, JsonProp> {
  return (inputJsonSchema(op).properties ?? {}) as Record<string, JsonProp>;
}

function typeOf(p: JsonProp): string | undefined {
  if (p.type) return Array.isArray(p.type) ? p.type.find((t) => t !== 'null') : p.type;
  return p.anyOf?.map(typeOf).find((t) => t && t !== 'null');
}

function coerceScalar(value: unknown, type: string | undefined): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'integer' || type === 'number') return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type === 'null' && value === 'null') return null;
  return value;
}

export interface PrepareOptions {
  /** Values came from a query string: coerce strings to the declared types. */
  fromQuery?: boolean;
}

/** Applies the leniency rules of spec §1.1 and returns the arguments ready for zod. */
export function prepareArgs(op: Operation, raw: unknown, notes: string[], opts: PrepareOptions = {}): Record<string, unknown> {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalidArgument('Arguments must be a JSON object.');
  const props = propsOf(op);
  const aliases = op.route.aliases ?? {};
  const out: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, value0] of Object.entries(raw as Record<string, unknown>)) {
    const name = props[key] ? key : aliases[key];
    if (!name || !props[name]) { ignored.push(key); continue; }
    if (name !== key && key in out) continue;
    // A nullable parameter's bounds sit on its non-null branch.
    const p = props[name]!.anyOf?.find((a) => typeOf(a) !== 'null') ?? props[name]!;
    const type = typeOf(p);
    let value = value0;
    if (type === 'array') {
      if (opts.fromQuery && !Array.isArray(value)) value = [value];
      if (Array.isArray(value) && p.items) value = value.map((v) => (opts.fromQuery ? coerceScalar(v, typeOf(p.items!)) : v));
      if (Array.isArray(value) && p.maxItems !== undefined && value.length > p.maxItems) {
        throw tooLarge(`Parameter '${name}' has ${value.length} items; at most ${p.maxItems} are allowed.`, { parameter: name, limit: p.maxItems });
      }
    } else {
      if (opts.fromQuery && Array.isArray(value)) value = value[value.length - 1];
      if (opts.fromQuery) value = coerceScalar(value, type);
    }
    if (typeof value === 'string') {
      if (p.maxLength !== undefined && [...value].length > p.maxLength) {
        throw tooLarge(`Parameter '${name}' is ${[...value].length} characters long; at most ${p.maxLength} are allowed.`, { parameter: name, limit: p.maxLength });
      }
      const options = p.enum ?? p.anyOf?.find((a) => a.enum)?.enum;
      if (options) {
        const lower = value.toLowerCase();
        const match = options.find((o) => typeof o === 'string' && o.toLowerCase() === lower);
        if (match !== undefined) value = match;
      }
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (type === 'integer' && !Number.isInteger(value)) {
        throw invalidArgument(`Parameter '${name}' must be a whole number; got ${value}.`, { parameter: name });
      }
      const clamped = Math.min(p.maximum ?? Infinity, Math.max(p.minimum ?? -Infinity, value));
      if (clamped !== value) {
        notes.push(`${name}=${value} is out of range; clamped to ${clamped}.`);
        value = clamped;
      }
    }
    out[name] = value;
  }
  if (ignored.length) notes.push(`Ignored unknown parameter${ignored.length > 1 ? 's' : ''}: ${ignored.sort().join(', ')}.`);
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, op: Operation): string {
  const param = issue.path.join('.') || '(arguments)';
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `Parameter '${param}' must be one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `Parameter '${param}' is required by ${op.name}.`;
  return `Parameter '${param}': ${issue.message}.`;
}

export type InvokeResult =
  | { ok: true; output: Record<string, unknown>; text: string }
  | { ok: false; error: CartographError };

export interface InvokeOptions extends PrepareOptions {
  signal?: AbortSignal;
  /** Notes the front end already has for this call (e.g. an ignored `branch`). */
  notes?: string[];
}

/** Whether read-only mode hides and refuses `op`: every operation not annotated read-only writes something. */
export function refusedWhenReadOnly(op: Operation, project: Project): boolean {
  return project.settings.read_only && !op.annotations.readOnlyHint;
}

export async function invoke(op: Operation, project: Project, raw: unknown, opts: InvokeOptions = {}): Promise<InvokeResult> {
  const notes: string[] = [...(opts.notes ?? [])];
  const cited = new Set<string>();
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort);
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  let failed: CartographError | undefined;
  try {
    if (refusedWhenReadOnly(op, project)) {
      throw invalidArgument(`${op.name} changes state and this server is read-only (read_only setting).`, { reason: 'read_only', tool: op.name });
    }
    const args = prepareArgs(op, raw, notes, opts);
    const parsed = op.input.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalidArgument(describeIssue(issue, op), { parameter: issue.path.join('.'), issues: parsed.error.issues.map((i) => i.message) });
    }
    const settings = project.settings;
    if (op.needsIndex !== false) await waitForIndex(project, settings.wait_budget_ms);
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(unavailable(`${op.name} did not finish within ${settings.deadline_ms} ms.`, { reason: 'deadline_exceeded' }));
      }, settings.deadline_ms);
    });
    const attempt = async (input: Record<string, unknown>): Promise<{ output: Record<string, unknown>; text: string }> => {
      const callNotes = [...notes];
      cited.clear();
      const ctx: OperationContext = {
        project,
        signal: controller.signal,
        note: (m) => callNotes.push(m),
        cite: (paths) => { for (const p of paths) cited.add(p); },
      };
      const result = await Promise.race([op.run(ctx, input as never), deadline]);
      const output: Record<string, unknown> = { ...result, freshness: project.freshness([...cited]) };
      if (input !== parsed.data) echoCallerBudget(output, input.max_tokens as number, (parsed.data as { max_tokens: number }).max_tokens);
      if (callNotes.length) output.notes = callNotes;
      let text = `${op.render(output as never)}\n${freshnessLine(output.freshness as never)}`;
      text = capText(text, output);
      if (callNotes.length) text = `${text}\nNotes: ${callNotes.join(' ')}`;
      return { output, text };
    };
    let { output, text } = await attempt(parsed.data);
    // A budget covers the whole text, footer included: when the freshness line and notes push it
    // over, the operation runs again with the overflow taken off its own budget (and a few tokens
    // more on each further try, as a shorter answer can carry a longer note).
    const budget = (parsed.data as { max_tokens?: unknown }).max_tokens;
    let own = budget;
    for (let i = 0; i < 3 && typeof budget === 'number' && typeof own === 'number' && estimateTokens(text) > budget; i++) {
      own = Math.max(1, own - (estimateTokens(text) - budget) - i * 4);
      ({ output, text } = await attempt({ ...parsed.data, max_tokens: own }));
    }
    const check = outputSchemaOf(op).safeParse(output);
    if (!check.success) {
      log.error({ op: op.name, issues: check.error.issues.slice(0, 3) }, 'operation output does not match its schema');
      throw new CartographError('internal', `${op.name} produced an invalid result.`);
    }
    return { ok: true, output, text };
  } catch (err) {
    const error = (failed = toCartographError(err));
    if (error.code === 'internal') log.error({ op: op.name, err: err instanceof Error ? err.stack : String(err) }, 'operation failed');
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    recordOperation(op.name, (performance.now() - started) / 1000, failed?.code);
  }
}

/** Waits for the initial index; throws not_indexed_yet when there is nothing to answer from yet. */
export async function waitForIndex(project: Project, budgetMs: number): Promise<void> {
  if (await project.waitForInitial(budgetMs)) return;
  if (project.store.generation > 0) return; // partial data beats an error; freshness says it is partial
  const progress = project.status().progress;
  throw notIndexedYet('The index is still being built; retry shortly.',
    { phase: progress.phase, done: progress.done, total: progress.total }, 2000);
}

/**
 * A run with a budget lowered for the footer still reports the caller's budget: results echo
 * `max_tokens`, and cut hints quote it.
 */
function echoCallerBudget(output: Record<string, unknown>, own: number, budget: number): void {
  if (output.max_tokens === own) output.max_tokens = budget;
  const truncated = output.truncated as { hint?: string } | undefined;
  if (truncated?.hint) truncated.hint = truncated.hint.replace(`max_tokens=${own}`, `max_tokens=${budget}`);
}

/** Cuts text above the cap at a line boundary and records it in `truncated` when the op did not. */
function capText(text: string, output: Record<string, unknown>): string {
  if (estimateTokens(text) <= OUTPUT_CAP_TOKENS) return text;
  const lines = text.split('\n');
  let kept = 0;
  let tokens = 0;
  while (kept < lines.length && tokens + estimateTokens(`${lines[kept]!}\n`) < OUTPUT_CAP_TOKENS - 50) tokens += estimateTokens(`${lines[kept++]!}\n`);
  output.truncated ??= { shown: kept, total: lines.length, by: 'cap', hint: 'Output above 25,000 tokens was cut; narrow the request.' };
  return `${lines.slice(0, kept).join('\n')}\n… ${lines.length - kept} more lines not shown (output cap); narrow the request.`;
}
