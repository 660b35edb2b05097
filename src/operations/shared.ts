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

/** Up to 3 of `candidates` that look like `rel`: same path ignoring case, then same basename. */
function similarPaths(candidates: readonly string[], rel: string): string[] {
  const lower = rel.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  const sameCase = candidates.filter((p) => p.toLowerCase() === lower);
  const sameBase = candidates.filter((p) => p.toLowerCase().endsWith(`/${base}`) || p.toLowerCase() === base);
  return [...new Set([...sameCase, ...sameBase])].slice(0, 3);
}

/** Up to 3 indexed paths that look like `rel`: same path ignoring case, then same basename. */
export function didYouMean(ctx: OperationContext, rel: string): string[] {
  return similarPaths([...ctx.project.graph().files.keys()], rel);
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

/**
 * A path parameter that names a directory or a file (`''`, `.` and `/` are the root); a file
 * comes with its index row unless the index does not hold it (an ignored file). A path neither
 * on disk nor in the index is not_found, with up to 3 directories or files whose path matches
 * ignoring case or whose last segment is the same; outside the root is invalid_argument.
 */
export function dirOrFile(ctx: OperationContext, param: string, input: string):
  { kind: 'dir'; path: string } | { kind: 'file'; path: string; row?: FileRow } {
  if (!input || input === '.' || input === '/' || input === './') return { kind: 'dir', path: '' };
  const { rel, abs } = ctx.project.resolvePath(input);
  if (!rel) return { kind: 'dir', path: '' };
  const row = ctx.project.store.file(rel);
  if (row) return { kind: 'file', path: rel, row };
  if (existsSync(abs)) return statSync(abs).isDirectory() ? { kind: 'dir', path: rel } : { kind: 'file', path: rel };
  const files = [...ctx.project.graph().files.keys()];
  if (files.some((p) => p.startsWith(`${rel}/`))) return { kind: 'dir', path: rel }; // deleted since indexing
  const withDirs = new Set<string>();
  for (const f of files) for (let p = f; p; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) withDirs.add(p);
  const suggestions = similarPaths([...withDirs].sort(), rel);
  throw notFound(`Path '${rel}' does not exist${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
    { path: rel, parameter: param, did_you_mean: suggestions });
}

/**
 * A list parameter of files: each confined to the root and re-indexed first when stale. Files
 * the index does not hold are named in a note; when it holds none of them, not_found.
 */
export async function knownFiles(ctx: OperationContext, inputs: readonly string[]): Promise<string[]> {
  const rels = [...new Set(inputs.map((p) => ctx.project.resolvePath(p).rel))];
  await ctx.project.repairStale(rels);
  const files = ctx.project.graph().files;
  const known = rels.filter((r) => files.has(r));
  const unknown = rels.filter((r) => !files.has(r));
  if (!known.length) throw notFound(`None of the files is in the index: ${unknown.join(', ')}.`, { unknown_files: unknown });
  if (unknown.length) ctx.note(`Not in the index, left out: ${unknown.join(', ')}.`);
  return known;
}
