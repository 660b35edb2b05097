// ruby: grammar, file types and export rule; queries live in grammars/ruby/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const ruby: LanguageSpec = {
  id: 'ruby',
  wasm: 'tree-sitter-ruby/tree-sitter-ruby.wasm',
  extensions: ['.rb'],
  shebangs: ['ruby'],
  commentTypes: ['comment'],
  isExported: () => true,
};
