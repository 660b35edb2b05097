; PHP references. Names are captured only where they denote a function, class, constant or
; member; `$variables` are never references (PHP variables cannot name a symbol), so a local
; `$helper` does not hide a call to `helper()`.
;
; Performance: member chains (`$a->b()->c()…`), binary chains (`A . B . …`) and nested ternaries nest
; through their first child, so a pattern rooted at such a node that waits for a later child keeps
; one query state alive per enclosing level: quadratic in the chain length. So later children are
; matched from a wildcard parent whose first step is the later child itself (tree-sitter then starts
; the pattern at that child): `->`/`?->` calls and accesses start at the arrow, which is also their
; @receiver (an object expression is never an import binding), and bare names in `right:`, `body:`
; or `alternative:` positions start at the name.

(function_call_expression function: (name) @reference.call)
(function_call_expression function: [(qualified_name (name) @reference.call) (relative_name (name) @reference.call)])
(_ ["->" "?->"] @receiver . name: (name) @reference.call . arguments: (arguments))
(scoped_call_expression scope: (name) @receiver name: (name) @reference.call)
(_ "::" @receiver . name: (name) @reference.call . arguments: (arguments))
(scoped_call_expression scope: [(name) @reference.read (qualified_name (name) @reference.read)])
((object_creation_expression (name) @reference.call)
  (#not-any-of? @reference.call "static" "self" "parent"))
(object_creation_expression (qualified_name (name) @reference.call))

(_ ["->" "?->"] @receiver . name: (name) @reference.attribute .)
(scoped_property_access_expression scope: (name) @receiver name: (variable_name (name) @reference.attribute))
(_ "::" @receiver . name: (variable_name (name) @reference.attribute))
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
(binary_expression left: (name) @reference.read)
(_ right: (name) @reference.read)
(return_statement (name) @reference.read)
(echo_statement (name) @reference.read)
(array_element_initializer (name) @reference.read)
(conditional_expression condition: (name) @reference.read)
(_ body: (name) @reference.read)
(_ alternative: (name) @reference.read)
(parenthesized_expression (name) @reference.read)
(unary_op_expression (name) @reference.read)
(subscript_expression . (name) @reference.read)
(_ "[" . (name) @reference.read)
(const_element (name) @reference.read)
(simple_parameter default_value: (name) @reference.read)
(property_element default_value: (name) @reference.read)
(match_condition_list (name) @reference.read)
(match_conditional_expression return_expression: (name) @reference.read)
(case_statement value: (name) @reference.read)
(pair (name) @reference.read)
