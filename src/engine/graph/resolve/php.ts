// PHP resolver. `use A\B\C` → composer.json PSR-4 maps (`autoload`/`autoload-dev`, every
// composer.json in the project, paths relative to it), else the file of namespace A\B defining C,
// else (a namespace import) the files of namespace A\B\C; names under a PSR-4 prefix or a
// declared namespace that match nothing are unresolved. `require`/`include` paths resolve next to
// the file, then from the root. Unknown namespaces are external (vendor = first two segments).
import type { ImportRecord } from '../../model.js';
import { asObject, asStrings, readJsonObject } from './jsonc.js';
import { firstFile, manifests } from './project.js';
import { dirname, join } from './paths.js';
import { resolveRecords, type Sink } from './result.js';
import type { LanguageResolver, ProjectView } from './types.js';

export const PHP_INPUTS = ['composer.json'] as const;

/** Vendor package: `Symfony\Component\HttpFoundation\Request` → `Symfony\Component`. */
export function phpPackageName(specifier: string): string {
  return specifier.replace(/^\\/, '').split('\\').slice(0, 2).join('\\');
}

interface Psr4Entry { prefix: string; dirs: string[] }

function loadPsr4(view: ProjectView): Psr4Entry[] {
  const entries: Psr4Entry[] = [];
  for (const manifest of manifests(view, 'composer.json')) {
    const json = readJsonObject(view, manifest) ?? {};
    for (const section of [json.autoload, json['autoload-dev']]) {
      const map = asObject(asObject(section)?.['psr-4']) ?? {};
      for (const [prefix, dirs] of Object.entries(map)) {
        const joined = asStrings(dirs).flatMap((d) => join(dirname(manifest), d) ?? []);
        entries.push({ prefix: prefix.replace(/^\\/, ''), dirs: joined });
      }
    }
  }
  return entries.sort((a, b) => b.prefix.length - a.prefix.length);
}

const namespaceFiles = (view: ProjectView, ns: string): string[] =>
  view.filesDeclaringNamespace(ns).filter((f) => f.endsWith('.php'));

export function createPhpResolver(): LanguageResolver {
  let psr4: Psr4Entry[] | undefined;

  /** The PSR-4 file of a class name, or 'claimed' when a prefix covers it but no file exists. */
  function classFile(view: ProjectView, name: string): string | 'claimed' | undefined {
    psr4 ??= loadPsr4(view);
    let claimed = false;
    for (const { prefix, dirs } of psr4) {
      if (!name.startsWith(prefix)) continue;
      claimed ||= prefix !== '';
      const rel = `${name.slice(prefix.length).replace(/\\/g, '/')}.php`;
      const file = firstFile(view, dirs.map((d) => join(d, rel)));
      if (file) return file;
    }
    return claimed ? 'claimed' : undefined;
  }

  function resolveName(view: ProjectView, name: string, sink: Sink): void {
    const file = classFile(view, name);
    if (file !== undefined && file !== 'claimed') return sink.edge(file);
    const cut = name.lastIndexOf('\\');
    const parent = cut < 0 ? [] : namespaceFiles(view, name.slice(0, cut));
    const typed = view.filesDefiningType(name.slice(cut + 1)).filter((f) => parent.includes(f));
    const targets = typed.length ? typed : namespaceFiles(view, name);
    if (targets.length) targets.forEach((f) => sink.edge(f));
    else if (parent.length || file === 'claimed') sink.unresolved();
    else sink.external(phpPackageName(name));
  }

  function resolveOne(view: ProjectView, from: string, record: ImportRecord, sink: Sink): void {
    if (record.form === 'require') {
      const path = record.specifier.replace(/^\/+/, '');
      const file = firstFile(view, [join(dirname(from), path), join(path)]);
      return file ? sink.edge(file) : sink.unresolved();
    }
    const spec = record.specifier.replace(/^\\/, '');
    // A group use (`use A\{B, C as D}`) has specifier `A` and names its members in the bindings.
    if (record.form === 'group') record.bindings.forEach((b) => resolveName(view, `${spec}\\${b.imported}`, sink));
    else resolveName(view, spec, sink);
  }

  return {
    inputs: PHP_INPUTS,
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => resolveOne(view, from, record, sink)),
  };
}
