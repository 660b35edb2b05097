// `index_status`: how complete and current the index is — files indexed, pending and skipped
// (with reasons), languages, generation, per-layer progress and the timings of the last runs.
import { z } from 'zod';
import { READ_ONLY, defineOperation } from './define.js';

const Timing = z.object({ files: z.number().int(), ms: z.number(), parse_ms: z.number(), resolve_ms: z.number(), at: z.string() });

export const indexStatus = defineOperation({
  name: 'index_status',
  title: 'Index status',
  description: 'Report how complete and current the index is: files indexed, pending and skipped (each with its reason), '
    + 'languages with file counts, the index generation, per-layer progress and the timings of the last cold and incremental runs.',
  input: z.object({
    skipped_limit: z.number().int().min(0).max(10_000).default(50).describe('Maximum skipped files listed.'),
  }),
  output: z.object({
    root: z.string(),
    phase: z.enum(['discovering', 'parsing', 'resolving', 'idle']),
    generation: z.number().int(),
    discovery_source: z.enum(['git', 'walk']).nullable(),
    discovery_truncated_at: z.number().int().optional(),
    files_discovered: z.number().int(),
    files_indexed: z.number().int(),
    files_pending: z.number().int(),
    files_partial: z.number().int(),
    files_skipped: z.number().int(),
    skipped_by_reason: z.record(z.string(), z.number().int()),
    skipped: z.array(z.object({ path: z.string(), reason: z.string(), detail: z.string().optional() })),
    languages: z.record(z.string(), z.number().int()),
    symbols: z.number().int(),
    edges: z.number().int(),
    layers: z.array(z.object({ layer: z.string(), done: z.number().int(), total: z.number().int() })),
    watching: z.boolean(),
    last_cold: Timing.optional(),
    last_incremental: Timing.optional(),
    last_error: z.string().optional(),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/index-status' },
  needsIndex: false,
  async run(ctx, input) {
    const { project } = ctx;
    const st = project.status();
    const files = project.store.allFiles();
    const languages: Record<string, number> = {};
    const byReason: Record<string, number> = {};
    const skipped: Array<{ path: string; reason: string; detail?: string }> = [];
    let partial = 0;
    let unresolved = 0;
    for (const f of files) {
      if (f.language) languages[f.language] = (languages[f.language] ?? 0) + 1;
      if (f.status === 'partial') partial++;
      if (!f.resolved && f.status !== 'skipped') unresolved++;
      if (f.status === 'skipped' && f.skip_reason && f.skip_reason !== 'no_parser') {
        byReason[f.skip_reason] = (byReason[f.skip_reason] ?? 0) + 1;
        if (skipped.length < input.skipped_limit) skipped.push({ path: f.path, reason: f.skip_reason, ...(f.detail ? { detail: f.detail } : {}) });
      }
    }
    const counts = project.store.counts();
    const discovered = files.length; // every discovered file is in the index, skipped ones with their reason
    const pending = st.progress.phase === 'idle' ? 0 : Math.max(0, st.progress.total - st.progress.done);
    const parseable = files.filter((f) => f.status !== 'skipped').length;
    return {
      root: project.root,
      phase: st.progress.phase,
      generation: project.store.generation,
      discovery_source: st.discovery?.source ?? null,
      ...(st.discovery?.truncatedAt ? { discovery_truncated_at: st.discovery.truncatedAt } : {}),
      files_discovered: discovered,
      files_indexed: files.length,
      files_pending: pending,
      files_partial: partial,
      files_skipped: Object.values(byReason).reduce((a, b) => a + b, 0),
      skipped_by_reason: byReason,
      skipped,
      languages,
      symbols: counts.symbols,
      edges: counts.edges,
      layers: [
        { layer: 'discovered', done: discovered, total: discovered },
        { layer: 'parsed', done: files.length, total: files.length + pending },
        { layer: 'graphed', done: parseable - unresolved, total: parseable },
      ],
      watching: st.watching,
      ...(st.timings.cold ? { last_cold: st.timings.cold } : {}),
      ...(st.timings.incremental ? { last_incremental: st.timings.incremental } : {}),
      ...(st.last_error ? { last_error: st.last_error } : {}),
    };
  },
  render(out) {
    const langs = Object.entries(out.languages).sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ');
    const lines = [
      `Index status for ${out.root}: ${out.phase}, generation ${out.generation}`,
      `Files: ${out.files_indexed.toLocaleString('en-US')} indexed of ${out.files_discovered.toLocaleString('en-US')} discovered`
        + ` (${out.files_pending} pending, ${out.files_partial} with syntax errors, ${out.files_skipped} skipped)`,
      `Symbols: ${out.symbols.toLocaleString('en-US')} · import edges: ${out.edges.toLocaleString('en-US')}`,
      `Languages: ${langs || '(none)'}`,
      `Layers: ${out.layers.map((l) => `${l.layer} ${l.done}/${l.total}`).join(', ')}`,
    ];
    if (Object.keys(out.skipped_by_reason).length) {
      lines.push(`Skipped: ${Object.entries(out.skipped_by_reason).map(([r, n]) => `${r} ${n}`).join(', ')}`);
      for (const s of out.skipped) lines.push(`  ${s.path} (${s.reason}${s.detail ? `: ${s.detail}` : ''})`);
    }
    const t = (label: string, x?: z.infer<typeof Timing>) => {
      if (x) lines.push(`${label}: ${x.files} files in ${x.ms} ms (parse ${x.parse_ms} ms, resolve ${x.resolve_ms} ms) at ${x.at}`);
    };
    t('Last cold run', out.last_cold);
    t('Last incremental run', out.last_incremental);
    if (out.discovery_truncated_at) lines.push(`Warning: discovery stopped at ${out.discovery_truncated_at} files (max_files).`);
    if (out.last_error) lines.push(`Last error: ${out.last_error}`);
    lines.push(`Watching for changes: ${out.watching ? 'yes' : 'no'}`);
    return lines.join('\n');
  },
});
