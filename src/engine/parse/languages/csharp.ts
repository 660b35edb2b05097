// csharp: grammar, file types and export rule; queries live in grammars/csharp/.
// Exported = `public` (top-level types need it; members need it and an exported parent).
// Interface members are implicitly public unless `private`; enum members and record positional
// parameters are as visible as their type. Attributes are children of the declaration node, so
// start lines include them; `///` XML doc lines above a declaration are its doc comment.
import type { Node } from 'web-tree-sitter';
import { hasModifier, type ExportContext, type LanguageSpec } from '../spec.js';

/** `int a, b;` symbols are declarators; the modifiers are on the field declaration. */
function declarationOf(node: Node): Node {
  let n = node;
  while ((n.type === 'variable_declarator' || n.type === 'variable_declaration') && n.parent) n = n.parent;
  return n;
}

function isExported(ctx: ExportContext): boolean {
  const node = declarationOf(ctx.node);
  if (ctx.topLevel) return hasModifier(node, 'public');
  if (!ctx.parentExported) return false;
  if (node.type === 'enum_member_declaration' || node.type === 'parameter') return true;
  if (node.parent?.parent?.type === 'interface_declaration') return !hasModifier(node, 'private');
  return hasModifier(node, 'public');
}

export const csharp: LanguageSpec = {
  id: 'csharp',
  wasm: 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
  extensions: ['.cs'],
  shebangs: [],
  commentTypes: ['comment'],
  // Lets a declarator symbol (`int a, b;`) find the doc comment above its declaration.
  wrapperTypes: ['variable_declaration', 'field_declaration', 'event_field_declaration'],
  isExported,
};
