; Lua references: calls (with @receiver for `t.f()` / `t:f()`), field accesses, global writes
; and identifier reads. Strings and comments hold no identifiers.
;
; Performance: call and index chains (`a:b():c().d`) nest through their first child, so a pattern
; rooted at function_call/dot_index_expression that waits for the field after an arbitrary table
; keeps one query state alive per enclosing link: quadratic in the chain length. So:
; - field accesses are found as the sibling sequence [identifier] `.`|`:` field (a pattern that
;   starts at most one node before the field). @receiver is the identifier table when there is one
;   (`json.encode`: it may be an import binding); otherwise it is the `.`/`:` token, which is never
;   an import binding, so the use is only marked as a member access. (Of the two matches for `a.b`,
;   tree-sitter keeps the longer one, and the first @receiver wins.)
; - a call through a field (`t.f()`, `t:f()`) is matched when the table's first-child spine reaches
;   a node without `table`/`name` (a name, string, `( … )`) within six links; on deeper chains the
;   state fails after six nodes and the call is reported as a member access only.

(function_call name: (identifier) @reference.call)
(function_call name: (dot_index_expression table: [(_ !table !name)
    (_ . [(_ !table !name)
      (_ . [(_ !table !name)
        (_ . [(_ !table !name)
          (_ . [(_ !table !name)
            (_ . [(_ !table !name)
              (_ . (_ !table !name))])])])])])] @receiver field: (identifier) @reference.call))
(function_call name: (method_index_expression table: [(_ !table !name)
    (_ . [(_ !table !name)
      (_ . [(_ !table !name)
        (_ . [(_ !table !name)
          (_ . [(_ !table !name)
            (_ . [(_ !table !name)
              (_ . (_ !table !name))])])])])])] @receiver method: (identifier) @reference.call))
((identifier)? @receiver . ["." ":"] @receiver (identifier) @reference.attribute)
(assignment_statement (variable_list name: (identifier) @reference.write))
(identifier) @reference.read

; Table-constructor keys (`{ name = 1 }`) and attribs (`<const>`) are not uses of a symbol.
(field name: (identifier) @ignore)
(attribute (identifier) @ignore)
