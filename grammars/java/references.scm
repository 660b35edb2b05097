; Java references: @reference.<kind> on identifiers, @receiver on the object of member access.
; Package and import path segments are @ignore (locals.scm), so they are not reads.

(method_invocation !object name: (identifier) @reference.call)
(method_invocation object: (_) @receiver name: (identifier) @reference.call)
(method_reference (_) @receiver (identifier) @reference.call .)
(object_creation_expression type: (type_identifier) @reference.call)
(object_creation_expression type: (generic_type (type_identifier) @reference.call))
(object_creation_expression type: (scoped_type_identifier (type_identifier) @reference.call .))
(object_creation_expression type: (generic_type (scoped_type_identifier (type_identifier) @reference.call .)))

(superclass (type_identifier) @reference.inherit)
(superclass (generic_type (type_identifier) @reference.inherit))
(superclass (scoped_type_identifier (type_identifier) @reference.inherit .))
(super_interfaces (type_list (type_identifier) @reference.inherit))
(super_interfaces (type_list (generic_type (type_identifier) @reference.inherit)))
(super_interfaces (type_list (scoped_type_identifier (type_identifier) @reference.inherit .)))
(extends_interfaces (type_list (type_identifier) @reference.inherit))
(extends_interfaces (type_list (generic_type (type_identifier) @reference.inherit)))
(extends_interfaces (type_list (scoped_type_identifier (type_identifier) @reference.inherit .)))

(field_access object: (_) @receiver field: (identifier) @reference.attribute)

(assignment_expression left: (identifier) @reference.write)
(update_expression (identifier) @reference.write)

(marker_annotation name: (identifier) @reference.type)
(annotation name: (identifier) @reference.type)
(marker_annotation name: (scoped_identifier name: (identifier) @reference.type))
(annotation name: (scoped_identifier name: (identifier) @reference.type))

(type_identifier) @reference.type
(identifier) @reference.read
