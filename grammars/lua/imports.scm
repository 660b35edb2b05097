; Lua imports: `require("a.b")` / `require "a.b"` with a literal string → specifier `a.b`;
; `local x = require(…)` (or `x = require(…)`) also binds x to the whole module (`*`).

((assignment_statement
  (variable_list . name: (identifier) @import.namespace .)
  (expression_list . value: (function_call
    name: (identifier) @_req
    arguments: (arguments . (string content: (string_content) @import.source) .)) .))
  (#eq? @_req "require")) @import
((function_call
  name: (identifier) @_req
  arguments: (arguments . (string content: (string_content) @import.source) .))
  (#eq? @_req "require")) @import
