; Rust imports. Rule: the last segment of a `use` path is the imported name (a binding), the
; segments before it are the specifier, as written (`crate::`, `self::`, `super::`, `::` kept).
;   use crate::a::b::C;            → specifier `crate::a::b`, binding {local: C, imported: C}
;   use std::io;                   → specifier `std`,         binding {local: io, imported: io}
;   use crate::a::b::{C, D as E};  → specifier `crate::a::b`, bindings C and {local: E, imported: D}
;   use crate::a::{self, C};       → as `use crate::a; use crate::a::C;`: two records on the line,
;                                    specifier `crate` binding a, and specifier `crate::a` binding C
;   use a::b::{c::D};              → specifier `a::b`, binding {local: D, imported: `c::D`}
;                                    (imported is the rest of the path relative to the specifier)
;   use a::b::{c::{D, E}};         → specifier `a::b`, bindings D and E with imported `D`/`E`: the
;                                    nested list's path `c` is lost (a query cannot join node texts)
;   use foo; / use foo as bar;     → specifier `foo`, binding {local: foo | bar, imported: *}
;   use a::b::*;                   → specifier `a::b`, no binding
;   pub use …                      → the same records with reexport: true
;   mod x;                         → specifier `x`, form "mod", binding {local: x, imported: *}
;   extern crate x [as y];         → specifier `x`, form "extern_crate", binding {local: x | y, imported: *}
;   use {a::B, c::{D, E}};         → each item of a top-level list is a use tree of its own:
;                                    specifier `a` binding B, specifier `c` bindings D and E
; There is no LanguageSpec.defaultBinding: a record without a captured name (glob) binds nothing.

(use_declaration argument: (scoped_identifier path: (_) @import.source name: (identifier) @import.name)) @import
(use_declaration argument: (use_list (scoped_identifier path: (_) @import.source name: (identifier) @import.name))) @import
(use_declaration argument: (use_as_clause path: (scoped_identifier path: (_) @import.source name: (identifier) @import.name) alias: (identifier) @import.alias)) @import
(use_declaration argument: (use_list (use_as_clause path: (scoped_identifier path: (_) @import.source name: (identifier) @import.name) alias: (identifier) @import.alias))) @import
(use_declaration argument: (identifier) @import.source @import.namespace) @import
(use_declaration argument: (use_list (identifier) @import.source @import.namespace)) @import
(use_declaration argument: (use_as_clause path: (identifier) @import.source alias: (identifier) @import.alias)) @import
(use_declaration argument: (use_list (use_as_clause path: (identifier) @import.source alias: (identifier) @import.alias))) @import
(use_declaration argument: (use_wildcard (_) @import.source)) @import
(use_declaration argument: (use_list (use_wildcard (_) @import.source))) @import
(use_declaration argument: (scoped_use_list path: (_) @import.source)) @import
(use_declaration argument: (use_list (scoped_use_list path: (_) @import.source))) @import
(use_declaration argument: (scoped_use_list path: (_) @import.source list: (use_list (identifier) @import.name))) @import
(use_declaration argument: (use_list (scoped_use_list path: (_) @import.source list: (use_list (identifier) @import.name)))) @import
(use_declaration argument: (scoped_use_list path: (_) @import.source list: (use_list (use_as_clause path: (identifier) @import.name alias: (identifier) @import.alias)))) @import
(use_declaration argument: (use_list (scoped_use_list path: (_) @import.source list: (use_list (use_as_clause path: (identifier) @import.name alias: (identifier) @import.alias))))) @import
(use_declaration argument: (scoped_use_list path: (_) @import.source list: (use_list (scoped_identifier name: (identifier) @import.alias) @import.name))) @import
(use_declaration argument: (use_list (scoped_use_list path: (_) @import.source list: (use_list (scoped_identifier name: (identifier) @import.alias) @import.name)))) @import
(use_declaration argument: (scoped_use_list path: (_) @import.source list: (use_list (use_as_clause path: (scoped_identifier) @import.name alias: (identifier) @import.alias)))) @import
(use_declaration argument: (use_list (scoped_use_list path: (_) @import.source list: (use_list (use_as_clause path: (scoped_identifier) @import.name alias: (identifier) @import.alias))))) @import
(use_declaration argument: (scoped_use_list path: (_) @import.source list: (use_list (scoped_use_list list: (use_list (identifier) @import.name))))) @import
(use_declaration argument: (use_list (scoped_use_list path: (_) @import.source list: (use_list (scoped_use_list list: (use_list (identifier) @import.name)))))) @import
(use_declaration argument: (scoped_use_list path: (_) @import.source list: (use_list (scoped_use_list list: (use_list (use_as_clause path: (identifier) @import.name alias: (identifier) @import.alias)))))) @import
(use_declaration argument: (use_list (scoped_use_list path: (_) @import.source list: (use_list (scoped_use_list list: (use_list (use_as_clause path: (identifier) @import.name alias: (identifier) @import.alias))))))) @import
(use_declaration argument: (scoped_use_list path: (scoped_identifier path: (_) @import.source name: (identifier) @import.name) list: (use_list (self)))) @import
(use_declaration argument: (use_list (scoped_use_list path: (scoped_identifier path: (_) @import.source name: (identifier) @import.name) list: (use_list (self))))) @import
(use_declaration argument: (scoped_use_list path: (identifier) @import.source @import.namespace list: (use_list (self)))) @import
(use_declaration argument: (use_list (scoped_use_list path: (identifier) @import.source @import.namespace list: (use_list (self))))) @import

(use_declaration (visibility_modifier) argument: [
  (scoped_identifier path: (_) @import.source)
  (use_as_clause path: (scoped_identifier path: (_) @import.source))
  (identifier) @import.source
  (use_as_clause path: (identifier) @import.source)
  (use_wildcard (_) @import.source)
  (scoped_use_list path: (_) @import.source)
  (scoped_use_list path: (scoped_identifier path: (_) @import.source) list: (use_list (self)))]
  (#set! reexport "true")) @import
(use_declaration (visibility_modifier) argument: (use_list [
  (scoped_identifier path: (_) @import.source)
  (use_as_clause path: (scoped_identifier path: (_) @import.source))
  (identifier) @import.source
  (use_as_clause path: (identifier) @import.source)
  (use_wildcard (_) @import.source)
  (scoped_use_list path: (_) @import.source)
  (scoped_use_list path: (scoped_identifier path: (_) @import.source) list: (use_list (self)))])
  (#set! reexport "true")) @import

(mod_item !body name: (identifier) @import.source @import.namespace (#set! form "mod")) @import
(extern_crate_declaration name: (identifier) @import.source @import.namespace !alias (#set! form "extern_crate")) @import
(extern_crate_declaration name: (identifier) @import.source alias: (identifier) @import.alias (#set! form "extern_crate")) @import

; Path segments of a `use` are not references (@ignore). Paths nest 6 deep here.
(use_declaration argument: (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: (identifier) @ignore name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)]))
(use_declaration argument: (use_as_clause path: (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: (identifier) @ignore name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)])))
(use_declaration argument: (use_as_clause path: (identifier) @ignore))
(use_declaration argument: (use_list (use_as_clause path: (identifier) @ignore)))
(extern_crate_declaration name: (identifier) @ignore alias: (_))
(scoped_use_list path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: (identifier) @ignore name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)])
(use_wildcard [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: (identifier) @ignore name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)])
(use_list (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: (identifier) @ignore name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)]))
(use_list (use_as_clause path: (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: [(identifier) @ignore (scoped_identifier !path name: (identifier) @ignore) (scoped_identifier path: [(crate) (self) (super) (metavariable)] name: (identifier) @ignore) (scoped_identifier path: (identifier) @ignore name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)] name: (identifier) @ignore)])))
