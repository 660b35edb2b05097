; Lua complexity: if/elseif, loops and `and`/`or`; @comment feeds line counts and doc comments.

[(if_statement) (elseif_statement) (for_statement) (while_statement) (repeat_statement)] @branch
; `and`/`or` are counted by their operator token: a pattern rooted at binary_expression would keep a
; state alive across the left operand, which is quadratic on long chains (`a and b and …`).
["and" "or"] @branch
(comment) @comment
