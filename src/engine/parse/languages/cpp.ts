// cpp: grammar, file types and export rule; queries live in grammars/cpp/.
// Exported: in a header (include guard or `#pragma once`) every top-level symbol, and members of
// exported classes unless under `private:`/`protected:` (class members default to private,
// struct members to public). Elsewhere: functions, variables and out-of-class method
// definitions that are not `static` and not in an anonymous namespace, including those in named
// namespaces. Header detection and `static` checks are shared with C.
import type { Node } from 'web-tree-sitter';
import type { ExportContext, LanguageSpec } from '../spec.js';
import { isHeaderTree, isStatic } from './c.js';

/** The declaration that carries modifiers and sits in the class body for this definition node. */
function memberOf(node: Node): Node {
  let n = node;
  while (n.parent && !['field_declaration_list', 'declaration_list', 'translation_unit', 'enumerator_list'].includes(n.parent.type)) {
    n = n.parent;
  }
  return n;
}

/** Access of a class member: the nearest preceding `public:`/`private:`/`protected:` label. */
function accessOf(member: Node): string {
  for (let s = member.previousNamedSibling; s; s = s.previousNamedSibling) {
    if (s.type === 'access_specifier') return s.text.trim();
  }
  return member.parent?.parent?.type === 'class_specifier' ? 'private' : 'public';
}

function inAnonymousNamespace(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'namespace_definition' && !p.childForFieldName('name')) return true;
  }
  return false;
}

function isExported(ctx: ExportContext): boolean {
  const { node } = ctx;
  if (inAnonymousNamespace(node)) return false;
  const member = memberOf(node);
  const inClass = member.parent?.type === 'field_declaration_list';
  if (!ctx.topLevel && !ctx.parentExported) return false;
  if (inClass) return accessOf(member) === 'public';
  if (isHeaderTree(node.tree.rootNode)) return true;
  if (ctx.kind === 'module' || ctx.kind === 'enum_member') return true;
  if (node.type === 'preproc_def' || node.type === 'preproc_function_def') return false;
  if (!['function', 'method', 'variable', 'constant'].includes(ctx.kind)) return false;
  return !isStatic(node);
}

export const cpp: LanguageSpec = {
  id: 'cpp',
  wasm: 'tree-sitter-cpp/tree-sitter-cpp.wasm',
  extensions: ['.cc', '.cpp', '.cxx', '.hpp', '.hh', '.hxx'],
  shebangs: [],
  commentTypes: ['comment'],
  // `[[nodiscard]]` attributes are children of the declaration: the signature starts after them.
  decoratorTypes: ['attribute_declaration'],
  typedParams: 'all',
  // Declarator symbols (`int a, b;`, `} name;`) find the doc comment above their declaration.
  wrapperTypes: ['declaration', 'init_declarator', 'type_definition', 'field_declaration', 'pointer_declarator'],
  isExported,
};
