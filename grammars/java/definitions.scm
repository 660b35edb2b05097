; Java definitions: types anywhere (nested types qualify as Outer.Inner), members only inside
; named type bodies (methods of anonymous classes belong to the enclosing method), enum
; constants, record components. Abstract methods use their `;` as @body so the signature
; spans every line up to it; methods capture their @return_type. See grammars/README.md for the
; capture vocabulary.

(class_declaration name: (identifier) @name body: (class_body) @body) @definition.class
(record_declaration name: (identifier) @name body: (class_body) @body) @definition.class
(interface_declaration name: (identifier) @name body: (interface_body) @body) @definition.interface
(annotation_type_declaration name: (identifier) @name body: (annotation_type_body) @body) @definition.interface
(enum_declaration name: (identifier) @name body: (enum_body) @body) @definition.enum
(enum_declaration body: (enum_body (enum_constant name: (identifier) @name) @definition.enum_member))
(record_declaration parameters: (formal_parameters (formal_parameter name: (identifier) @name) @definition.property))

; Methods and constructors of classes, records, enums and interfaces.
(class_declaration body: (class_body
  (method_declaration type: (_) @return_type name: (identifier) @name parameters: (formal_parameters) @params [(block) ";"] @body) @definition.method))
(record_declaration body: (class_body
  (method_declaration type: (_) @return_type name: (identifier) @name parameters: (formal_parameters) @params [(block) ";"] @body) @definition.method))
(enum_declaration body: (enum_body (enum_body_declarations
  (method_declaration type: (_) @return_type name: (identifier) @name parameters: (formal_parameters) @params [(block) ";"] @body) @definition.method)))
(interface_declaration body: (interface_body
  (method_declaration type: (_) @return_type name: (identifier) @name parameters: (formal_parameters) @params [(block) ";"] @body) @definition.method))
(annotation_type_body
  (annotation_type_element_declaration type: (_) @return_type name: (identifier) @name ";" @body) @definition.method)

(class_declaration body: (class_body
  (constructor_declaration name: (identifier) @name parameters: (formal_parameters) @params body: (constructor_body) @body) @definition.method))
(record_declaration body: (class_body
  (constructor_declaration name: (identifier) @name parameters: (formal_parameters) @params body: (constructor_body) @body) @definition.method))
(record_declaration body: (class_body
  (compact_constructor_declaration name: (identifier) @name body: (block) @body) @definition.method))
(enum_declaration body: (enum_body (enum_body_declarations
  (constructor_declaration name: (identifier) @name parameters: (formal_parameters) @params body: (constructor_body) @body) @definition.method)))

; Fields and interface/annotation constants: one symbol per declarator, all spanning the
; declaration (`int a, b;` gives two sibling symbols).
(class_declaration body: (class_body
  (field_declaration declarator: (variable_declarator name: (identifier) @name)) @definition.property))
(record_declaration body: (class_body
  (field_declaration declarator: (variable_declarator name: (identifier) @name)) @definition.property))
(enum_declaration body: (enum_body (enum_body_declarations
  (field_declaration declarator: (variable_declarator name: (identifier) @name)) @definition.property)))
(interface_body
  (constant_declaration declarator: (variable_declarator name: (identifier) @name)) @definition.property)
(annotation_type_body
  (constant_declaration declarator: (variable_declarator name: (identifier) @name)) @definition.property)

; Annotation names without their arguments (`@SuppressWarnings("x")` → SuppressWarnings); each
; belongs to the declaration whose modifiers hold it.
(modifiers [(marker_annotation name: (_) @decorator) (annotation name: (_) @decorator)])

(package_declaration [(identifier) (scoped_identifier)] @namespace)
