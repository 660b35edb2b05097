; Kotlin local scopes and the names declared in them: parameters, local val/var (incl.
; destructuring), for/lambda/catch variables, type parameters and plain (non-val/var) primary
; constructor parameters. @ignore marks identifiers that are neither declarations nor uses:
; package and import path segments, labels, member names of object expressions.

[(class_declaration) (function_declaration) (secondary_constructor) (anonymous_initializer)
 (getter) (setter) (lambda_literal) (anonymous_function) (block) (for_statement) (catch_block)
 (when_expression)] @local.scope

(type_parameter (identifier) @local.definition)
(parameter (identifier) @local.definition)
((class_parameter (identifier) @local.definition) @_param
  (#not-match? @_param "(^|\\s)va[lr]\\s"))
(block (property_declaration (variable_declaration (identifier) @local.definition)))
(block (property_declaration (multi_variable_declaration (variable_declaration (identifier) @local.definition))))
(lambda_literal (property_declaration (variable_declaration (identifier) @local.definition)))
(lambda_literal (property_declaration (multi_variable_declaration (variable_declaration (identifier) @local.definition))))
(lambda_parameters (variable_declaration (identifier) @local.definition))
(lambda_parameters (multi_variable_declaration (variable_declaration (identifier) @local.definition)))
(for_statement (variable_declaration (identifier) @local.definition))
(for_statement (multi_variable_declaration (variable_declaration (identifier) @local.definition)))
(catch_block (identifier) @local.definition)

(object_literal (class_body (function_declaration name: (identifier) @ignore)))
(object_literal (class_body (property_declaration (variable_declaration (identifier) @ignore))))
(package_header (qualified_identifier (identifier) @ignore))
(qualified_identifier (identifier) @ignore . (identifier))
(import (qualified_identifier (identifier) @ignore .) "*")
(return_expression label: (identifier) @ignore)
