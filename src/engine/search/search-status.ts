// The shape of semantic_search_status (spec §4.7), kept by the engine that fills it.
import { z } from 'zod';

const Health = z.object({
  reachable: z.boolean(),
  model_present: z.boolean(),
  dimension_ok: z.boolean(),
  checked_at: z.string().nullable(),
});

export const SearchStatus = z.object({
  provider: z.enum(['none', 'ollama', 'onnx']),
  model: z.string().optional(),
  digest: z.string().optional(),
  dimension: z.number().int().optional(),
  available: z.boolean(),
  provider_health: Health,
  status: z.enum(['idle', 'running', 'paused', 'completed', 'error']),
  total_files: z.number().int(),
  indexed_files: z.number().int(),
  failed_files: z.number().int(),
  coverage: z.number(),
  chunks: z.object({ total: z.number().int(), embedded: z.number().int(), pending: z.number().int() }),
  embed_rate: z.number().optional(),
  queue_length: z.number().int(),
  elapsed_seconds: z.number().optional(),
  eta_seconds: z.number().optional(),
  vector_search_active: z.boolean(),
  keyword_index: z.object({
    ready: z.boolean(), documents: z.number().int(), files: z.number().int(), pending_files: z.number().int(), generation: z.number().int(),
  }),
  discovery_count: z.number().int(),
  ast_indexed_files: z.number().int(),
  health_status: z.enum(['healthy', 'degraded', 'unhealthy']),
  degraded_reason: z.string().optional(),
  last_error: z.string().optional(),
  model_mismatch: z.object({ stored: z.string(), active: z.string() }).optional(),
});
export type SearchStatus = z.infer<typeof SearchStatus>;
