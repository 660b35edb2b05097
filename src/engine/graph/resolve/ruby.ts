// Ruby require resolver. `require_relative` resolves next to the file; `require` against `lib/`,
// the project root and every `lib/` directory enclosing the file (gems in a monorepo), else it
// names a gem (its first path segment).
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
      const libs = ancestors(dirname(from)).filter((d) => basename(d) === 'lib');
      const file = firstFile(view, ['lib', '', ...libs].map((d) => join(d, rel)));
      if (file) sink.edge(file);
      else sink.external(rubyPackageName(record.specifier));
    }),
  };
}
