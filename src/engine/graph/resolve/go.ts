// Go import resolver. Every go.mod in the project (outside vendor/ and testdata/) declares a module;
// together they cover go.work workspaces and replace-by-path setups. An import path under a
// module names a package directory: one edge to each non-test .go file directly in it.
import { fileIndex, manifests } from './project.js';
import { dirname, isWithin, join } from './paths.js';
import { resolveRecords } from './result.js';
import type { LanguageResolver, ProjectView } from './types.js';

export const GO_INPUTS = ['go.mod'] as const;

/** Go packages are named by their import path. */
export const goPackageName = (specifier: string): string => specifier;

interface GoModule { path: string; dir: string }

function loadModules(view: ProjectView): GoModule[] {
  const out: GoModule[] = [];
  for (const file of manifests(view, 'go.mod')) {
    if (/(^|\/)(vendor|testdata)\//.test(file)) continue;
    const path = /^\s*module\s+"?([^\s"]+)"?/m.exec(view.readText(file) ?? '')?.[1];
    if (path) out.push({ path, dir: dirname(file) });
  }
  return out;
}

export function createGoResolver(): LanguageResolver {
  let modules: GoModule[] | undefined;

  /** The longest module path containing `spec`; among equals, the module enclosing `from`. */
  function moduleFor(view: ProjectView, from: string, spec: string): GoModule | undefined {
    modules ??= loadModules(view);
    let best: GoModule | undefined;
    for (const m of modules) {
      if (spec !== m.path && !spec.startsWith(`${m.path}/`)) continue;
      const better = !best || m.path.length > best.path.length
        || (m.path.length === best.path.length && isWithin(from, m.dir) && !isWithin(from, best.dir));
      if (better) best = m;
    }
    return best;
  }

  return {
    inputs: GO_INPUTS,
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => {
      const spec = record.specifier;
      const module = moduleFor(view, from, spec);
      if (!module) return sink.external(goPackageName(spec));
      const dir = join(module.dir, spec.slice(module.path.length));
      const files = dir === undefined ? [] : fileIndex(view).filesIn(dir);
      for (const f of files) if (f.endsWith('.go') && !f.endsWith('_test.go')) sink.edge(f);
    }),
  };
}
