; Java imports: one record per import declaration, specifier = the fully qualified name.
; `import a.b.C;` binds C; `import static a.b.C.m;` binds m with form "static".
; Wildcards (`import a.b.*;`) bind nothing. The grammar has no node spanning `a.b.*`, so the
; specifier is `a.b` with form "wildcard" (static wildcards: form "static", no binding); the
; `suffix` property is there for a framework that appends it to the specifier.
; A `static` keyword cannot be negated in a pattern, hence the #not-match? on import nodes only.

((import_declaration (scoped_identifier name: (identifier) @import.name) @import.source .) @import
  (#not-match? @import "^import\\s+static\\s"))
((import_declaration (_) @import.source . (asterisk)) @import
  (#not-match? @import "^import\\s+static\\s")
  (#set! form "wildcard") (#set! suffix ".*"))
((import_declaration "static" (scoped_identifier name: (identifier) @import.name) @import.source .) @import
  (#set! form "static"))
((import_declaration "static" (scoped_identifier) @import.source . (asterisk)) @import
  (#set! form "static") (#set! suffix ".*"))
