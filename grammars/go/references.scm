; Go references: @reference.<kind> on an identifier; @receiver on the operand of a selector
; (`fmt.Println` → call `Println`, receiver `fmt`).

(call_expression function: (identifier) @reference.call)
(call_expression function: (selector_expression operand: (_) @receiver field: (field_identifier) @reference.call))
(call_expression function: (parenthesized_expression (identifier) @reference.call))
(selector_expression operand: (_) @receiver field: (field_identifier) @reference.attribute)
(qualified_type package: (package_identifier) @receiver name: (type_identifier) @reference.type)
(qualified_type package: (package_identifier) @reference.read)

; Composite literals construct a value of the type (like `new`): a call.
(composite_literal type: (type_identifier) @reference.call)
(composite_literal type: (generic_type type: (type_identifier) @reference.call))
(composite_literal type: (qualified_type package: (_) @receiver name: (type_identifier) @reference.call))
; Keys of a keyed literal are (almost always) struct field names.
(keyed_element key: (literal_element (identifier) @reference.attribute))

; Embedded struct fields and embedded interfaces.
(field_declaration !name type: [(type_identifier) @reference.inherit (pointer_type (type_identifier) @reference.inherit)
  (generic_type type: (type_identifier) @reference.inherit)])
(field_declaration !name type: [(qualified_type package: (_) @receiver name: (type_identifier) @reference.inherit)
  (pointer_type (qualified_type package: (_) @receiver name: (type_identifier) @reference.inherit))])
(interface_type (type_elem . (type_identifier) @reference.inherit .))
(interface_type (type_elem . (qualified_type package: (_) @receiver name: (type_identifier) @reference.inherit) .))

(assignment_statement left: (expression_list (identifier) @reference.write))
(inc_statement (identifier) @reference.write)
(dec_statement (identifier) @reference.write)
(type_identifier) @reference.type
(identifier) @reference.read

; The name of a type declared inside a function is a declaration, not a use.
(type_spec name: (type_identifier) @import.alias)
(type_alias name: (type_identifier) @import.alias)

; `_ = x` assigns nothing: not a reference (@import.alias outside an @import match only marks a
; declaration; the framework has no plain "ignore" capture).
(assignment_statement left: (expression_list (identifier) @import.alias (#eq? @import.alias "_")))
