; Python imports. Conventions for the resolver:
;   import a.b          → specifier `a.b`, binding {local: a, imported: *}
;   import a.b as c     → specifier `a.b`, binding {local: c, imported: *}
;   from ..p.m import x as y, z → specifier `..p.m` (leading dots kept), bindings {y, x}, {z, z}
;   from . import x     → specifier `.`
;   from m import *     → specifier `m`, no binding
; Imports anywhere (inside functions, `if TYPE_CHECKING:` blocks) are recorded.
; The bare-import binding is captured here (@import.namespace on the first segment) instead of
; via LanguageSpec.defaultBinding, because defaultBinding would also bind `from m import *`.

(import_statement name: (dotted_name . (identifier) @import.namespace) @import.source) @import
(import_statement name: (aliased_import name: (dotted_name) @import.source alias: (identifier) @import.alias)) @import

(import_from_statement
  module_name: (_) @import.source
  name: (dotted_name . (identifier) @import.name .)) @import
(import_from_statement
  module_name: (_) @import.source
  name: (aliased_import name: (dotted_name . (identifier) @import.name .) alias: (identifier) @import.alias)) @import
(import_from_statement module_name: (_) @import.source (wildcard_import)) @import

; Module path segments are not references.
(import_statement name: (dotted_name (identifier) @ignore))
(import_statement name: (aliased_import name: (dotted_name (identifier) @ignore)))
(import_from_statement module_name: (dotted_name (identifier) @ignore))
(import_from_statement module_name: (relative_import (dotted_name (identifier) @ignore)))
; `from __future__ import x` is a compiler directive, not an import.
(future_import_statement name: (dotted_name (identifier) @ignore))
