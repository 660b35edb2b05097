; Ruby complexity: conditionals, loops, `when`/`in` arms, rescue clauses, `&&`/`||`/`and`/`or`.
; @comment feeds line counts and doc comments.

[(if) (elsif) (unless) (if_modifier) (unless_modifier) (while) (until) (while_modifier) (until_modifier)
 (for) (when) (in_clause) (rescue) (rescue_modifier) (conditional)] @branch
; These operator tokens only occur in `binary` (`&&=`/`||=` are other tokens).
["&&" "||" "and" "or"] @branch
(comment) @comment
