; Go imports: one record per import_spec (each path of a grouped `import ( … )` block is its own
; record, on its own line). specifier = the import path. An unaliased import binds the package
; name, derived from the path by LanguageSpec.defaultBinding (last segment, `/vN` dropped).
; `str "strings"` binds {local: str, imported: *}; `_ "x"` and `. "x"` bind nothing.

(import_spec !name path: (_) @import.source) @import
(import_spec name: (package_identifier) @import.alias path: (_) @import.source) @import
(import_spec name: [(blank_identifier) (dot)] path: (_) @import.source (#set! binding "none")) @import
