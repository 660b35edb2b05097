// TypeScript/JavaScript import resolver: relative specifiers, tsconfig `paths`/`baseUrl`,
// package.json `imports` (`#x`), workspace packages by name; other bare specifiers are external.
import type { ImportRecord } from '../../model.js';
import { dirname, join } from './paths.js';
import { resolveRecords, type Sink } from './result.js';
import { TS_CONFIG_NAMES, TsConfigs, matchPaths } from './ts-config.js';
import { Packages, matchImports, resolvePackageSubpath } from './ts-packages.js';
import { probe, probeEntry } from './ts-probe.js';
import type { LanguageResolver, ProjectView } from './types.js';

/** Config basenames that invalidate resolution; `extends` targets with other names are not tracked. */
export const TYPESCRIPT_INPUTS = [...TS_CONFIG_NAMES, 'tsconfig.base.json', 'package.json', 'pnpm-workspace.yaml'] as const;

/** `@scope/pkg`, `pkg`, `node:fs`, `https://host` for the corresponding specifiers. */
export function tsPackageName(specifier: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(specifier);
  if (url) return url[0];
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const isRelative = (s: string): boolean => s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../') || s.startsWith('/');

export function createTypeScriptResolver(): LanguageResolver {
  const configs = new TsConfigs();
  const packages = new Packages();

  function resolveBare(view: ProjectView, specifier: string, sink: Sink): void {
    const name = tsPackageName(specifier);
    const pkg = name.includes(':') ? undefined : packages.workspace(view, name);
    if (!pkg) return sink.external(name);
    const file = resolvePackageSubpath(view, pkg, `.${specifier.slice(name.length)}`);
    if (file) sink.edge(file);
    else sink.unresolved();
  }

  function resolveHash(view: ProjectView, from: string, specifier: string, sink: Sink): void {
    const pkg = packages.enclosingPackage(view, from);
    if (!pkg) return sink.unresolved();
    for (const target of matchImports(pkg, specifier)) {
      if (!target.startsWith('./')) return resolveBare(view, target, sink);
      const file = probeEntry(view, pkg.dir, target);
      if (file) return sink.edge(file);
    }
    sink.unresolved();
  }

  function resolveOne(view: ProjectView, from: string, record: ImportRecord, sink: Sink): void {
    const spec = record.specifier;
    if (spec === '') return sink.unresolved();
    if (isRelative(spec)) {
      const file = probe(view, spec.startsWith('/') ? join(spec) : join(dirname(from), spec));
      return file ? sink.edge(file) : sink.unresolved();
    }
    if (spec.startsWith('#')) return resolveHash(view, from, spec, sink);
    const settings = configs.settingsFor(view, from);
    const viaPaths = settings?.paths ? matchPaths(settings.paths, spec).map((c) => probe(view, c)).find(Boolean) : undefined;
    const file = viaPaths ?? (settings?.baseUrl !== undefined ? probe(view, join(settings.baseUrl, spec)) : undefined);
    if (file) return sink.edge(file);
    resolveBare(view, spec, sink);
  }

  return {
    inputs: TYPESCRIPT_INPUTS,
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => resolveOne(view, from, record, sink)),
  };
}
