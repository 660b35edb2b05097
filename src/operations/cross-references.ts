// `cross_references`: where a symbol is defined and every place that uses it.
import { z } from 'zod';
import { RefKind, SymbolKind } from '../engine/model.js';
import { searchSymbols } from '../engine/search/symbol-search.js';
import { crossReferences } from '../engine/xref.js';
import { invalidArgument } from '../errors.js';
import { READ_ONLY, defineOperation } from './define.js';

export const crossReferencesOp = defineOperation({
  name: 'cross_references',
  title: 'Definitions and uses of a symbol',
  description: 'Find where a symbol is defined and every reference to it, from the syntax tree (comments and strings never '
    + 'count). References bound through scope and imports are "resolved"; unbound uses of the same name (obj.name) are '
    + 'listed as name matches. Accepts `name`, `Class.method` or `path#qualified_name`.',
  input: z.object({
    symbol_name: z.string().min(1).max(500).describe('name, Class.method, or path#qualified_name.'),
    limit: z.number().int().min(1).max(5000).default(100).describe('Maximum references listed.'),
  }),
  output: z.object({
    symbol: z.string(),
    definitions: z.array(z.object({
      kind: SymbolKind, name: z.string(), qualified_name: z.string(), symbol_id: z.string(), file_path: z.string(),
      line: z.number().int(), end_line: z.number().int(),
    })),
    references: z.array(z.object({
      ref_kind: RefKind, file_path: z.string(), line: z.number().int(), col: z.number().int(), caller: z.string().optional(),
      resolution: z.enum(['resolved', 'name_match']), definition_id: z.string().optional(), source: z.enum(['index', 'lsp']),
    })),
    total_references: z.number().int(),
    resolved_references: z.number().int(),
    did_you_mean: z.array(z.string()).optional(),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/cross-refs', aliases: { symbol: 'symbol_name' } },
  async run(ctx, input) {
    const query = input.symbol_name.trim();
    if (!query) throw invalidArgument("Parameter 'symbol_name' must not be empty.", { parameter: 'symbol_name' });
    const { store } = ctx.project;
    const res = crossReferences(store, query);
    const refs = res.references.slice(0, input.limit);
    ctx.cite([...res.definitions.map((d) => d.file_path), ...refs.map((r) => r.file_path)]);
    const out = {
      symbol: query,
      definitions: res.definitions.map((d) => ({
        kind: d.kind, name: d.name, qualified_name: d.qualified_name, symbol_id: d.symbol_id, file_path: d.file_path,
        line: d.start_line, end_line: d.end_line,
      })),
      references: refs.map((r) => ({
        ref_kind: r.kind, file_path: r.file_path, line: r.line, col: r.col, ...(r.caller ? { caller: r.caller } : {}),
        resolution: r.resolution, ...(r.definition_id ? { definition_id: r.definition_id } : {}), source: 'index' as const,
      })),
      total_references: res.references.length,
      resolved_references: res.references.filter((r) => r.resolution === 'resolved').length,
    };
    if (!res.definitions.length) {
      const bare = query.slice(Math.max(query.lastIndexOf('#'), query.lastIndexOf('.')) + 1);
      const similar = searchSymbols(store, ctx.project.symbols(), bare, 3, { importance: () => 0 }).hits.map((h) => h.qualified_name);
      return { ...out, did_you_mean: [...new Set(similar)] };
    }
    return res.references.length > refs.length
      ? { ...out, truncated: { shown: refs.length, total: res.references.length, by: 'limit' as const, hint: 'Raise limit to see every reference.' } }
      : out;
  },
  render(out) {
    const lines = [`Cross-references for '${out.symbol}':`, `Definitions (${out.definitions.length}):`];
    if (!out.definitions.length) lines.push('  (none found)');
    for (const d of out.definitions) lines.push(`  ${d.kind} ${d.qualified_name}  ${d.file_path}:${d.line}-${d.end_line}`);
    lines.push(`References (${out.total_references}, ${out.resolved_references} resolved):`);
    if (!out.references.length) lines.push('  (none found)');
    for (const r of out.references) {
      lines.push(`  [${r.ref_kind}] ${r.file_path}:${r.line}:${r.col}${r.caller ? `  in ${r.caller}` : ''}${r.resolution === 'name_match' ? '  (name match)' : ''}`);
    }
    if (out.truncated) lines.push(`  … ${out.truncated.total - out.truncated.shown} more references not shown (limit); raise limit.`);
    if (out.did_you_mean?.length) lines.push(`Did you mean: ${out.did_you_mean.join(', ')}?`);
    return lines.join('\n');
  },
});
