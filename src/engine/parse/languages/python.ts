// python: grammar, file types and export rule; queries live in grammars/python/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const python: LanguageSpec = {
  id: 'python',
  wasm: 'tree-sitter-python/tree-sitter-python.wasm',
  extensions: ['.py', '.pyi'],
  shebangs: ['python', 'python3', 'python2'],
  commentTypes: ['comment'],
  isExported: () => true,
};
