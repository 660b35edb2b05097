; JavaScript imports, same conventions as TypeScript: @import on the statement, @import.source on
; the specifier, and per binding @import.name (+ @import.alias), @import.default or @import.namespace.
; `export … from` is a re-export; `require('x')` binds like an import; `import('x')` is dynamic.
; `!declaration` makes the export patterns fail at once on `export class …` / `export function …`
; (otherwise their state would wait for a `source` across the whole declaration).

(import_statement (import_clause (identifier) @import.default) source: (string) @import.source) @import
(import_statement (import_clause (namespace_import (identifier) @import.namespace)) source: (string) @import.source) @import
(import_statement (import_clause (named_imports (import_specifier name: (_) @import.name alias: (_)? @import.alias))) source: (string) @import.source) @import
(import_statement source: (string) @import.source) @import

(export_statement !declaration (export_clause (export_specifier name: (_) @import.name alias: (_)? @import.alias)) source: (string) @import.source (#set! reexport "true")) @import
(export_statement !declaration (namespace_export (identifier) @import.namespace) source: (string) @import.source (#set! reexport "true")) @import
(export_statement !declaration !value source: (string) @import.source (#set! reexport "true")) @import

(variable_declarator name: (identifier) @import.namespace
  value: (call_expression function: (identifier) @_req arguments: (arguments . (string) @import.source .))
  (#eq? @_req "require")) @import
(variable_declarator name: (object_pattern (shorthand_property_identifier_pattern) @import.name)
  value: (call_expression function: (identifier) @_req arguments: (arguments . (string) @import.source .))
  (#eq? @_req "require")) @import
(variable_declarator name: (object_pattern (pair_pattern key: (property_identifier) @import.name value: (identifier) @import.alias))
  value: (call_expression function: (identifier) @_req arguments: (arguments . (string) @import.source .))
  (#eq? @_req "require")) @import
(call_expression function: (identifier) @_req arguments: (arguments . (string) @import.source .) (#eq? @_req "require")) @import
(call_expression function: (import) arguments: (arguments . (string) @import.source .) (#set! kind "dynamic")) @import
