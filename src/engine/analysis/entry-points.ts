// Where execution starts: manifest-declared entries (package.json main/bin/exports, pyproject
// scripts, Cargo bins), Go `package main` files with a `main` function, conventional entry file
// names, and very important code files. Shared by project_summary and the hotspot orphan filter.
import { isCodeLanguage, isTestPath } from '../discover/languages.js';
import { isConfigPath } from '../graph/importance.js';
import type { Project } from '../project.js';
import { manifestsOf } from './manifests.js';

export interface EntryPoint { path: string; reason: string }

// JVM and .NET sources capitalise the class that holds `main` (`Main.java`); `Index.ts` there is
// a decorator, not an entry, so only `Main` gets the capital.
const ENTRY_NAME = /^([Mm]ain|cli|app|server|index)\.[^.]+$|^lib\.rs$/;

/** Importance from which a code file is listed as an entry point on its own. */
export const ENTRY_IMPORTANCE = 0.8;

/**
 * Every entry point, manifest-declared first (in manifest order), then Go mains, then entry file
 * names and important files by importance. `discoveryOnly` uses paths and manifests alone.
 */
export function entryPoints(project: Project, discoveryOnly = false): EntryPoint[] {
  return project.derived(`analysis.entry-points:${discoveryOnly}`, () => {
    const graph = project.graph();
    const out = new Map<string, string>();
    const add = (path: string, reason: string) => { if (!out.has(path)) out.set(path, reason); };
    for (const e of manifestsOf(project).entries) add(e.path, e.reason);
    const code = [...graph.files.values()].filter((f) => isCodeLanguage(f.language) && !isTestPath(f.path) && !isConfigPath(f.path));
    if (!discoveryOnly) {
      for (const f of code) {
        if (f.language === 'go' && f.namespace === 'main'
          && project.store.symbolsOfFile(f.path).some((s) => s.name === 'main' && s.kind === 'function')) add(f.path, 'Go package main');
      }
    }
    const byImportance = discoveryOnly ? code
      : [...code].sort((a, b) => graph.importance(b.path) - graph.importance(a.path) || (a.path < b.path ? -1 : 1));
    for (const f of byImportance) if (ENTRY_NAME.test(f.path.slice(f.path.lastIndexOf('/') + 1))) add(f.path, 'entry filename');
    if (!discoveryOnly) {
      for (const f of byImportance) {
        const importance = graph.importance(f.path);
        if (importance >= ENTRY_IMPORTANCE) add(f.path, `importance=${importance.toFixed(2)}`);
      }
    }
    return [...out].map(([path, reason]) => ({ path, reason }));
  });
}
