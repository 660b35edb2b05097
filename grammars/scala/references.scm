; Scala references: @reference.<kind> on identifiers, @receiver on the object of `a.b`.
; Import and package path segments are @ignore (locals.scm).

(call_expression function: (identifier) @reference.call)
(call_expression function: (field_expression value: (_) @receiver field: (identifier) @reference.call))
(call_expression function: (generic_function function: (identifier) @reference.call))
(call_expression function: (generic_function function: (field_expression value: (_) @receiver field: (identifier) @reference.call)))
(instance_expression (type_identifier) @reference.call)
(instance_expression (generic_type type: (type_identifier) @reference.call))
(infix_expression operator: (identifier) @reference.call)
(field_expression value: (_) @receiver field: (identifier) @reference.attribute)

(extends_clause (type_identifier) @reference.inherit)
(extends_clause (generic_type type: (type_identifier) @reference.inherit))
(extends_clause (stable_type_identifier (type_identifier) @reference.inherit .))

(assignment_expression left: (identifier) @reference.write)
((infix_expression left: (identifier) @reference.write operator: (operator_identifier) @_op)
  (#match? @_op "^[-+*/%&|^:]*=$"))

(type_identifier) @reference.type
(identifier) @reference.read
