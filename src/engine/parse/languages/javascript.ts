// javascript: grammar, file types and export rule; queries live in grammars/javascript/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const javascript: LanguageSpec = {
  id: 'javascript',
  wasm: 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  extensions: ['.js', '.mjs', '.cjs', '.jsx'],
  shebangs: ['node'],
  commentTypes: ['comment'],
  isExported: () => true,
};
