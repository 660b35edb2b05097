// The projects API, under /api/v1 and /api/v2 alike (as every operation route): register, list
// (offset pagination), details, delete (optionally purging the data dir), background reindex and
// hydration progress. Every route but register and list works on the project its `{id}` names.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Settings } from '../config.js';
import { CartographError, notFound } from '../errors.js';
import type { HttpEnv } from './env.js';
import { hydration, projectDetails, projectSummary, ProjectSummary } from './hydration.js';
import { ReindexJob, type ProjectHub } from './projects.js';
import { parseWith, readJson, refuseWhenReadOnly } from './route-helpers.js';

export const PAGE_LIMIT = { default: 50, max: 200 };

export const RegisterBody = z.object({ path: z.string().min(1).max(4096).describe('Directory to serve.') });
export const ReindexBody = z.object({
  force: z.boolean().default(false).describe('Re-parse every file; otherwise only files whose size or mtime changed are read, and only those whose content hash changed are re-parsed.'),
});
const ListQuery = z.object({
  limit: z.coerce.number().int().default(PAGE_LIMIT.default),
  offset: z.coerce.number().int().default(0),
});

export const DeleteQuery = z.object({
  purge: z.enum(['true', 'false']).default('false').describe("Also remove what Cartograph stored in the project's data dir (`<path>/.cartograph`: index, memory, caches); team rules in `rules/` are kept, sources are never touched."),
});

export const ProjectPage = z.object({
  projects: z.array(ProjectSummary),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  next_offset: z.number().int().nullable().describe('The `offset` of the next page; null on the last page.'),
  notes: z.array(z.string()).optional().describe('Out-of-range `limit` or `offset` values that were clamped.'),
});
export const ReindexAccepted = z.object({
  job: ReindexJob,
  started: z.boolean().describe('False when a reindex was already running: that job is returned and no other starts.'),
});
export const ProjectDeleted = z.object({ id: z.string(), deleted: z.literal(true), purged: z.boolean() });

const idOf = (c: Context<HttpEnv>): string => c.req.param('id') ?? '';

function page(c: Context<HttpEnv>, hub: ProjectHub): z.infer<typeof ProjectPage> {
  const q = parseWith(ListQuery, { limit: c.req.query('limit'), offset: c.req.query('offset') });
  const notes: string[] = [];
  // Out-of-range numbers are clamped with a note, as operation arguments are (spec §1.1).
  const limit = Math.min(PAGE_LIMIT.max, Math.max(1, q.limit));
  if (limit !== q.limit) notes.push(`limit ${q.limit} was clamped to ${limit} (1..${PAGE_LIMIT.max}).`);
  const offset = Math.max(0, q.offset);
  if (offset !== q.offset) notes.push(`offset ${q.offset} was clamped to 0.`);
  const all = hub.list();
  const next = offset + limit;
  return {
    projects: all.slice(offset, next).map(projectSummary), total: all.length, limit, offset,
    next_offset: next < all.length ? next : null, ...(notes.length ? { notes } : {}),
  };
}

export function mountProjectRoutes(app: Hono<HttpEnv>, hub: ProjectHub, settings: Settings): void {
  for (const base of ['/api/v1/projects', '/api/v2/projects'] as const) {
    app.get(base, (c) => c.json(page(c, hub)));

    app.post(base, async (c) => {
      const { path } = parseWith(RegisterBody, await readJson(c));
      let result;
      try {
        result = hub.register(path);
      } catch (err) {
        if (err instanceof CartographError) throw err;
        throw notFound(`Directory ${path} does not exist.`, { path });
      }
      return c.json(projectSummary(result.entry), result.created ? 201 : 200);
    });

    app.get(`${base}/:id`, (c) => c.json(projectDetails(hub.entry(idOf(c)))));

    app.delete(`${base}/:id`, async (c) => {
      refuseWhenReadOnly(settings, 'Deleting a project');
      const { purge } = parseWith(DeleteQuery, { purge: c.req.query('purge')?.toLowerCase() });
      const id = idOf(c);
      const { purged } = await hub.remove(id, purge === 'true');
      return c.json({ id, deleted: true as const, purged });
    });

    app.post(`${base}/:id/reindex`, async (c) => {
      refuseWhenReadOnly(settings, 'Reindexing');
      const id = idOf(c);
      hub.entry(id); // an unknown project is not_found before its body is judged
      const { force } = parseWith(ReindexBody, await readJson(c));
      return c.json(hub.reindex(id, force), 202);
    });

    app.get(`${base}/:id/hydration`, async (c) => c.json(await hydration(hub.entry(idOf(c)))));
  }
}
