// The data a parsed file yields, as zod schemas: the contract between the parser workers, the
// store and the operations. Every line and column here is 1-based; columns count code points.
import { z } from 'zod';

export const SYMBOL_KINDS = [
  'function', 'method', 'class', 'struct', 'interface', 'trait', 'type', 'enum', 'enum_member',
  'constant', 'variable', 'property', 'module',
] as const;
export const SymbolKind = z.enum(SYMBOL_KINDS);
export type SymbolKind = z.infer<typeof SymbolKind>;

export const REF_KINDS = ['call', 'read', 'write', 'type', 'inherit', 'import', 'attribute'] as const;
export const RefKind = z.enum(REF_KINDS);
export type RefKind = z.infer<typeof RefKind>;

export const IMPORT_KINDS = ['import', 'type_only', 'dynamic', 'include', 'inferred'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const ExtractedSymbol = z.object({
  name: z.string(),
  qualified_name: z.string(),
  kind: SymbolKind,
  start_line: z.number().int(),
  end_line: z.number().int(),
  start_col: z.number().int(),
  signature: z.string(),
  parent: z.string().optional(),
  exported: z.boolean(),
  doc: z.string().optional(),
  /** Cyclomatic estimate for function-like symbols: 1 + branch points in the body. */
  complexity: z.number().int().optional(),
  param_count: z.number().int().optional(),
  /** Parameters that carry a type annotation (languages where annotations are optional or required). */
  typed_params: z.number().int().optional(),
  /** Declared return type as written, for function-like symbols that have one. */
  return_type: z.string().optional(),
  /** Decorators, attributes and annotations as written without `@`/`#[…]`: `app.route`, `Override`, `staticmethod`. */
  decorators: z.array(z.string()).optional(),
  /** Async function (`async`, Kotlin `suspend`); false for the other functions of a language that has them. */
  is_async: z.boolean().optional(),
});
export type ExtractedSymbol = z.infer<typeof ExtractedSymbol>;

/** One name an import statement brings into the file's scope. */
export const ImportBinding = z.object({
  /** Name in the importing file (the alias when there is one). */
  local: z.string(),
  /** Name in the imported module; `*` for a namespace/whole-module binding, `default` for a default import. */
  imported: z.string(),
});
export type ImportBinding = z.infer<typeof ImportBinding>;

export const ImportRecord = z.object({
  /** The module specifier as written (quotes stripped): `./a`, `os.path`, `github.com/x/y`, `stdio.h`. */
  specifier: z.string(),
  line: z.number().int(),
  kind: ImportKind,
  bindings: z.array(ImportBinding),
  /** Language-specific form of the statement when the resolver needs it: `mod`, `require_relative`, `static` … */
  form: z.string().optional(),
  /** C/C++: `<…>` includes are only resolved against project include dirs. */
  system: z.boolean().optional(),
  /** True for `export … from` statements (TS/JS re-exports). */
  reexport: z.boolean().optional(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

/**
 * How the extractor bound a reference inside its own file: `local` names are dropped before
 * this point, `file` names a top-level definition of the same file, `import` an import binding,
 * `member` an attribute access whose receiver is an import binding, `free` anything else.
 */
export const RefScope = z.enum(['file', 'import', 'member', 'free']);
export type RefScope = z.infer<typeof RefScope>;

export const RefSite = z.object({
  name: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  kind: RefKind,
  scope: RefScope,
  /** Qualified name of the enclosing function or method, if any. */
  caller: z.string().optional(),
  /**
   * The object of a member access: for `member` refs an import binding's local name; otherwise a
   * plain name as written (`self`, `this`, a class or variable) or `.` for any other expression.
   * Absent for a bare name.
   */
  receiver: z.string().optional(),
});
export type RefSite = z.infer<typeof RefSite>;

export const LineCounts = z.object({
  total: z.number().int(),
  code: z.number().int(),
  comment: z.number().int(),
  blank: z.number().int(),
});
export type LineCounts = z.infer<typeof LineCounts>;

export const ParsedFile = z.object({
  language: z.string(),
  parse_status: z.enum(['ok', 'partial']),
  parse_errors: z.number().int(),
  symbols: z.array(ExtractedSymbol),
  imports: z.array(ImportRecord),
  refs: z.array(RefSite),
  lines: LineCounts,
  /** Namespace/package the file declares (Java/Kotlin/Scala package, C# namespace, Go package, PHP namespace). */
  namespace: z.string().optional(),
});
export type ParsedFile = z.infer<typeof ParsedFile>;
