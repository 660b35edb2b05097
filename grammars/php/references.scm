; PHP references. Names are captured only where they denote a function, class, constant or
; member; `$variables` are never references (PHP variables cannot name a symbol), so a local
; `$helper` does not hide a call to `helper()`.

(function_call_expression function: (name) @reference.call)
(function_call_expression function: [(qualified_name (name) @reference.call) (relative_name (name) @reference.call)])
(member_call_expression object: (_) @receiver name: (name) @reference.call)
(nullsafe_member_call_expression object: (_) @receiver name: (name) @reference.call)
(scoped_call_expression scope: (_) @receiver name: (name) @reference.call)
(scoped_call_expression scope: [(name) @reference.read (qualified_name (name) @reference.read)])
((object_creation_expression (name) @reference.call)
  (#not-any-of? @reference.call "static" "self" "parent"))
(object_creation_expression (qualified_name (name) @reference.call))

(member_access_expression object: (_) @receiver name: (name) @reference.attribute)
(nullsafe_member_access_expression object: (_) @receiver name: (name) @reference.attribute)
(scoped_property_access_expression scope: (_) @receiver name: (variable_name (name) @reference.attribute))
(scoped_property_access_expression scope: [(name) @reference.read (qualified_name (name) @reference.read)])
(class_constant_access_expression . (_) @receiver (name) @reference.attribute .)
(class_constant_access_expression . [(name) @reference.read (qualified_name (name) @reference.read)])

(base_clause [(name) @reference.inherit (qualified_name (name) @reference.inherit)])
(class_interface_clause [(name) @reference.inherit (qualified_name (name) @reference.inherit)])
(use_declaration [(name) @reference.inherit (qualified_name (name) @reference.inherit)])

((named_type (name) @reference.type) (#not-any-of? @reference.type "static" "self" "parent"))
(named_type (qualified_name (name) @reference.type))
(attribute [(name) @reference.type (qualified_name (name) @reference.type)])

; Bare names in expression position are constants.
(argument !name (name) @reference.read)
(binary_expression (name) @reference.read)
(assignment_expression right: (name) @reference.read)
(return_statement (name) @reference.read)
(echo_statement (name) @reference.read)
(array_element_initializer (name) @reference.read)
(conditional_expression (name) @reference.read)
(parenthesized_expression (name) @reference.read)
(unary_op_expression (name) @reference.read)
(subscript_expression (name) @reference.read)
(const_element (name) @reference.read)
(simple_parameter default_value: (name) @reference.read)
(property_element default_value: (name) @reference.read)
(match_condition_list (name) @reference.read)
(match_conditional_expression return_expression: (name) @reference.read)
(case_statement value: (name) @reference.read)
(pair (name) @reference.read)
