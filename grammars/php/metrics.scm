; PHP complexity: conditionals, loops, switch/match arms, catch clauses, ternaries, boolean operators.
; @comment feeds line counts and doc comments.

[(if_statement) (else_if_clause) (for_statement) (foreach_statement) (while_statement) (do_statement)
 (case_statement) (catch_clause) (conditional_expression) (match_conditional_expression)] @branch
(binary_expression operator: ["&&" "||" "??" "and" "or"] @branch)
(comment) @comment
