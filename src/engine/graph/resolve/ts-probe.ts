// TS/JS file probing: extension and `/index.*` completion, `.js`-written specifiers of `.ts`
// sources, and the mapping of a package's built entry (`dist/x.js`) back to its source (`src/x.ts`).
import { firstFile } from './project.js';
import { join } from './paths.js';
import type { ProjectView } from './types.js';

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SOURCE_FOR_OUTPUT: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
  '.jsx': ['.tsx'],
};

/** The file a module path (no extension, `.js` for `.ts`, exact, or a directory) denotes. */
export function probe(view: ProjectView, base: string | undefined): string | undefined {
  return base === undefined ? undefined : firstFile(view, candidates(base));
}

function* candidates(base: string): Generator<string | undefined> {
  const ext = /\.[cm]?jsx?$/.exec(base)?.[0];
  if (ext) for (const src of SOURCE_FOR_OUTPUT[ext] ?? []) yield base.slice(0, -ext.length) + src;
  if (base !== '') yield base;
  for (const e of EXTENSIONS) yield base + e;
  for (const e of EXTENSIONS) yield join(base, `index${e}`);
}

/** A package entry (`dist/index.js`, `lib/index.d.ts`) as a project file, else its `src/` counterpart. */
export function probeEntry(view: ProjectView, pkgDir: string, entry: string): string | undefined {
  const direct = probe(view, join(pkgDir, entry));
  if (direct) return direct;
  const rel = join(entry);
  if (rel === undefined || !/^(dist|lib|build|out)\//.test(rel)) return undefined;
  const source = rel.replace(/^[^/]+\//, 'src/').replace(/\.d\.([cm]?ts)$/, '.$1');
  return probe(view, join(pkgDir, source));
}
