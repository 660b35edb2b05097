; C references: @reference.<kind> on identifiers, @receiver on the object of `a.b` / `a->b`.
; Struct fields are `field_identifier`s: only member accesses and designated initialisers use them.

(call_expression function: (identifier) @reference.call)
(call_expression function: (field_expression argument: (_) @receiver field: (field_identifier) @reference.call))
(call_expression function: (parenthesized_expression (identifier) @reference.call))
(field_expression argument: (_) @receiver field: (field_identifier) @reference.attribute)

(assignment_expression left: (identifier) @reference.write)
(update_expression argument: (identifier) @reference.write)

(type_identifier) @reference.type
(identifier) @reference.read
