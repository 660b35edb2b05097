; Swift complexity: conditionals, loops, `case` arms (not `default`), catch blocks, ternaries and
; `&&`/`||`/`??`. @comment feeds line counts and doc comments.

[(if_statement) (guard_statement) (for_statement) (while_statement) (repeat_while_statement)
 (catch_block) (ternary_expression) (conjunction_expression) (disjunction_expression)
 (nil_coalescing_expression)] @branch
(switch_entry (switch_pattern)) @branch
[(comment) (multiline_comment)] @comment
