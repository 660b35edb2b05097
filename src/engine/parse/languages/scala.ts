// scala: grammar, file types and export rule; queries live in grammars/scala/.
// Exported = public (Scala's default) unless `private`/`protected` (including qualified forms
// such as `private[pkg]`); nested symbols also need an exported parent. Annotations are children
// of the definition node, so start lines already include them. Scaladoc is a `block_comment`.
import type { Node } from 'web-tree-sitter';
import type { ExportContext, LanguageSpec } from '../spec.js';

function isHidden(node: Node): boolean {
  const modifiers = node.children.find((c) => c?.type === 'modifiers');
  if (!modifiers) return false;
  return modifiers.children.some((m) => m?.type === 'access_modifier' && /^(private|protected)\b/.test(m.text));
}

function isExported(ctx: ExportContext): boolean {
  if (!ctx.topLevel && !ctx.parentExported) return false;
  return !isHidden(ctx.node);
}

export const scala: LanguageSpec = {
  id: 'scala',
  wasm: 'tree-sitter-scala/tree-sitter-scala.wasm',
  extensions: ['.scala', '.sc'],
  shebangs: [],
  commentTypes: ['comment', 'block_comment'],
  // Annotations are children of the definition: the signature starts after them.
  decoratorTypes: ['annotation'],
  typedParams: 'all',
  isExported,
};
