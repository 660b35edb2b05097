; Java local scopes and the names declared in them: type parameters, parameters, locals and
; catch/for/lambda/pattern variables. Type declarations are scopes only for their type parameters
; (and record components); fields are symbols, not locals. @ignore marks identifiers that are
; neither: package/import/annotation path prefixes, labels, anonymous-class member names.

[(class_declaration) (interface_declaration) (record_declaration)
 (method_declaration) (constructor_declaration) (compact_constructor_declaration) (lambda_expression)
 (block) (for_statement) (enhanced_for_statement) (catch_clause) (try_with_resources_statement)
 (switch_block_statement_group) (switch_rule)] @local.scope

(type_parameter . (type_identifier) @local.definition)
(formal_parameter name: (identifier) @local.definition)
(spread_parameter (variable_declarator name: (identifier) @local.definition))
(lambda_expression parameters: (identifier) @local.definition)
(inferred_parameters (identifier) @local.definition)
(local_variable_declaration declarator: (variable_declarator name: (identifier) @local.definition))
(enhanced_for_statement name: (identifier) @local.definition)
(catch_formal_parameter name: (identifier) @local.definition)
(resource name: (identifier) @local.definition)
(instanceof_expression name: (identifier) @local.definition)
(record_pattern_component (identifier) @local.definition)
(type_pattern (identifier) @local.definition)

(scoped_identifier scope: (identifier) @ignore)
(scoped_identifier scope: (scoped_identifier name: (identifier) @ignore))
(package_declaration (scoped_identifier name: (identifier) @ignore))
(package_declaration (identifier) @ignore)
(import_declaration (scoped_identifier name: (identifier) @ignore) . (asterisk))
(labeled_statement (identifier) @ignore)
(break_statement (identifier) @ignore)
(continue_statement (identifier) @ignore)
(element_value_pair key: (identifier) @ignore)

; Members of anonymous class bodies are not symbols; their names are not uses either.
(object_creation_expression (class_body (method_declaration name: (identifier) @ignore)))
(object_creation_expression (class_body (field_declaration declarator: (variable_declarator name: (identifier) @ignore))))
(enum_constant body: (class_body (method_declaration name: (identifier) @ignore)))
