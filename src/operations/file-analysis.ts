// `file_analysis`: one file in depth — imports with their resolution, exports, code chunks, metrics.
import { z } from 'zod';
import { isTestPath } from '../engine/discover/languages.js';
import { isConfigPath } from '../engine/graph/importance.js';
import { ChunkKind, ImportKind } from '../engine/model.js';
import { READ_ONLY, defineOperation } from './define.js';
import { indexedFile, pathParam } from './shared.js';

const CHUNK_KINDS = new Set(['function', 'method', 'class', 'struct', 'interface', 'trait', 'enum', 'module']);

export const fileAnalysis = defineOperation({
  name: 'file_analysis',
  title: 'Analyse one file',
  description: 'One file in depth: language, line counts, each import with the file or package it resolves to, exports, '
    + 'functions/classes/methods with signature, line range and a cyclomatic complexity estimate, fan-in/fan-out, '
    + 'and the chunks semantic_search indexes for the file.',
  input: z.object({ path: pathParam('File path, relative to the project root.') }),
  output: z.object({
    path: z.string(),
    language: z.string().nullable(),
    line_count: z.number().int(),
    size_bytes: z.number().int(),
    parse_status: z.enum(['ok', 'partial', 'skipped']),
    skip_reason: z.string().optional(),
    parse_errors: z.number().int(),
    imports: z.array(z.object({
      specifier: z.string(), names: z.array(z.string()), line: z.number().int(), resolved: z.array(z.string()).optional(),
      external: z.string().optional(), unresolved: z.boolean().optional(), kind: ImportKind,
    })),
    exports: z.array(z.object({ name: z.string(), kind: z.string(), line: z.number().int() })),
    chunks: z.array(z.object({
      kind: z.string(), name: z.string(), parent: z.string().nullable(), signature: z.string(), start_line: z.number().int(),
      end_line: z.number().int(), doc: z.string().optional(), param_count: z.number().int(), complexity: z.number().int(),
    })),
    /** The file's semantic_search chunks (spec §4.6), in reading order. */
    search_chunks: z.array(z.object({
      chunk_id: z.string(), kind: ChunkKind, name: z.string(), part: z.number().int(), start_line: z.number().int(), end_line: z.number().int(),
    })),
    metrics: z.object({
      lines: z.number().int(), code_lines: z.number().int(), comment_lines: z.number().int(), blank_lines: z.number().int(),
      symbol_count: z.number().int(), fan_in: z.number().int(), fan_out: z.number().int(), importance: z.number(),
      is_test: z.boolean(), is_config: z.boolean(), syntax_errors: z.number().int(),
    }),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/file-analysis' },
  async run(ctx, { path }) {
    const file = await indexedFile(ctx, 'path', path);
    const { store } = ctx.project;
    const graph = ctx.project.graph();
    const edges = store.edgesFrom(file.path);
    const externals = store.externalsOf(file.id);
    const unresolved = store.unresolvedOf(file.id);
    const imports = store.importsOfFile(file.id).map((r) => {
      const key = (x: { line: number; specifier: string }) => x.line === r.line && x.specifier === r.specifier;
      const resolved = [...new Set(edges.filter(key).map((e) => e.target))];
      const external = externals.find(key)?.package;
      return {
        specifier: r.specifier, names: r.bindings.map((b) => (b.local === b.imported ? b.local : `${b.imported} as ${b.local}`)),
        line: r.line, kind: r.kind,
        ...(resolved.length ? { resolved } : {}), ...(external ? { external } : {}),
        ...(unresolved.some(key) ? { unresolved: true } : {}),
      };
    });
    const symbols = store.symbolsOfFile(file.path);
    const exports = [
      ...symbols.filter((s) => s.parent === undefined && s.exported).map((s) => ({ name: s.name, kind: s.kind, line: s.start_line })),
      ...store.importsOfFile(file.id).filter((r) => r.reexport).flatMap((r) => (r.bindings.length
        ? r.bindings.map((b) => ({ name: b.local, kind: 're-export', line: r.line }))
        : [{ name: `* from ${r.specifier}`, kind: 're-export', line: r.line }])),
    ].sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
    const chunks = symbols.filter((s) => CHUNK_KINDS.has(s.kind)).map((s) => ({
      kind: s.kind, name: s.qualified_name, parent: s.parent ?? null, signature: s.signature, start_line: s.start_line,
      end_line: s.end_line, ...(s.doc ? { doc: s.doc.slice(0, 200) } : {}), param_count: s.param_count ?? 0, complexity: s.complexity ?? 1,
    }));
    return {
      path: file.path, language: file.language, line_count: file.lines, size_bytes: file.size, parse_status: file.status,
      ...(file.skip_reason ? { skip_reason: file.skip_reason } : {}), parse_errors: file.parse_errors,
      imports, exports, chunks,
      search_chunks: store.chunksOfFile(file.path).map((c) => ({
        chunk_id: c.chunk_id, kind: c.kind, name: c.name, part: c.part, start_line: c.start_line, end_line: c.end_line,
      })),
      metrics: {
        lines: file.lines, code_lines: file.code_lines, comment_lines: file.comment_lines, blank_lines: file.blank_lines,
        symbol_count: symbols.length, fan_in: graph.importers(file.path).length, fan_out: graph.imports(file.path).length,
        importance: graph.importance(file.path), is_test: isTestPath(file.path), is_config: isConfigPath(file.path),
        syntax_errors: file.parse_errors,
      },
    };
  },
  render(out) {
    const m = out.metrics;
    const lines = [
      `Analysis of ${out.path}:`,
      `Language: ${out.language ?? 'unknown'}${out.parse_status === 'skipped' ? ` (skipped: ${out.skip_reason})` : out.parse_status === 'partial' ? ` (${out.parse_errors} syntax errors)` : ''}`,
      `Lines: ${m.lines} (${m.code_lines} code, ${m.comment_lines} comment, ${m.blank_lines} blank) · fan-in ${m.fan_in} · fan-out ${m.fan_out} · importance ${m.importance}${m.is_test ? ' · test' : ''}${m.is_config ? ' · config' : ''}`,
      `Imports (${out.imports.length}):`,
    ];
    for (const i of out.imports) {
      const target = i.resolved ? `→ ${i.resolved.join(', ')}` : i.external ? `→ external ${i.external}` : i.unresolved ? '→ unresolved' : '';
      lines.push(`  L${i.line}  ${i.specifier}${i.names.length ? ` {${i.names.join(', ')}}` : ''}${i.kind !== 'import' ? ` [${i.kind}]` : ''} ${target}`.trimEnd());
    }
    lines.push(`Exports (${out.exports.length}):`);
    for (const e of out.exports) lines.push(`  L${e.line}  ${e.kind} ${e.name}`);
    lines.push(`Code chunks (${out.chunks.length}):`);
    for (const c of out.chunks) lines.push(`  ${c.kind} ${c.name} — ${c.signature}  L${c.start_line}-${c.end_line}  cc=${c.complexity}`);
    const searchChunks = out.search_chunks.map((c) => `${c.kind}${c.name ? ` ${c.name}` : ''}${c.part ? ` #${c.part}` : ''} L${c.start_line}-${c.end_line}`);
    lines.push(`Search chunks (${searchChunks.length}): ${searchChunks.join(', ')}`.trimEnd());
    return lines.join('\n');
  },
});
