; Python references: @reference.<kind> on an identifier; @receiver on the object of an attribute access.

(call function: (identifier) @reference.call)
(call function: (attribute object: (_) @receiver attribute: (identifier) @reference.call))
(attribute object: (_) @receiver attribute: (identifier) @reference.attribute)
(class_definition superclasses: (argument_list (identifier) @reference.inherit))
(class_definition superclasses: (argument_list (attribute object: (_) @receiver attribute: (identifier) @reference.inherit)))
; Assigning a bare name declares it (see locals.scm); assigning an attribute is a write.
(assignment left: (attribute object: (_) @receiver attribute: (identifier) @reference.write))
(augmented_assignment left: (attribute object: (_) @receiver attribute: (identifier) @reference.write))
(type (identifier) @reference.type)
(type (generic_type (identifier) @reference.type))
(type_parameter (type (identifier) @reference.type))
(identifier) @reference.read

; Keyword-argument names (`f(key=1)`) are not references (marked as declarations, see imports.scm).
(keyword_argument name: (identifier) @import.alias)
