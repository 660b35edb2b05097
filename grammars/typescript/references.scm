; References: @reference.<kind> on an identifier; @receiver on the object of a member access.

(call_expression function: (identifier) @reference.call)
(call_expression function: (member_expression object: (_) @receiver property: (property_identifier) @reference.call))
(new_expression constructor: (identifier) @reference.call)
(member_expression object: (_) @receiver property: (property_identifier) @reference.attribute)
(extends_clause value: (identifier) @reference.inherit)
(implements_clause (type_identifier) @reference.inherit)
(extends_type_clause type: (type_identifier) @reference.inherit)
(assignment_expression left: (identifier) @reference.write)
(augmented_assignment_expression left: (identifier) @reference.write)
(update_expression argument: (identifier) @reference.write)
(type_identifier) @reference.type
(identifier) @reference.read
(shorthand_property_identifier) @reference.read
