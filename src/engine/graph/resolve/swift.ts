// Swift resolver. Imports name modules, all external. Files of one module see each other without
// imports, so capitalised type names a file uses (type, call, inherit references) that exactly one
// other Swift file defines as a top-level type become `inferred` edges at their first use.
import type { ParsedFile } from '../../model.js';
import { isCapitalised } from '../../parse/spec.js';
import { resolveRecords, type ResolutionBuilder } from './result.js';
import type { LanguageResolver, ProjectView } from './types.js';

const TYPE_REF_KINDS: ReadonlySet<string> = new Set(['type', 'call', 'inherit']);

/** Module name: `Foundation`, `struct Foo.Bar` → `Foo`. */
export const swiftPackageName = (specifier: string): string => specifier.split('.')[0] ?? specifier;

function inferEdges(view: ProjectView, from: string, parsed: ParsedFile, out: ResolutionBuilder): void {
  const firstUse = new Map<string, number>();
  for (const r of parsed.refs) {
    if (r.scope !== 'free' || !TYPE_REF_KINDS.has(r.kind) || !isCapitalised(r.name)) continue;
    const seen = firstUse.get(r.name);
    if (seen === undefined || r.line < seen) firstUse.set(r.name, r.line);
  }
  for (const [name, line] of firstUse) {
    const defining = view.filesDefiningType(name).filter((f) => f.endsWith('.swift'));
    if (defining.length === 1 && defining[0] !== from) out.edge(defining[0]!, 'inferred', line, name);
  }
}

export function createSwiftResolver(): LanguageResolver {
  return {
    inputs: [],
    resolve: (from, parsed, view) => resolveRecords(
      from, parsed,
      (record, sink) => sink.external(swiftPackageName(record.specifier)),
      (out) => inferEdges(view, from, parsed, out),
    ),
  };
}
