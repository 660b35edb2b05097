; Scala definitions (tree-sitter-scala): classes, case classes and objects → class, traits →
; trait, enums (+ cases), type aliases; def/val/var at file level → function/variable, in a
; template body → method/property. Constructor `val`/`var` parameters and case-class
; parameters are properties. Local defs/vals (in blocks) are not symbols. A def's first
; parameter list is @params; its declared type is @return_type. See grammars/README.md.

(class_definition name: (identifier) @name body: (template_body)? @body) @definition.class
(object_definition name: (identifier) @name body: (template_body)? @body) @definition.class
(trait_definition name: (identifier) @name body: (template_body)? @body) @definition.trait
(enum_definition name: (identifier) @name body: (enum_body) @body) @definition.enum
(enum_case_definitions (simple_enum_case name: (identifier) @name) @definition.enum_member)
(enum_case_definitions (full_enum_case name: (identifier) @name) @definition.enum_member)
(type_definition name: (type_identifier) @name) @definition.type

(class_parameter ["val" "var"] name: (identifier) @name) @definition.property
(class_definition "case" class_parameters: (class_parameters (class_parameter name: (identifier) @name) @definition.property))

; defs: file level and template bodies (→ method by nesting); enum bodies hold defs directly.
(compilation_unit (function_definition name: (identifier) @name (parameters)? @params return_type: (_)? @return_type body: (_) @body) @definition.function)
(template_body (function_definition name: (identifier) @name (parameters)? @params return_type: (_)? @return_type body: (_) @body) @definition.function)
(enum_body (function_definition name: (identifier) @name (parameters)? @params return_type: (_)? @return_type body: (_) @body) @definition.function)
(template_body (function_declaration name: (identifier) @name (parameters)? @params return_type: (_)? @return_type) @definition.function)

; vals and vars: file level → variable, template bodies → property.
(compilation_unit (val_definition pattern: (identifier) @name) @definition.variable)
(compilation_unit (var_definition pattern: (identifier) @name) @definition.variable)
(template_body (val_definition pattern: (identifier) @name) @definition.property)
(template_body (var_definition pattern: (identifier) @name) @definition.property)
(template_body (val_declaration name: (identifier) @name) @definition.property)
(template_body (var_declaration name: (identifier) @name) @definition.property)

; Annotation names without their arguments (`@deprecated("x")` → deprecated, `@throws[E]` →
; throws); each belongs to the definition it precedes.
(annotation name: [(type_identifier) (stable_type_identifier)] @decorator)
(annotation name: (generic_type type: (_) @decorator))

(package_clause name: (package_identifier) @namespace)
