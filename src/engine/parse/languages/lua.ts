// lua: grammar, file types and export rule; queries live in grammars/lua/.
// Everything not declared `local` is a global and counts as exported; `function M.f()` is
// exported because it is a field of a (usually returned) module table.
import type { LanguageSpec } from '../spec.js';

export const lua: LanguageSpec = {
  id: 'lua',
  wasm: '@tree-sitter-grammars/tree-sitter-lua/tree-sitter-lua.wasm',
  extensions: ['.lua'],
  shebangs: ['lua'],
  commentTypes: ['comment'],
  // `local x = …` wraps the assignment; a doc comment sits above the `local` statement.
  wrapperTypes: ['variable_declaration'],
  isExported: (ctx) => {
    for (let n: typeof ctx.node | null = ctx.node; n && n.type !== 'chunk'; n = n.parent) {
      if (n.type === 'variable_declaration') return false;
      if (n.type === 'function_declaration') return !n.children.some((c) => c?.type === 'local');
    }
    return true;
  },
};
