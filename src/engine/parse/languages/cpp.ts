// cpp: grammar, file types and export rule; queries live in grammars/cpp/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const cpp: LanguageSpec = {
  id: 'cpp',
  wasm: 'tree-sitter-cpp/tree-sitter-cpp.wasm',
  extensions: ['.cc', '.cpp', '.cxx', '.hpp', '.hh', '.hxx'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
