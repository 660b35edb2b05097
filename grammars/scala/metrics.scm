; Scala: @branch nodes add one to the enclosing def's cyclomatic estimate; @comment feeds line
; counts.

[(if_expression) (while_expression) (do_while_expression) (for_expression) (catch_clause) (guard)] @branch
(match_expression body: (case_block (case_clause) @branch))
; The operator node, not its infix_expression: a pattern on the parent is quadratic on deep chains.
((operator_identifier) @branch (#any-of? @branch "&&" "||"))
[(comment) (block_comment)] @comment
