// The graph view over HTTP: `GET /api/v{1,2}/projects/{id}/graph-viz` answers the D3-ready graph
// of the engine's graph view as JSON, and `GET /graph` is a page that draws it interactively. The
// page's files live in web/graph/ and d3 comes from its npm package, all served from here, so the
// page works with no network and under a Content-Security-Policy that allows only this origin.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { z } from 'zod';
import { GraphView, graphView } from '../engine/graph/graph-view.js';
import { tooLarge } from '../errors.js';
import { waitForIndex } from '../operations/execute.js';
import { MAX_STRING } from '../operations/shared.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { HttpEnv } from './env.js';
import type { ProjectHub } from './projects.js';
import { parseWith } from './route-helpers.js';
import { mountAssets, staticFile } from './static-files.js';

export const GRAPH_VIZ_LIMITS = {
  depth: { min: 1, max: 5, default: 2 },
  max_nodes: { min: 1, max: 2000, default: 300 },
} as const;

export const GraphVizQuery = z.object({
  root: z.string().optional().describe('A file to centre on: the files within `depth` import hops of it, both ways. Empty or absent: the most important files.'),
  depth: z.coerce.number().int().default(GRAPH_VIZ_LIMITS.depth.default)
    .describe(`Hops from the root (${GRAPH_VIZ_LIMITS.depth.min}..${GRAPH_VIZ_LIMITS.depth.max}; out-of-range values are clamped, with a note).`),
  max_nodes: z.coerce.number().int().default(GRAPH_VIZ_LIMITS.max_nodes.default)
    .describe(`Most files shown (${GRAPH_VIZ_LIMITS.max_nodes.min}..${GRAPH_VIZ_LIMITS.max_nodes.max}; out-of-range values are clamped, with a note).`),
});

export const GraphVizResult = GraphView.extend({
  notes: z.array(z.string()).optional().describe('Out-of-range `depth` or `max_nodes` values that were clamped.'),
});

const WEB_DIR = join(PACKAGE_ROOT, 'web', 'graph');
const D3_DIR = join(dirname(createRequire(import.meta.url).resolve('d3')), '..');

/** What the page may load, by the name it is served under. */
const ASSETS: Record<string, string> = {
  'd3.min.js': join(D3_DIR, 'dist', 'd3.min.js'),
  'graph.js': join(WEB_DIR, 'graph.js'),
  'graph.css': join(WEB_DIR, 'graph.css'),
  'icon.svg': join(WEB_DIR, 'icon.svg'),
};

// Scripts, styles, images and fetches from this origin only: no inline script or handler, no CDN.
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** depth and max_nodes within their bounds; a value outside them is clamped and named in `notes` (spec §1.1). */
function clamped(query: z.infer<typeof GraphVizQuery>, notes: string[]): { depth: number; max_nodes: number } {
  const out = { depth: query.depth, max_nodes: query.max_nodes };
  for (const name of ['depth', 'max_nodes'] as const) {
    const { min, max } = GRAPH_VIZ_LIMITS[name];
    const value = Math.min(max, Math.max(min, query[name]));
    if (value !== query[name]) notes.push(`${name}=${query[name]} is out of range; clamped to ${value}.`);
    out[name] = value;
  }
  return out;
}

export function mountGraphViz(app: Hono<HttpEnv>, hub: ProjectHub): void {
  for (const version of ['v1', 'v2'] as const) {
    app.get(`/api/${version}/projects/:id/graph-viz`, (c) => hub.use(c.req.param('id'), async ({ project }) => {
      const root = c.req.query('root');
      if (root !== undefined && [...root].length > MAX_STRING) {
        throw tooLarge(`Parameter 'root' is ${[...root].length} characters long; at most ${MAX_STRING} are allowed.`, { parameter: 'root', limit: MAX_STRING });
      }
      const query = parseWith(GraphVizQuery, { root, depth: c.req.query('depth'), max_nodes: c.req.query('max_nodes') });
      const notes: string[] = [];
      const { depth, max_nodes } = clamped(query, notes);
      await waitForIndex(project, project.settings.wait_budget_ms);
      const view = graphView(project, { root: query.root || undefined, depth, maxNodes: max_nodes });
      c.header('X-Index-Generation', String(view.generation));
      return c.json({ ...view, ...(notes.length ? { notes } : {}) });
    }));
  }

  app.get('/graph', (c) => staticFile(c, join(WEB_DIR, 'index.html'), { ...PAGE_HEADERS, 'Cache-Control': 'no-cache' }));
  mountAssets(app, '/graph/assets', ASSETS, PAGE_HEADERS);
}
