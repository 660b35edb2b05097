; PHP imports. `use A\B\C [as D];` → specifier `A\B\C`, binding C (or D); `use function`/`use const`
; add form "function"/"const". A group `use A\B\{C, D as E};` cannot name `A\B\C` with one node, so
; it yields specifier `A\B` with form "group" and one binding per entity (full name = specifier\imported).
; require/include(_once) with a string literal → form "require".

(namespace_use_declaration !type !body
  (namespace_use_clause !type
    . [(qualified_name (name) @import.name) (name) @import.name] @import.source
    alias: (name)? @import.alias)) @import
(namespace_use_declaration
  (namespace_use_clause type: "function"
    . [(qualified_name (name) @import.name) (name) @import.name] @import.source
    alias: (name)? @import.alias)
  (#set! form "function")) @import
(namespace_use_declaration
  (namespace_use_clause type: "const"
    . [(qualified_name (name) @import.name) (name) @import.name] @import.source
    alias: (name)? @import.alias)
  (#set! form "const")) @import
(namespace_use_declaration
  (namespace_name) @import.source
  body: (namespace_use_group
    (namespace_use_clause . [(name) @import.name (qualified_name (name) @import.name)] alias: (name)? @import.alias))
  (#set! form "group")) @import

(require_expression
  [(string . (string_content) @import.source .)
   (encapsed_string . (string_content) @import.source .)
   (parenthesized_expression [(string . (string_content) @import.source .) (encapsed_string . (string_content) @import.source .)])]
  (#set! form "require")) @import
(require_once_expression
  [(string . (string_content) @import.source .)
   (encapsed_string . (string_content) @import.source .)
   (parenthesized_expression [(string . (string_content) @import.source .) (encapsed_string . (string_content) @import.source .)])]
  (#set! form "require")) @import
(include_expression
  [(string . (string_content) @import.source .)
   (encapsed_string . (string_content) @import.source .)
   (parenthesized_expression [(string . (string_content) @import.source .) (encapsed_string . (string_content) @import.source .)])]
  (#set! form "require")) @import
(include_once_expression
  [(string . (string_content) @import.source .)
   (encapsed_string . (string_content) @import.source .)
   (parenthesized_expression [(string . (string_content) @import.source .) (encapsed_string . (string_content) @import.source .)])]
  (#set! form "require")) @import

; `require_once __DIR__ . '/../lib/x.php'`: the idiomatic path next to the file (leading `/` kept;
; the resolver resolves it against the requiring file's folder).
([(require_expression (binary_expression left: (name) @_dir right: [(string . (string_content) @import.source .) (encapsed_string . (string_content) @import.source .)]))
  (require_once_expression (binary_expression left: (name) @_dir right: [(string . (string_content) @import.source .) (encapsed_string . (string_content) @import.source .)]))
  (include_expression (binary_expression left: (name) @_dir right: [(string . (string_content) @import.source .) (encapsed_string . (string_content) @import.source .)]))
  (include_once_expression (binary_expression left: (name) @_dir right: [(string . (string_content) @import.source .) (encapsed_string . (string_content) @import.source .)]))] @import
 (#eq? @_dir "__DIR__") (#set! form "require"))
