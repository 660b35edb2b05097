; JavaScript: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds line counts and docs.
; `&&`/`||`/`??` are counted by their operator token: a pattern rooted at binary_expression would keep
; a state alive across the left operand, which is quadratic on long chains (`a && b && …`).

[(if_statement) (for_statement) (for_in_statement) (while_statement) (do_statement)
 (switch_case) (catch_clause) (ternary_expression)] @branch
["&&" "||" "??"] @branch
(comment) @comment
