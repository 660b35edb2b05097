; C++: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds
; line counts and doc comments.

[(if_statement) (for_statement) (for_range_loop) (while_statement) (do_statement)
 (conditional_expression) (catch_clause)] @branch
(case_statement value: (_)) @branch
; Operator tokens, not their binary_expression: a pattern on the parent is quadratic on deep
; chains. `&&` also spells rvalue references, so it is only counted inside a binary_expression.
["||" "or"] @branch
(binary_expression operator: ["&&" "and"] @branch)
(comment) @comment
