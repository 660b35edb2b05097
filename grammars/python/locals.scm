; Python local scopes and the names bound in them. Any assignment inside a function makes the
; name local to that function, so module-level names with the same name are not referenced there.

[(function_definition) (lambda) (list_comprehension) (set_comprehension) (dictionary_comprehension)
 (generator_expression)] @local.scope

(parameters (identifier) @local.definition)
(function_definition type_parameters: (type_parameter (type (identifier) @local.definition)))
(lambda_parameters (identifier) @local.definition)
(default_parameter name: (identifier) @local.definition)
(typed_parameter . (identifier) @local.definition)
(typed_default_parameter name: (identifier) @local.definition)
(list_splat_pattern (identifier) @local.definition)
(dictionary_splat_pattern (identifier) @local.definition)

(assignment left: (identifier) @local.definition)
(assignment left: [(pattern_list (identifier) @local.definition) (tuple_pattern (identifier) @local.definition)])
(augmented_assignment left: (identifier) @local.definition)
(named_expression name: (identifier) @local.definition)
(for_statement left: (identifier) @local.definition)
(for_statement left: [(pattern_list (identifier) @local.definition) (tuple_pattern (identifier) @local.definition)])
(for_in_clause left: (identifier) @local.definition)
(for_in_clause left: [(pattern_list (identifier) @local.definition) (tuple_pattern (identifier) @local.definition)])
(as_pattern_target (identifier) @local.definition)
