; C: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds line
; counts and doc comments.

[(if_statement) (for_statement) (while_statement) (do_statement) (conditional_expression)] @branch
(case_statement value: (_)) @branch
; Operator tokens, not their binary_expression: a pattern on the parent is quadratic on deep chains.
["&&" "||"] @branch
(comment) @comment
