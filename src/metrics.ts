// Process-wide metrics (prom-client), served by the HTTP front end as Prometheus text or JSON.
// Every label takes its values from a closed list — operation names from the registry, error
// codes, status classes, route categories, server-assigned project ids — never from a raw path or
// an argument, so no request can grow the number of series.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Project } from './engine/project.js';
import type { ErrorCode } from './errors.js';

export const registry = new Registry();

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const httpRequests = new Counter({
  name: 'cartograph_http_requests_total',
  help: 'HTTP requests by route category (health, projects, notify, metrics, docs, mcp, an operation name, other) and status class.',
  labelNames: ['route', 'status_class'] as const,
  registers: [registry],
});
const httpDuration = new Histogram({
  name: 'cartograph_http_request_duration_seconds',
  help: 'HTTP request latency until the response headers, by route category and status class.',
  labelNames: ['route', 'status_class'] as const,
  buckets: SECONDS,
  registers: [registry],
});
const operationCalls = new Counter({
  name: 'cartograph_operation_calls_total',
  help: 'Operation calls from every front end (MCP, REST, CLI), successful or not.',
  labelNames: ['operation'] as const,
  registers: [registry],
});
const operationErrors = new Counter({
  name: 'cartograph_operation_errors_total',
  help: 'Operation calls that ended in a typed error, by error code.',
  labelNames: ['operation', 'code'] as const,
  registers: [registry],
});
const operationDuration = new Histogram({
  name: 'cartograph_operation_duration_seconds',
  help: 'Operation latency, argument checks and index wait included.',
  labelNames: ['operation'] as const,
  buckets: SECONDS,
  registers: [registry],
});

/** Where the per-project gauges read from on each scrape (one source per running HTTP app). */
type ProjectSource = () => Iterable<{ id: string; project: Project }>;
const projectSources = new Set<ProjectSource>();

function eachProject(fn: (id: string, project: Project) => void): void {
  for (const source of projectSources) for (const { id, project } of source()) fn(id, project);
}

new Gauge({
  name: 'cartograph_index_generation',
  help: 'Index generation of each served project (advances with every committed index change).',
  labelNames: ['project'] as const,
  registers: [registry],
  collect() {
    this.reset();
    eachProject((id, project) => this.set({ project: id }, project.store.generation));
  },
});
new Gauge({
  name: 'cartograph_index_size',
  help: 'Indexed files, symbols and import edges of each served project.',
  labelNames: ['project', 'kind'] as const,
  registers: [registry],
  collect() {
    this.reset();
    eachProject((id, project) => {
      for (const [kind, n] of Object.entries(project.store.counts())) this.set({ project: id, kind }, n);
    });
  },
});
new Gauge({
  name: 'cartograph_embedding_queue_depth',
  help: 'Chunks waiting to be embedded. Always 0: no embedding provider is wired in yet (semantic search is lexical).',
  registers: [registry],
});

/** Operation names from the registry, given by the front end that serves metrics (see serveMetrics). */
let known: ReadonlySet<string> = new Set();

/** Called by the executor once per operation call; operations outside the registry are not counted. */
export function recordOperation(name: string, seconds: number, error?: ErrorCode): void {
  if (!known.has(name)) return;
  operationCalls.inc({ operation: name });
  operationDuration.observe({ operation: name }, seconds);
  if (error) operationErrors.inc({ operation: name, code: error });
}

/** `route` must come from a closed list of categories (see src/http/metrics.ts). */
export function recordHttpRequest(route: string, status: number, seconds: number): void {
  const labels = { route, status_class: `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx` };
  httpRequests.inc(labels);
  httpDuration.observe(labels, seconds);
}

/** Adds a source of served projects to the index gauges; returns the function that removes it. */
export function watchProjects(source: ProjectSource): () => void {
  projectSources.add(source);
  return () => projectSources.delete(source);
}

let served = false;
/**
 * Called by a front end that serves metrics, with the registry's operation names (passed in, not
 * imported: the registry imports operations that import the executor that imports this module).
 * Starts zero series for every operation, and Node process metrics (CPU, memory, event-loop lag),
 * which processes that serve no metrics (CLI, stdio) need not sample. Until then nothing is recorded.
 */
export function serveMetrics(operations: readonly string[]): void {
  if (served) return;
  served = true;
  known = new Set(operations);
  // Zero series for every operation, so a rate over a quiet operation is 0 rather than absent.
  for (const operation of known) operationCalls.labels({ operation }).inc(0);
  collectDefaultMetrics({ register: registry, prefix: 'cartograph_' });
}
