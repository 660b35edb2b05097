; Lua definitions (file level only). `function M.f()` / `function M:m()` are qualified through
; @receiver: `M.f` stays a function (#set! keep_kind), `M:m` (with `self`) is a method.
; `local function f` and `local x` are file-private; plain assignments are globals. A declaration or
; assignment of several names (`local a, b = …`) is the definition of each (sibling symbols sharing
; its signature and lines). `local x = require(…)` is an import, not a variable. Empty bodies use
; `end` as @body so signatures stop before it (the first @body, the block, wins when there is one).
; Performance: a pattern rooted at `chunk` keeps a query state alive over the whole file, so there
; are few of them; alternatives sit below the statement, where states split only within it.

(chunk (function_declaration
  name: [(identifier) @name (dot_index_expression table: (_) @receiver field: (identifier) @name)]
  parameters: (parameters) @params body: (block)? @body "end" @body) @definition.function
  (#set! keep_kind "true"))
(chunk (function_declaration
  name: (method_index_expression table: (_) @receiver method: (identifier) @name)
  parameters: (parameters) @params body: (block)? @body "end" @body) @definition.method)

; local x = … / local f = function … end / local x
(chunk (variable_declaration [
  (assignment_statement (variable_list name: (identifier) @name) (expression_list . value: (_) @_value))
  (variable_list name: (identifier) @name)]) @definition.variable
  (#not-match? @_value "^require\\s*\\(?\\s*[\"'][^\"']*[\"']\\s*\\)?$"))
(chunk (variable_declaration (assignment_statement
    (variable_list . name: (identifier) @name .)
    (expression_list . value: (function_definition parameters: (parameters) @params body: (block)? @body) .))) @definition.function)

; x = … (globals) and M.x = … (module fields); f = function … end / M.f = function … end.
(chunk (assignment_statement
    (variable_list name: (identifier) @name)
    (expression_list . value: (_) @_value)) @definition.variable
  (#not-match? @_value "^require\\s*\\(?\\s*[\"'][^\"']*[\"']\\s*\\)?$"))
(chunk (assignment_statement
    (variable_list name: (dot_index_expression table: (_) @receiver field: (identifier) @name))) @definition.property)
(chunk (assignment_statement
    (variable_list . name: [(identifier) @name (dot_index_expression table: (_) @receiver field: (identifier) @name)] .)
    (expression_list . value: (function_definition parameters: (parameters) @params body: (block)? @body) .)) @definition.function
  (#set! keep_kind "true"))
