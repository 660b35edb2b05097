// The freshness stamp every result carries: which index generation answered, and how far the
// index is behind the files on disk.
import { z } from 'zod';

export const Freshness = z.object({
  generation: z.number().int(),
  indexed_at: z.string().nullable(),
  stale_files: z.number().int(),
  pending_files: z.number().int(),
  stale_cited: z.array(z.string()),
  complete: z.boolean(),
});
export type Freshness = z.infer<typeof Freshness>;

export function freshnessLine(f: Freshness): string {
  if (f.complete) return `[index gen ${f.generation} · up to date]`;
  const parts: string[] = [];
  if (f.stale_files) parts.push(`${f.stale_files.toLocaleString('en-US')} stale`);
  if (f.pending_files) parts.push(`${f.pending_files.toLocaleString('en-US')} pending`);
  return `[index gen ${f.generation} · ${parts.join(', ')} — results may be incomplete]`;
}
