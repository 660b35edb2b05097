; C#: @branch nodes add one to the enclosing method's cyclomatic estimate; @comment feeds line
; counts and doc comments.

[(if_statement) (for_statement) (foreach_statement) (while_statement) (do_statement)
 (catch_clause) (conditional_expression) (switch_expression_arm)] @branch
(switch_section "case") @branch
; Operator tokens, not their binary_expression: a pattern on the parent is quadratic on deep chains.
["&&" "||" "??"] @branch
(comment) @comment
