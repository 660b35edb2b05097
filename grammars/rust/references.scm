; Rust references: @reference.<kind> on an identifier; @receiver on the object of a field access
; or the path of a `path::name` (`io::stdout()` → call `stdout`, receiver `io`).

(call_expression function: (identifier) @reference.call)
(call_expression function: (field_expression value: (_) @receiver field: (field_identifier) @reference.call))
(call_expression function: (scoped_identifier path: [(identifier) (scoped_identifier) (self) (super) (crate)] @receiver name: (identifier) @reference.call))
(call_expression function: (scoped_identifier path: (generic_type type: (_) @receiver) name: (identifier) @reference.call))
(call_expression function: (scoped_identifier path: (bracketed_type) name: (identifier) @reference.call))
(call_expression function: (generic_function function: (identifier) @reference.call))
(call_expression function: (generic_function function: (field_expression value: (_) @receiver field: (field_identifier) @reference.call)))
(call_expression function: (generic_function function: (scoped_identifier path: [(identifier) (scoped_identifier) (self) (super) (crate)] @receiver name: (identifier) @reference.call)))
(macro_invocation macro: (identifier) @reference.call)
(macro_invocation macro: (scoped_identifier path: (_) @receiver name: (identifier) @reference.call))
; A struct literal constructs the type (like `new`): a call.
(struct_expression name: (type_identifier) @reference.call)
(struct_expression name: (generic_type_with_turbofish type: (type_identifier) @reference.call))
(struct_expression name: (scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.call))

(field_expression value: (_) @receiver field: (field_identifier) @reference.attribute)
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

; Not references (@import.alias outside an @import match only marks a declaration; the framework
; has no plain "ignore" capture): lifetimes, loop labels, attribute names and their arguments
; (except derive).
(lifetime (identifier) @import.alias)
(label (identifier) @import.alias)
(attribute (identifier) @import.alias)
(attribute (identifier) @_attr arguments: (token_tree (identifier) @import.alias) (#not-eq? @_attr "derive"))
