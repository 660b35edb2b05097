// swift: grammar, file types and export rule; queries live in grammars/swift/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const swift: LanguageSpec = {
  id: 'swift',
  wasm: 'tree-sitter-wasms/out/tree-sitter-swift.wasm',
  extensions: ['.swift'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
