// C# using resolver. `using A.B;` → every file declaring namespace A.B; `using X = A.B.C;` and
// `using static A.B.C;` → the file defining type C in A.B, else the files of A.B. `System.*` and
// namespaces no project file declares are external. Types used without a `using` because they
// live in the file's namespace (or an enclosing one) resolve to their defining files too.
import type { ImportRecord } from '../../model.js';
import { resolveRecords, type Sink } from './result.js';
import { freeTypeUses, sameNamespaceEdges } from './same-namespace.js';
import type { LanguageResolver, ProjectView } from './types.js';

/** First two segments: `System.Collections.Generic` → `System.Collections`. */
export function csharpPackageName(specifier: string): string {
  return specifier.replace(/^global::/, '').split('.').slice(0, 2).join('.');
}

const namespaceFiles = (view: ProjectView, ns: string): string[] =>
  view.filesDeclaringNamespace(ns).filter((f) => f.endsWith('.cs'));

function resolveOne(view: ProjectView, record: ImportRecord, sink: Sink): void {
  const spec = record.specifier.replace(/^global::/, '');
  if (spec === 'System' || spec.startsWith('System.')) return sink.external(csharpPackageName(spec));
  const asNamespace = record.form === 'static' ? [] : namespaceFiles(view, spec);
  if (asNamespace.length) return asNamespace.forEach((f) => sink.edge(f));
  const dot = spec.lastIndexOf('.');
  const parent = dot < 0 ? [] : namespaceFiles(view, spec.slice(0, dot));
  const typeFiles = view.filesDefiningType(spec.slice(dot + 1)).filter((f) => parent.includes(f));
  const targets = typeFiles.length ? typeFiles : parent;
  if (targets.length) targets.forEach((f) => sink.edge(f));
  else sink.external(csharpPackageName(spec));
}

export function createCSharpResolver(): LanguageResolver {
  return {
    inputs: [],
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => resolveOne(view, record, sink), (out) => {
      if (!parsed.namespace) return;
      // `A.B.C` also sees the types of `A.B` and `A` without a using directive.
      const parts = parsed.namespace.split('.');
      const enclosing = parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
      sameNamespaceEdges(view, from, enclosing, freeTypeUses(parsed), (f) => f.endsWith('.cs'), out);
    }),
  };
}
