; Python: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds line counts and docs.

[(if_statement) (elif_clause) (for_statement) (while_statement) (except_clause) (conditional_expression)
 (for_in_clause) (if_clause) (case_clause)] @branch
; `and`/`or` are counted by their operator token.
["and" "or"] @branch
(comment) @comment
