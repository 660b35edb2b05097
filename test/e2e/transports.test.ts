// Every operation answers the same over MCP stdio, MCP SSE, MCP Streamable HTTP, REST v1 and
// REST v2, through the official SDK client and real HTTP requests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { OPERATIONS } from '../../src/operations/registry.js';
import { copyFixture, openIndexed, removeDir } from '../helpers/fixture.js';
import { connectClients, startHttp, stdioTransport, type RunningServer } from '../helpers/server.js';

const CALLS: Record<string, Record<string, unknown>> = {
  symbols: { path: 'src/app.ts' },
  search_symbols: { name: 'format' },
  semantic_search: { query: 'format a user name', mode: 'keyword' },
  semantic_search_status: {},
  file_analysis: { path: 'src/services/users.ts' },
  dependencies: { path: 'src/util.ts' },
  dependency_graph: { start_file: 'src/app.ts', depth: 2 },
  impact_analysis: { changed_files: ['src/util.ts'] },
  cross_references: { symbol_name: 'formatName' },
  lsp_definition: { file: 'src/app.ts', line: 9, col: 12 },
  lsp_references: { file: 'src/util.ts', line: 4, col: 17 },
  lsp_hover: { file: 'src/util.ts', line: 4, col: 17 },
  lsp_diagnostics: { file: 'src/app.ts' },
  graph_query: { file: 'src/app.ts', depth: 3 },
  graph_dsl: { query: 'MATCH a -[IMPORTS]-> b RETURN a, b' },
  find_related: { file: 'src/util.ts' },
  community_detection: { min_community_size: 1 },
  project_summary: { max_tokens: 2000 },
  hotspots: { top_n: 5 },
  conventions: { sample_size: 20 },
  bootstrap: { task_hint: 'format user names', max_tokens: 3000 },
  code_evolution: { path: 'src/util.ts' },
  recent_changes: { days: 30 },
  notify_file_changed: { files: ['src/util.ts'] },
  index_status: {},
  evaluate_search: { max_cases: 5 }, // the fixture's one commit ('init') gives no case: an empty, deterministic report
  repo_map: { max_tokens: 1000 },
  explore_codebase: { path: 'src' },
  distill: { files: ['src/app.ts'], level: 'signatures' },
  relevant_context: { files: ['src/util.ts'], depth: 2 },
  security_scan: { mode: 'full' },
  dead_code: { level: 'file', top_n: 10 },
  record_learning: { type: 'gotcha', description: 'formatName trims whitespace', scope: 'src/util.ts', confidence: 1 },
  recall: { query: 'whitespace', scope: 'src/util.ts' },
  learning_feedback: { learning_id: 1, helpful: true },
  list_learnings: { type: 'gotcha' },
  record_adr: { title: 'Keep formatting helpers in util', context: 'Formatting is shared.', decision: 'Put helpers in src/util.ts.', related_files: ['src/util.ts'], tags: ['Layout'] },
  list_adrs: { tag: 'layout', limit: 1 },
  get_adr: { number: 1 },
  update_adr_status: { number: 1, status: 'proposed' },
  export_adrs: { numbers: [1] },
  import_adrs: {},
};

/**
 * Memory operations write: a repeated call finds a duplicate instead of adding a learning, gets the
 * next ADR number or sees bumped counters, and records carry their own times. Those fields are left
 * out (besides timestamps), and the texts that show them are not compared.
 */
const MEMORY_VOLATILE: Record<string, string[]> = {
  record_learning: ['created', 'duplicate_of'], recall: [], learning_feedback: ['help_count'],
  list_learnings: ['helpful_count', 'apply_count'], record_adr: ['number'], list_adrs: ['number', 'total', 'truncated'],
  get_adr: [], update_adr_status: [], export_adrs: [], import_adrs: [],
};
const TIMESTAMPS = ['created_at', 'updated_at', 'last_applied_at', 'at'];
const TEXT_VARIES = new Set(['index_status', 'notify_file_changed', 'record_learning', 'list_learnings', 'record_adr', 'list_adrs']);

function without(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, keys));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.has(k)).map(([k, v]) => [k, without(v, keys)]));
}

/** Parts of a result that legitimately differ between two processes with their own index. */
function comparable(name: string, output: Record<string, unknown>): unknown {
  const { freshness: _f, ...rest } = output;
  if (name === 'index_status') {
    const s = rest as Record<string, unknown>;
    return { files_indexed: s.files_indexed, symbols: s.symbols, edges: s.edges, languages: s.languages, skipped: s.skipped };
  }
  if (name === 'notify_file_changed') {
    const { generation: _g, ...r } = rest;
    return r;
  }
  if (name in MEMORY_VOLATILE) return without(rest, new Set([...TIMESTAMPS, ...MEMORY_VOLATILE[name]!]));
  if (name === 'security_scan') {
    const { duration_ms: _d, ...r } = rest;
    return r;
  }
  return rest;
}

let root: string;
let project: Project;
let http: RunningServer;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  root = copyFixture('app', { git: true }); // a work tree, so the history operations answer
  project = await openIndexed(root);
  http = await startHttp(project);
  Object.assign(clients, await connectClients({
    stdio: stdioTransport(root, mkdtempSync(join(tmpdir(), 'cg-stdio-'))),
    sse: new SSEClientTransport(new URL(`${http.url}/sse`)),
    streamable: new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)),
  }));
});

afterAll(async () => {
  for (const c of Object.values(clients)) await c.close();
  await http.close();
  await project.close();
  removeDir(root);
});

async function rest(version: 'v1' | 'v2', op: (typeof OPERATIONS)[number], args: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  let url = `${http.url}/api/${version}/projects/default${op.route.path.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k]))}`;
  const init: RequestInit = { method: op.route.method };
  if (op.route.method === 'GET') {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(args)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, String(x));
    url += `?${qs}`;
  } else {
    init.body = JSON.stringify(args);
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('every operation on every transport', () => {
  it('lists the same tools with schemas and annotations everywhere', async () => {
    for (const c of Object.values(clients)) {
      const { tools } = await c.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(OPERATIONS.map((o) => o.name).sort());
      for (const t of tools) {
        expect(t.inputSchema.type).toBe('object');
        expect(t.outputSchema?.type).toBe('object');
        expect(t.annotations?.openWorldHint).toBe(false);
      }
    }
  });

  it.each(OPERATIONS.map((o) => [o.name, o] as const))('%s answers identically', async (name, op) => {
    const args = CALLS[name]!;
    const results: Record<string, unknown> = {};
    const texts: Record<string, string> = {};
    for (const [transport, c] of Object.entries(clients)) {
      const res = await c.callTool({ name, arguments: args });
      expect(res.isError ?? false, `${transport}: ${JSON.stringify(res.content)}`).toBe(false);
      results[transport] = comparable(name, res.structuredContent as Record<string, unknown>);
      texts[transport] = (res.content as Array<{ text: string }>)[0]!.text;
    }
    const v2 = await rest('v2', op, args);
    expect(v2.status).toBe(200);
    results.rest_v2 = comparable(name, v2.body);
    const v1 = await rest('v1', op, args);
    expect(v1.status).toBe(200);
    expect(typeof v1.body.result).toBe('string');
    texts.rest_v1 = v1.body.result as string;

    for (const [transport, r] of Object.entries(results)) expect(r, transport).toEqual(results.sse);
    if (!TEXT_VARIES.has(name)) {
      // The text differs only in the freshness footer (each process has its own generation).
      const body = (t: string) => t.replace(/\[index gen \d+ · [^\]]*\]/, '[index gen]').replace(/Time: \d+ms/, 'Time')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
      for (const [transport, t] of Object.entries(texts)) expect(body(t), transport).toBe(body(texts.sse!));
    }
  });
});
