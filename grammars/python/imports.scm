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

; `importlib.import_module('pkg.mod')` (or a bare `import_module` imported from importlib) is a
; dynamic import; with a computed name whose head is literal (`'pkg.plugins.' + n`,
; f'pkg.plugins.{n}') it is recorded as form "prefix" with that head as specifier, which resolvers
; never turn into an edge (dead_code spares the modules it may reach).
(call function: [(attribute object: (identifier) @_mod attribute: (identifier) @_fn) (identifier) @_fn]
  arguments: (argument_list . (string . (string_start) . (string_content) @import.source . (string_end)))
  (#eq? @_fn "import_module") (#set! kind "dynamic")) @import
(call function: [(attribute object: (identifier) @_mod attribute: (identifier) @_fn) (identifier) @_fn]
  arguments: (argument_list . [
    (binary_operator left: [(string (string_content) @import.source) (binary_operator left: (string (string_content) @import.source))] operator: "+")
    (string . (string_start) . (string_content) @import.source . (interpolation))])
  (#eq? @_fn "import_module") (#set! kind "dynamic") (#set! form "prefix")) @import
