// bash: grammar, file types and export rule; queries live in grammars/bash/.
// STUB: the language owner replaces this with the real export rule and comment/decorator types.
import type { LanguageSpec } from '../spec.js';

export const bash: LanguageSpec = {
  id: 'bash',
  wasm: 'tree-sitter-bash/tree-sitter-bash.wasm',
  extensions: ['.sh', '.bash', '.zsh'],
  shebangs: ['bash', 'sh', 'zsh'],
  commentTypes: ['comment'],
  isExported: () => true,
};
