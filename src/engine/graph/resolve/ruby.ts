// Ruby require resolver. `require_relative` resolves next to the file; `require` against `lib/`,
// the project root, every `lib/` directory enclosing the file and the `lib/` beside each folder
// enclosing it (a gem's spec/, test/ and exe/ files load from the gem's lib/, also in a monorepo),
// else it names a gem (its first path segment).
import { firstFile } from './project.js';
import { ancestors, basename, dirname, join } from './paths.js';
import { resolveRecords } from './result.js';
import type { LanguageResolver } from './types.js';

/** Gem name: `active_support/core_ext` → `active_support`. */
export const rubyPackageName = (specifier: string): string => specifier.split('/')[0] ?? specifier;

const withExtension = (spec: string): string => (spec.endsWith('.rb') ? spec : `${spec}.rb`);

export function createRubyResolver(): LanguageResolver {
  return {
    inputs: [],
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => {
      const rel = withExtension(record.specifier);
      if (record.form === 'require_relative') {
        const file = firstFile(view, [join(dirname(from), rel)]);
        return file ? sink.edge(file) : sink.unresolved();
      }
      const dirs = ancestors(dirname(from));
      const enclosing = dirs.filter((d) => basename(d) === 'lib');
      const beside = dirs.filter((d) => d !== '').map((d) => join(d, 'lib')!);
      const file = firstFile(view, ['lib', '', ...enclosing, ...beside].map((d) => join(d, rel)));
      if (file) sink.edge(file);
      else sink.external(rubyPackageName(record.specifier));
    }),
  };
}
