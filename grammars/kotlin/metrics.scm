; Kotlin: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds
; line counts.

[(if_expression) (for_statement) (while_statement) (do_while_statement) (catch_block)] @branch
(when_entry condition: (_)) @branch
; Operator tokens, not their binary_expression: a pattern on the parent is quadratic on deep chains.
["&&" "||" "?:"] @branch
[(line_comment) (block_comment)] @comment
