; Kotlin references: @reference.<kind> on identifiers, @receiver on the object of `a.b` / `a?.b`.
; This grammar parses `null`, `true`, `false`, `break`, `continue` (and the implicit lambda
; parameter `it`) as identifiers; the catch-all read skips them.

(call_expression . (identifier) @reference.call)
(call_expression . (navigation_expression . (_) @receiver (identifier) @reference.call .))
(callable_reference (identifier) @reference.call .)
(navigation_expression . (_) @receiver (identifier) @reference.attribute .)
(infix_expression (_) . (identifier) @reference.call . (_))

(delegation_specifier (user_type (identifier) @reference.inherit .))
(delegation_specifier (constructor_invocation (user_type (identifier) @reference.inherit .)))
(delegation_specifier (explicit_delegation (user_type (identifier) @reference.inherit .)))

(assignment left: (identifier) @reference.write)
(unary_expression argument: (identifier) @reference.write operator: ["++" "--"])
(unary_expression operator: ["++" "--"] argument: (identifier) @reference.write)

(user_type (identifier) @reference.type)
((identifier) @reference.read
  (#not-any-of? @reference.read "null" "true" "false" "it" "break" "continue" "field"))
