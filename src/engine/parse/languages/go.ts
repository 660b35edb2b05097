// go: grammar, file types and export rule; queries live in grammars/go/.
// Exported = the name starts with an upper-case letter. An unaliased import binds the package
// name, taken from the import path: its last segment, skipping a `/vN` major-version suffix and
// dropping a `.vN` suffix (`gopkg.in/yaml.v3` → `yaml`).
import { isCapitalised, type LanguageSpec } from '../spec.js';
import type { ImportBinding } from '../../model.js';

export function goPackageName(path: string): string {
  const parts = path.split('/').filter(Boolean);
  let last = parts[parts.length - 1] ?? path;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  return last.replace(/\.v\d+$/, '');
}

export const go: LanguageSpec = {
  id: 'go',
  wasm: 'tree-sitter-go/tree-sitter-go.wasm',
  extensions: ['.go'],
  shebangs: [],
  commentTypes: ['comment'],
  typedParams: 'all',
  isExported: (ctx) => isCapitalised(ctx.name),
  defaultBinding: (specifier): ImportBinding => ({ local: goPackageName(specifier), imported: '*' }),
};
