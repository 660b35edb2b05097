// csharp: grammar, file types and export rule; queries live in grammars/csharp/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const csharp: LanguageSpec = {
  id: 'csharp',
  wasm: 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
  extensions: ['.cs'],
  shebangs: [],
  commentTypes: ['comment'],
  isExported: () => true,
};
