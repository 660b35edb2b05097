// javascript (and JSX): grammar, file types and export rule; queries live in grammars/javascript/.
// Exported = inside an `export` statement, named by `export { … }` / `export default name` /
// `module.exports = …`; class members are exported with their class unless `#private`.
import { hasAncestorOfType, type ExportContext, type LanguageSpec } from '../spec.js';

const BLOCKS = ['class_body', 'statement_block'];

export function isExportedJs(ctx: ExportContext): boolean {
  if (ctx.topLevel) return hasAncestorOfType(ctx.node, ['export_statement'], BLOCKS) || ctx.exportList.has(ctx.name);
  return (ctx.parentExported ?? false) && !ctx.name.startsWith('#');
}

export const javascript: LanguageSpec = {
  id: 'javascript',
  wasm: 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  extensions: ['.js', '.mjs', '.cjs', '.jsx'],
  shebangs: ['node'],
  commentTypes: ['comment'],
  decoratorTypes: ['decorator'],
  wrapperTypes: ['export_statement'],
  isExported: isExportedJs,
};
