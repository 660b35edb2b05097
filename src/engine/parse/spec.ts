// What a language needs beyond its query files: where its grammar lives, how it marks exports,
// which node types are comments and decorators, and how a bare import binds a name.
// One small module per language under ./languages implements this; queries live in grammars/<id>/.
import type { Node } from 'web-tree-sitter';
import type { ImportBinding, SymbolKind } from '../model.js';

export interface ExportContext {
  name: string;
  kind: SymbolKind;
  /** The definition node (including any export/decorator wrapper the query captured). */
  node: Node;
  /** True when no other symbol encloses this one. */
  topLevel: boolean;
  /** Export status of the enclosing symbol, if any. */
  parentExported?: boolean;
  /** Root-relative path of the file ('' when unknown), e.g. to tell C headers from sources. */
  path: string;
  /** Names listed by `@export.name` captures (`export { a }`, Python `__all__`). */
  exportList: ReadonlySet<string>;
}

export interface LanguageSpec {
  id: string;
  /** Grammar `.wasm`, as a path relative to node_modules. */
  wasm: string;
  /** Query files under grammars/<queryDir>/ (defaults to id); TSX reuses TypeScript's. */
  queryDir?: string;
  extensions: string[];
  /** Interpreter names recognised in a `#!` line (`python3`, `node`, …). */
  shebangs?: string[];
  /** Node types whose text is a comment (doc comments, comment line counts). */
  commentTypes: string[];
  /** Sibling node types placed before a definition that belong to it (attributes, annotations). */
  decoratorTypes?: string[];
  /** Parent node types that wrap a definition without being one (`export_statement`): doc comments sit above them. */
  wrapperTypes?: string[];
  /** Node types in a `@params` list that are parameters (default: every non-comment named child). */
  paramTypes?: string[];
  /** Which parameters carry a type, for typed_params: `all` (the grammar requires a type on each
   * counted parameter), `captured` (those captured as `@param.typed`); absent: the language has none. */
  typedParams?: 'all' | 'captured';
  /** Functions directly inside a `module` symbol are methods (Ruby modules), not functions (Rust `mod`). */
  moduleMembersAreMethods?: boolean;
  /** A local variable does not hide a call of the same name (Bash: functions and variables are separate namespaces). */
  callsIgnoreLocals?: boolean;
  isExported(ctx: ExportContext): boolean;
  /** The binding an import creates when the query captured no explicit name. */
  defaultBinding?(specifier: string): ImportBinding | undefined;
}

export function hasAncestorOfType(node: Node, types: readonly string[], stopAt?: readonly string[]): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (types.includes(p.type)) return true;
    if (stopAt?.includes(p.type)) return false;
  }
  return false;
}

/** True when a direct child of `node` (or of its modifier list) is the given keyword. */
export function hasModifier(node: Node, keyword: string, modifierTypes: readonly string[] = []): boolean {
  for (const child of node.children) {
    if (!child) continue;
    if (child.text === keyword) return true;
    if (modifierTypes.includes(child.type)) {
      for (const m of child.children) if (m && m.text === keyword) return true;
    }
  }
  return false;
}

export const isCapitalised = (name: string): boolean => /^[A-Z]/.test(name);
