// php: grammar, file types and export rule; queries live in grammars/php/.
// Top-level functions, classes and constants are exported; members are exported when they are
// public (or have no visibility modifier) and their type is.
import type { LanguageSpec } from '../spec.js';

export const php: LanguageSpec = {
  id: 'php',
  wasm: 'tree-sitter-php/tree-sitter-php.wasm',
  extensions: ['.php'],
  shebangs: ['php'],
  commentTypes: ['comment'],
  // Attributes (#[...]) are children of the declaration: signatures start after them.
  decoratorTypes: ['attribute_list'],
  typedParams: 'captured',
  isExported: (ctx) => {
    if (ctx.topLevel) return true;
    if (ctx.parentExported === false) return false;
    const modifier = ctx.node.children.find((c) => c?.type === 'visibility_modifier');
    return !modifier || modifier.text.toLowerCase() === 'public';
  },
};
