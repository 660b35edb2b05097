// The OpenAPI document over real HTTP: valid OpenAPI 3.1 (checked by @readme/openapi-parser),
// every registry operation on v1 and v2 with its method, parameters and schemas, and the docs
// pages served with local assets only.
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { GROUPS } from '../../src/http/openapi.js';
import { pathParamsOf, restRoutes } from '../../src/http/routes.js';
import { inputJsonSchema } from '../../src/operations/json-schema.js';
import { OPERATIONS } from '../../src/operations/registry.js';
import { copyFixture, openIndexed, removeDir } from '../helpers/fixture.js';
import { startHttp, type RunningServer } from '../helpers/server.js';

type Json = Record<string, any>;

let root: string;
let project: Project;
let http: RunningServer;
let doc: Json;

beforeAll(async () => {
  root = copyFixture('app');
  project = await openIndexed(root);
  http = await startHttp(project);
  const res = await fetch(`${http.url}/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  doc = await res.json() as Json;
});

afterAll(async () => {
  await http?.close();
  await project?.close();
  removeDir(root);
});

const resolve = (node: Json): Json => (node.$ref ? resolve(node.$ref.slice(2).split('/').reduce((n: Json, k: string) => n[k], doc)) : node);

describe('openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('has every operation on v1 and v2 (and v2 aliases) with its method, tag and schemas', () => {
    for (const op of OPERATIONS) {
      const method = op.route.method.toLowerCase();
      for (const route of restRoutes(op)) {
        const entry = doc.paths[route.path]?.[method] as Json | undefined;
        expect(entry, `${op.name} ${route.version} ${route.path}`).toBeDefined();
        expect(entry!.tags).toEqual([GROUPS.find((g) => g.operations.includes(op.name))!.name]);
        const ok = entry!.responses['200'].content['application/json'].schema;
        expect(ok.$ref).toBe(route.version === 'v1' ? '#/components/schemas/TextResult' : `#/components/schemas/${op.name}_result`);
        for (const status of ['404', '422', '500', '503']) expect(resolve(entry!.responses[status]).content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorEnvelope');
        const params = (entry!.parameters as Json[]).map(resolve);
        expect(params.find((p) => p.in === 'path' && p.name === 'id')).toBeDefined();
        for (const name of pathParamsOf(op)) expect(params.find((p) => p.in === 'path' && p.name === name)?.schema).toEqual({ type: 'integer', minimum: 1 });
        const inputs = Object.keys(inputJsonSchema(op).properties as Json).filter((k) => !pathParamsOf(op).includes(k));
        if (op.route.method === 'GET') {
          expect(params.filter((p) => p.in === 'query' && p.name !== 'branch').map((p) => p.name).sort()).toEqual(inputs.sort());
          expect(entry!.requestBody).toBeUndefined();
        } else {
          const body = resolve(entry!.requestBody.content['application/json'].schema);
          expect(Object.keys(body.properties).sort()).toEqual(inputs.sort());
        }
      }
    }
    const operationIds = Object.values(doc.paths).flatMap((p) => Object.values(p as Json).map((o) => (o as Json).operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('puts every registered operation in exactly one group', () => {
    for (const op of OPERATIONS) expect(GROUPS.filter((g) => g.operations.includes(op.name)).length, op.name).toBe(1);
  });

  it('describes query parameters from the zod schemas: required, bounds, enums, repeated lists, aliases', () => {
    const params = (doc.paths['/api/v2/projects/{id}/search-symbols'].get.parameters as Json[]).map(resolve);
    const name = params.find((p) => p.name === 'name')!;
    expect(name.required).toBe(true);
    expect(name.schema.type).toBe('string');
    const impact = (doc.paths['/api/v1/projects/{id}/impact'].get.parameters as Json[]).map(resolve);
    const changed = impact.find((p) => p.name === 'changed_files')!;
    expect(changed).toMatchObject({ in: 'query', style: 'form', explode: true, schema: { type: 'array' } });
    expect(changed.description).toContain('`files`');
    const feedback = doc.paths['/api/v2/projects/{id}/learnings/{learning_id}/feedback'].post;
    expect(resolve(feedback.requestBody.content['application/json'].schema).properties.learning_id).toBeUndefined();
    expect(doc.paths['/api/v2/projects/{id}/evolution'].get.operationId).toBe('code_evolution_v2_evolution');
  });

  it('covers projects, health, readiness and metrics, with bearer and X-API-Key security schemes', () => {
    expect(Object.keys(doc.paths['/api/v1/projects']).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/projects/{id}'].get.responses['200']).toBeDefined();
    for (const path of ['/health', '/ready', '/metrics', '/api/v1/metrics']) expect(doc.paths[path].get.security).toEqual([]);
    expect(doc.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(doc.security).toEqual([{ bearer: [] }, { api_key: [] }]);
  });

  it('matches what the server answers: project summary, health and a v2 result carry the documented fields', async () => {
    const fieldsOf = (name: string) => Object.keys(doc.components.schemas[name].properties).sort();
    const projects = await (await fetch(`${http.url}/api/v1/projects`)).json() as { projects: Json[] };
    expect(Object.keys(projects.projects[0]!).sort()).toEqual(fieldsOf('ProjectSummary'));
    expect(Object.keys(await (await fetch(`${http.url}/health`)).json() as Json).sort()).toEqual(fieldsOf('Health'));
    const result = await (await fetch(`${http.url}/api/v2/projects/default/symbols?path=src/app.ts`)).json() as Json;
    for (const key of Object.keys(result)) expect(fieldsOf('symbols_result')).toContain(key);
    const error = await (await fetch(`${http.url}/api/v2/projects/nope/symbols?path=x`)).json() as Json;
    expect(Object.keys(error).sort()).toEqual(fieldsOf('ErrorEnvelope'));
  });
});

describe('docs pages', () => {
  const refsOf = (html: string) => [...html.matchAll(/\b(?:src|href|spec-url)="([^"]*)"/g)].map((m) => m[1]!);

  for (const [page, marker] of [['/docs', 'swagger-ui'], ['/redoc', '<redoc']] as const) {
    it(`${page} references only local assets, and they are served`, async () => {
      const res = await fetch(`${http.url}${page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain(marker);
      expect(html).not.toMatch(/https?:\/\//);
      const refs = refsOf(html);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref).toMatch(/^\/(docs|redoc)\/assets\/[\w.-]+$|^\/openapi\.json$/);
        const asset = await fetch(`${http.url}${ref}`);
        expect(asset.status, ref).toBe(200);
        const type = ref.endsWith('.js') ? 'text/javascript' : ref.endsWith('.css') ? 'text/css' : ref.endsWith('.png') ? 'image/png' : 'application/json';
        expect(asset.headers.get('content-type'), ref).toContain(type);
        expect((await asset.arrayBuffer()).byteLength, ref).toBeGreaterThan(100);
      }
    });
  }

  it('points Swagger UI at /openapi.json with the online validator off', async () => {
    const init = await (await fetch(`${http.url}/docs/assets/init.js`)).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(init).toContain('validatorUrl: null');
  });

  it('serves only the listed assets', async () => {
    for (const path of ['/docs/assets/package.json', '/docs/assets/..%2Fpackage.json', '/redoc/assets/redoc.lib.js', '/docs/assets/index.html']) {
      const res = await fetch(`${http.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as Json).error.code).toBe('not_found');
    }
  });
});
