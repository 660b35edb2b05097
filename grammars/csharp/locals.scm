; C# local scopes and the names they declare: parameters, lambda parameters, locals (incl.
; deconstruction, `out var`, patterns), foreach/catch/query variables, local functions and type
; parameters. Namespace and using path segments and named-argument names are @ignore: neither
; declarations nor uses.

[(class_declaration) (struct_declaration) (interface_declaration) (record_declaration)
 (method_declaration) (constructor_declaration) (destructor_declaration) (operator_declaration)
 (conversion_operator_declaration) (indexer_declaration) (accessor_declaration)
 (local_function_statement) (lambda_expression) (anonymous_method_expression) (block)
 (for_statement) (foreach_statement) (catch_clause) (using_statement) (switch_section)
 (query_expression)] @local.scope

(type_parameter name: (identifier) @local.definition)
(parameter name: (identifier) @local.definition)
(implicit_parameter) @local.definition
(local_declaration_statement (variable_declaration (variable_declarator name: (identifier) @local.definition)))
(variable_declarator (tuple_pattern name: (identifier) @local.definition))
(for_statement (variable_declaration (variable_declarator name: (identifier) @local.definition)))
(using_statement (variable_declaration (variable_declarator name: (identifier) @local.definition)))
(fixed_statement (variable_declaration (variable_declarator name: (identifier) @local.definition)))
(foreach_statement left: (identifier) @local.definition)
(catch_declaration name: (identifier) @local.definition)
(declaration_expression name: (identifier) @local.definition)
(declaration_pattern name: (identifier) @local.definition)
(recursive_pattern name: (identifier) @local.definition)
(local_function_statement name: (identifier) @local.definition)
(from_clause name: (identifier) @local.definition)
(let_clause . (identifier) @local.definition)
(join_clause (identifier) @local.definition . "in")

(using_directive (identifier) @ignore .)
(using_directive (qualified_name (identifier) @ignore))
(using_directive (qualified_name (qualified_name (identifier) @ignore)))
(using_directive (qualified_name (qualified_name (qualified_name (identifier) @ignore))))
(using_directive (qualified_name (qualified_name (qualified_name (qualified_name (identifier) @ignore)))))
(using_directive (qualified_name (qualified_name (qualified_name (qualified_name (qualified_name (identifier) @ignore))))))
(namespace_declaration name: (identifier) @ignore)
(file_scoped_namespace_declaration name: (identifier) @ignore)
(namespace_declaration name: (qualified_name (identifier) @ignore))
(file_scoped_namespace_declaration name: (qualified_name (identifier) @ignore))
(namespace_declaration name: (qualified_name (qualified_name (identifier) @ignore)))
(file_scoped_namespace_declaration name: (qualified_name (qualified_name (identifier) @ignore)))
(namespace_declaration name: (qualified_name (qualified_name (qualified_name (identifier) @ignore))))
(file_scoped_namespace_declaration name: (qualified_name (qualified_name (qualified_name (identifier) @ignore))))
(namespace_declaration name: (qualified_name (qualified_name (qualified_name (qualified_name (identifier) @ignore)))))
(file_scoped_namespace_declaration name: (qualified_name (qualified_name (qualified_name (qualified_name (identifier) @ignore)))))
(argument name: (identifier) @ignore)
