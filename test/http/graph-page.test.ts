// The /graph page in a real headless Chromium (Debian's `chromium`) against the real HTTP server:
// it draws every node graph-viz returns, on screen, loading nothing from anywhere but the server,
// with no script error or CSP violation; a click re-roots the view, the search box and depth
// control work, and behind an API key the page asks for it and sends it as a bearer token.
// Without /usr/bin/chromium the tests are skipped, unless CARTOGRAPH_REQUIRE_BROWSER is set (CI).
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';
import { startHttp, type RunningServer } from '../helpers/server.js';
import { GRAPH_FILES, type GraphVizBody } from './graph-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = Boolean(process.env.CARTOGRAPH_REQUIRE_BROWSER);
const SKIP = !existsSync(CHROMIUM) && !REQUIRED;
const VIEWPORT = { width: 1280, height: 800 };

let root: string;
let project: Project;
let http: RunningServer;
let browser: Browser;
let screenshots: string;

beforeAll(async () => {
  if (SKIP) return;
  if (!existsSync(CHROMIUM)) throw new Error(`CARTOGRAPH_REQUIRE_BROWSER is set but ${CHROMIUM} is missing: install the Debian package chromium.`);
  root = makeRepo(GRAPH_FILES);
  screenshots = process.env.CARTOGRAPH_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'cartograph-screens-'));
  mkdirSync(screenshots, { recursive: true });
  project = await openIndexed(root);
  http = await startHttp(project);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await http?.close();
  await project?.close();
  if (root) removeDir(root);
});

interface Watched { page: Page; urls: string[]; problems: string[]; authorizations: string[] }

/** A fresh page that records every request it makes, and every script error or console error. */
async function openPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const watched: Watched = { page, urls: [], problems: [], authorizations: [] };
  page.on('request', (r) => {
    watched.urls.push(r.url());
    const authorization = r.headers().authorization;
    if (authorization) watched.authorizations.push(authorization);
  });
  page.on('pageerror', (e) => watched.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') watched.problems.push(`console: ${m.text()}`); });
  return watched;
}

async function graphViz(server: RunningServer, query = ''): Promise<GraphVizBody> {
  const res = await fetch(`${server.url}/api/v2/projects/default/graph-viz${query}`);
  expect(res.status).toBe(200);
  return await res.json() as GraphVizBody;
}

/** Waits for a complete drawing (of `root`, when given) and returns the node count the page reports. */
async function drawn(page: Page, root = ''): Promise<number> {
  await page.waitForFunction((r) => document.body.dataset.graphReady !== undefined && document.body.dataset.graphRoot === r, root);
  return Number(await page.evaluate(() => document.body.dataset.graphReady));
}

const circlePaths = (page: Page) => page.locator('svg#graph circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-path')));

function onlyLoopback(urls: string[], server: RunningServer): void {
  expect(urls.length).toBeGreaterThan(0);
  for (const u of urls) expect(new URL(u).origin, u).toBe(server.url);
}

describe.skipIf(SKIP)(`/graph in headless Chromium${SKIP ? ` (skipped: ${CHROMIUM} is missing; set CARTOGRAPH_REQUIRE_BROWSER=1 to fail instead)` : ''}`, () => {
  it('draws every node of graph-viz, inside the viewport, from the server alone', async () => {
    const { page, urls, problems } = await openPage();
    await page.goto(`${http.url}/graph`);
    const count = await drawn(page);
    const expected = await graphViz(http, '?max_nodes=300');
    expect(count).toBe(expected.nodes.length);
    expect(count).toBe(14);
    expect((await circlePaths(page)).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(await page.locator('svg#graph .links line').count()).toBe(expected.links.length);
    const boxes = await Promise.all((await page.locator('svg#graph circle').all()).map((c) => c.boundingBox()));
    const inside = boxes.filter((b) => b && b.width > 0 && b.x >= 0 && b.y >= 0 && b.x + b.width <= VIEWPORT.width && b.y + b.height <= VIEWPORT.height);
    expect(inside).toHaveLength(count); // fitted to the window
    // The legend: one entry per community, and one for files with no import edge.
    expect(await page.locator('#legend-list li').count()).toBe(expected.communities.length + 1);
    expect(await page.locator('#status').textContent()).toContain('14 files, 17 imports');
    await page.screenshot({ path: join(screenshots, 'graph-screenshot.png') });
    onlyLoopback(urls, http);
    expect(urls.some((u) => u.endsWith('/graph/assets/d3.min.js'))).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('re-roots on a click, and goes back with the history', async () => {
    const { page, urls, problems } = await openPage();
    await page.goto(`${http.url}/graph?project=default`);
    await drawn(page);
    await page.locator('circle[data-path="beta/b1.ts"]').click();
    const count = await drawn(page, 'beta/b1.ts');
    const expected = await graphViz(http, '?root=beta/b1.ts&depth=2&max_nodes=300');
    expect(count).toBe(expected.nodes.length);
    expect((await circlePaths(page)).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(await page.locator('circle.root').getAttribute('data-path')).toBe('beta/b1.ts');
    expect(new URL(page.url()).searchParams.get('root')).toBe('beta/b1.ts');
    expect(urls.some((u) => new URL(u).searchParams.get('root') === 'beta/b1.ts')).toBe(true);
    await page.screenshot({ path: join(screenshots, 'graph-rooted.png') });
    await page.goBack();
    expect(await drawn(page)).toBe(14);
    onlyLoopback(urls, http);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('roots at a path typed in the search box, at the chosen depth, and reports unknown paths', async () => {
    const { page } = await openPage();
    await page.goto(`${http.url}/graph`);
    await drawn(page);
    await page.locator('#root').fill('alpha/a5.ts');
    await page.locator('#depth').selectOption('1');
    await page.locator('#controls button[type=submit]').click();
    expect(await drawn(page, 'alpha/a5.ts')).toBe(2);
    expect((await circlePaths(page)).sort()).toEqual(['alpha/a1.ts', 'alpha/a5.ts']);
    await page.locator('#root').fill('alpha/nope.ts');
    await page.locator('#controls button[type=submit]').click();
    await expect.poll(() => page.locator('#status.error').textContent()).toContain("File 'alpha/nope.ts' is not in the index.");
    expect(await page.evaluate(() => document.body.dataset.graphReady)).toBeUndefined();
    await page.context().close();
  });

  it('behind an API key: asks for the key, keeps it for the session and sends it as a bearer token', async () => {
    const keyed = await startHttp(project, { api_key: 'sekrit' });
    try {
      const { page, urls, authorizations } = await openPage();
      await page.goto(`${keyed.url}/graph`); // the page and its assets need no key
      await expect.poll(() => page.locator('#status.error').textContent()).toContain('An API key is required');
      await page.locator('#key').fill('sekrit');
      await page.locator('#key-form button[type=submit]').click();
      expect(await drawn(page)).toBe(14);
      expect(authorizations).toContain('Bearer sekrit');
      expect(await page.evaluate(() => sessionStorage.getItem('cartograph.apiKey'))).toBe('sekrit');
      await page.reload();
      expect(await drawn(page)).toBe(14);
      onlyLoopback(urls, keyed);
      await page.context().close();
    } finally {
      await keyed.close();
    }
  });
});
