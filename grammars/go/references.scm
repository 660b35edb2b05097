; Go references: @reference.<kind> on an identifier; @receiver on the operand of a selector
; (`fmt.Println` → call `Println`, receiver `fmt`).
;
; Performance: selector and call chains (`a.B().C()…`) nest through their first child, so a pattern
; rooted at selector_expression/call_expression that waits for the field after an arbitrary operand
; keeps one query state alive per enclosing link: quadratic in the chain length. So:
; - selectors are found as the sibling sequence [identifier] `.` field (a pattern that starts at
;   most one node before the field). @receiver is the identifier operand when there is one
;   (`fmt.Println`: it may be an import binding); otherwise it is the `.` token, which is never an
;   import binding, so the use is only marked as a member access. (Of the two matches for `a.b`,
;   tree-sitter keeps the longer one, and the first @receiver wins.)
; - a call through a selector (`x.F()`) is matched when the operand's first-child spine reaches a
;   node without `operand`/`function` (a name, literal, `( … )`) within six links; on deeper chains
;   the state fails after six nodes and the call is reported as a member access only.

(call_expression function: (identifier) @reference.call)
(call_expression function: (selector_expression
  operand: [(_ !operand !function)
    (_ . [(_ !operand !function)
      (_ . [(_ !operand !function)
        (_ . [(_ !operand !function)
          (_ . [(_ !operand !function)
            (_ . [(_ !operand !function)
              (_ . (_ !operand !function))])])])])])] @receiver
  field: (field_identifier) @reference.call))
(call_expression function: (parenthesized_expression (identifier) @reference.call))
((identifier)? @receiver . "." @receiver (field_identifier) @reference.attribute)
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
(type_spec name: (type_identifier) @ignore)
(type_alias name: (type_identifier) @ignore)

; `_ = x` assigns nothing: not a reference.
(assignment_statement left: (expression_list (identifier) @ignore (#eq? @ignore "_")))
