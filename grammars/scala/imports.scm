; Scala imports: one record per imported entity. The path is split over sibling nodes
; (`a` `.` `b`), so every segment is captured as @import.source: a framework that joins a
; match's @import.source captures with `.` yields `a.b.C`; one that reads the first capture
; yields `a`. `import a.b.C` binds C; `import a.b.{C, D => E}` gives one record per selector
; (the selector name is also a source segment); `import a.b._` / `a.b.*` / `a.b.{given, …}`
; bind nothing, form "wildcard" (`suffix` for a framework that appends it).

(import_declaration "import" . (identifier) @import.source ("." . (identifier) @import.source)*
  "." . (identifier) @import.name @import.source .) @import
(import_declaration "import" . (identifier) @import.source ("." . (identifier) @import.source)*
  "." . (namespace_selectors [
    (identifier) @import.name @import.source
    (arrow_renamed_identifier name: (identifier) @import.name @import.source alias: (identifier) @import.alias)
    (as_renamed_identifier name: (identifier) @import.name @import.source alias: (identifier) @import.alias)])) @import
((import_declaration "import" . (identifier) @import.source ("." . (identifier) @import.source)*
  "." . [(namespace_wildcard) (namespace_selectors (namespace_wildcard))]) @import
  (#set! form "wildcard") (#set! suffix ".*"))
