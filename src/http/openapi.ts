// The OpenAPI 3.1 document of the HTTP service, generated from the operation registry's zod
// schemas (JSON Schema 2020-12, OpenAPI 3.1's dialect): every v1 and v2 route of every operation,
// the projects, notify, health, readiness and metrics routes, the error envelope and both ways of
// sending an API key. Served at /openapi.json and read by the Swagger UI and ReDoc pages.
import { z } from 'zod';
import { ErrorBody } from '../errors.js';
import type { Operation } from '../operations/define.js';
import { outputSchemaOf, toJsonSchema } from '../operations/json-schema.js';
import { notifyFileChanged } from '../operations/notify-file-changed.js';
import { OPERATIONS } from '../operations/registry.js';
import { VERSION } from '../version.js';
import { Hydration, ProjectDetails, ProjectSummary } from './hydration.js';
import { GRAPH_VIZ_LIMITS, GraphVizQuery, GraphVizResult } from './graph-viz.js';
import { FlushBody, NotifyAccepted, NotifyBody } from './notify-routes.js';
import { DeleteQuery, PAGE_LIMIT, ProjectDeleted, ProjectPage, RegisterBody, ReindexAccepted, ReindexBody } from './project-routes.js';
import { pathParamsOf, restRoutes, type RestRoute } from './routes.js';

type Json = Record<string, unknown>;

/** Tags: the spec's tool groups (TOOLS.md §3), in its order. Every registered operation is in one. */
export const GROUPS: ReadonlyArray<{ name: string; description: string; operations: readonly string[] }> = [
  { name: 'Navigation', description: 'Orientation: maps, summaries, one file or directory at a time.', operations: ['repo_map', 'project_summary', 'bootstrap', 'symbols', 'explore_codebase'] },
  { name: 'Search', description: 'Finding definitions and code by name or words.', operations: ['search_symbols', 'semantic_search', 'semantic_search_status', 'evaluate_search'] },
  { name: 'Analysis', description: 'Imports, impact, references, metrics, conventions, security and dead code.', operations: ['dependencies', 'impact_analysis', 'cross_references', 'file_analysis', 'dependency_graph', 'hotspots', 'conventions', 'security_scan', 'dead_code', 'distill'] },
  { name: 'Graph', description: 'Queries over the file import graph.', operations: ['graph_query', 'graph_dsl', 'find_related', 'community_detection', 'relevant_context'] },
  { name: 'History', description: 'Git history of files and symbols.', operations: ['code_evolution', 'recent_changes'] },
  { name: 'Learning', description: 'Project memory: learnings recorded and recalled.', operations: ['record_learning', 'recall', 'learning_feedback', 'list_learnings'] },
  { name: 'ADR', description: 'Architecture decision records.', operations: ['record_adr', 'list_adrs', 'get_adr', 'update_adr_status', 'export_adrs', 'import_adrs'] },
  { name: 'LSP', description: 'Language-server answers: definition, references, hover, diagnostics.', operations: ['lsp_definition', 'lsp_references', 'lsp_hover', 'lsp_diagnostics'] },
  { name: 'Index', description: 'Index state and re-indexing of changed files.', operations: ['notify_file_changed', 'index_status'] },
];
const groupOf = new Map(GROUPS.flatMap((g) => g.operations.map((op) => [op, g.name] as const)));

const SERVICE_SCHEMAS: Record<string, z.ZodType> = {
  ErrorEnvelope: z.object({ error: ErrorBody, request_id: z.string() }),
  TextResult: z.object({ result: z.string().describe('The text rendering of the result (spec §1.2).') }),
  ProjectSummary,
  ProjectPage,
  ProjectDetails,
  ProjectDeleted,
  ReindexAccepted,
  Hydration,
  NotifyAccepted,
  NotifyResult: notifyFileChanged.output,
  Health: z.object({ status: z.literal('ok'), version: z.string() }),
  Ready: z.object({ ready: z.boolean(), projects: z.array(ProjectSummary) }),
  GraphViz: GraphVizResult,
};

const ERROR_STATUSES: Record<string, string> = {
  400: 'The body is not valid JSON (`invalid_argument`, reason `malformed_json`).',
  401: 'Missing or wrong API key (`invalid_argument`, reason `unauthenticated`); only when keys are configured.',
  403: 'A path outside the project root, a Host or Origin not allowed, or a write to a read-only server (`invalid_argument`).',
  404: 'Unknown project, or an addressed file, learning or ADR that does not exist (`not_found`).',
  409: 'An `if_match` that is not the current index generation (`invalid_argument`, reason `generation_mismatch`).',
  413: 'An input or body over a limit (`too_large`).',
  422: 'Arguments that fail validation (`invalid_argument`).',
  429: 'Rate limited (`unavailable`, reason `rate_limited`); see Retry-After.',
  500: 'A bug (`internal`), logged with the request id.',
  503: 'The index has nothing to answer from yet (`not_indexed_yet`, with Retry-After), or a dependency is missing or the deadline passed (`unavailable`).',
};

const ref = (kind: 'schemas' | 'responses' | 'parameters' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });
const jsonContent = (schema: Json) => ({ 'application/json': { schema } });

function errors(statuses: readonly number[]): Json {
  return Object.fromEntries(statuses.map((s) => [String(s), ref('responses', `Error${s}`)]));
}

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  return toJsonSchema(schema, io, 'draft-2020-12');
}

/** Components of one operation: its result, and its JSON body when it is a POST. */
function operationSchemas(op: Operation): Record<string, Json> {
  const out: Record<string, Json> = { [`${op.name}_result`]: schemaOf(outputSchemaOf(op), 'output') };
  if (op.route.method === 'POST') {
    // Path parameters travel in the path, not in the body.
    const input = schemaOf(op.input, 'input');
    const params = new Set(pathParamsOf(op));
    const properties = Object.fromEntries(Object.entries((input.properties ?? {}) as Json).filter(([k]) => !params.has(k)));
    const { required: all = [], ...rest } = input as { required?: string[] };
    const required = all.filter((k) => !params.has(k));
    out[`${op.name}_body`] = { ...rest, properties, ...(required.length ? { required } : {}) };
  }
  return out;
}

function parametersOf(op: Operation): Json[] {
  const input = schemaOf(op.input, 'input');
  const properties = (input.properties ?? {}) as Record<string, Json>;
  const required = new Set((input.required ?? []) as string[]);
  const aliasesOf = (name: string) => Object.entries(op.route.aliases ?? {}).filter(([, to]) => to === name).map(([from]) => `\`${from}\``);
  const params: Json[] = [ref('parameters', 'ProjectId')];
  const inPath = pathParamsOf(op);
  for (const name of inPath) {
    params.push({ name, in: 'path', required: true, description: `${String(properties[name]?.description ?? name)} (a positive integer).`, schema: { type: 'integer', minimum: 1 } });
  }
  if (op.route.method === 'GET') {
    for (const [name, schema] of Object.entries(properties)) {
      if (inPath.includes(name)) continue;
      const aliases = aliasesOf(name);
      const description = [schema.description, aliases.length ? `Also accepted as ${aliases.join(', ')}.` : ''].filter(Boolean).join(' ');
      params.push({
        name, in: 'query', required: required.has(name), schema,
        ...(description ? { description } : {}),
        ...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
      });
    }
    params.push(ref('parameters', 'Branch'));
  }
  return params;
}

const FRESHNESS_HEADERS = {
  'X-Index-Generation': ref('headers', 'IndexGeneration'),
  'X-Index-Stale-Files': ref('headers', 'IndexStaleFiles'),
  'X-Index-Pending-Files': ref('headers', 'IndexPendingFiles'),
};

function operationObject(op: Operation, route: RestRoute): Json {
  const post = op.route.method === 'POST';
  const ok = route.version === 'v1'
    ? { description: 'The text rendering, exactly as attocode\'s v1 API.', headers: FRESHNESS_HEADERS, content: jsonContent(ref('schemas', 'TextResult')) }
    : {
      description: 'The structured result; `Accept: text/plain` gives the text rendering instead.',
      headers: FRESHNESS_HEADERS,
      content: { ...jsonContent(ref('schemas', `${op.name}_result`)), 'text/plain': { schema: { type: 'string' } } },
    };
  const alias = route.alias ? ` Alias of ${op.route.path}.` : '';
  return {
    operationId: route.alias ? `${op.name}_v2${route.path.slice(route.path.indexOf('}') + 1).replace(/\W+/g, '_')}` : `${op.name}_${route.version}`,
    summary: `${op.title} (${route.version === 'v1' ? 'text' : 'JSON'})`,
    description: `${op.description}${alias}\n\nTool: \`${op.name}\`.`,
    tags: [groupOf.get(op.name) ?? 'Other'],
    parameters: parametersOf(op),
    ...(post ? { requestBody: { required: false, content: jsonContent(ref('schemas', `${op.name}_body`)) } } : {}),
    responses: { 200: ok, ...errors([...(post ? [400] : []), 401, 403, 404, ...(post ? [409] : []), 413, 422, 429, 500, 503]) },
  };
}

function servicePaths(): Record<string, Json> {
  const open = { security: [] };
  const metrics = {
    ...open,
    tags: ['Service'],
    summary: 'Metrics: requests, operations, errors, latency histograms, index gauges',
    parameters: [{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['prometheus', 'json'], default: 'prometheus' } }],
    responses: {
      200: {
        description: 'Prometheus text exposition (default) or prom-client\'s JSON.',
        content: { 'text/plain': { schema: { type: 'string' } }, ...jsonContent({ type: 'array', items: { type: 'object' } }) },
      },
      ...errors([422]),
    },
  };
  return {
    '/health': { get: { ...open, operationId: 'health', tags: ['Service'], summary: 'Liveness', responses: { 200: { description: 'The server is up.', content: jsonContent(ref('schemas', 'Health')) } } } },
    '/ready': {
      get: {
        ...open, operationId: 'ready', tags: ['Service'], summary: 'Readiness: every project has its first index',
        responses: {
          200: { description: 'Every project is indexed.', content: jsonContent(ref('schemas', 'Ready')) },
          503: { description: 'Some project is still being indexed.', content: jsonContent(ref('schemas', 'Ready')) },
        },
      },
    },
    '/api/v1/metrics': { get: { ...metrics, operationId: 'metrics' } },
    '/metrics': { get: { ...metrics, operationId: 'metrics_root' } },
    ...projectPaths('v1'),
    ...projectPaths('v2'),
    ...notifyPaths(),
    ...graphVizPaths(),
  };
}

/** A JSON request body, required when the schema requires some property. */
function jsonBody(schema: z.ZodType): Json {
  const json = schemaOf(schema, 'input');
  return { required: Boolean((json.required as unknown[] | undefined)?.length), content: jsonContent(json) };
}
const reply = (description: string, schema: string) => ({ description, content: jsonContent(ref('schemas', schema)) });

/** The projects routes, the same on v1 and v2 (v2 operation ids end in `_v2`). */
function projectPaths(version: 'v1' | 'v2'): Record<string, Json> {
  const base = `/api/${version}/projects`;
  const common = (name: string) => ({ operationId: version === 'v1' ? name : `${name}_v2`, tags: ['Projects'] });
  const id = [ref('parameters', 'ProjectId')];
  return {
    [base]: {
      get: {
        ...common('list_projects'), summary: 'Served projects, a page at a time, ordered by id',
        parameters: [
          { name: 'limit', in: 'query', required: false, description: 'Projects per page (out-of-range values are clamped, with a note).', schema: { type: 'integer', minimum: 1, maximum: PAGE_LIMIT.max, default: PAGE_LIMIT.default } },
          { name: 'offset', in: 'query', required: false, description: 'Projects to skip: the previous page\'s `next_offset`.', schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: { 200: reply('A page of projects, with the total and the next offset.', 'ProjectPage'), ...errors([401, 422, 429]) },
      },
      post: {
        ...common('register_project'), summary: 'Serve another directory (idempotent per path; system directories refused)',
        requestBody: jsonBody(RegisterBody),
        responses: {
          200: reply('The path was already served: its project.', 'ProjectSummary'),
          201: reply('Registered; indexing starts in the background.', 'ProjectSummary'),
          ...errors([400, 401, 404, 413, 422, 429]),
        },
      },
    },
    [`${base}/{id}`]: {
      get: { ...common('get_project'), summary: 'One project: state, file counts, languages, latest reindex', parameters: id, responses: { 200: reply('The project.', 'ProjectDetails'), ...errors([401, 404, 429]) } },
      delete: {
        ...common('delete_project'), summary: 'Stop serving a project (its engine is closed); `purge=true` also removes its data dir',
        description: 'The `default` project (the one the server was started for) cannot be deleted (422, reason `default_project`).',
        parameters: [...id, { name: 'purge', in: 'query', required: false, description: DeleteQuery.shape.purge.description, schema: { type: 'boolean', default: false } }],
        responses: { 200: reply('The project is no longer served.', 'ProjectDeleted'), ...errors([401, 403, 404, 422, 429]) },
      },
    },
    [`${base}/{id}/reindex`]: {
      post: {
        ...common('reindex_project'), summary: 'Rebuild the index in the background; readers are served throughout',
        parameters: id, requestBody: jsonBody(ReindexBody),
        responses: { 202: reply('The job started, or the one already running.', 'ReindexAccepted'), ...errors([400, 401, 403, 404, 422, 429]) },
      },
    },
    [`${base}/{id}/hydration`]: {
      get: { ...common('project_hydration'), summary: 'Indexing and embedding progress', parameters: id, responses: { 200: reply('Progress of each layer.', 'Hydration'), ...errors([401, 404, 429]) } },
    },
  };
}

/** The graph view: its data (the same JSON on v1 and v2) and the page that draws it. */
function graphVizPaths(): Record<string, Json> {
  const properties = schemaOf(GraphVizQuery, 'input').properties as Record<string, Json>;
  const bounds: Record<string, { min: number; max: number }> = GRAPH_VIZ_LIMITS;
  const parameters = [ref('parameters', 'ProjectId'), ...Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name, in: 'query', required: false, description,
    schema: bounds[name] ? { ...schema, minimum: bounds[name].min, maximum: bounds[name].max } : schema,
  }))];
  const data = (version: 'v1' | 'v2') => ({
    get: {
      operationId: version === 'v1' ? 'graph_viz' : 'graph_viz_v2', tags: ['Graph'],
      summary: 'The file graph for drawing (D3 nodes, links, communities): the most important files, or the neighbourhood of a root',
      parameters,
      responses: { 200: reply('Nodes, links and the communities of the files shown.', 'GraphViz'), ...errors([401, 403, 404, 413, 422, 429, 503]) },
    },
  });
  return {
    '/api/v1/projects/{id}/graph-viz': data('v1'),
    '/api/v2/projects/{id}/graph-viz': data('v2'),
    '/graph': {
      get: {
        security: [], operationId: 'graph_page', tags: ['Graph'], summary: 'Interactive graph page (HTML; its data requests carry the key entered in it)',
        parameters: [
          { name: 'project', in: 'query', required: false, description: "Project id; default 'default'.", schema: { type: 'string' } },
          { name: 'root', in: 'query', required: false, description: 'A file to centre on.', schema: { type: 'string' } },
          { name: 'depth', in: 'query', required: false, schema: { type: 'integer', minimum: GRAPH_VIZ_LIMITS.depth.min, maximum: GRAPH_VIZ_LIMITS.depth.max } },
          { name: 'max_nodes', in: 'query', required: false, schema: { type: 'integer', minimum: GRAPH_VIZ_LIMITS.max_nodes.min, maximum: GRAPH_VIZ_LIMITS.max_nodes.max } },
        ],
        responses: { 200: { description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
  };
}

function notifyPaths(): Record<string, Json> {
  const post = (operationId: string, summary: string, schema: z.ZodType, responses: Json) =>
    ({ post: { operationId, tags: ['Index'], summary, requestBody: jsonBody(schema), responses: { ...responses, ...errors([400, 401, 403, 404, 409, 413, 422, 429]) } } });
  return {
    '/api/v1/notify/file-changed': post('notify_file_changed_debounced', 'Queue changed files; applied 500 ms after the last change, per project',
      NotifyBody, { 202: reply('Queued (or a repeated idempotency key: `accepted: 0`).', 'NotifyAccepted') }),
    '/api/v1/notify/flush': post('notify_flush', 'Apply pending notify batches now', FlushBody, { 200: reply('What the applied batches changed.', 'NotifyResult') }),
    '/api/v1/notify/bulk-sync': post('notify_bulk_sync', 'Re-index up to 500 files at once, bypassing the debouncer', NotifyBody,
      { 200: reply('What notify_file_changed changed.', 'notify_file_changed_result') }),
  };
}

function header(description: string): Json {
  return { description, schema: { type: 'integer' } };
}

function build(): Json {
  const paths: Record<string, Json> = servicePaths();
  const schemas: Record<string, Json> = Object.fromEntries(Object.entries(SERVICE_SCHEMAS).map(([name, s]) => [name, schemaOf(s, 'output')]));
  for (const op of OPERATIONS) {
    Object.assign(schemas, operationSchemas(op));
    for (const route of restRoutes(op)) (paths[route.path] ??= {})[op.route.method.toLowerCase()] = operationObject(op, route);
  }
  const responses = Object.fromEntries(Object.entries(ERROR_STATUSES).map(([status, description]) => [`Error${status}`, {
    description,
    ...(status === '429' || status === '503' ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } } } : {}),
    content: jsonContent(ref('schemas', 'ErrorEnvelope')),
  }]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cartograph',
      version: VERSION,
      description: 'Code intelligence over HTTP. `/api/v1/projects/{id}/…` answers `{"result": text}` as attocode\'s API does; '
        + '`/api/v2/projects/{id}/…` answers the structured result. GET routes take query parameters (lists repeat the key), POST '
        + 'routes a JSON body. Every route also accepts `branch` (answers come from the working tree). Errors share one envelope. '
        + 'An API key is required only when the server is configured with one. MCP is served at `/mcp` (Streamable HTTP) and `/sse`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [
      { name: 'Service', description: 'Health, readiness and metrics.' },
      { name: 'Projects', description: 'The projects this server serves.' },
      ...GROUPS.map((g) => ({ name: g.name, description: g.description })),
    ],
    security: [{ bearer: [] }, { api_key: [] }],
    paths,
    components: {
      schemas,
      responses,
      parameters: {
        ProjectId: { name: 'id', in: 'path', required: true, description: 'Project id (`default` for the project given at startup).', schema: { type: 'string' } },
        Branch: { name: 'branch', in: 'query', required: false, description: 'Accepted for compatibility; another branch than the checked-out one is answered from the working tree, with a note.', schema: { type: 'string' } },
      },
      headers: {
        IndexGeneration: header('Index generation that answered.'),
        IndexStaleFiles: header('Files changed on disk since they were indexed.'),
        IndexPendingFiles: header('Files discovered but not indexed yet.'),
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <key>.' },
        api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
  };
}

let doc: Json | undefined;
/** The document; built on first request (the registry does not change while serving). */
export function openApiDocument(): Json {
  return (doc ??= build());
}
