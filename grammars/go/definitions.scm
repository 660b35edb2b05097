; Go definitions: @definition.<kind> on the declaration, @name on its name, optional @params,
; @body, @receiver, @return_type (the result type or list). Only package-level declarations are
; symbols (plus struct fields and interface methods). Each spec (or field) is the definition of
; every name it declares (`var a, b int`: two sibling symbols sharing the spec's signature and
; lines), and a lone spec in a non-grouped declaration uses the whole declaration (keyword and doc
; comment included) — the widest matching node wins.

(package_clause (package_identifier) @namespace)

(function_declaration name: (identifier) @name parameters: (parameter_list) @params result: (_)? @return_type body: (block)? @body) @definition.function
(method_declaration
  receiver: (parameter_list (parameter_declaration type: [
    (type_identifier) @receiver
    (pointer_type (type_identifier) @receiver)
    (generic_type type: (type_identifier) @receiver)
    (pointer_type (generic_type type: (type_identifier) @receiver))]))
  name: (field_identifier) @name parameters: (parameter_list) @params result: (_)? @return_type body: (block)? @body) @definition.method

; Performance: a pattern rooted at source_file keeps a query state alive over the whole file, so
; there are few of them: alternatives sit below the declaration, where states split only within it.
(source_file (type_declaration [
  (type_spec name: (type_identifier) @name type: (struct_type (field_declaration_list) @body)) @definition.struct
  (type_spec name: (type_identifier) @name type: (interface_type)) @definition.interface
  (type_spec name: (type_identifier) @name type: [(type_identifier) (qualified_type) (pointer_type) (slice_type) (array_type) (map_type) (channel_type) (function_type) (generic_type) (negated_type) (parenthesized_type)]) @definition.type
  (type_alias name: (type_identifier) @name) @definition.type]))
(source_file (type_declaration . (type_spec name: (type_identifier) @name type: (struct_type (field_declaration_list) @body)) .) @definition.struct)
(source_file (type_declaration . (type_spec name: (type_identifier) @name type: (interface_type)) .) @definition.interface)
(source_file (type_declaration . [
  (type_spec name: (type_identifier) @name type: [(type_identifier) (qualified_type) (pointer_type) (slice_type) (array_type) (map_type) (channel_type) (function_type) (generic_type) (negated_type) (parenthesized_type)])
  (type_alias name: (type_identifier) @name)] .) @definition.type)

; Struct fields and interface methods of named types.
(type_spec type: (struct_type (field_declaration_list (field_declaration name: (field_identifier) @name) @definition.property)))
(type_spec type: (interface_type (method_elem name: (field_identifier) @name parameters: (parameter_list) @params result: (_)? @return_type) @definition.method))

; Package-level const and var (`var _ I = (*T)(nil)` declares nothing).
; (The grammar gives only the first name of `const a, b = …` the `name` field: match identifier children.)
(source_file (const_declaration (const_spec (identifier) @name) @definition.constant))
(source_file (const_declaration . (const_spec (identifier) @name) .) @definition.constant)
(source_file (var_declaration [
  (var_spec name: (identifier) @name) @definition.variable
  (var_spec_list (var_spec name: (identifier) @name) @definition.variable)])
  (#not-eq? @name "_"))
(source_file (var_declaration . (var_spec name: (identifier) @name) .) @definition.variable
  (#not-eq? @name "_"))
