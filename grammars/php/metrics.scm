; PHP complexity: conditionals, loops, switch/match arms, catch clauses, ternaries, boolean operators.
; @comment feeds line counts and doc comments.

[(if_statement) (else_if_clause) (for_statement) (foreach_statement) (while_statement) (do_statement)
 (case_statement) (catch_clause) (conditional_expression) (match_conditional_expression)] @branch
; Boolean operators are counted by their token: a pattern rooted at binary_expression would keep a
; state alive across the left operand, which is quadratic on long chains (`a && b && …`).
["&&" "||" "??" "and" "or"] @branch
(comment) @comment
