// rust: grammar, file types and export rule; queries live in grammars/rust/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const rust: LanguageSpec = {
  id: 'rust',
  wasm: 'tree-sitter-rust/tree-sitter-rust.wasm',
  extensions: ['.rs'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
