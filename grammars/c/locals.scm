; C local scopes and the names declared in them: parameters (also of prototypes, which sit in no
; scope, so their names are simply not references), declarations, and macro parameters.

[(function_definition) (compound_statement) (for_statement) (preproc_function_def)] @local.scope

(parameter_declaration declarator: [
  (identifier) @local.definition
  (pointer_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @local.definition))
  (array_declarator declarator: (identifier) @local.definition)
  (pointer_declarator declarator: (array_declarator declarator: (identifier) @local.definition))
  (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @local.definition)))])

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
  (init_declarator declarator: [
    (identifier) @local.definition
    (pointer_declarator declarator: (identifier) @local.definition)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @local.definition))
    (array_declarator declarator: (identifier) @local.definition)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @local.definition))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @local.definition)))])])

(preproc_params (identifier) @local.definition)

; `#define` names are never uses (include guards are not symbols either).
(preproc_def name: (identifier) @ignore)
