// Parameter schemas and lookups several operations share: path parameters, file addressing with
// not_found suggestions, and the limits of spec §1.8.
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { invalidArgument, notFound, tooLarge } from '../errors.js';
import type { FileRow } from '../engine/index/store.js';
import type { OperationContext } from './define.js';

export const MAX_STRING = 10_000;
export const MAX_LIST = 1_000;

export const pathParam = (description: string) => z.string().max(MAX_STRING).describe(description);

/** Up to 3 indexed paths that look like `rel`: same path ignoring case, then same basename. */
export function didYouMean(ctx: OperationContext, rel: string): string[] {
  const lower = rel.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  const files = [...ctx.project.graph().files.keys()];
  const sameCase = files.filter((p) => p.toLowerCase() === lower);
  const sameBase = files.filter((p) => p.toLowerCase().endsWith(`/${base}`) || p.toLowerCase() === base);
  return [...new Set([...sameCase, ...sameBase])].slice(0, 3);
}

/**
 * Resolves a file parameter to an indexed file, re-indexing it first when it changed on disk.
 * Errors: outside the root → invalid_argument; a directory → invalid_argument; unknown →
 * not_found with suggestions; over the parse cap → too_large (unless `allowTooLarge`).
 */
export async function indexedFile(ctx: OperationContext, param: string, input: string, allowTooLarge = false): Promise<FileRow> {
  if (!input.trim()) throw invalidArgument(`Parameter '${param}' must name a file.`, { parameter: param });
  const { rel, abs } = ctx.project.resolvePath(input);
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    throw invalidArgument(`Parameter '${param}' names a directory ('${rel || '.'}'); give a file.`, { parameter: param });
  }
  await ctx.project.repairStale([rel]);
  const row = ctx.project.store.file(rel);
  if (!row) {
    const suggestions = didYouMean(ctx, rel);
    throw notFound(`File '${rel}' is not in the index${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
      { path: rel, did_you_mean: suggestions });
  }
  if (row.skip_reason === 'too_large' && !allowTooLarge) {
    throw tooLarge(`File '${rel}' is ${row.size.toLocaleString('en-US')} bytes, above the parse cap of ${ctx.project.settings.max_file_size.toLocaleString('en-US')}.`,
      { path: rel, size: row.size, limit: ctx.project.settings.max_file_size });
  }
  ctx.cite([rel]);
  return row;
}

/** A directory prefix parameter: `''`, `.` and `/` mean the root; a trailing `/` is optional. */
export function dirPrefix(ctx: OperationContext, input: string): string {
  if (!input || input === '.' || input === '/' || input === './') return '';
  const { rel } = ctx.project.resolvePath(input);
  return rel;
}

export const underDir = (path: string, dir: string): boolean => !dir || path === dir || path.startsWith(`${dir}/`);
