// `semantic_search_status`: which search backends are active, how far embedding has got, and
// whether anything is wrong (spec §4.7). Problems are fields, never errors.
import { z } from 'zod';
import { SearchStatus } from '../engine/search/search-status.js';
import { READ_ONLY, defineOperation } from './define.js';

export const semanticSearchStatus = defineOperation({
  name: 'semantic_search_status',
  title: 'Search backends and embedding progress',
  description: 'Report the search backends: the keyword index (documents, files, pending), the embedding provider '
    + '(reachable, model present, dimension), embedding coverage, rate and ETA, and an overall health with its reason.',
  input: z.object({}),
  output: SearchStatus,
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/semantic-search-status' },
  needsIndex: false,
  async run(ctx) {
    return ctx.project.search().status(ctx.project.store.allFiles());
  },
  render(s) {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const lines = [
      'Semantic search status:',
      `  Provider: ${s.provider}${s.model ? ` (${s.model}${s.dimension ? `, ${s.dimension} dims` : ''})` : ''}`,
      `  Available: ${s.available ? 'yes' : 'no'}`,
      `  Status: ${s.status}`,
      `  Coverage: ${pct(s.coverage)} (${s.indexed_files.toLocaleString('en-US')}/${s.total_files.toLocaleString('en-US')} files)`,
      `  Chunks: ${s.chunks.total.toLocaleString('en-US')} (${s.chunks.embedded.toLocaleString('en-US')} embedded, ${s.chunks.pending.toLocaleString('en-US')} pending${s.embed_rate ? `, ${s.embed_rate}/s` : ''})`,
      `  Failed: ${s.failed_files}`,
      `  Vector search active: ${s.vector_search_active ? 'yes' : 'no'}`,
      `  Keyword index: ${s.keyword_index.ready ? 'ready' : 'building'} (${s.keyword_index.documents.toLocaleString('en-US')} chunks from ${s.keyword_index.files.toLocaleString('en-US')} files${s.keyword_index.pending_files ? `, ${s.keyword_index.pending_files.toLocaleString('en-US')} files pending` : ''})`,
      `  Discovery count: ${s.discovery_count.toLocaleString('en-US')}`,
      `  AST indexed files: ${s.ast_indexed_files.toLocaleString('en-US')}`,
      `  Health: ${s.health_status}`,
    ];
    if (s.eta_seconds !== undefined) lines.push(`  ETA: ${Math.round(s.eta_seconds)} s`);
    if (s.model_mismatch) lines.push(`  Model mismatch: stored ${s.model_mismatch.stored}, active ${s.model_mismatch.active}`);
    if (s.degraded_reason) lines.push(`  Degradation reason: ${s.degraded_reason}`);
    if (s.last_error) lines.push(`  Last error: ${s.last_error}`);
    if (s.provider === 'none') lines.push('  Note: no embedding provider is configured; search is keyword-only by design.');
    return lines.join('\n');
  },
});
