; Swift references: calls (with @receiver for `a.f()`), member accesses, inheritance/conformance,
; type names and identifier reads.
; Most patterns use wildcard parents (`(_ …)`) and tell nodes apart by fields and anchors:
; naming big parents such as call_expression or assignment makes query compilation much slower
; with this grammar.

; f(…) and a.f(…): a node starting with the callee followed by call_suffix is a call_expression.
(_ . (simple_identifier) @reference.call . (call_suffix))
(_ . (_ target: (_) @receiver suffix: (_ suffix: (simple_identifier) @reference.call)) . (call_suffix))
; a.b (navigation_expression / navigation_suffix)
(_ target: (_) @receiver suffix: (_ suffix: (simple_identifier) @reference.attribute))
; `.zero`, `case .circle:`
(_ "." . (simple_identifier) @reference.attribute)
(_ inherits_from: (_ (type_identifier) @reference.inherit))
; x = … (assignment target: directly_assignable_expression)
(_ target: (_ . (simple_identifier) @reference.write .))
(type_identifier) @reference.type
(simple_identifier) @reference.read

; Argument labels (`f(in: x)`), external parameter names and imported module paths are not uses
; of a symbol. The framework has no "not a reference" capture; a binding capture outside an
; @import match only marks the node as declared, which keeps it out of the references.
(value_argument_label (simple_identifier) @import.alias)
(parameter external_name: (simple_identifier) @import.alias)
(import_declaration (identifier (simple_identifier) @import.alias))
