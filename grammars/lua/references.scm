; Lua references: calls (with @receiver for `t.f()` / `t:f()`), field accesses, global writes
; and identifier reads. Strings and comments hold no identifiers.

(function_call name: (identifier) @reference.call)
(function_call name: (dot_index_expression table: (_) @receiver field: (identifier) @reference.call))
(function_call name: (method_index_expression table: (_) @receiver method: (identifier) @reference.call))
(dot_index_expression table: (_) @receiver field: (identifier) @reference.attribute)
(method_index_expression table: (_) @receiver method: (identifier) @reference.attribute)
(assignment_statement (variable_list name: (identifier) @reference.write))
(identifier) @reference.read

; Table-constructor keys (`{ name = 1 }`) and attribs (`<const>`) are not uses of a symbol. The
; framework has no "not a reference" capture; a binding capture outside an @import match only
; marks the node as declared, which keeps it out of the references.
(field name: (identifier) @import.alias)
(attribute (identifier) @import.alias)
