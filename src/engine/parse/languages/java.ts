// java: grammar, file types and export rule; queries live in grammars/java/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const java: LanguageSpec = {
  id: 'java',
  wasm: 'tree-sitter-java/tree-sitter-java.wasm',
  extensions: ['.java'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
