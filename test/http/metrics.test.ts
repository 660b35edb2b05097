// Metrics over real HTTP: counters and histograms move after REST and MCP calls, errors are
// counted by code, labels stay within closed lists whatever the request, and the JSON format
// carries the same numbers as the Prometheus text.
import { randomUUID } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { ERROR_CODES } from '../../src/errors.js';
import { OPERATIONS } from '../../src/operations/registry.js';
import { copyFixture, openIndexed, removeDir } from '../helpers/fixture.js';
import { startHttp, type RunningServer } from '../helpers/server.js';

interface Sample { name: string; labels: Record<string, string>; value: number }

/** Prometheus text exposition → samples (the format has no escapes in our label values). */
function parse(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`unparsable line: ${line}`);
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1]!, l[2]!]));
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** The value of the one sample with that name and (at least) those labels; 0 when absent. */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const hits = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return hits.reduce((sum, s) => sum + s.value, 0);
}

let root: string;
let project: Project;
let http: RunningServer;

async function scrape(path = '/api/v1/metrics'): Promise<Sample[]> {
  const res = await fetch(`${http.url}${path}`);
  expect(res.status).toBe(200);
  return parse(await res.text());
}

beforeAll(async () => {
  root = copyFixture('app');
  project = await openIndexed(root);
  http = await startHttp(project);
});

afterAll(async () => {
  await http?.close();
  await project?.close();
  removeDir(root);
});

const CATEGORIES = ['health', 'projects', 'metrics', 'docs', 'mcp', 'other'];

describe('metrics', () => {
  it('serves Prometheus text by default, at /api/v1/metrics and /metrics', async () => {
    for (const path of ['/api/v1/metrics', '/metrics', '/api/v1/metrics?format=prometheus', '/api/v1/metrics?format=PROMETHEUS']) {
      const res = await fetch(`${http.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = await res.text();
      for (const name of ['cartograph_http_requests_total', 'cartograph_http_request_duration_seconds', 'cartograph_operation_calls_total',
        'cartograph_operation_errors_total', 'cartograph_operation_duration_seconds', 'cartograph_index_generation', 'cartograph_index_size',
        'cartograph_embedding_queue_depth', 'cartograph_process_cpu_user_seconds_total']) {
        expect(text).toContain(`# TYPE ${name} `);
      }
    }
  });

  it('has a zero series for every registered operation before any call', async () => {
    const samples = await scrape();
    const ops = new Set(samples.filter((s) => s.name === 'cartograph_operation_calls_total').map((s) => s.labels.operation));
    expect([...ops].sort()).toEqual(OPERATIONS.map((op) => op.name).sort());
  });

  it('counts REST calls: requests by route and status class, operation calls and latency histograms', async () => {
    const before = await scrape();
    const res = await fetch(`${http.url}/api/v2/projects/default/symbols?path=src/app.ts`);
    expect(res.status).toBe(200);
    const v1 = await fetch(`${http.url}/api/v1/projects/default/dependency-graph`, { method: 'POST', body: JSON.stringify({ start_file: 'src/app.ts' }) });
    expect(v1.status).toBe(200);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta('cartograph_http_requests_total', { route: 'symbols', status_class: '2xx' })).toBe(1);
    expect(delta('cartograph_http_requests_total', { route: 'dependency_graph', status_class: '2xx' })).toBe(1);
    expect(delta('cartograph_operation_calls_total', { operation: 'symbols' })).toBe(1);
    expect(delta('cartograph_operation_calls_total', { operation: 'dependency_graph' })).toBe(1);
    expect(delta('cartograph_operation_duration_seconds_count', { operation: 'symbols' })).toBe(1);
    expect(delta('cartograph_operation_duration_seconds_bucket', { operation: 'symbols', le: '+Inf' })).toBe(1);
    expect(delta('cartograph_http_request_duration_seconds_count', { route: 'symbols', status_class: '2xx' })).toBe(1);
    // Every bucket boundary is there, cumulative (non-decreasing) up to +Inf.
    const buckets = after.filter((s) => s.name === 'cartograph_operation_duration_seconds_bucket' && s.labels.operation === 'symbols');
    expect(buckets.map((b) => b.labels.le)).toEqual(['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '30', '60', '+Inf']);
    expect(buckets.map((b) => b.value)).toEqual([...buckets.map((b) => b.value)].sort((a, b) => a - b));
    expect(value(after, 'cartograph_operation_duration_seconds_sum', { operation: 'symbols' })).toBeGreaterThan(0);
    // The scrapes themselves are counted under their own category.
    expect(delta('cartograph_http_requests_total', { route: 'metrics', status_class: '2xx' })).toBeGreaterThanOrEqual(1);
  });

  it('counts errors by code, and HTTP failures by status class', async () => {
    const before = await scrape();
    expect((await fetch(`${http.url}/api/v2/projects/default/symbols?path=no/such/file.ts`)).status).toBe(404);
    expect((await fetch(`${http.url}/api/v2/projects/default/search-symbols`)).status).toBe(422);
    expect((await fetch(`${http.url}/api/v2/projects/default/search-symbols?name=${'x'.repeat(5000)}`)).status).toBe(413);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta('cartograph_operation_errors_total', { operation: 'symbols', code: 'not_found' })).toBe(1);
    expect(delta('cartograph_operation_errors_total', { operation: 'search_symbols', code: 'invalid_argument' })).toBe(1);
    expect(delta('cartograph_operation_errors_total', { operation: 'search_symbols', code: 'too_large' })).toBe(1);
    expect(delta('cartograph_operation_calls_total', { operation: 'search_symbols' })).toBe(2);
    expect(delta('cartograph_http_requests_total', { route: 'symbols', status_class: '4xx' })).toBe(1);
    expect(delta('cartograph_http_requests_total', { route: 'search_symbols', status_class: '4xx' })).toBe(2);
    const codes = new Set(after.filter((s) => s.name === 'cartograph_operation_errors_total').map((s) => s.labels.code));
    for (const code of codes) expect(ERROR_CODES).toContain(code);
  });

  it('counts MCP tool calls (Streamable HTTP) as operation calls and the requests under `mcp`', async () => {
    const before = await scrape();
    const client = new Client({ name: 'metrics-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)));
    const ok = await client.callTool({ name: 'file_analysis', arguments: { path: 'src/util.ts' } });
    expect(ok.isError).toBeFalsy();
    const bad = await client.callTool({ name: 'file_analysis', arguments: { path: 'src/missing.ts' } });
    expect(bad.isError).toBe(true);
    await client.close();
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta('cartograph_operation_calls_total', { operation: 'file_analysis' })).toBe(2);
    expect(delta('cartograph_operation_errors_total', { operation: 'file_analysis', code: 'not_found' })).toBe(1);
    expect(delta('cartograph_operation_duration_seconds_count', { operation: 'file_analysis' })).toBe(2);
    // initialize, initialized, two calls, and the session's close at least.
    expect(delta('cartograph_http_requests_total', { route: 'mcp' })).toBeGreaterThanOrEqual(4);
    expect(delta('cartograph_http_requests_total', { route: 'file_analysis' })).toBe(0);
  });

  it('keeps labels closed: unknown paths, projects and arguments add no label value', async () => {
    const token = randomUUID().replace(/-/g, '');
    const before = await scrape();
    const seriesBefore = new Set(before.map((s) => `${s.name}${JSON.stringify(s.labels)}`));
    const requests: Array<[string, RequestInit?]> = [
      [`/${token}`],
      [`/api/v1/${token}/x?${token}=1`],
      [`/api/v2/projects/${token}/symbols?path=${token}`],
      [`/api/v2/projects/default/${token}`],
      [`/docs/assets/${token}.js`],
      [`/api/v2/projects/default/symbols?path=${token}.ts&${token}=1`],
      [`/api/v2/projects/default/explore`, { method: 'POST', body: JSON.stringify({ path: token, [token]: token }) }],
      [`/${token}`, { method: 'DELETE' }],
    ];
    for (const [path, init] of requests) {
      const res = await fetch(`${http.url}${path}`, init);
      expect(res.status).toBeGreaterThanOrEqual(400);
      await res.arrayBuffer();
    }
    const after = await scrape();
    const text = JSON.stringify(after);
    expect(text).not.toContain(token);
    const ops = OPERATIONS.map((op) => op.name);
    const closed: Record<string, readonly string[]> = {
      route: [...CATEGORIES, ...ops], status_class: ['1xx', '2xx', '3xx', '4xx', '5xx'], operation: ops, code: ERROR_CODES,
      project: ['default'], kind: ['files', 'symbols', 'edges'],
      le: ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '30', '60', '+Inf'],
    };
    for (const s of after.filter((x) => /^cartograph_(http|operation|index|embedding)_/.test(x.name))) {
      for (const [label, v] of Object.entries(s.labels)) expect(closed[label], `${s.name} ${label}`).toContain(v);
    }
    // Nothing about these requests but their category and status class became a new HTTP series.
    const added = after.filter((s) => s.name.startsWith('cartograph_http_') && !seriesBefore.has(`${s.name}${JSON.stringify(s.labels)}`));
    for (const s of added) expect(s.labels.status_class).toBe('4xx');
    expect(value(after, 'cartograph_http_requests_total', { route: 'other', status_class: '4xx' })
      - value(before, 'cartograph_http_requests_total', { route: 'other', status_class: '4xx' })).toBe(4);
  });

  it('reports index generation and size per project id, and the embedding queue as 0', async () => {
    const samples = await scrape();
    expect(value(samples, 'cartograph_index_generation', { project: 'default' })).toBe(project.store.generation);
    const counts = project.store.counts();
    expect(value(samples, 'cartograph_index_size', { project: 'default', kind: 'files' })).toBe(counts.files);
    expect(value(samples, 'cartograph_index_size', { project: 'default', kind: 'symbols' })).toBe(counts.symbols);
    expect(value(samples, 'cartograph_index_size', { project: 'default', kind: 'edges' })).toBe(counts.edges);
    expect(counts.files).toBeGreaterThan(0);
    expect(samples.filter((s) => s.name === 'cartograph_embedding_queue_depth')).toEqual([{ name: 'cartograph_embedding_queue_depth', labels: {}, value: 0 }]);
  });

  it('serves the same metrics as JSON with ?format=json, and refuses other formats', async () => {
    await fetch(`${http.url}/api/v2/projects/default/symbols?path=src/app.ts`);
    const res = await fetch(`${http.url}/api/v1/metrics?format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const json = await res.json() as Array<{ name: string; type: string; values: Array<{ labels: Record<string, string>; value: number; metricName?: string }> }>;
    const text = await scrape();
    const calls = json.find((m) => m.name === 'cartograph_operation_calls_total')!;
    expect(calls.type).toBe('counter');
    expect(calls.values.find((v) => v.labels.operation === 'symbols')!.value).toBe(value(text, 'cartograph_operation_calls_total', { operation: 'symbols' }));
    const hist = json.find((m) => m.name === 'cartograph_operation_duration_seconds')!;
    expect(hist.type).toBe('histogram');
    expect(hist.values.some((v) => v.metricName === 'cartograph_operation_duration_seconds_bucket' && v.labels.le === '+Inf' && v.labels.operation === 'symbols')).toBe(true);
    expect(json.find((m) => m.name === 'cartograph_index_generation')!.values).toEqual([{ labels: { project: 'default' }, value: project.store.generation }]);

    const bad = await fetch(`${http.url}/api/v1/metrics?format=xml`);
    expect(bad.status).toBe(422);
    const body = await bad.json() as { error: { code: string; details: { parameter: string } }; request_id: string };
    expect(body.error.code).toBe('invalid_argument');
    expect(body.error.details.parameter).toBe('format');
    expect(body.request_id).toBe(bad.headers.get('x-request-id'));
  });
});
