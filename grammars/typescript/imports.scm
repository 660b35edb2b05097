; Imports: @import on the statement, @import.source on the specifier, and per binding
; @import.name (+ @import.alias), @import.default or @import.namespace. #set! kind / reexport.

(import_statement (import_clause (identifier) @import.default) source: (string) @import.source) @import
(import_statement (import_clause (namespace_import (identifier) @import.namespace)) source: (string) @import.source) @import
(import_statement (import_clause (named_imports (import_specifier name: (_) @import.name alias: (_)? @import.alias))) source: (string) @import.source) @import
(import_statement source: (string) @import.source) @import
(import_statement "type" source: (string) @import.source (#set! kind "type_only")) @import
(import_require_clause (identifier) @import.namespace source: (string) @import.source (#set! form "require")) @import

(export_statement (export_clause (export_specifier name: (_) @import.name alias: (_)? @import.alias)) source: (string) @import.source (#set! reexport "true")) @import
(export_statement (namespace_export (identifier) @import.namespace) source: (string) @import.source (#set! reexport "true")) @import
(export_statement source: (string) @import.source (#set! reexport "true")) @import

(variable_declarator name: (identifier) @import.namespace
  value: (call_expression function: (identifier) @_req arguments: (arguments . (string) @import.source .))
  (#eq? @_req "require") (#set! form "require")) @import
(variable_declarator name: (object_pattern (shorthand_property_identifier_pattern) @import.name)
  value: (call_expression function: (identifier) @_req arguments: (arguments . (string) @import.source .))
  (#eq? @_req "require") (#set! form "require")) @import
(call_expression function: (identifier) @_req arguments: (arguments . (string) @import.source .) (#eq? @_req "require") (#set! form "require")) @import
(call_expression function: (import) arguments: (arguments . (string) @import.source .) (#set! kind "dynamic")) @import

; A computed specifier with a literal head (`import(`./plugins/${x}`)`, `require('./x/' + y)`) is
; recorded as kind dynamic, form "prefix", with the literal head as specifier: resolvers never turn
; it into an edge; dead_code spares the files it may reach.
(call_expression function: (import) arguments: (arguments . (template_string . (string_fragment) @import.source (template_substitution)))
  (#set! kind "dynamic") (#set! form "prefix")) @import
(call_expression function: (identifier) @_req arguments: (arguments . (template_string . (string_fragment) @import.source (template_substitution)))
  (#eq? @_req "require") (#set! kind "dynamic") (#set! form "prefix")) @import
(call_expression function: (import)
  arguments: (arguments . (binary_expression left: [(string (string_fragment) @import.source) (binary_expression left: (string (string_fragment) @import.source))] operator: "+"))
  (#set! kind "dynamic") (#set! form "prefix")) @import
(call_expression function: (identifier) @_req
  arguments: (arguments . (binary_expression left: [(string (string_fragment) @import.source) (binary_expression left: (string (string_fragment) @import.source))] operator: "+"))
  (#eq? @_req "require") (#set! kind "dynamic") (#set! form "prefix")) @import
