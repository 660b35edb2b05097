// java: grammar, file types and export rule; queries live in grammars/java/.
// Exported = `public` (top-level types need it; members need it and an exported parent).
// Interface/annotation members are implicitly public unless `private`; enum constants and
// record components are as visible as their type. Annotations sit inside `modifiers`, so the
// definition node already starts at them.
import { hasModifier, type ExportContext, type LanguageSpec } from '../spec.js';

const IMPLICITLY_PUBLIC_BODIES = ['interface_body', 'annotation_type_body'];

function isExported(ctx: ExportContext): boolean {
  const { node } = ctx;
  if (ctx.topLevel) return hasModifier(node, 'public', ['modifiers']);
  if (!ctx.parentExported) return false;
  if (node.type === 'enum_constant') return true;
  if (node.type === 'formal_parameter') return true; // record component
  if (IMPLICITLY_PUBLIC_BODIES.includes(node.parent?.type ?? '')) return !hasModifier(node, 'private', ['modifiers']);
  return hasModifier(node, 'public', ['modifiers']);
}

export const java: LanguageSpec = {
  id: 'java',
  wasm: 'tree-sitter-java/tree-sitter-java.wasm',
  extensions: ['.java'],
  shebangs: [],
  commentTypes: ['line_comment', 'block_comment'],
  typedParams: 'all',
  isExported,
};
