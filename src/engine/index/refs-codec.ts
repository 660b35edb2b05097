// Compact storage of a file's reference sites: one JSON array of tuples per file instead of one
// row per reference (millions of rows would dominate cold-index time), plus the distinct names
// so a name → files index can find the files worth decoding.
import { REF_KINDS, RefScope, type RefKind, type RefSite } from '../model.js';

const SCOPES = RefScope.options;
type Tuple = [string, number, number, number, number, string?, string?];

export function encodeRefs(refs: readonly RefSite[]): string {
  const tuples = refs.map((r): Tuple => {
    const t: Tuple = [r.name, r.line, r.col, REF_KINDS.indexOf(r.kind), SCOPES.indexOf(r.scope)];
    if (r.caller !== undefined || r.receiver !== undefined) t.push(r.caller ?? '');
    if (r.receiver !== undefined) t.push(r.receiver);
    return t;
  });
  return JSON.stringify(tuples);
}

/** The sites of `json`, only those named `only` (a name or a set of names) when given. */
export function decodeRefs(json: string, only?: string | ReadonlySet<string>): RefSite[] {
  const out: RefSite[] = [];
  const keep = only === undefined ? undefined : typeof only === 'string' ? (n: string) => n === only : (n: string) => only.has(n);
  for (const t of JSON.parse(json) as Tuple[]) {
    if (keep && !keep(t[0])) continue;
    const r: RefSite = { name: t[0], line: t[1], col: t[2], kind: REF_KINDS[t[3]] as RefKind, scope: SCOPES[t[4]]! };
    if (t[5]) r.caller = t[5];
    if (t[6]) r.receiver = t[6];
    out.push(r);
  }
  return out;
}
