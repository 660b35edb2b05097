; Lua definitions (file level only). `function M.f()` / `function M:m()` are qualified through
; @receiver; `local function f` and `local x` are file-private; plain assignments are globals.
; A one-name declaration is the definition node; in `local a, b = …` each name is its own node,
; because one node shared by several names would nest them (`a.b`). `local x = require(…)` is an
; import, not a variable. Empty bodies use `end` as @body so signatures stop before it.

(chunk (function_declaration name: (identifier) @name parameters: (parameters) @params body: (block) @body) @definition.function)
(chunk (function_declaration name: (identifier) @name parameters: (parameters) @params !body "end" @body) @definition.function)
(chunk (function_declaration name: (dot_index_expression table: (_) @receiver field: (identifier) @name) parameters: (parameters) @params body: (block) @body) @definition.function)
(chunk (function_declaration name: (dot_index_expression table: (_) @receiver field: (identifier) @name) parameters: (parameters) @params !body "end" @body) @definition.function)
(chunk (function_declaration name: (method_index_expression table: (_) @receiver method: (identifier) @name) parameters: (parameters) @params body: (block) @body) @definition.method)
(chunk (function_declaration name: (method_index_expression table: (_) @receiver method: (identifier) @name) parameters: (parameters) @params !body "end" @body) @definition.method)

; local x = … / local f = function … end
((chunk (variable_declaration (assignment_statement
    (variable_list . name: (identifier) @name .)
    (expression_list . value: (_) @_value))) @definition.variable)
  (#not-match? @_value "^require\\s*\\(?\\s*[\"'][^\"']*[\"']\\s*\\)?$"))
(chunk (variable_declaration (assignment_statement
    (variable_list . name: (identifier) @name .)
    (expression_list . value: (function_definition parameters: (parameters) @params body: (block)? @body) .))) @definition.function)
(chunk (variable_declaration (variable_list . name: (identifier) @name .)) @definition.variable)

; x = … / f = function … end (globals)
((chunk (assignment_statement
    (variable_list . name: (identifier) @name .)
    (expression_list . value: (_) @_value)) @definition.variable)
  (#not-match? @_value "^require\\s*\\(?\\s*[\"'][^\"']*[\"']\\s*\\)?$"))
(chunk (assignment_statement
    (variable_list . name: (identifier) @name .)
    (expression_list . value: (function_definition parameters: (parameters) @params body: (block)? @body) .)) @definition.function)

; Several names in one declaration or assignment: one definition per name node.
(chunk (variable_declaration (assignment_statement (variable_list name: (identifier) @name @definition.variable . [(identifier) (attribute)]))))
(chunk (variable_declaration (assignment_statement (variable_list [(identifier) (attribute)] . name: (identifier) @name @definition.variable))))
(chunk (variable_declaration (variable_list name: (identifier) @name @definition.variable . [(identifier) (attribute)])))
(chunk (variable_declaration (variable_list [(identifier) (attribute)] . name: (identifier) @name @definition.variable)))
(chunk (assignment_statement (variable_list name: (identifier) @name @definition.variable . [(identifier) (attribute)])))
(chunk (assignment_statement (variable_list [(identifier) (attribute)] . name: (identifier) @name @definition.variable)))

; M.x = … / M.f = function … end (module fields)
(chunk (assignment_statement
    (variable_list . name: (dot_index_expression table: (_) @receiver field: (identifier) @name) .)) @definition.property)
(chunk (assignment_statement
    (variable_list . name: (dot_index_expression table: (_) @receiver field: (identifier) @name) .)
    (expression_list . value: (function_definition parameters: (parameters) @params body: (block)? @body) .)) @definition.function)
