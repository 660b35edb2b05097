; C++ local scopes and the names declared in them: parameters (also of prototypes, which sit in no
; scope, so their names are simply not references), declarations, range-for, catch and structured-binding
; variables, lambda parameters, template parameters and macro parameters.

[(function_definition) (compound_statement) (for_statement) (for_range_loop) (catch_clause)
 (lambda_expression) (template_declaration) (preproc_function_def)] @local.scope

(parameter_declaration declarator: [
  (identifier) @local.definition
  (pointer_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @local.definition))
  (array_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (array_declarator declarator: (identifier) @local.definition))
  (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @local.definition)))
  (reference_declarator (identifier) @local.definition)])
(optional_parameter_declaration declarator: [
  (identifier) @local.definition
  (pointer_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @local.definition))
  (array_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (array_declarator declarator: (identifier) @local.definition))
  (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @local.definition)))
  (reference_declarator (identifier) @local.definition)])

; Every declaration's names: block-level ones are locals; a file-level declaration sits in no
; scope, so for globals (symbols anyway), prototypes and `extern`s this only marks the name as
; a declaration rather than a use.
(declaration declarator: [
  (identifier) @local.definition
  (pointer_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @local.definition))
  (array_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (array_declarator declarator: (identifier) @local.definition))
  (function_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (function_declarator declarator: (identifier) @local.definition))
  (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @local.definition)))
  (reference_declarator (identifier) @local.definition)
  (init_declarator declarator: [
    (identifier) @local.definition
    (pointer_declarator declarator: (identifier) @local.definition)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @local.definition))
    (array_declarator declarator: (identifier) @local.definition)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @local.definition))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @local.definition)))
    (reference_declarator (identifier) @local.definition)
    (structured_binding_declarator (identifier) @local.definition)])])

(preproc_params (identifier) @local.definition)
(for_range_loop declarator: [(identifier) @local.definition (reference_declarator (identifier) @local.definition)
  (structured_binding_declarator (identifier) @local.definition)])
(type_parameter_declaration (type_identifier) @local.definition)
(optional_type_parameter_declaration name: (type_identifier) @local.definition)
(variadic_type_parameter_declaration (type_identifier) @local.definition)

; A destructor names its class; that is part of the declaration, not a use.
(destructor_name (identifier) @ignore)

; `#define` names are never uses (include guards are not symbols either).
(preproc_def name: (identifier) @ignore)
