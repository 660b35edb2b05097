// bash: grammar, file types and export rule; queries live in grammars/bash/.
// A sourced script sees every function and variable of the file, so everything is exported.
import type { LanguageSpec } from '../spec.js';

export const bash: LanguageSpec = {
  id: 'bash',
  wasm: 'tree-sitter-bash/tree-sitter-bash.wasm',
  extensions: ['.sh', '.bash', '.zsh'],
  shebangs: ['bash', 'sh', 'zsh'],
  commentTypes: ['comment'],
  // `local f=1; f` still calls the function f: variables and functions are separate namespaces.
  callsIgnoreLocals: true,
  isExported: () => true,
};
