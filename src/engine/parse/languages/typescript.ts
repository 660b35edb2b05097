// TypeScript and TSX: both use the TypeScript grammars (never the JavaScript one) and share
// grammars/typescript/ queries.
import { hasAncestorOfType, type ExportContext, type LanguageSpec } from '../spec.js';

const BLOCKS = ['class_body', 'statement_block', 'object_type', 'interface_body'];

export function isExportedEs(ctx: ExportContext): boolean {
  if (ctx.topLevel) return hasAncestorOfType(ctx.node, ['export_statement'], BLOCKS) || ctx.exportList.has(ctx.name);
  if (!ctx.parentExported) return false;
  if (ctx.name.startsWith('#')) return false;
  const modifier = ctx.node.children.find((c) => c?.type === 'accessibility_modifier');
  return !modifier || modifier.text === 'public';
}

const common = {
  queryDir: 'typescript',
  commentTypes: ['comment'],
  decoratorTypes: ['decorator'],
  typedParams: 'captured',
  wrapperTypes: ['export_statement'],
  isExported: isExportedEs,
} satisfies Partial<LanguageSpec>;

export const typescript: LanguageSpec = {
  ...common,
  id: 'typescript',
  wasm: 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  extensions: ['.ts', '.mts', '.cts'],
  shebangs: ['ts-node', 'tsx', 'deno', 'bun'],
};

export const tsx: LanguageSpec = {
  ...common,
  id: 'tsx',
  wasm: 'tree-sitter-typescript/tree-sitter-tsx.wasm',
  extensions: ['.tsx'],
};
