; Kotlin definitions (@tree-sitter-grammars/tree-sitter-kotlin). `class_declaration` covers
; classes, interfaces ("interface" keyword) and enum classes (`enum` modifier); objects and
; named companion objects are classes (an unnamed companion adds no symbol, so its members
; qualify as `Outer.member`). Functions and properties are symbols only at file level and in
; named class/object bodies (not in blocks or object expressions). See grammars/README.md.

(class_declaration "interface" name: (identifier) @name (class_body)? @body) @definition.interface
(class_declaration (modifiers (class_modifier "enum")) "class" name: (identifier) @name (enum_class_body)? @body) @definition.enum
(class_declaration . "class" name: (identifier) @name (class_body)? @body) @definition.class
((class_declaration (modifiers) @_mods "class" name: (identifier) @name (class_body)? @body) @definition.class
  (#not-match? @_mods "(^|\\s)enum(\\s|$)"))
(object_declaration name: (identifier) @name (class_body)? @body) @definition.class
(companion_object (identifier) @name (class_body)? @body) @definition.class
(type_alias type: (identifier) @name) @definition.type
(enum_class_body (enum_entry . (identifier) @name) @definition.enum_member)

; Constructor-declared properties (`class P(val x: Int)`).
(class_parameter ["val" "var"] (identifier) @name) @definition.property

; Functions: file level → function, in a class-like body → method (by nesting). Parameters are
; counted by node type (default values are children of `function_value_parameters` in this
; grammar); a `suspend` modifier is @async, the type after the parameters' `:` is @return_type.
(source_file (function_declaration (modifiers (function_modifier "suspend") @async)? name: (identifier) @name (function_value_parameters) @params (":" . (_) @return_type)? (function_body)? @body) @definition.function)
(class_declaration (class_body (function_declaration (modifiers (function_modifier "suspend") @async)? name: (identifier) @name (function_value_parameters) @params (":" . (_) @return_type)? (function_body)? @body) @definition.function))
(class_declaration (enum_class_body (function_declaration (modifiers (function_modifier "suspend") @async)? name: (identifier) @name (function_value_parameters) @params (":" . (_) @return_type)? (function_body)? @body) @definition.function))
(object_declaration (class_body (function_declaration (modifiers (function_modifier "suspend") @async)? name: (identifier) @name (function_value_parameters) @params (":" . (_) @return_type)? (function_body)? @body) @definition.function))
(companion_object (class_body (function_declaration (modifiers (function_modifier "suspend") @async)? name: (identifier) @name (function_value_parameters) @params (":" . (_) @return_type)? (function_body)? @body) @definition.function))
(class_body (secondary_constructor "constructor" @name (function_value_parameters) @params (block)? @body) @definition.method)

; Properties: file level → variable (`const val` → constant), members → property.
(source_file (property_declaration (variable_declaration (identifier) @name)) @definition.variable)
(source_file (property_declaration (modifiers (property_modifier "const")) (variable_declaration (identifier) @name)) @definition.constant)
(source_file (property_declaration (multi_variable_declaration (variable_declaration (identifier) @name))) @definition.variable)
(class_declaration (class_body (property_declaration (variable_declaration (identifier) @name)) @definition.property))
(class_declaration (enum_class_body (property_declaration (variable_declaration (identifier) @name)) @definition.property))
(object_declaration (class_body (property_declaration (variable_declaration (identifier) @name)) @definition.property))
(companion_object (class_body (property_declaration (variable_declaration (identifier) @name)) @definition.property))

; Annotation names without their arguments (`@Suppress("x")` → Suppress); each belongs to the
; declaration whose modifiers hold it.
(modifiers (annotation [(user_type) @decorator (constructor_invocation (user_type) @decorator)]))

(package_header (qualified_identifier) @namespace)
