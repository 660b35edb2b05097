; Lua complexity: if/elseif, loops and `and`/`or`; @comment feeds line counts and doc comments.

[(if_statement) (elseif_statement) (for_statement) (while_statement) (repeat_statement)] @branch
(binary_expression operator: ["and" "or"] @branch)
(comment) @comment
