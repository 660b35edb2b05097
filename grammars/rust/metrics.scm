; Rust: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds line counts and docs.

[(if_expression) (while_expression) (for_expression) (match_arm) (try_expression)] @branch
(binary_expression operator: ["&&" "||"] @branch)
[(line_comment) (block_comment)] @comment
