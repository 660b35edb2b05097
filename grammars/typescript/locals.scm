; Local scopes and the names declared in them; a reference to such a name is not a symbol use.

[(function_declaration) (generator_function_declaration) (function_expression) (arrow_function)
 (method_definition) (statement_block) (for_statement) (for_in_statement) (catch_clause)] @local.scope

(required_parameter pattern: (identifier) @local.definition)
(optional_parameter pattern: (identifier) @local.definition)
(arrow_function parameter: (identifier) @local.definition)
(variable_declarator name: (identifier) @local.definition)
(variable_declarator name: (object_pattern (shorthand_property_identifier_pattern) @local.definition))
(variable_declarator name: (array_pattern (identifier) @local.definition))
(catch_clause parameter: (identifier) @local.definition)
(for_in_statement left: (identifier) @local.definition)
