; C# using directives: `using A.B;` → specifier A.B (no binding: the namespace's types become
; visible); `using static A.B.C;` → form "static"; `using X = A.B.C;` → binding {X, '*'};
; `global using` is the same as `using`. `static` cannot be negated in a pattern, hence the
; #not-match? (on using directives only).

((using_directive . [(identifier) (qualified_name)] @import.source .) @import
  (#not-match? @import "^(global\\s+)?using\\s+static\\s"))
((using_directive "static" [(identifier) (qualified_name)] @import.source .) @import
  (#set! form "static"))
(using_directive name: (identifier) @import.alias . [(identifier) (qualified_name) (generic_name)] @import.source) @import
