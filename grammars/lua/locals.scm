; Lua local scopes (functions, loops, blocks) and the names declared in them: parameters,
; `local` variables and functions inside functions, loop variables. File-level locals are
; symbols instead (the chunk is not a scope here).

[(function_declaration) (function_definition) (for_statement) (block)] @local.scope

(parameters name: (identifier) @local.definition)
(variable_declaration (assignment_statement (variable_list name: (identifier) @local.definition)))
(variable_declaration (variable_list name: (identifier) @local.definition))
(block (function_declaration "local" name: (identifier) @local.definition))
(for_numeric_clause name: (identifier) @local.definition)
(for_generic_clause (variable_list name: (identifier) @local.definition))
