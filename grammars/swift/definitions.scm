; Swift definitions. `class_declaration` covers class/struct/enum/actor/extension (told apart by
; declaration_kind); an extension is a named scope, so `extension Foo { func m() }` gives `Foo.m`.
; Only file-level and type-level declarations are symbols. Parameters have no container node, so
; they are counted as repeated @param captures: `"(" [(parameter) @param "," "=" (_)]* ")"` walks the
; list (a plain `(parameter)*` stops at the first comma; `"=" (_)` is a default value). `case a, b`
; is one enum_entry, the definition of both cases (sibling symbols sharing its signature and doc).
; Functions capture an `async` keyword (@async) and the type after `->` (@return_type).

; Query compilation is slow with this large grammar when a pattern names a big parent with several
; child steps: `(function_declaration name: … body: …)` alone takes seconds. The wildcard form
; `(_ "func" . name … (function_body))` matches the same nodes (only function_declaration has a
; `func` keyword followed by a name and a body) at a fraction of the cost.
(source_file (_ "func" . (simple_identifier) @name "(" [(parameter) @param "," "=" (_)]* ")" "async"? @async ("->" . (_) @return_type)? (function_body) @body) @definition.function)
(class_body (_ "func" . (simple_identifier) @name "(" [(parameter) @param "," "=" (_)]* ")" "async"? @async ("->" . (_) @return_type)? (function_body) @body) @definition.method)
(enum_class_body (_ "func" . (simple_identifier) @name "(" [(parameter) @param "," "=" (_)]* ")" "async"? @async ("->" . (_) @return_type)? (function_body) @body) @definition.method)
(protocol_body (protocol_function_declaration name: (simple_identifier) @name "(" [(parameter) @param "," "=" (_)]* ")" "async"? @async ("->" . (_) @return_type)?) @definition.method)
(class_body (init_declaration "init" @name "(" [(parameter) @param "," "=" (_)]* ")" "async"? @async body: (function_body)? @body) @definition.method)
(enum_class_body (init_declaration "init" @name "(" [(parameter) @param "," "=" (_)]* ")" "async"? @async body: (function_body)? @body) @definition.method)
(protocol_body (init_declaration "init" @name "(" [(parameter) @param "," "=" (_)]* ")" "async"? @async) @definition.method)

(class_declaration declaration_kind: "class" name: (type_identifier) @name body: (_) @body) @definition.class
(class_declaration declaration_kind: "actor" name: (type_identifier) @name body: (_) @body) @definition.class
(class_declaration declaration_kind: "struct" name: (type_identifier) @name body: (_) @body) @definition.struct
(class_declaration declaration_kind: "enum" name: (type_identifier) @name body: (_) @body) @definition.enum
(protocol_declaration name: (type_identifier) @name body: (protocol_body) @body) @definition.interface
(class_declaration declaration_kind: "extension" name: (user_type) @scope.name) @scope.named

(typealias_declaration name: (type_identifier) @name) @definition.type
(associatedtype_declaration name: (type_identifier) @name) @definition.type

(source_file (property_declaration name: (_ bound_identifier: (simple_identifier) @name)) @definition.variable)
(class_body (property_declaration name: (_ bound_identifier: (simple_identifier) @name)) @definition.property)
(enum_class_body (property_declaration name: (_ bound_identifier: (simple_identifier) @name)) @definition.property)
(protocol_body (protocol_property_declaration name: (_ bound_identifier: (simple_identifier) @name)) @definition.property)

(enum_entry name: (simple_identifier) @name) @definition.enum_member

; Attribute names without their arguments (`@available(iOS 13, *)` → available); each belongs to
; the declaration whose modifiers hold it.
(modifiers (attribute (user_type) @decorator))
