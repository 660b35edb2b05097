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

/**
 * The units semantic search indexes (spec §4.6): the file, runs of module-level code, each
 * function and method (long bodies in parts), each class-like type, Markdown sections, and one
 * chunk for another text file. Ids: `file:<path>`, `mod:<path>:<line>`, `func:<path>:<name>`,
 * `method:<path>:<Class.m>`, `cls:<path>:<Class>`, `doc:<path>:<line>`, `text:<path>`; a name
 * defined twice in a file gets `@<line>`, and the parts of a split chunk `#1`…`#n`.
 */
export const CHUNK_KINDS = ['file', 'module', 'function', 'method', 'class', 'section', 'text'] as const;
export const ChunkKind = z.enum(CHUNK_KINDS);
export type ChunkKind = z.infer<typeof ChunkKind>;

export const Chunk = z.object({
  chunk_id: z.string(),
  kind: ChunkKind,
  /** Qualified symbol name; the heading for a section; '' for file, module and text chunks. */
  name: z.string(),
  start_line: z.number().int(),
  end_line: z.number().int(),
  /** 0 for a whole chunk, 1..n for the parts of a split one. */
  part: z.number().int(),
  /** One line that says where the chunk is: path, then owner and signature or heading path. */
  header: z.string(),
  signature: z.string(),
  /** First paragraph of the doc comment, docstring or section, at most 300 characters. */
  doc: z.string(),
  /** What is embedded and keyword-indexed: the header line, the doc (code chunks), then the text. */
  text: z.string(),
});
export type Chunk = z.infer<typeof Chunk>;
