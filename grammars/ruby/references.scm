; Ruby references: method calls (with @receiver when there is one), superclasses and mixins,
; constant uses and identifier reads. Symbols (`:name`), strings and comments are not identifiers.
; Call patterns use a wildcard parent (only `call` has receiver/method fields): naming `call`
; makes query compilation several times slower.

(_ receiver: (_) @receiver method: [(identifier) (constant)] @reference.call)
(_ !receiver method: [(identifier) (constant)] @reference.call)

(superclass (constant) @reference.inherit)
(superclass (scope_resolution name: (constant) @reference.inherit))
((_
  !receiver
  method: (identifier) @_m
  arguments: (_ [(constant) @reference.inherit (scope_resolution name: (constant) @reference.inherit)]))
  (#any-of? @_m "include" "extend" "prepend"))

(scope_resolution scope: (_) @receiver name: (constant) @reference.read)
(operator_assignment left: (identifier) @reference.write)
(constant) @reference.read
(identifier) @reference.read
