// The project-independent notify routes (spec §11.1, REST paragraph): POST /api/v1/notify/file-changed
// queues paths in the project's debounced batch (202), /notify/flush applies pending batches now and
// /notify/bulk-sync runs notify_file_changed at once on up to 500 paths. All three are writes
// (refused on a read-only server) and fall in the rate limiter's notify tier by their path.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Settings } from '../config.js';
import type { NotifyResult } from '../engine/project.js';
import { CartographError, invalidArgument, tooLarge } from '../errors.js';
import { invoke } from '../operations/execute.js';
import { notifyFileChanged } from '../operations/notify-file-changed.js';
import { MAX_STRING } from '../operations/shared.js';
import type { HttpEnv } from './env.js';
import { DEBOUNCE_MS, MAX_PENDING } from './notify-debouncer.js';
import { DEFAULT_PROJECT, type ProjectEntry, type ProjectHub } from './projects.js';
import { parseWith, readJson, refuseWhenReadOnly } from './route-helpers.js';

export const BULK_SYNC_MAX = 500;

const projectParam = z.string().min(1).max(200).optional().describe("Project id; default 'default'.");

export const NotifyBody = z.object({
  paths: z.array(z.string()).describe(`Changed paths, relative to the project root or absolute: 1..${MAX_PENDING} (1..${BULK_SYNC_MAX} for bulk-sync).`),
  project: projectParam,
  idempotency_key: z.string().max(200).optional().describe('A repeat within 5 minutes changes nothing (`accepted: 0`); empty means no deduplication.'),
  if_match: z.number().int().min(0).optional().describe('The index generation the caller expects; when the current one differs the answer is 409 and nothing is queued.'),
});
export const FlushBody = z.object({ project: projectParam });

const Rejected = z.array(z.object({ path: z.string(), reason: z.string() }));
export const NotifyAccepted = z.object({
  accepted: z.number().int().describe('Distinct paths queued by this request; 0 for a repeated idempotency_key.'),
  message: z.string(),
  generation: z.number().int().describe('The index generation when the paths were queued.'),
  rejected: Rejected.describe('Paths refused at once (outside the project root); the others are reported by the re-index.'),
});

const emptyResult = (generation: number): NotifyResult =>
  ({ generation, updated: [], created: [], deleted: [], unchanged: [], ignored: [], pending: [], rejected: [] });

/**
 * The checks file-changed and bulk-sync share, in order: read-only, body shape, path count and
 * length, project, then the idempotency key (a repeat is answered before `if_match`, which a
 * first delivery may have moved on) and `if_match`.
 */
async function admit(c: Context<HttpEnv>, hub: ProjectHub, settings: Settings, maxPaths: number):
  Promise<{ body: z.infer<typeof NotifyBody>; entry: ProjectEntry; duplicate: boolean }> {
  refuseWhenReadOnly(settings, 'notify');
  const body = parseWith(NotifyBody, await readJson(c));
  if (!body.paths.length) throw invalidArgument("Parameter 'paths' must list at least one path.", { parameter: 'paths' });
  if (body.paths.length > maxPaths) {
    throw tooLarge(`Parameter 'paths' lists ${body.paths.length} paths; at most ${maxPaths} are accepted here.`, { parameter: 'paths', limit: maxPaths });
  }
  const long = body.paths.find((p) => p.length > MAX_STRING);
  if (long !== undefined) {
    throw tooLarge(`A path in 'paths' has ${long.length} characters; at most ${MAX_STRING} are accepted.`, { parameter: 'paths', limit: MAX_STRING });
  }
  const entry = hub.entry(body.project ?? DEFAULT_PROJECT);
  const duplicate = !!body.idempotency_key && hub.notifications.isDuplicate(entry.id, body.idempotency_key);
  const generation = entry.project.store.generation;
  if (!duplicate && body.if_match !== undefined && body.if_match !== generation) {
    throw invalidArgument(`if_match ${body.if_match} is not the current index generation (${generation}); re-read and retry.`,
      { reason: 'generation_mismatch', generation });
  }
  return { body, entry, duplicate };
}

const duplicateMessage = (key: string) => `Duplicate idempotency_key '${key}' (accepted within the last 5 minutes); nothing was done.`;

export function mountNotifyRoutes(app: Hono<HttpEnv>, hub: ProjectHub, settings: Settings): void {
  app.post('/api/v1/notify/file-changed', async (c) => {
    const { body, entry, duplicate } = await admit(c, hub, settings, MAX_PENDING);
    const generation = entry.project.store.generation;
    if (duplicate) return c.json({ accepted: 0, message: duplicateMessage(body.idempotency_key!), generation, rejected: [] }, 202);
    // Confined now, so outside-root paths are reported to the caller and a path spelled two
    // ways is queued once; the re-index reports everything else.
    const rels = new Set<string>();
    const rejected: z.infer<typeof Rejected> = [];
    for (const p of body.paths) {
      try {
        rels.add(entry.project.resolvePath(p).rel);
      } catch (err) {
        if (!(err instanceof CartographError)) throw err;
        rejected.push({ path: p, reason: String(err.details?.reason ?? err.code) });
      }
    }
    rejected.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (!rels.size) {
      throw invalidArgument(`Every path was rejected: ${rejected.map((r) => `${r.path} (${r.reason})`).join(', ')}.`, { reason: rejected[0]!.reason, rejected });
    }
    hub.notifications.enqueue(entry.id, [...rels]);
    if (body.idempotency_key) hub.notifications.remember(entry.id, body.idempotency_key);
    const message = `Accepted ${rels.size} path(s); they are re-indexed ${DEBOUNCE_MS} ms after the last change (POST /api/v1/notify/flush applies them now).`;
    return c.json({ accepted: rels.size, message, generation, rejected }, 202);
  });

  app.post('/api/v1/notify/flush', async (c) => {
    refuseWhenReadOnly(settings, 'notify');
    const entry = hub.entry(parseWith(FlushBody, await readJson(c)).project ?? DEFAULT_PROJECT);
    const result = await hub.notifications.flush(entry.id);
    return c.json(result ?? emptyResult(entry.project.store.generation));
  });

  app.post('/api/v1/notify/bulk-sync', async (c) => {
    const { body, entry, duplicate } = await admit(c, hub, settings, BULK_SYNC_MAX);
    return hub.use(entry.id, async ({ project }) => {
      if (duplicate) {
        return c.json({ ...emptyResult(project.store.generation), freshness: project.freshness(), notes: [duplicateMessage(body.idempotency_key!)] });
      }
      const res = await invoke(notifyFileChanged, project, { files: body.paths });
      if (!res.ok) throw res.error;
      if (body.idempotency_key) hub.notifications.remember(entry.id, body.idempotency_key);
      return c.json(res.output);
    });
  });
}
