// csharp: grammar, file types and export rule; queries live in grammars/csharp/.
// Exported = `public` (top-level types need it; members need it and an exported parent).
// Interface members are implicitly public unless `private`; enum members and record positional
// parameters are as visible as their type. Attributes are children of the declaration node, so
// start lines include them and signatures skip them; `///` lines above a declaration are its doc.
import { hasModifier, type ExportContext, type LanguageSpec } from '../spec.js';

function isExported(ctx: ExportContext): boolean {
  const { node } = ctx;
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
  // Attribute lists are children of the declaration: the signature starts after them.
  decoratorTypes: ['attribute_list'],
  // `params T[] rest` is not wrapped in a parameter node: its type node stands for the parameter.
  paramTypes: ['parameter', 'array_type', 'generic_name'],
  typedParams: 'all',
  isExported,
};
