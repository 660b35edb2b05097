; Bash definitions: functions (anywhere: `name() {}` and `function name {}`) and file-level
; variable assignments, bare or under export/readonly/declare (UPPER_CASE names become constants).

(function_definition name: (word) @name body: (_) @body) @definition.function
(program (variable_assignment name: (variable_name) @name) @definition.variable)
(program (declaration_command (variable_assignment name: (variable_name) @name)) @definition.variable)
