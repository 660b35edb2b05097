; JavaScript references: @reference.<kind> on an identifier; @receiver on the object of a member access.
;
; Performance: member and call chains (`a.b().c()…`) nest through their first child, so a pattern
; rooted at member_expression/call_expression that waits for the property after an arbitrary
; object keeps one query state alive per enclosing link: quadratic in the chain length. So:
; - member accesses are found as the sibling sequence [identifier] `.`|`?.` property (a pattern
;   that starts at most one node before the property). @receiver is the identifier object when
;   there is one (`path.sep`: it may be an import binding); otherwise it is the `.` token, which is
;   never an import binding, so the use is only marked as a member access. (Of the two matches for
;   `a.b`, tree-sitter keeps the longer one, and the first @receiver wins.)
; - a call through a member (`x.f()`) is matched when the object's first-child spine reaches a
;   node without `object`/`function` (a name, literal, `new …`, `( … )`) within six links
;   (`a.b().c[0].f()`); on deeper chains the state fails after six nodes and the call is reported
;   as a member access only.

(call_expression function: (identifier) @reference.call)
(call_expression function: (member_expression
  object: [(_ !object !function)
    (_ . [(_ !object !function)
      (_ . [(_ !object !function)
        (_ . [(_ !object !function)
          (_ . [(_ !object !function)
            (_ . [(_ !object !function)
              (_ . (_ !object !function))])])])])])] @receiver
  property: (property_identifier) @reference.call))
(new_expression constructor: (identifier) @reference.call)
(new_expression constructor: (member_expression
  object: [(_ !object !function)
    (_ . [(_ !object !function)
      (_ . [(_ !object !function)
        (_ . [(_ !object !function)
          (_ . [(_ !object !function)
            (_ . [(_ !object !function)
              (_ . (_ !object !function))])])])])])] @receiver
  property: (property_identifier) @reference.call))
((identifier)? @receiver . ["." (optional_chain)] @receiver (property_identifier) @reference.attribute)
(class_heritage (identifier) @reference.inherit)
(class_heritage (member_expression object: (_) @receiver property: (property_identifier) @reference.inherit))
(assignment_expression left: (identifier) @reference.write)
(augmented_assignment_expression left: (identifier) @reference.write)
(update_expression argument: (identifier) @reference.write)
(identifier) @reference.read
(shorthand_property_identifier) @reference.read

; JSX: a capitalised element name is a use of a component (counted once, at the opening tag);
; lowercase names are HTML tags and closing tags repeat the opening one, so neither is a reference.
(jsx_opening_element name: (identifier) @reference.call (#match? @reference.call "^[A-Z]"))
(jsx_self_closing_element name: (identifier) @reference.call (#match? @reference.call "^[A-Z]"))
(jsx_opening_element name: (identifier) @ignore (#match? @ignore "^[a-z]"))
(jsx_self_closing_element name: (identifier) @ignore (#match? @ignore "^[a-z]"))
(jsx_closing_element name: (identifier) @ignore)

; `export { a as b }`: the exported alias is not a use of a local `b`.
(export_specifier alias: (identifier) @ignore)
