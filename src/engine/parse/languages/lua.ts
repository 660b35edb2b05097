// lua: grammar, file types and export rule; queries live in grammars/lua/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const lua: LanguageSpec = {
  id: 'lua',
  wasm: '@tree-sitter-grammars/tree-sitter-lua/tree-sitter-lua.wasm',
  extensions: ['.lua'],
  shebangs: ['lua'],
  commentTypes: ['comment'],
  isExported: () => true,
};
