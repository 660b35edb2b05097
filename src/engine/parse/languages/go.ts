// go: grammar, file types and export rule; queries live in grammars/go/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const go: LanguageSpec = {
  id: 'go',
  wasm: 'tree-sitter-go/tree-sitter-go.wasm',
  extensions: ['.go'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
