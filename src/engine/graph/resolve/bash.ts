// Bash `source`/`.` resolver: the path relative to the sourcing file, then to the project root.
// Absolute and home paths are outside the project (external). The extractor skips paths built
// from variables, so specifiers are literal.
import { firstFile } from './project.js';
import { dirname, join } from './paths.js';
import { resolveRecords } from './result.js';
import type { LanguageResolver } from './types.js';

/** A sourced file outside the project is named by its path. */
export const bashPackageName = (specifier: string): string => specifier;

export function createBashResolver(): LanguageResolver {
  return {
    inputs: [],
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => {
      const spec = record.specifier;
      if (spec.startsWith('/') || spec.startsWith('~')) return sink.external(bashPackageName(spec));
      const file = firstFile(view, [join(dirname(from), spec), join(spec)]);
      if (file) sink.edge(file);
      else sink.unresolved();
    }),
  };
}
