// `symbols`: every definition in one file, nested ones included.
import { z } from 'zod';
import { SymbolKind } from '../engine/model.js';
import { READ_ONLY, defineOperation } from './define.js';
import { indexedFile, pathParam } from './shared.js';

export const SymbolEntry = z.object({
  kind: SymbolKind,
  name: z.string(),
  qualified_name: z.string(),
  symbol_id: z.string(),
  signature: z.string(),
  file_path: z.string(),
  start_line: z.number().int(),
  end_line: z.number().int(),
  start_col: z.number().int(),
  parent: z.string().optional(),
  exported: z.boolean(),
  doc: z.string().optional(),
});

export const symbols = defineOperation({
  name: 'symbols',
  title: 'List symbols in a file',
  description: 'List every definition (functions, classes, methods, types, constants, variables…) in one file with '
    + 'kind, qualified name, signature and 1-based line range. Use search_symbols to find a name across the project.',
  input: z.object({ path: pathParam('File path, relative to the project root (or absolute inside it).') }),
  output: z.object({
    path: z.string(),
    language: z.string().nullable(),
    parse_status: z.enum(['ok', 'partial', 'skipped']),
    skip_reason: z.string().optional(),
    symbols: z.array(SymbolEntry),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/symbols' },
  async run(ctx, { path }) {
    const file = await indexedFile(ctx, 'path', path);
    const rows = ctx.project.store.symbolsOfFile(file.path);
    return {
      path: file.path,
      language: file.language,
      parse_status: file.status,
      ...(file.skip_reason ? { skip_reason: file.skip_reason } : {}),
      symbols: rows.map((s) => ({
        kind: s.kind, name: s.name, qualified_name: s.qualified_name, symbol_id: s.symbol_id, signature: s.signature,
        file_path: s.file_path, start_line: s.start_line, end_line: s.end_line, start_col: s.start_col,
        ...(s.parent !== undefined ? { parent: s.parent } : {}), exported: s.exported, ...(s.doc ? { doc: s.doc } : {}),
      })),
    };
  },
  render(out) {
    if (!out.symbols.length) {
      return `No symbols found in ${out.path}${out.skip_reason ? ` (skipped: ${out.skip_reason})` : ''}`;
    }
    const depth = new Map<string, number>();
    const lines = [`Symbols in ${out.path} (${out.symbols.length}):`];
    for (const s of out.symbols) {
      const d = s.parent !== undefined ? (depth.get(s.parent) ?? 0) + 1 : 0;
      depth.set(s.qualified_name, d);
      lines.push(`${'  '.repeat(d + 1)}${s.kind} ${s.qualified_name}  (L${s.start_line}-${s.end_line})`);
    }
    if (out.parse_status === 'partial') lines.push('  (file has syntax errors; symbols come from error recovery)');
    return lines.join('\n');
  },
});
