// Parameters and text helpers shared by the learning and ADR operations.
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import type { OperationContext } from './define.js';

/**
 * A learning id or ADR number. `positive()` (not `min(1)`) so that 0 or −3 is refused as
 * invalid_argument instead of being clamped to 1, which would address another record.
 */
export const recordNumber = (description: string) => z.number().int().positive().describe(description);

/**
 * A learning scope: "" (global; also `.` and `/`), a directory prefix ending in `/` (an existing
 * directory, or any path written with a trailing slash), or a file path. Confined to the root.
 */
export function scopeParam(ctx: OperationContext, input: string): string {
  if (!input || input === '.' || input === '/' || input === './') return '';
  const { rel, abs } = ctx.project.resolvePath(input);
  if (!rel) return '';
  const directory = /[\\/]$/.test(input) || (existsSync(abs) && statSync(abs).isDirectory());
  return directory ? `${rel}/` : rel;
}

export const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** A Markdown table cell: one line, pipes escaped. */
export const cell = (text: string): string => text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');

/** Text cut at `max` characters, marked with `...`. */
export const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}...` : text);

/** A single-line text parameter (titles, authors): line breaks would break the Markdown layouts. */
export const oneLine = (max: number) => z.string().max(max).regex(/^[^\r\n\u2028\u2029]*$/, 'must be a single line');

/** The folder ADR files are exported to and imported from: inside the root, not a file. */
export function adrDirectory(ctx: OperationContext, input: string): { rel: string; abs: string } {
  const { rel, abs } = ctx.project.resolvePath(input || '.');
  if (existsSync(abs) && !statSync(abs).isDirectory()) {
    throw invalidArgument(`Parameter 'directory' names a file ('${rel}'); give a folder.`, { parameter: 'directory' });
  }
  return { rel, abs };
}
