// c: grammar, file types and export rule; queries live in grammars/c/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const c: LanguageSpec = {
  id: 'c',
  wasm: 'tree-sitter-c/tree-sitter-c.wasm',
  extensions: ['.c', '.h'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
