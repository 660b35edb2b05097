// rust: grammar, file types and export rule; queries live in grammars/rust/.
// Exported = a `pub` visibility (`pub(crate)`, `pub(super)`, `pub(in …)` included: visible to
// other files; `pub(self)` is private). Nested items: trait items, enum variants and variant
// fields follow their parent; struct fields and module items need `pub` and an exported parent;
// items of an impl block need a public type (when that type is declared in the same module) and,
// in an inherent impl, `pub`. Items declared inside a function body are never exported.
// `macro_rules!` macros are exported with `#[macro_export]`.
import type { Node } from 'web-tree-sitter';
import { hasAncestorOfType, type ExportContext, type LanguageSpec } from '../spec.js';

function isPub(node: Node): boolean {
  const vis = node.children.find((c) => c?.type === 'visibility_modifier');
  return !!vis && vis.text.replace(/\s+/g, '') !== 'pub(self)';
}

function hasMacroExport(node: Node): boolean {
  for (let s = node.previousNamedSibling; s && (s.type === 'attribute_item' || s.type.endsWith('comment')); s = s.previousNamedSibling) {
    if (s.type === 'attribute_item' && /^#\[\s*macro_export\b/.test(s.text)) return true;
  }
  return false;
}

const TYPE_ITEMS = ['struct_item', 'enum_item', 'union_item', 'trait_item', 'type_item'];

/** Whether the type an impl block is for is public: looked up among the impl's sibling items; a type
 * declared elsewhere (or a primitive/foreign type) counts as public. */
function implTypeIsPub(impl: Node): boolean {
  let type = impl.childForFieldName('type');
  while (type && (type.type === 'generic_type' || type.type === 'reference_type')) type = type.childForFieldName('type');
  if (!type || type.type !== 'type_identifier' || !impl.parent) return true;
  const name = type.text;
  for (const item of impl.parent.namedChildren) {
    if (item && TYPE_ITEMS.includes(item.type) && item.childForFieldName('name')?.text === name) return isPub(item);
  }
  return true;
}

/** The item that owns the list this node sits in (`impl_item`, `trait_item`, `struct_item` …), if any. */
function container(node: Node): Node | null {
  const list = node.parent;
  if (!list || !['declaration_list', 'field_declaration_list', 'enum_variant_list'].includes(list.type)) return null;
  return list.parent;
}

export function isExportedRust(ctx: ExportContext): boolean {
  const node = ctx.node;
  if (hasAncestorOfType(node, ['function_item', 'closure_expression'])) return false;
  const owner = container(node);
  const parentOk = ctx.parentExported ?? true;
  switch (owner?.type) {
    // Trait items, enum variants and the fields of a variant are as public as their parent.
    case 'trait_item': case 'enum_item': case 'enum_variant': return ctx.parentExported ?? false;
    case 'impl_item':
      return parentOk && implTypeIsPub(owner) && (owner.childForFieldName('trait') !== null || isPub(node));
    default:
      if (node.type === 'macro_definition') return parentOk && hasMacroExport(node);
      return (ctx.topLevel || parentOk) && isPub(node);
  }
}

export const rust: LanguageSpec = {
  id: 'rust',
  wasm: 'tree-sitter-rust/tree-sitter-rust.wasm',
  extensions: ['.rs'],
  shebangs: [],
  commentTypes: ['line_comment', 'block_comment'],
  decoratorTypes: ['attribute_item'],
  typedParams: 'captured',
  isExported: isExportedRust,
  // No defaultBinding: every binding is captured explicitly, and `use a::*` binds nothing.
};
