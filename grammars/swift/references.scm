; Swift references: calls (with @receiver for `a.f()`), member accesses, inheritance/conformance,
; type names and identifier reads. Swift imports bind no names, so a receiver's text is never
; needed, only whether there is one.
; Query compilation is slow with this grammar when a pattern names a big parent with several child
; steps (call_expression, assignment, function_declaration): such patterns use wildcard parents
; (`(_ …)`) and tell nodes apart by fields and anchors, or name a small node instead.
; Performance: member and call chains (`a.b().c()…`) nest through their first child, so a pattern
; rooted at navigation_expression/call_expression that waits for the member name after an arbitrary
; target keeps one query state alive per enclosing link: quadratic in the chain length. Member
; accesses are therefore matched inside navigation_suffix (the `.` is the @receiver), and a call
; through a member only when the target's first-child spine reaches a name, `self`, `super`, a
; literal or `( … )` within six links; on deeper chains the call is reported as a member access.

; f(…) and a.f(…): a node starting with the callee followed by call_suffix is a call_expression.
(_ . (simple_identifier) @reference.call . (call_suffix))
(_ . (navigation_expression
  target: [(simple_identifier) (self_expression) (super_expression) (line_string_literal) (tuple_expression) (array_literal)
    (_ . [(simple_identifier) (self_expression) (super_expression) (line_string_literal) (tuple_expression) (array_literal)
      (_ . [(simple_identifier) (self_expression) (super_expression) (line_string_literal) (tuple_expression) (array_literal)
        (_ . [(simple_identifier) (self_expression) (super_expression) (line_string_literal) (tuple_expression) (array_literal)
          (_ . [(simple_identifier) (self_expression) (super_expression) (line_string_literal) (tuple_expression) (array_literal)
            (_ . [(simple_identifier) (self_expression) (super_expression) (line_string_literal) (tuple_expression) (array_literal)
              (_ . [(simple_identifier) (self_expression) (super_expression) (line_string_literal) (tuple_expression) (array_literal)])])])])])])] @receiver
  suffix: (navigation_suffix suffix: (simple_identifier) @reference.call)) . (call_suffix))
; a.b
(navigation_suffix "." @receiver suffix: (simple_identifier) @reference.attribute)
; `.zero`, `case .circle:`
(prefix_expression "." . (simple_identifier) @reference.attribute)
(pattern "." . (simple_identifier) @reference.attribute)
(inheritance_specifier inherits_from: (_ (type_identifier) @reference.inherit))
; x = … (the assignment target is a directly_assignable_expression)
(directly_assignable_expression . (simple_identifier) @reference.write .)
(type_identifier) @reference.type
(simple_identifier) @reference.read

; Argument labels (`f(in: x)`), external parameter names and imported module paths are not uses
; of a symbol.
(value_argument_label (simple_identifier) @ignore)
(parameter external_name: (simple_identifier) @ignore)
(import_declaration (identifier (simple_identifier) @ignore))
