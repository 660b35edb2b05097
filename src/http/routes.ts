// The REST routes of an operation, spelled once for the router, the OpenAPI document and the
// metrics' route categories: v1 at the spec's path, v2 at the same path and its aliases.
import type { Operation } from '../operations/define.js';

export interface RestRoute {
  version: 'v1' | 'v2';
  /** OpenAPI spelling: `/api/v2/projects/{id}/adrs/{number}`. */
  path: string;
  /** Hono spelling of the same path: `/api/v2/projects/:id/adrs/:number` (typed so Hono knows `id`). */
  pattern: `/api/${'v1' | 'v2'}/projects/:id${string}`;
  /** A v2 alias (attocode's other spelling) rather than the operation's own path. */
  alias: boolean;
}

export function restRoutes(op: Operation): RestRoute[] {
  const at = (version: 'v1' | 'v2', sub: string, alias: boolean): RestRoute => {
    const path = `/api/${version}/projects/{id}${sub}`;
    return { version, path, pattern: `/api/${version}/projects/:id${sub.replace(/\{(\w+)\}/g, ':$1')}`, alias };
  };
  return [
    at('v1', op.route.path, false),
    at('v2', op.route.path, false),
    ...(op.route.v2Aliases ?? []).map((sub) => at('v2', sub, true)),
  ];
}

/** `{name}` segments of an operation's route (`/adrs/{number}`): filled into its input. */
export function pathParamsOf(op: Operation): string[] {
  return [...op.route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
