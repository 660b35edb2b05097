// scala: grammar, file types and export rule; queries live in grammars/scala/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const scala: LanguageSpec = {
  id: 'scala',
  wasm: 'tree-sitter-scala/tree-sitter-scala.wasm',
  extensions: ['.scala', '.sc'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
