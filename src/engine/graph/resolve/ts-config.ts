// tsconfig.json / jsconfig.json module-resolution settings: the nearest config above a file,
// `extends` chains of relative files, `baseUrl`, and `paths` matching with TypeScript's
// longest-prefix rule. Parsed configs are cached for the resolver's lifetime.
import { matchStarKey } from './glob.js';
import { asObject, asStrings, readJsonObject } from './jsonc.js';
import { ancestors, dirname, join } from './paths.js';
import type { ProjectView } from './types.js';

export const TS_CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'] as const;

export interface ModuleSettings {
  /** Resolved `baseUrl` directory. */
  baseUrl?: string;
  /** `paths` patterns in declaration order, and the directory their targets are relative to. */
  paths?: { entries: Array<[string, string[]]>; base: string };
}

interface RawSettings {
  baseUrl?: string;
  paths?: Array<[string, string[]]>;
  pathsDir?: string;
}

export class TsConfigs {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, RawSettings>();

  /** Settings of the nearest config above `from`, or undefined when there is none. */
  settingsFor(view: ProjectView, from: string): ModuleSettings | undefined {
    const config = this.nearestConfig(view, dirname(from));
    if (config === undefined) return undefined;
    const raw = this.load(view, config, new Set());
    const base = raw.baseUrl ?? raw.pathsDir;
    return {
      ...(raw.baseUrl !== undefined && { baseUrl: raw.baseUrl }),
      ...(raw.paths && base !== undefined && { paths: { entries: raw.paths, base } }),
    };
  }

  private nearestConfig(view: ProjectView, dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    let found: string | undefined;
    for (const d of ancestors(dir)) {
      found = TS_CONFIG_NAMES.map((n) => join(d, n)).find((p) => p !== undefined && view.files.has(p));
      if (found) break;
    }
    this.nearest.set(dir, found);
    return found;
  }

  private load(view: ProjectView, path: string, seen: Set<string>): RawSettings {
    const cached = this.loaded.get(path);
    if (cached) return cached;
    if (seen.has(path)) return {};
    seen.add(path);
    const json = readJsonObject(view, path) ?? {};
    const dir = dirname(path);
    const merged: RawSettings = {};
    for (const ext of asStrings(json.extends)) {
      if (!ext.startsWith('.')) continue;
      const target = join(dir, ext);
      if (target === undefined) continue;
      const file = view.files.has(target) || target.endsWith('.json') ? target : `${target}.json`;
      Object.assign(merged, this.load(view, file, seen));
    }
    const options = asObject(json.compilerOptions) ?? {};
    if (typeof options.baseUrl === 'string') {
      const baseUrl = join(dir, options.baseUrl);
      if (baseUrl !== undefined) merged.baseUrl = baseUrl;
    }
    const paths = asObject(options.paths);
    if (paths) {
      merged.paths = Object.entries(paths).map(([k, v]) => [k, asStrings(v)]);
      merged.pathsDir = dir;
    }
    this.loaded.set(path, merged);
    return merged;
  }
}

/** Candidate paths for `specifier` under `paths`: the exact key, else the wildcard key with the longest prefix. */
export function matchPaths(paths: NonNullable<ModuleSettings['paths']>, specifier: string): string[] {
  const match = matchStarKey(paths.entries, specifier);
  if (!match) return [];
  const { value: targets, star } = match;
  return targets.flatMap((t) => join(paths.base, star === undefined ? t : t.replace('*', star)) ?? []);
}
