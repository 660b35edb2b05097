// Lookups over a ProjectView's file set: existence probing, directory listings and a basename
// index. Listings are built once per `files` snapshot (rebuilt when the set's size changes), so a
// caller must hand resolvers a fresh or size-changed set after files are added or removed.
import { basename, dirname } from './paths.js';
import type { ProjectView } from './types.js';

export interface FileIndex {
  /** Every directory holding a file, with all its ancestors ('' included). */
  readonly dirs: ReadonlySet<string>;
  /** Files directly inside `dir`, sorted. */
  filesIn(dir: string): readonly string[];
  /** Files with this basename anywhere, sorted. */
  withBasename(name: string): readonly string[];
  /** Directories (with their ancestors) holding, at any depth, a file whose name ends with `suffix`. */
  dirsContaining(suffix: string): ReadonlySet<string>;
}

const cache = new WeakMap<ReadonlySet<string>, { size: number; index: FileIndex }>();

export function fileIndex(view: ProjectView): FileIndex {
  const hit = cache.get(view.files);
  if (hit && hit.size === view.files.size) return hit.index;
  const index = buildIndex([...view.files].sort());
  cache.set(view.files, { size: view.files.size, index });
  return index;
}

function buildIndex(files: readonly string[]): FileIndex {
  const dirs = new Set<string>(['']);
  const byDir = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const dir = dirname(file);
    push(byDir, dir, file);
    push(byName, basename(file), file);
    for (let d = dir; !dirs.has(d); d = dirname(d)) dirs.add(d);
  }
  const bySuffix = new Map<string, Set<string>>();
  const containing = (suffix: string): Set<string> => {
    const out = new Set<string>();
    for (const file of files) {
      if (!file.endsWith(suffix)) continue;
      for (let d = dirname(file); !out.has(d); d = dirname(d)) {
        out.add(d);
        if (d === '') break;
      }
    }
    return out;
  };
  return {
    dirs,
    filesIn: (dir) => byDir.get(dir) ?? [],
    withBasename: (name) => byName.get(name) ?? [],
    dirsContaining: (suffix) => {
      let set = bySuffix.get(suffix);
      if (!set) bySuffix.set(suffix, (set = containing(suffix)));
      return set;
    },
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first candidate that is a project file. */
export function firstFile(view: ProjectView, candidates: Iterable<string | undefined>): string | undefined {
  for (const c of candidates) if (c !== undefined && view.files.has(c)) return c;
  return undefined;
}

/** Project files with the given basename (e.g. every `Cargo.toml`), sorted. */
export function manifests(view: ProjectView, name: string): readonly string[] {
  return fileIndex(view).withBasename(name);
}
