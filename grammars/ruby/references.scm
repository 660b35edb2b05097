; Ruby references: method calls (with @receiver when there is one), superclasses and mixins,
; constant uses and identifier reads. Symbols (`:name`), strings and comments are not identifiers.
; Call patterns use a wildcard parent (only `call` has operator/method fields): naming `call`
; makes query compilation several times slower. A call with a receiver is matched from its
; `.`/`&.`/`::` operator, which is also its @receiver (Ruby imports bind no names, so the receiver
; text is never needed): a pattern that captured the receiver node itself would keep a query state
; alive across it, which is quadratic on long chains (`a.b.c.d…`).

(_ operator: ["." "&." "::"] @receiver method: [(identifier) (constant)] @reference.call)
(_ !receiver method: [(identifier) (constant)] @reference.call)

(superclass (constant) @reference.inherit)
(superclass (scope_resolution name: (constant) @reference.inherit))
; `include A, B`: the first three arguments. Each argument is anchored to the one before, so the
; state fails at the first argument that is not a constant (an unanchored search would keep it alive
; across every argument list, quadratic on nested calls `f(g(h(…)))`).
((_ !receiver method: (identifier) @_m arguments: (_ . [(constant) @reference.inherit (scope_resolution name: (constant) @reference.inherit)]))
  (#any-of? @_m "include" "extend" "prepend"))
((_ !receiver method: (identifier) @_m arguments: (_ . [(constant) (scope_resolution)] . [(constant) @reference.inherit (scope_resolution name: (constant) @reference.inherit)]))
  (#any-of? @_m "include" "extend" "prepend"))
((_ !receiver method: (identifier) @_m arguments: (_ . [(constant) (scope_resolution)] . [(constant) (scope_resolution)] . [(constant) @reference.inherit (scope_resolution name: (constant) @reference.inherit)]))
  (#any-of? @_m "include" "extend" "prepend"))

(scope_resolution scope: (_) @receiver name: (constant) @reference.read)
(operator_assignment left: (identifier) @reference.write)
(constant) @reference.read
(identifier) @reference.read
