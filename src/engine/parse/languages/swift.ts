// swift: grammar (tree-sitter-wasms build; loads in web-tree-sitter 0.25), file types and export
// rule; queries live in grammars/swift/. A declaration is exported unless it, or a type or
// extension around it, is `private`/`fileprivate`.
import type { Node } from 'web-tree-sitter';
import type { LanguageSpec } from '../spec.js';

const CONTAINERS = ['class_declaration', 'protocol_declaration'];

function isHidden(node: Node): boolean {
  const modifiers = node.children.find((c) => c?.type === 'modifiers');
  if (!modifiers) return false;
  return modifiers.children.some((m) => m?.type === 'visibility_modifier' && /^(private|fileprivate)$/.test(m.text));
}

export const swift: LanguageSpec = {
  id: 'swift',
  wasm: 'tree-sitter-wasms/out/tree-sitter-swift.wasm',
  extensions: ['.swift'],
  shebangs: [],
  commentTypes: ['comment', 'multiline_comment'],
  typedParams: 'all',
  // Attributes (`@objc`) sit inside the declaration's `modifiers`, not before it, so no decoratorTypes.
  isExported: (ctx) => {
    if (ctx.parentExported === false) return false;
    if (isHidden(ctx.node)) return false;
    // Members of a private extension are private too (extensions are scopes, not symbols).
    for (let p = ctx.node.parent; p; p = p.parent) {
      if (CONTAINERS.includes(p.type) && isHidden(p)) return false;
    }
    return true;
  },
};
