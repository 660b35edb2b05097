// What the four LSP tools share (spec §10.1): position parameters, the location schema, checking
// the file and position, and the choice between a language server's answer and the index's.
import { z } from 'zod';
import type { LspAnswer } from '../engine/lsp/pool.js';
import { TextPositions } from '../engine/lsp/positions.js';
import { notFound, unavailable } from '../errors.js';
import type { OperationContext } from './define.js';
import { indexedFile, pathParam } from './shared.js';

export const Source = z.enum(['lsp', 'index']);

export const Location = z.object({
  file: z.string().nullable().describe('Root-relative path; null for a location outside the root.'),
  line: z.number().int(),
  col: z.number().int(),
  end_line: z.number().int(),
  end_col: z.number().int(),
  external: z.literal(true).optional(),
  uri: z.string().optional(),
});
export type Location = z.infer<typeof Location>;

export const POSITION_NOTE = 'Lines and columns are 1-based (columns count characters); attocode\'s LSP tools took 0-based ones, so add 1 to both.';

export const fileParams = {
  file: pathParam('File to ask about, relative to the project root.'),
  allow_fallback: z.boolean().default(true).describe('Answer from the index when no language server can (else unavailable).'),
};

export const positionParams = {
  ...fileParams,
  line: z.number().int().min(1).describe('1-based line.'),
  col: z.number().int().min(1).default(1).describe('1-based column, in characters.'),
};

export interface LspTarget { path: string; language?: string; text: string; positions: TextPositions }

/** The indexed file a call addresses, its current text, and (when given) the position checked against it. */
export async function lspTarget(ctx: OperationContext, input: { file: string; line?: number; col?: number }): Promise<LspTarget> {
  const row = await indexedFile(ctx, 'file', input.file);
  const text = ctx.project.readText(row.path);
  if (text === undefined) throw notFound(`File '${row.path}' cannot be read.`, { path: row.path });
  const positions = new TextPositions(text);
  if (input.line !== undefined) positions.check(input.line, input.col ?? 1);
  return { path: row.path, ...(row.language ? { language: row.language } : {}), text, positions };
}

/**
 * The server's answer when there is one; otherwise the index's (with a note saying why), or
 * unavailable when the caller refused the fallback.
 */
export async function lspOrIndex<T>(ctx: OperationContext, target: LspTarget, allowFallback: boolean, answer: LspAnswer<T>,
  fromIndex: () => T | Promise<T>): Promise<{ value: T; source: 'lsp' | 'index' }> {
  if (answer.ok) return { value: answer.value, source: 'lsp' };
  if (!allowFallback) {
    throw unavailable(`No language server answered for '${target.path}': ${answer.reason}.`,
      { reason: 'language_server_unavailable', path: target.path, server: ctx.project.lsp().serverId(target.path) ?? null });
  }
  ctx.note(`Answered from the index (source: index): ${answer.reason}.`);
  return { value: await fromIndex(), source: 'index' };
}

export const formatLocation = (l: Location): string => `${l.file ?? l.uri ?? '?'}:${l.line}:${l.col}`;

export const byPosition = (a: Location, b: Location): number =>
  Number(a.file === null) - Number(b.file === null)
  || ((a.file ?? a.uri ?? '') < (b.file ?? b.uri ?? '') ? -1 : (a.file ?? a.uri ?? '') > (b.file ?? b.uri ?? '') ? 1 : 0)
  || a.line - b.line || a.col - b.col;
