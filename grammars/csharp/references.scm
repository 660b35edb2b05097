; C# references: @reference.<kind> on identifiers, @receiver on the object of `a.b`. Type names
; are plain identifiers in this grammar, so type positions are listed by field.
; Namespace and using path segments and argument names are @ignore (locals.scm).

(invocation_expression function: (identifier) @reference.call)
(invocation_expression function: (generic_name . (identifier) @reference.call))
(invocation_expression function: (member_access_expression expression: _ @receiver name: (identifier) @reference.call))
(invocation_expression function: (member_access_expression expression: _ @receiver name: (generic_name . (identifier) @reference.call)))
(invocation_expression function: (conditional_access_expression (member_binding_expression name: (identifier) @reference.call)))
(object_creation_expression type: (identifier) @reference.call)
(object_creation_expression type: (generic_name . (identifier) @reference.call))
(object_creation_expression type: (qualified_name name: (identifier) @reference.call))
(object_creation_expression type: (qualified_name name: (generic_name . (identifier) @reference.call)))

(member_access_expression expression: _ @receiver name: (identifier) @reference.attribute)
(explicit_interface_specifier (identifier) @reference.type)
(member_binding_expression name: (identifier) @reference.attribute)

(base_list (identifier) @reference.inherit)
(base_list (generic_name . (identifier) @reference.inherit))
(base_list (qualified_name name: (identifier) @reference.inherit))
(base_list (qualified_name name: (generic_name . (identifier) @reference.inherit)))
(base_list (primary_constructor_base_type type: (identifier) @reference.inherit))

(assignment_expression left: (identifier) @reference.write)
(postfix_unary_expression . (identifier) @reference.write)
(prefix_unary_expression ["++" "--"] . (identifier) @reference.write)

(attribute name: (identifier) @reference.type)
(attribute name: (qualified_name name: (identifier) @reference.type))
(_ type: (identifier) @reference.type)
(_ returns: (identifier) @reference.type)
(_ type: (qualified_name name: (identifier) @reference.type))
(generic_name . (identifier) @reference.type)
(type_argument_list (identifier) @reference.type)
(nullable_type type: (identifier) @reference.type)
(array_type type: (identifier) @reference.type)

(identifier) @reference.read
