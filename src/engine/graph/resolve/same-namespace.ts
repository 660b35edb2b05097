// Types used without an import because they live in the same package or namespace (Java,
// Kotlin, Scala packages; C# namespaces and their enclosing namespaces): an edge to the file
// defining each such type, at its first use.
import type { ParsedFile } from '../../model.js';
import type { ResolutionBuilder } from './result.js';
import type { ProjectView } from './types.js';

const TYPE_REF_KINDS: ReadonlySet<string> = new Set(['type', 'call', 'inherit', 'read']);

/** Names the file uses freely (not its own, not explicitly imported) with their first line. */
export function freeTypeUses(parsed: ParsedFile): Map<string, number> {
  const uses = new Map<string, number>();
  for (const r of parsed.refs) {
    if (r.scope !== 'free' || !TYPE_REF_KINDS.has(r.kind)) continue;
    const seen = uses.get(r.name);
    if (seen === undefined || r.line < seen) uses.set(r.name, r.line);
  }
  return uses;
}

/**
 * Adds edges for the freely used types defined in `namespaces` (files limited by `inLanguage`).
 * The specifier recorded is `<namespace>.<Type>`.
 */
export function sameNamespaceEdges(
  view: ProjectView, from: string, namespaces: readonly string[], uses: ReadonlyMap<string, number>,
  inLanguage: (path: string) => boolean, out: ResolutionBuilder,
): void {
  const owner = new Map<string, string>();
  for (const ns of namespaces) for (const f of view.filesDeclaringNamespace(ns)) if (inLanguage(f) && !owner.has(f)) owner.set(f, ns);
  if (!owner.size) return;
  for (const [name, line] of uses) {
    const defining = view.filesDefiningType(name);
    if (defining.includes(from)) continue;
    for (const f of defining) {
      const ns = owner.get(f);
      if (ns !== undefined) out.edge(f, 'import', line, `${ns}.${name}`);
    }
  }
}
