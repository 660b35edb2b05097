; Bash complexity: if/elif, loops, case arms and `&&`/`||` (in command lists and [[ ]] tests).
; @comment feeds line counts and doc comments.

[(if_statement) (elif_clause) (for_statement) (c_style_for_statement) (while_statement) (case_item)] @branch
; `&&`/`||` are counted by their token (they occur only in command lists and test/arithmetic
; expressions): a pattern rooted at list/binary_expression would keep a state alive across the left
; operand, which is quadratic on long chains (`a && b && …`).
["&&" "||"] @branch
(comment) @comment
