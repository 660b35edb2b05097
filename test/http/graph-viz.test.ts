// GET /api/v{1,2}/projects/{id}/graph-viz over real HTTP, on the graph of graph-fixture.ts whose
// shape is known by construction: exact nodes, links, communities and truncation; parameter errors
// and clamps; path confinement; the auth rules (the data needs the key, the page does not).
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { GraphVizResult } from '../../src/http/graph-viz.js';
import { openApiDocument } from '../../src/http/openapi.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import type { RunningServer } from '../helpers/server.js';
import { startHttp } from '../helpers/server.js';
import { GRAPH_FILES, type GraphNode, type GraphVizBody } from './graph-fixture.js';
import { call } from './harness.js';

const ALL_LINKS = [
  ['alpha/a1.ts', 'alpha/a2.ts'], ['alpha/a1.ts', 'alpha/a3.ts'], ['alpha/a1.ts', 'alpha/a4.ts'], ['alpha/a1.ts', 'beta/b1.ts'],
  ['alpha/a2.ts', 'alpha/a3.ts'], ['alpha/a2.ts', 'alpha/a4.ts'], ['alpha/a3.ts', 'alpha/a4.ts'], ['alpha/a5.ts', 'alpha/a1.ts'],
  ['beta/b1.ts', 'beta/b2.ts'], ['beta/b1.ts', 'beta/b3.ts'], ['beta/b1.ts', 'beta/b4.ts'], ['beta/b2.ts', 'beta/b3.ts'],
  ['beta/b2.ts', 'beta/b4.ts'], ['beta/b3.ts', 'beta/b4.ts'], ['beta/sub/b5.ts', 'beta/b1.ts'], ['beta/sub/b5.ts', 'beta/b2.ts'],
].map(([source, target]) => ({ source, target }));
const TYPE_LINK = { source: 'gamma/g1.ts', target: 'gamma/g2.ts', type_only: true };

const COMMUNITIES = [
  { id: 1, size: 5, theme: 'alpha', hub: 'alpha/a1.ts' },
  { id: 2, size: 5, theme: 'beta', hub: 'beta/b1.ts' },
  { id: 3, size: 2, theme: 'gamma', hub: 'gamma/g1.ts' },
];
const groupOf = (path: string): number | null => (path.startsWith('alpha/') ? 1 : path.startsWith('beta/') ? 2 : path.startsWith('gamma/') ? 3 : null);

let root: string;
let outside: string;
let project: Project;
let http: RunningServer;

beforeAll(async () => {
  root = makeRepo(GRAPH_FILES);
  outside = makeRepo({ 'secret.ts': 'export const s = 1;\n' });
  symlinkSync(join(outside, 'secret.ts'), join(root, 'escape.ts'));
  project = await openIndexed(root);
  http = await startHttp(project);
});
afterAll(async () => {
  await http?.close();
  await project?.close();
  removeDir(root);
  removeDir(outside);
});

async function view(query: string, version = 'v2'): Promise<GraphVizBody> {
  const res = await call(http, `/api/${version}/projects/default/graph-viz${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as GraphVizBody;
}

/** Rooted order: the root, then by distance, importance (desc), path. */
const rootedOrder = (a: GraphNode, b: GraphNode) => a.distance! - b.distance! || b.importance - a.importance || (a.id < b.id ? -1 : 1);
const ids = (nodes: GraphNode[]) => nodes.map((n) => n.id).sort();

describe('graph-viz JSON', () => {
  it('without a root: every file by importance, all imports among them, their communities', async () => {
    const v = await view('');
    const graph = project.graph();
    const files = [...graph.files.keys()];
    expect(files).toHaveLength(14);
    expect(v.nodes.map((n) => n.id)).toEqual([...files].sort((a, b) => graph.importance(b) - graph.importance(a) || (a < b ? -1 : 1)));
    expect(v.links).toEqual([...ALL_LINKS, TYPE_LINK]);
    expect(v.communities).toEqual(COMMUNITIES);
    expect(v.root).toBeUndefined();
    expect(v.truncated).toBeUndefined();
    expect(v.generation).toBe(project.store.generation);
    for (const n of v.nodes) {
      expect(n).toEqual({
        id: n.id, label: n.id.slice(n.id.lastIndexOf('/') + 1), group: groupOf(n.id), importance: graph.importance(n.id),
        language: graph.files.get(n.id)!.language,
        fan_in: graph.importers(n.id).length, fan_out: graph.imports(n.id).length, is_root: false,
      });
    }
    expect(v.nodes.find((n) => n.id === 'beta/b1.ts')).toMatchObject({ language: 'typescript', fan_in: 2, fan_out: 3 });
    expect(v.nodes.find((n) => n.id === 'misc/lonely.ts')).toMatchObject({ group: null, fan_in: 0, fan_out: 0 });
  });

  it('agrees with community_detection on community ids, themes and hubs', async () => {
    const res = await invoke(operationNamed('community_detection')!, project, { min_community_size: 2 });
    if (!res.ok) throw res.error;
    const detected = (res.output.communities as Array<{ id: number; size: number; theme: string; hub: string }>).map(({ id, size, theme, hub }) => ({ id, size, theme, hub }));
    expect(detected).toEqual(COMMUNITIES);
  });

  it('max_nodes keeps the most important files and the links among them', async () => {
    const full = await view('');
    const v = await view('?max_nodes=4');
    expect(v.nodes).toEqual(full.nodes.slice(0, 4));
    expect(v.truncated).toEqual({ shown: 4, total: 14 });
    const kept = new Set(v.nodes.map((n) => n.id));
    expect(v.links).toEqual(full.links.filter((l) => kept.has(l.source) && kept.has(l.target)));
    expect(v.communities.map((c) => c.id)).toEqual([...new Set(v.nodes.flatMap((n) => (n.group ? [n.group] : [])))].sort());
  });

  it('a root walks imports and importers to the depth', async () => {
    const one = await view('?root=alpha/a5.ts&depth=1');
    expect(one.nodes.map((n) => [n.id, n.distance, n.is_root])).toEqual([['alpha/a5.ts', 0, true], ['alpha/a1.ts', 1, false]]);
    expect(one.links).toEqual([{ source: 'alpha/a5.ts', target: 'alpha/a1.ts' }]);
    expect(one).toMatchObject({ root: 'alpha/a5.ts', depth: 1, communities: [COMMUNITIES[0]] });

    const two = await view('?root=alpha/a5.ts'); // depth 2 by default
    expect(two.depth).toBe(2);
    expect(ids(two.nodes)).toEqual(['alpha/a1.ts', 'alpha/a2.ts', 'alpha/a3.ts', 'alpha/a4.ts', 'alpha/a5.ts', 'beta/b1.ts']);
    expect(two.nodes.map((n) => n.distance)).toEqual([0, 1, 2, 2, 2, 2]);
    expect([...two.nodes].sort(rootedOrder)).toEqual(two.nodes);
    expect(two.communities.map((c) => c.id)).toEqual([1, 2]);

    // Importers too: b1 is imported by a1 and beta/sub/b5; a sibling importer of b2 (none) is not reached.
    const b1 = await view('?root=./beta/b1.ts&depth=1');
    expect(b1.nodes[0]).toMatchObject({ id: 'beta/b1.ts', is_root: true, distance: 0 });
    expect(ids(b1.nodes)).toEqual(['alpha/a1.ts', 'beta/b1.ts', 'beta/b2.ts', 'beta/b3.ts', 'beta/b4.ts', 'beta/sub/b5.ts']);
    expect(b1.links).toEqual([
      { source: 'alpha/a1.ts', target: 'beta/b1.ts' },
      { source: 'beta/b1.ts', target: 'beta/b2.ts' }, { source: 'beta/b1.ts', target: 'beta/b3.ts' }, { source: 'beta/b1.ts', target: 'beta/b4.ts' },
      { source: 'beta/b2.ts', target: 'beta/b3.ts' }, { source: 'beta/b2.ts', target: 'beta/b4.ts' }, { source: 'beta/b3.ts', target: 'beta/b4.ts' },
      { source: 'beta/sub/b5.ts', target: 'beta/b1.ts' }, { source: 'beta/sub/b5.ts', target: 'beta/b2.ts' },
    ]);

    const pair = await view('?root=gamma/g2.ts&depth=5');
    expect(pair.nodes.map((n) => n.id)).toEqual(['gamma/g2.ts', 'gamma/g1.ts']);
    expect(pair.links).toEqual([TYPE_LINK]);

    const alone = await view('?root=misc/lonely.ts');
    expect(alone.nodes).toEqual([expect.objectContaining({ id: 'misc/lonely.ts', is_root: true, group: null, distance: 0 })]);
    expect(alone).toMatchObject({ links: [], communities: [] });
  });

  it('a rooted view over max_nodes keeps the root and the closest, most important files', async () => {
    const all = await view('?root=beta/b1.ts&depth=1');
    const v = await view('?root=beta/b1.ts&depth=1&max_nodes=3');
    expect(v.nodes).toEqual(all.nodes.slice(0, 3));
    expect(v.nodes[0]!.id).toBe('beta/b1.ts');
    expect(v.truncated).toEqual({ shown: 3, total: 6 });
    expect((await view('?root=beta/b1.ts&max_nodes=1')).nodes.map((n) => n.id)).toEqual(['beta/b1.ts']);
  });

  it('matches its schema, which the OpenAPI document publishes on v1 and v2', async () => {
    for (const query of ['', '?root=beta/b1.ts&max_nodes=3', '?depth=0']) expect(GraphVizResult.safeParse(await view(query)).success, query).toBe(true);
    const doc = openApiDocument() as { paths: Record<string, any> };
    for (const version of ['v1', 'v2']) {
      const get = doc.paths[`/api/${version}/projects/{id}/graph-viz`].get;
      expect(get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/GraphViz' });
      expect(get.parameters.slice(1).map((p: { name: string }) => p.name)).toEqual(['root', 'depth', 'max_nodes']);
    }
    expect(doc.paths['/graph'].get.security).toEqual([]);
  });

  it('is deterministic and the same on v1', async () => {
    const a = await view('?root=alpha/a1.ts&depth=3');
    expect(await view('?root=alpha/a1.ts&depth=3')).toEqual(a);
    expect(await view('?root=alpha/a1.ts&depth=3', 'v1')).toEqual(a);
  });

  it('clamps out-of-range numbers with a note and treats an empty root as none', async () => {
    const v = await view('?root=alpha/a5.ts&depth=9&max_nodes=0');
    expect(v.depth).toBe(5);
    expect(v.nodes.map((n) => n.id)).toEqual(['alpha/a5.ts']);
    expect(v.notes).toEqual(['depth=9 is out of range; clamped to 5.', 'max_nodes=0 is out of range; clamped to 1.']);
    const big = await view('?max_nodes=5000');
    expect(big.nodes).toHaveLength(14);
    expect(big.notes).toEqual(['max_nodes=5000 is out of range; clamped to 2000.']);
    const empty = await view('?root=');
    expect(empty.root).toBeUndefined();
    expect(empty.notes).toBeUndefined();
  });

  it('refuses malformed numbers (422), unknown files (404), unknown projects (404) and long roots (413)', async () => {
    for (const [query, parameter] of [['?depth=two', 'depth'], ['?max_nodes=2.5', 'max_nodes'], ['?depth=1e400', 'depth']] as const) {
      const res = await call(http, `/api/v2/projects/default/graph-viz${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'invalid_argument', details: { parameter } });
      expect(res.body.request_id).toBeTruthy();
    }
    const missing = await call(http, '/api/v2/projects/default/graph-viz?root=alpha/nope.ts');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', details: { path: 'alpha/nope.ts' } });
    const dir = await call(http, '/api/v2/projects/default/graph-viz?root=alpha');
    expect(dir.status).toBe(404);
    const project404 = await call(http, '/api/v2/projects/nope/graph-viz');
    expect(project404.status).toBe(404);
    expect(project404.body.error).toMatchObject({ code: 'not_found', details: { project: 'nope' } });
    const long = await call(http, `/api/v2/projects/default/graph-viz?root=${'a'.repeat(10_001)}`);
    expect(long.status).toBe(413);
    expect(long.body.error).toMatchObject({ code: 'too_large', details: { parameter: 'root' } });
  });

  it('confines the root to the project (403 outside_root)', async () => {
    for (const rootParam of ['../x.ts', '%2e%2e%2fx.ts', encodeURIComponent('/etc/passwd'), 'escape.ts', 'alpha/..%2f..%2fx.ts']) {
      const res = await call(http, `/api/v2/projects/default/graph-viz?root=${rootParam}`);
      expect(res.status, rootParam).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'invalid_argument', details: { reason: 'outside_root' } });
    }
  });
});

describe('graph-viz and /graph behind an API key', () => {
  it('needs the key for the data, not for the page and its assets; the page carries a strict CSP', async () => {
    const keyed = await startHttp(project, { api_key: 'sekrit' });
    try {
      expect((await call(keyed, '/api/v2/projects/default/graph-viz')).status).toBe(401);
      const ok = await call(keyed, '/api/v2/projects/default/graph-viz?max_nodes=2', { headers: { authorization: 'Bearer sekrit' } });
      expect(ok.status).toBe(200);
      expect((ok.body as unknown as GraphVizBody).nodes).toHaveLength(2);
      const page = await fetch(`${keyed.url}/graph?project=default`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("default-src 'none'");
      const html = await page.text();
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
      expect(html).not.toMatch(/<style|\sstyle=/i);
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.map((m) => [m[1], m[2]])).toEqual([[' src="/graph/assets/d3.min.js" defer', ''], [' src="/graph/assets/graph.js" defer', '']]);
      for (const asset of ['d3.min.js', 'graph.js', 'graph.css', 'icon.svg']) {
        const res = await fetch(`${keyed.url}/graph/assets/${asset}`);
        expect(res.status, asset).toBe(200);
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
      }
      const js = await (await fetch(`${keyed.url}/graph/assets/graph.js`)).text();
      expect(js).not.toMatch(/https?:\/\/|innerHTML/);
      expect((await fetch(`${keyed.url}/graph/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
      for (const name of ['graph.html', 'constructor', '__proto__']) expect((await fetch(`${keyed.url}/graph/assets/${name}`)).status, name).toBe(404);
    } finally {
      await keyed.close();
    }
  });
});
