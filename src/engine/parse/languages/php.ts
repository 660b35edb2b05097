// php: grammar, file types and export rule; queries live in grammars/php/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const php: LanguageSpec = {
  id: 'php',
  wasm: 'tree-sitter-php/tree-sitter-php.wasm',
  extensions: ['.php'],
  shebangs: ['php'],
  commentTypes: ['comment'],
  isExported: () => true,
};
