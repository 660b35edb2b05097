; C++ references: @reference.<kind> on identifiers, @receiver on the object of `a.b` / `a->b`
; and on the scope of `ns::f()`. Fields are `field_identifier`s, only seen in member accesses.

(call_expression function: (identifier) @reference.call)
(call_expression function: (qualified_identifier scope: (_) @receiver name: (identifier) @reference.call))
(call_expression function: (template_function name: (identifier) @reference.call))
(call_expression function: (qualified_identifier scope: (_) @receiver name: (template_function name: (identifier) @reference.call)))
(call_expression function: (field_expression argument: (_) @receiver field: (field_identifier) @reference.call))
(call_expression function: (field_expression argument: (_) @receiver field: (template_method name: (field_identifier) @reference.call)))
(call_expression function: (parenthesized_expression (identifier) @reference.call))
(new_expression type: (type_identifier) @reference.call)
(new_expression type: (qualified_identifier name: (type_identifier) @reference.call))
(new_expression type: (template_type name: (type_identifier) @reference.call))
(field_expression argument: (_) @receiver field: (field_identifier) @reference.attribute)
(field_initializer (field_identifier) @reference.write)

(base_class_clause (type_identifier) @reference.inherit)
(base_class_clause (qualified_identifier name: (type_identifier) @reference.inherit))
(base_class_clause (template_type name: (type_identifier) @reference.inherit))
(base_class_clause (qualified_identifier name: (template_type name: (type_identifier) @reference.inherit)))

(assignment_expression left: (identifier) @reference.write)
(update_expression argument: (identifier) @reference.write)

(type_identifier) @reference.type
(identifier) @reference.read
