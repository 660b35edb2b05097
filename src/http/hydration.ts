// What GET /api/v{1,2}/projects/{id} and …/{id}/hydration report about a project: its state, the
// index's file counts and languages, and the progress of the index and embedding layers (phase,
// files parsed and pending, percent, rate, ETA, last run timings, reindex job).
import { z } from 'zod';
import type { Project } from '../engine/project.js';
import { ReindexJob, type ProjectEntry } from './projects.js';

export const ProjectSummary = z.object({
  id: z.string(),
  path: z.string(),
  created_at: z.string(),
  generation: z.number().int(),
  status: z.enum(['indexing', 'reindexing', 'ready']).describe('`indexing` until the first index since the project was opened is done; `reindexing` while a reindex job runs.'),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

const FileCounts = z.object({
  indexed: z.number().int().describe('Files in the index (every discovered file, parsed or not).'),
  parsed: z.number().int().describe('Files with a syntax tree (some may have syntax errors).'),
  partial: z.number().int().describe('Parsed files with syntax errors.'),
  skipped: z.number().int().describe('Files left unparsed for a reason (too large, binary, generated, minified, unreadable, parse failure); files of languages without a parser are not counted.'),
});

export const ProjectDetails = ProjectSummary.extend({
  data_dir: z.string(),
  watching: z.boolean(),
  files: FileCounts,
  languages: z.record(z.string(), z.number().int()).describe('Indexed files by language.'),
  symbols: z.number().int(),
  edges: z.number().int(),
  reindex: ReindexJob.nullable().describe('The latest reindex job.'),
});

export const EmbeddingProgress = z.object({
  provider: z.string().describe('The embedding provider, `none` when semantic search is lexical only.'),
  status: z.enum(['idle', 'running', 'paused', 'completed', 'error']),
  coverage: z.number().min(0).max(1).describe('Share of chunks that have a vector.'),
  pending: z.number().int().describe('Chunks waiting to be embedded.'),
});
export type EmbeddingProgress = z.infer<typeof EmbeddingProgress>;

const Timing = z.object({ files: z.number().int(), ms: z.number(), parse_ms: z.number(), resolve_ms: z.number(), at: z.string() });

export const Hydration = z.object({
  project: z.string(),
  status: ProjectSummary.shape.status,
  generation: z.number().int(),
  phase: z.enum(['discovering', 'parsing', 'resolving', 'idle']),
  files: z.object({
    discovered: z.number().int().describe('Files found on disk by the latest discovery (the index size before one ran in this process).'),
    parsed: z.number().int(),
    skipped: z.number().int(),
    pending: z.number().int().describe('Files of the current run not parsed yet.'),
  }),
  percent: z.number().min(0).max(100).describe('Share of the current run\'s files parsed; 100 when idle with an index.'),
  rate_files_per_s: z.number().nullable().describe('Parse rate of the current run; null outside the parsing phase.'),
  eta_seconds: z.number().int().nullable().describe('Seconds left to parse at that rate; 0 when idle, null when unknown.'),
  last_cold: Timing.optional().describe('The latest full build (cold start or forced reindex).'),
  last_incremental: Timing.optional(),
  last_error: z.string().optional(),
  reindex: ReindexJob.nullable(),
  embedding: EmbeddingProgress,
});
export type Hydration = z.infer<typeof Hydration>;

export function projectSummary(e: ProjectEntry): ProjectSummary {
  const status = e.reindex?.state === 'running' ? 'reindexing' : e.project.initialIndexDone ? 'ready' : 'indexing';
  return { id: e.id, path: e.path, created_at: e.created_at, generation: e.project.store.generation, status };
}

/** File counts and languages of the index, computed once per generation. */
function indexContents(project: Project): z.infer<typeof FileCounts> & { languages: Record<string, number> } {
  return project.derived('http.index-contents', () => {
    const counts = { indexed: 0, parsed: 0, partial: 0, skipped: 0 };
    const languages: Record<string, number> = {};
    for (const f of project.store.allFiles()) {
      counts.indexed++;
      if (f.status !== 'skipped') counts.parsed++;
      if (f.status === 'partial') counts.partial++;
      if (f.status === 'skipped' && f.skip_reason !== 'no_parser') counts.skipped++;
      if (f.language) languages[f.language] = (languages[f.language] ?? 0) + 1;
    }
    return { ...counts, languages: Object.fromEntries(Object.entries(languages).sort(([a], [b]) => (a < b ? -1 : 1))) };
  });
}

export function projectDetails(e: ProjectEntry): z.infer<typeof ProjectDetails> {
  const { languages, ...files } = indexContents(e.project);
  const { symbols, edges } = e.project.store.counts();
  return {
    ...projectSummary(e), data_dir: e.project.dataDir, watching: e.project.status().watching,
    files, languages, symbols, edges, reindex: e.reindex ?? null,
  };
}

/** Embedding progress, from the search layer's status (provider `none`: keyword search only, nothing to embed). */
async function embeddingProgress(project: Project): Promise<EmbeddingProgress> {
  const s = await project.search().status(project.store.allFiles());
  return { provider: s.provider, status: s.status, coverage: s.coverage, pending: s.chunks.pending };
}

export async function hydration(e: ProjectEntry): Promise<Hydration> {
  const st = e.project.status();
  const { phase, total, done } = st.progress;
  const contents = indexContents(e.project);
  const pending = phase === 'idle' ? 0 : Math.max(0, total - done);
  const hasIndex = e.project.initialIndexDone || e.project.store.generation > 0;
  const parsing = phase === 'parsing';
  const elapsedS = Math.max(0.001, (Date.now() - st.phase_started_at) / 1000);
  const rate = parsing && done > 0 ? Math.round((done / elapsedS) * 10) / 10 : null;
  const percent = phase === 'idle' ? (hasIndex ? 100 : 0)
    : phase === 'discovering' ? 0
      : parsing && total > 0 ? Math.floor((done / total) * 1000) / 10 : 100;
  return {
    project: e.id,
    status: projectSummary(e).status,
    generation: e.project.store.generation,
    phase,
    files: {
      discovered: st.discovery ? st.discovery.files.length + st.discovery.skipped.length : contents.indexed,
      parsed: contents.parsed,
      skipped: contents.skipped,
      pending,
    },
    percent,
    rate_files_per_s: rate,
    eta_seconds: phase === 'idle' ? 0 : rate ? Math.ceil(pending / rate) : null,
    ...(st.timings.cold ? { last_cold: st.timings.cold } : {}),
    ...(st.timings.incremental ? { last_incremental: st.timings.incremental } : {}),
    ...(st.last_error ? { last_error: st.last_error } : {}),
    reindex: e.reindex ?? null,
    embedding: await embeddingProgress(e.project),
  };
}
