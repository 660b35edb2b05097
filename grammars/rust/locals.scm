; Rust local scopes and the names bound in them; a reference to such a name is not a symbol use.
; Items with generics are scopes for their type parameters. In patterns, a capitalised bare name
; (`None`, `MAX`) is a constant or variant, not a binding.

[(function_item) (function_signature_item) (closure_expression) (block) (match_arm) (for_expression)
 (if_expression) (while_expression) (struct_item) (enum_item) (union_item) (trait_item) (impl_item)
 (type_item)] @local.scope

(parameter pattern: (identifier) @local.definition)
(closure_parameters (identifier) @local.definition)
(let_declaration pattern: (identifier) @local.definition)
(let_condition pattern: (identifier) @local.definition)
(for_expression pattern: (identifier) @local.definition)
(type_parameter name: (type_identifier) @local.definition)
(const_parameter name: (identifier) @local.definition)

(tuple_pattern (identifier) @local.definition)
(slice_pattern (identifier) @local.definition)
(ref_pattern (identifier) @local.definition)
(mut_pattern (identifier) @local.definition)
(reference_pattern (identifier) @local.definition)
(captured_pattern (identifier) @local.definition)
(field_pattern (shorthand_field_identifier) @local.definition)
(field_pattern pattern: (identifier) @local.definition)
(or_pattern (identifier) @local.definition (#match? @local.definition "^[a-z_]"))
(tuple_struct_pattern (identifier) @local.definition (#match? @local.definition "^[a-z_]"))
(match_pattern (identifier) @local.definition (#match? @local.definition "^[a-z_]"))
