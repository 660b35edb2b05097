; Bash local scopes: function bodies. `local`/`declare`/`typeset` names and loop variables are
; locals of the enclosing function (at file level they belong to no scope). Shadowing is by name,
; so a local variable also hides a call of a same-named function inside that function (bash
; keeps variables and functions apart; the framework cannot).

(function_definition) @local.scope

(declaration_command ["local" "declare" "typeset"] (variable_assignment name: (variable_name) @local.definition))
(declaration_command ["local" "declare" "typeset"] (variable_name) @local.definition)
(for_statement variable: (variable_name) @local.definition)
