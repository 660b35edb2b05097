// `semantic_search`: find code by describing it in words. Keyword leg always; vector leg and
// fusion when an embedding provider is configured and ready (spec §4.6).
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import { semanticSearch } from '../engine/search/semantic-search.js';
import { READ_ONLY, defineOperation } from './define.js';

const Hit = z.object({
  file_path: z.string(),
  line: z.number().int(),
  end_line: z.number().int(),
  kind: z.string(),
  name: z.string(),
  chunk_id: z.string(),
  score: z.number(),
  snippet: z.string(),
  components: z.object({
    bm25: z.number().optional(),
    bm25_rank: z.number().int().optional(),
    cosine: z.number().optional(),
    vector_rank: z.number().int().optional(),
    factors: z.record(z.string(), z.number()).optional(),
  }),
});

/** Lone surrogates are what is left of bytes that were not UTF-8; they cannot be searched for. */
const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

export const semanticSearchOp = defineOperation({
  name: 'semantic_search',
  title: 'Search code by meaning',
  description: 'Find functions, classes and files by describing them in words ("where do we retry failed requests"). '
    + 'Keyword search (BM25 over identifiers split into words, names, signatures, doc comments and paths) always works; '
    + 'with an embedding provider configured, vector search is fused in. Results carry line ranges and score components, '
    + 'and low_confidence says when nothing is likely relevant. For a known identifier use search_symbols.',
  input: z.object({
    query: z.string().max(2000).describe('What the code does, in words (or identifiers).'),
    top_k: z.number().int().min(1).max(100).default(10).describe('Maximum results (at most 3 per file).'),
    file_filter: z.string().max(1000).default('').describe('Glob over relative paths, e.g. src/**/*.ts; `*` crosses `/`.'),
    branch: z.string().max(200).default('').describe('Accepted for compatibility; the working tree is searched.'),
    mode: z.enum(['auto', 'keyword', 'vector']).default('auto').describe('auto: hybrid when embeddings are ready, else keyword.'),
  }),
  output: z.object({
    query: z.string(),
    mode_requested: z.enum(['auto', 'keyword', 'vector']),
    mode_used: z.enum(['keyword', 'vector', 'hybrid']),
    degraded_reason: z.enum(['no_provider', 'provider_unavailable', 'embeddings_building', 'model_mismatch']).optional(),
    low_confidence: z.boolean(),
    results: z.array(Hit),
    total: z.number().int(),
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/search' },
  async run(ctx, input) {
    if (!WELL_FORMED.test(input.query)) throw invalidArgument("Parameter 'query' is not valid UTF-8 text.", { parameter: 'query' });
    const res = await semanticSearch(ctx.project, {
      query: input.query, top_k: input.top_k, file_filter: input.file_filter, mode: input.mode, signal: ctx.signal,
    });
    ctx.cite(res.results.map((r) => r.file_path));
    for (const n of res.notes) ctx.note(n);
    if (res.degraded_reason === 'no_provider') ctx.note('keyword search only: no embedding provider is configured.');
    else if (res.degraded_reason) ctx.note(`keyword search only: ${res.degraded_reason.replace(/_/g, ' ')}.`);
    return {
      query: input.query,
      mode_requested: input.mode,
      mode_used: res.mode_used,
      ...(res.degraded_reason ? { degraded_reason: res.degraded_reason } : {}),
      low_confidence: res.low_confidence,
      results: res.results,
      total: res.total,
      ...(res.total > res.results.length
        ? { truncated: { shown: res.results.length, total: res.total, by: 'limit' as const, hint: 'Raise top_k or narrow file_filter.' } }
        : {}),
    };
  },
  render(out) {
    if (!out.results.length) {
      const identifier = /^[A-Za-z_$][\w$.]*$/.test(out.query.trim());
      return `No results found.${identifier ? ` '${out.query.trim()}' looks like an identifier: try search_symbols.` : ''}`;
    }
    const lines = [`Semantic search results (${out.results.length}, mode=${out.mode_used}):`];
    if (out.low_confidence) lines.push('  Low confidence: none of these is likely to be what you asked for.');
    out.results.forEach((r, i) => {
      const where = r.end_line > r.line ? `${r.line}-${r.end_line}` : `${r.line}`;
      lines.push(`  ${i + 1}. [${r.kind}] ${r.file_path}:${where}${r.name ? ` — ${r.name}` : ''} (score ${r.score.toFixed(2)})`);
      if (r.snippet) lines.push(`     ${r.snippet}`);
    });
    return lines.join('\n');
  },
});
