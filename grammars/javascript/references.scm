; JavaScript references: @reference.<kind> on an identifier; @receiver on the object of a member access.

(call_expression function: (identifier) @reference.call)
(call_expression function: (member_expression object: (_) @receiver property: (property_identifier) @reference.call))
(new_expression constructor: (identifier) @reference.call)
(new_expression constructor: (member_expression object: (_) @receiver property: (property_identifier) @reference.call))
(member_expression object: (_) @receiver property: (property_identifier) @reference.attribute)
(class_heritage (identifier) @reference.inherit)
(class_heritage (member_expression object: (_) @receiver property: (property_identifier) @reference.inherit))
(assignment_expression left: (identifier) @reference.write)
(augmented_assignment_expression left: (identifier) @reference.write)
(update_expression argument: (identifier) @reference.write)
(identifier) @reference.read
(shorthand_property_identifier) @reference.read

; JSX: a capitalised element name is a use of a component (counted once, at the opening tag);
; lowercase names are HTML tags and closing tags repeat the opening one, so neither is a reference
; (@import.alias outside an @import match only marks a declaration: the framework has no "ignore").
(jsx_opening_element name: (identifier) @reference.call (#match? @reference.call "^[A-Z]"))
(jsx_self_closing_element name: (identifier) @reference.call (#match? @reference.call "^[A-Z]"))
(jsx_opening_element name: (identifier) @import.alias (#match? @import.alias "^[a-z]"))
(jsx_self_closing_element name: (identifier) @import.alias (#match? @import.alias "^[a-z]"))
(jsx_closing_element name: (identifier) @import.alias)

; `export { a as b }`: the exported alias is not a use of a local `b`.
(export_specifier alias: (identifier) @import.alias)
