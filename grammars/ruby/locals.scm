; Ruby local scopes: methods, blocks and lambdas (and class/module bodies, which start fresh).
; Parameters and assigned identifiers are locals; a local never refers to a method of the file.

[(method) (singleton_method) (block) (do_block) (lambda) (class) (module) (singleton_class)] @local.scope

(method_parameters (identifier) @local.definition)
(block_parameters (identifier) @local.definition)
(lambda_parameters (identifier) @local.definition)
(optional_parameter name: (identifier) @local.definition)
(keyword_parameter name: (identifier) @local.definition)
(splat_parameter name: (identifier) @local.definition)
(hash_splat_parameter name: (identifier) @local.definition)
(block_parameter name: (identifier) @local.definition)
(destructured_parameter (identifier) @local.definition)

(assignment left: (identifier) @local.definition)
(left_assignment_list (identifier) @local.definition)
(rest_assignment (identifier) @local.definition)
(destructured_left_assignment (identifier) @local.definition)
(for pattern: (identifier) @local.definition)
(exception_variable (identifier) @local.definition)
