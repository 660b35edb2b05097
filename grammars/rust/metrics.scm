; Rust: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds line counts and docs.

[(if_expression) (while_expression) (for_expression) (match_arm) (try_expression)] @branch
; `&&`/`||` are counted by their operator token: a pattern rooted at binary_expression would keep a
; state alive across the left operand, which is quadratic on long chains (`a && b && …`). (Tokens
; inside macro arguments, `assert!(a && b)`, count too.)
["&&" "||"] @branch
[(line_comment) (block_comment)] @comment
