; C# definitions (tree-sitter-c-sharp). Types: class, struct, interface, enum (+ members),
; record → class (positional parameters → properties), delegate → type. Members: methods,
; constructors/destructors (named like the class) → method; fields, properties and events →
; property. Namespaces are not symbols (qualified names start at the outermost type, like Java
; packages); their name is the file's @namespace. Attributes are children of the declaration,
; so start lines include them. See grammars/README.md.

(class_declaration name: (identifier) @name body: (declaration_list)? @body) @definition.class
(struct_declaration name: (identifier) @name body: (declaration_list)? @body) @definition.struct
(interface_declaration name: (identifier) @name body: (declaration_list)? @body) @definition.interface
(enum_declaration name: (identifier) @name body: (enum_member_declaration_list)? @body) @definition.enum
(enum_member_declaration name: (identifier) @name) @definition.enum_member
(record_declaration name: (identifier) @name body: (declaration_list)? @body) @definition.class
(record_declaration (parameter_list (parameter name: (identifier) @name) @definition.property))
(delegate_declaration name: (identifier) @name parameters: (parameter_list) @params) @definition.type

; Bodiless (abstract, interface, extern) methods use their `;` as @body so the signature stops there.
; Methods capture an `async` modifier (@async) and their @return_type.
(declaration_list (method_declaration (modifier "async")? @async returns: (_) @return_type name: (identifier) @name parameters: (parameter_list) @params body: (_) @body) @definition.method)
(declaration_list (method_declaration !body (modifier "async")? @async returns: (_) @return_type name: (identifier) @name parameters: (parameter_list) @params ";" @body) @definition.method)
(declaration_list (constructor_declaration name: (identifier) @name parameters: (parameter_list) @params body: (_)? @body) @definition.method)
(declaration_list (destructor_declaration name: (identifier) @name parameters: (parameter_list) @params body: (_)? @body) @definition.method)
(declaration_list (property_declaration name: (identifier) @name) @definition.property)
(declaration_list (event_declaration name: (identifier) @name) @definition.property)

; Fields and events: one symbol per declarator, all spanning the declaration.
(declaration_list (field_declaration (variable_declaration (variable_declarator name: (identifier) @name))) @definition.property)
(declaration_list (event_field_declaration (variable_declaration (variable_declarator name: (identifier) @name))) @definition.property)

; Attribute names without their arguments (`[HttpGet("x")]` → HttpGet); each belongs to the
; declaration it precedes.
(attribute_list (attribute name: (_) @decorator))

(namespace_declaration name: (_) @namespace)
(file_scoped_namespace_declaration name: (_) @namespace)
