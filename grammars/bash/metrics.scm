; Bash complexity: if/elif, loops, case arms and `&&`/`||` (in command lists and [[ ]] tests).
; @comment feeds line counts and doc comments.

[(if_statement) (elif_clause) (for_statement) (c_style_for_statement) (while_statement) (case_item)] @branch
(list ["&&" "||"] @branch)
(binary_expression operator: ["&&" "||"] @branch)
(comment) @comment
