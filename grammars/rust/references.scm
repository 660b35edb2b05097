; Rust references: @reference.<kind> on an identifier; @receiver on the object of a field access
; or the path of a `path::name` (`io::stdout()` → call `stdout`, receiver `io`).
;
; Performance: method chains (`a.b()?.c().d`) nest through their first child, so a pattern rooted at
; field_expression/call_expression that waits for the field after an arbitrary value keeps one query
; state alive per enclosing link: quadratic in the chain length. So:
; - field accesses are found as the sibling sequence [identifier] `.` field (a pattern that starts
;   at most one node before the field). @receiver is the identifier value when there is one (it may
;   be an import binding); otherwise it is the `.` token, which is never an import binding, so the
;   use is only marked as a member access. (Of the two matches for `a.b`, tree-sitter keeps the
;   longer one, and the first @receiver wins.)
; - a method call (`x.f()`, `x.f::<T>()`) is matched when the value's first-child spine reaches a
;   name, path, literal, macro call or `( … )` within six links (calls, fields, `?`, `.await`,
;   indexing); on deeper chains the state fails after six nodes and the call is reported as a
;   member access only.

(call_expression function: (identifier) @reference.call)
(call_expression function: (field_expression value: [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
    (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
      (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
        (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
          (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
            (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
              (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)])])])])])])] @receiver field: (field_identifier) @reference.call))
(call_expression function: (scoped_identifier path: [(identifier) (scoped_identifier) (self) (super) (crate)] @receiver name: (identifier) @reference.call))
(call_expression function: (scoped_identifier path: (generic_type type: (_) @receiver) name: (identifier) @reference.call))
(call_expression function: (scoped_identifier path: (bracketed_type) name: (identifier) @reference.call))
(call_expression function: (generic_function function: (identifier) @reference.call))
(call_expression function: (generic_function function: (field_expression value: [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
    (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
      (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
        (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
          (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
            (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)
              (_ . [(identifier) (self) (scoped_identifier) (string_literal) (macro_invocation) (parenthesized_expression)])])])])])])] @receiver field: (field_identifier) @reference.call)))
(call_expression function: (generic_function function: (scoped_identifier path: [(identifier) (scoped_identifier) (self) (super) (crate)] @receiver name: (identifier) @reference.call)))
(macro_invocation macro: (identifier) @reference.call)
(macro_invocation macro: (scoped_identifier path: (_) @receiver name: (identifier) @reference.call))
; A struct literal constructs the type (like `new`): a call.
(struct_expression name: (type_identifier) @reference.call)
(struct_expression name: (generic_type_with_turbofish type: (type_identifier) @reference.call))
(struct_expression name: (scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.call))

((identifier)? @receiver . "." @receiver (field_identifier) @reference.attribute)
(scoped_identifier path: [(identifier) (scoped_identifier) (self) (super) (crate)] @receiver name: (identifier) @reference.attribute)
(scoped_identifier path: (generic_type type: (_) @receiver) name: (identifier) @reference.attribute)
(scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.type)

; Implemented traits and supertraits.
(impl_item trait: [(type_identifier) @reference.inherit (generic_type type: (type_identifier) @reference.inherit)])
(impl_item trait: [(scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.inherit)
                   (generic_type type: (scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.inherit))])
(trait_item bounds: (trait_bounds [(type_identifier) @reference.inherit (generic_type type: (type_identifier) @reference.inherit)]))
; `#[derive(Debug, Clone)]` uses those traits.
(attribute (identifier) @_attr arguments: (token_tree (identifier) @reference.type) (#eq? @_attr "derive"))

(assignment_expression left: (identifier) @reference.write)
(compound_assignment_expr left: (identifier) @reference.write)
(type_identifier) @reference.type
(identifier) @reference.read

; Not references: lifetimes, loop labels, attribute names and their arguments (except derive).
(lifetime (identifier) @ignore)
(label (identifier) @ignore)
(attribute (identifier) @ignore)
(attribute (identifier) @_attr arguments: (token_tree (identifier) @ignore) (#not-eq? @_attr "derive"))
