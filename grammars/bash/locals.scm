; Bash local scopes: function bodies. `local`/`declare`/`typeset` names and loop variables are
; locals of the enclosing function (at file level they belong to no scope). Variables and functions
; are separate namespaces (LanguageSpec.callsIgnoreLocals), so a local variable hides variable
; reads and writes of that name, not calls of a same-named function.

(function_definition) @local.scope

(declaration_command ["local" "declare" "typeset"] (variable_assignment name: (variable_name) @local.definition))
(declaration_command ["local" "declare" "typeset"] (variable_name) @local.definition)
(for_statement variable: (variable_name) @local.definition)
