; Go local scopes and the names declared in them; a reference to such a name is not a symbol use.
; type_spec is a scope for its type parameters (so a type's own name must not be declared in it:
; `type Node struct{ next *Node }` refers to itself).

[(function_declaration) (method_declaration) (func_literal) (block) (for_statement) (if_statement)
 (expression_switch_statement) (type_switch_statement) (expression_case) (type_case)
 (communication_case) (type_spec)] @local.scope

(parameter_declaration name: (identifier) @local.definition)
(variadic_parameter_declaration name: (identifier) @local.definition)
(type_parameter_declaration name: (identifier) @local.definition)
(method_declaration receiver: (parameter_list (parameter_declaration type: [
  (generic_type type_arguments: (type_arguments (type_elem (type_identifier) @local.definition)))
  (pointer_type (generic_type type_arguments: (type_arguments (type_elem (type_identifier) @local.definition))))])))
(short_var_declaration left: (expression_list (identifier) @local.definition))
(var_spec name: (identifier) @local.definition)
(const_spec (identifier) @local.definition)
(range_clause left: (expression_list (identifier) @local.definition))
(type_switch_statement alias: (expression_list (identifier) @local.definition))
(receive_statement left: (expression_list (identifier) @local.definition))
