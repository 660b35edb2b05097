; @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds line counts and docs.

[(if_statement) (for_statement) (for_in_statement) (while_statement) (do_statement)
 (switch_case) (catch_clause) (ternary_expression)] @branch
; Operator tokens, not their binary_expression: a pattern on the parent is quadratic on deep chains.
["&&" "||" "??"] @branch
(comment) @comment
