// kotlin: grammar, file types and export rule; queries live in grammars/kotlin/.
// Exported = public (Kotlin's default) unless `private`, `internal` or `protected`; nested
// symbols also need an exported parent. Annotations sit inside `modifiers`, so the definition
// node already starts at them. KDoc is a `block_comment` right above the declaration.
import { hasModifier, type ExportContext, type LanguageSpec } from '../spec.js';

const HIDDEN = ['private', 'internal', 'protected'];

function isExported(ctx: ExportContext): boolean {
  if (!ctx.topLevel && !ctx.parentExported) return false;
  return !HIDDEN.some((kw) => hasModifier(ctx.node, kw, ['modifiers', 'visibility_modifier']));
}

export const kotlin: LanguageSpec = {
  id: 'kotlin',
  wasm: '@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm',
  extensions: ['.kt', '.kts'],
  shebangs: [],
  commentTypes: ['line_comment', 'block_comment'],
  // Default values and `vararg` modifiers are children of the parameter list too.
  paramTypes: ['parameter'],
  typedParams: 'all',
  isExported,
};
