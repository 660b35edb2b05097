// package.json resolution for TS/JS: workspace packages (npm/yarn `workspaces`, pnpm-workspace.yaml)
// by name, their `exports` (string, `.` map, conditions, subpath patterns) or `main`/`module`/
// `types` entries, and `imports` (`#internal`) of the package enclosing a file.
import { parse as parseYaml } from 'yaml';
import { matchStarKey, matchesGlobs } from './glob.js';
import { asObject, asStrings, readJsonObject, type JsonObject } from './jsonc.js';
import { manifests } from './project.js';
import { ancestors, dirname, join } from './paths.js';
import { probe, probeEntry } from './ts-probe.js';
import type { ProjectView } from './types.js';

const CONDITIONS: ReadonlySet<string> = new Set(['types', 'import', 'require', 'node', 'default']);
const ENTRY_FIELDS = ['main', 'module', 'types', 'typings'] as const;

export interface Package { dir: string; json: JsonObject }

export class Packages {
  private workspaceMap: Map<string, Package> | undefined;
  private readonly enclosing = new Map<string, Package | undefined>();

  /** Workspace package by name. */
  workspace(view: ProjectView, name: string): Package | undefined {
    this.workspaceMap ??= loadWorkspaces(view);
    return this.workspaceMap.get(name);
  }

  /** The package.json nearest above `from`. */
  enclosingPackage(view: ProjectView, from: string): Package | undefined {
    const dir = dirname(from);
    if (!this.enclosing.has(dir)) {
      const path = ancestors(dir).map((d) => join(d, 'package.json')!).find((p) => view.files.has(p));
      const json = path === undefined ? undefined : readJsonObject(view, path);
      this.enclosing.set(dir, json && path !== undefined ? { dir: dirname(path), json } : undefined);
    }
    return this.enclosing.get(dir);
  }
}

function loadWorkspaces(view: ProjectView): Map<string, Package> {
  const root = readJsonObject(view, 'package.json') ?? {};
  const ws = root.workspaces;
  const globs = [...asStrings(ws), ...asStrings(asObject(ws)?.packages), ...pnpmGlobs(view)];
  const out = new Map<string, Package>();
  if (globs.length === 0) return out;
  for (const path of manifests(view, 'package.json')) {
    const dir = dirname(path);
    if (dir === '' || dir.split('/').includes('node_modules') || !matchesGlobs(dir, globs)) continue;
    const json = readJsonObject(view, path);
    if (json && typeof json.name === 'string' && !out.has(json.name)) out.set(json.name, { dir, json });
  }
  return out;
}

function pnpmGlobs(view: ProjectView): string[] {
  const text = view.readText('pnpm-workspace.yaml');
  if (text === undefined) return [];
  try {
    return asStrings(asObject(parseYaml(text))?.packages);
  } catch {
    return [];
  }
}

/** The file a package subpath (`.` or `./sub`) denotes, through `exports` or the entry fields. */
export function resolvePackageSubpath(view: ProjectView, pkg: Package, subpath: string): string | undefined {
  const { exports } = pkg.json;
  if (exports !== undefined && exports !== null) {
    const map = asObject(exports);
    const subpaths = map && Object.keys(map).some((k) => k.startsWith('.')) ? map : { '.': exports };
    return firstEntry(view, pkg.dir, matchSubpath(subpaths, subpath));
  }
  if (subpath !== '.') return probe(view, join(pkg.dir, subpath));
  const entries = ENTRY_FIELDS.flatMap((f) => asStrings(pkg.json[f]));
  return firstEntry(view, pkg.dir, entries) ?? probe(view, join(pkg.dir, 'index'));
}

/** Target strings of a package `imports` key (`#internal`), in preference order: `./` paths or bare specifiers. */
export function matchImports(pkg: Package, specifier: string): string[] {
  const imports = asObject(pkg.json.imports);
  return imports ? matchSubpath(imports, specifier) : [];
}

function firstEntry(view: ProjectView, dir: string, entries: readonly string[]): string | undefined {
  for (const e of entries) {
    const file = probeEntry(view, dir, e);
    if (file) return file;
  }
  return undefined;
}

/** Targets for `key` in an exports/imports map: an exact key, else the pattern key with the longest prefix. */
function matchSubpath(map: JsonObject, key: string): string[] {
  const match = matchStarKey(Object.entries(map), key);
  return match ? flatten(match.value, match.star) : [];
}

/** Target strings in preference order: arrays in order, condition objects by key order over known conditions. */
function flatten(value: unknown, star: string | undefined): string[] {
  if (typeof value === 'string') return [star === undefined ? value : value.replaceAll('*', star)];
  if (Array.isArray(value)) return value.flatMap((v) => flatten(v, star));
  const obj = asObject(value);
  if (!obj) return [];
  return Object.entries(obj).flatMap(([cond, v]) => (CONDITIONS.has(cond) ? flatten(v, star) : []));
}
