; Go: @branch nodes add one to the enclosing function's cyclomatic estimate; @comment feeds line counts and docs.

[(if_statement) (for_statement) (expression_case) (type_case) (communication_case)] @branch
(binary_expression operator: ["&&" "||"] @branch)
(comment) @comment
