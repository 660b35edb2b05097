; Python references: @reference.<kind> on an identifier; @receiver on the object of an attribute access.
;
; Performance: attribute and call chains (`a.b().c()…`) nest through their first child, so a pattern
; rooted at attribute/call that waits for the name after an arbitrary object keeps one query state
; alive per enclosing link: quadratic in the chain length. So:
; - attribute accesses are found as the sibling sequence [identifier] `.` identifier (a pattern that
;   starts at most one node before the name). @receiver is the identifier object when there is one
;   (`os.path`: it may be an import binding); otherwise it is the `.` token, which is never an import
;   binding, so the use is only marked as an attribute access. (Of the two matches for `a.b`,
;   tree-sitter keeps the longer one, and the first @receiver wins.) `.` + identifier is otherwise
;   only in dotted names: import paths, which are ignored, and `case A.B:` patterns, which are
;   attribute accesses too. No anchor before the name: a `\` line continuation may sit there.
; - a call through an attribute (`x.f()`) is matched when the object's first-child spine reaches a
;   node without `object`/`function`/`value` (a name, literal, `( … )`) within six links
;   (`a.b().c[0].f()`); on deeper chains the state fails after six nodes and the call is reported
;   as an attribute access only.

(call function: (identifier) @reference.call)
(call function: (attribute
  object: [(_ !object !function !value)
    (_ . [(_ !object !function !value)
      (_ . [(_ !object !function !value)
        (_ . [(_ !object !function !value)
          (_ . [(_ !object !function !value)
            (_ . [(_ !object !function !value)
              (_ . (_ !object !function !value))])])])])])] @receiver
  attribute: (identifier) @reference.call))
((identifier)? @receiver . "." @receiver (identifier) @reference.attribute)
(class_definition superclasses: (argument_list (identifier) @reference.inherit))
(class_definition superclasses: (argument_list (attribute object: (_) @receiver attribute: (identifier) @reference.inherit)))
; Assigning a bare name declares it (see locals.scm); assigning an attribute is a write.
(assignment left: (attribute object: (_) @receiver attribute: (identifier) @reference.write))
(augmented_assignment left: (attribute object: (_) @receiver attribute: (identifier) @reference.write))
(type (identifier) @reference.type)
(type (generic_type (identifier) @reference.type))
(type_parameter (type (identifier) @reference.type))
(identifier) @reference.read

; Keyword-argument names (`f(key=1)`) are not references.
(keyword_argument name: (identifier) @ignore)
