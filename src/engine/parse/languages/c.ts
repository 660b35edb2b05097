// c: grammar, file types and export rule; queries live in grammars/c/. `.h` files are C.
// Exported: in a header (include guard or `#pragma once`) every top-level symbol and its members;
// elsewhere top-level functions and variables that are not `static`. Helpers are shared with C++.
import type { Node, Tree } from 'web-tree-sitter';
import type { ExportContext, LanguageSpec } from '../spec.js';

const headerCache = new WeakMap<Tree, boolean>();

/** True when the file looks like a header: `#pragma once`, or an include guard around it all. */
export function isHeaderTree(root: Node): boolean {
  const cached = headerCache.get(root.tree);
  if (cached !== undefined) return cached;
  let header = false;
  for (const child of root.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'preproc_call' && /^#\s*pragma$/.test(child.childForFieldName('directive')?.text ?? '')
      && /^\s*once\b/.test(child.childForFieldName('argument')?.text ?? '')) {
      header = true;
      break;
    }
    if (child.type === 'preproc_ifdef' && child.firstChild?.text.replace(/\s+/g, '') === '#ifndef') {
      const name = child.childForFieldName('name');
      const first = child.namedChildren.find((c) => c && c.type !== 'comment' && c.startIndex !== name?.startIndex);
      header = first?.type === 'preproc_def' && first.childForFieldName('name')?.text === name?.text;
    }
    // The guard (or pragma) must come first; anything else means an ordinary source file.
    if (child.type !== 'preproc_call') break;
  }
  headerCache.set(root.tree, header);
  return header;
}

/** A `static` storage class on the declaration (or on the declaration holding a declarator). */
export function isStatic(node: Node): boolean {
  let decl: Node | null = node;
  while (decl && !['declaration', 'function_definition', 'field_declaration', 'template_declaration'].includes(decl.type)) decl = decl.parent;
  if (!decl) return false;
  return decl.children.some((c) => c?.type === 'storage_class_specifier' && c.text === 'static');
}

function isExported(ctx: ExportContext): boolean {
  if (isHeaderTree(ctx.node.tree.rootNode)) return ctx.topLevel || ctx.parentExported === true;
  if (!ctx.topLevel) return false;
  if (ctx.node.type === 'preproc_def' || ctx.node.type === 'preproc_function_def') return false;
  if (ctx.kind !== 'function' && ctx.kind !== 'variable' && ctx.kind !== 'constant') return false;
  return !isStatic(ctx.node);
}

export const c: LanguageSpec = {
  id: 'c',
  wasm: 'tree-sitter-c/tree-sitter-c.wasm',
  extensions: ['.c', '.h'],
  shebangs: [],
  commentTypes: ['comment'],
  // `[[nodiscard]]` attributes are children of the declaration: the signature starts after them.
  decoratorTypes: ['attribute_declaration'],
  typedParams: 'all',
  // Declarator symbols (`int a, b;`, `} name;`) find the doc comment above their declaration.
  wrapperTypes: ['declaration', 'init_declarator', 'type_definition', 'field_declaration', 'pointer_declarator'],
  isExported,
};
