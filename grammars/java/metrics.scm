; Java: @branch nodes add one to the enclosing method's cyclomatic estimate; @comment feeds
; line counts.

[(if_statement) (for_statement) (enhanced_for_statement) (while_statement) (do_statement)
 (catch_clause) (ternary_expression)] @branch
(switch_label "case") @branch
; Operator tokens, not their binary_expression: a pattern on the parent is quadratic on deep chains.
["&&" "||"] @branch
[(line_comment) (block_comment)] @comment
