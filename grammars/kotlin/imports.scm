; Kotlin imports: specifier = the fully qualified name; `import a.B` binds B, `import a.B as C`
; binds C to B. `import a.b.*` binds nothing; the grammar has no node spanning `a.b.*`, so the
; specifier is `a.b` with form "wildcard" (`suffix` is for a framework that appends it).
; The `*` token cannot be negated in a pattern, hence #not-match? (on import nodes only).

((import (qualified_identifier (identifier) @import.name .) @import.source .) @import
  (#not-match? @import "\\*"))
((import (qualified_identifier (identifier) @import.name .) @import.source (identifier) @import.alias) @import)
((import (qualified_identifier) @import.source "*") @import
  (#set! form "wildcard") (#set! suffix ".*"))
