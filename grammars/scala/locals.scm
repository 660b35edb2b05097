; Scala local scopes and the names they declare: parameters, lambda bindings, block-level
; val/var/def, pattern variables (lowercase identifiers in case patterns), for enumerators, type
; parameters and plain class parameters. Package and import path segments are @ignore: neither
; declarations nor uses.

[(class_definition) (trait_definition) (function_definition) (function_declaration)
 (lambda_expression) (block) (indented_block) (case_clause) (for_expression)] @local.scope

(type_parameters name: (identifier) @local.definition)
(parameter name: (identifier) @local.definition)
((class_parameter name: (identifier) @local.definition) @_param
  (#not-match? @_param "(^|\\s)va[lr]\\s"))
(binding name: (identifier) @local.definition)
(lambda_expression parameters: (identifier) @local.definition)
(block (val_definition pattern: (identifier) @local.definition))
(block (var_definition pattern: (identifier) @local.definition))
(block (val_definition pattern: (tuple_pattern (identifier) @local.definition)))
(block (function_definition name: (identifier) @local.definition))
(indented_block (val_definition pattern: (identifier) @local.definition))
(indented_block (var_definition pattern: (identifier) @local.definition))
(enumerator . (identifier) @local.definition)
(enumerator . (tuple_pattern (identifier) @local.definition))

((case_clause pattern: (identifier) @local.definition) (#match? @local.definition "^[a-z_]"))
((case_class_pattern pattern: (identifier) @local.definition) (#match? @local.definition "^[a-z_]"))
((tuple_pattern (identifier) @local.definition) (#match? @local.definition "^[a-z_]"))
((typed_pattern pattern: (identifier) @local.definition) (#match? @local.definition "^[a-z_]"))
(capture_pattern name: (identifier) @local.definition)

(package_identifier (identifier) @ignore)
(import_declaration (identifier) @ignore . ".")
