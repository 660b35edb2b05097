// kotlin: grammar, file types and export rule; queries live in grammars/kotlin/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const kotlin: LanguageSpec = {
  id: 'kotlin',
  wasm: '@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm',
  extensions: ['.kt', '.kts'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
