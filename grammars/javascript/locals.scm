; JavaScript local scopes and the names declared in them; a reference to such a name is not a symbol use.

[(function_declaration) (generator_function_declaration) (function_expression) (arrow_function)
 (method_definition) (statement_block) (for_statement) (for_in_statement) (catch_clause)] @local.scope

(formal_parameters (identifier) @local.definition)
(arrow_function parameter: (identifier) @local.definition)
(variable_declarator name: (identifier) @local.definition)
(object_pattern (shorthand_property_identifier_pattern) @local.definition)
(object_pattern (pair_pattern value: (identifier) @local.definition))
(object_pattern (object_assignment_pattern left: (shorthand_property_identifier_pattern) @local.definition))
(array_pattern (identifier) @local.definition)
(assignment_pattern left: (identifier) @local.definition)
(rest_pattern (identifier) @local.definition)
(catch_clause parameter: (identifier) @local.definition)
(for_in_statement left: (identifier) @local.definition)
; A named function expression binds its own name inside itself.
(function_expression name: (identifier) @local.definition)
