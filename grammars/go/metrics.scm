; Go: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds line counts and docs.

[(if_statement) (for_statement) (expression_case) (type_case) (communication_case)] @branch
; `&&`/`||` are counted by their operator token: a pattern rooted at binary_expression would keep a
; state alive across the left operand, which is quadratic on long chains (`a && b && …`).
["&&" "||"] @branch
(comment) @comment
