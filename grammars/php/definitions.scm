; PHP definitions: functions, classes, interfaces, traits, enums (and cases), methods,
; constants (top-level and class) and properties. `$` is not part of a property's name.
; Attributes (#[...]) are children of the declaration, so they are inside its span (and dropped
; from signatures: `attribute_list` is a decorator type). Methods and properties are only taken
; from named classes, interfaces, traits and enums (not from anonymous classes). The `;` of an
; abstract/interface method is its @body, so the signature stops before it. Constants are matched
; on their own (top level, namespace or type body): a pattern rooted at the class keeps one query
; state alive over its whole body per member kind it waits for.
; Functions and methods capture their @return_type and a @param.typed per parameter with a type
; (the parameter list is walked child by child, so that one match holds them all).

(function_definition name: (name) @name parameters: (formal_parameters "(" [(simple_parameter type: (_)) @param.typed (variadic_parameter type: (_)) @param.typed (property_promotion_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type body: (compound_statement) @body) @definition.function
(class_declaration name: (name) @name body: (declaration_list) @body) @definition.class
(interface_declaration name: (name) @name body: (declaration_list) @body) @definition.interface
(trait_declaration name: (name) @name body: (declaration_list) @body) @definition.trait
(enum_declaration name: (name) @name body: (enum_declaration_list) @body) @definition.enum
(enum_case name: (name) @name) @definition.enum_member

(class_declaration body: (declaration_list [
  (method_declaration name: (name) @name parameters: (formal_parameters "(" [(simple_parameter type: (_)) @param.typed (variadic_parameter type: (_)) @param.typed (property_promotion_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type body: (compound_statement)? @body ";"? @body) @definition.method
  (property_declaration (property_element name: (variable_name (name) @name))) @definition.property]))
(interface_declaration body: (declaration_list [
  (method_declaration name: (name) @name parameters: (formal_parameters "(" [(simple_parameter type: (_)) @param.typed (variadic_parameter type: (_)) @param.typed (property_promotion_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type body: (compound_statement)? @body ";"? @body) @definition.method
  (property_declaration (property_element name: (variable_name (name) @name))) @definition.property]))
(trait_declaration body: (declaration_list [
  (method_declaration name: (name) @name parameters: (formal_parameters "(" [(simple_parameter type: (_)) @param.typed (variadic_parameter type: (_)) @param.typed (property_promotion_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type body: (compound_statement)? @body ";"? @body) @definition.method
  (property_declaration (property_element name: (variable_name (name) @name))) @definition.property]))
(enum_declaration body: (enum_declaration_list [
  (method_declaration name: (name) @name parameters: (formal_parameters "(" [(simple_parameter type: (_)) @param.typed (variadic_parameter type: (_)) @param.typed (property_promotion_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type body: (compound_statement)? @body ";"? @body) @definition.method
  (property_declaration (property_element name: (variable_name (name) @name))) @definition.property]))
(const_declaration (const_element (name) @name)) @definition.constant

; Attribute names without their arguments (`#[Route('/x')]` → Route); each belongs to the
; declaration it precedes.
(attribute . [(name) (qualified_name)] @decorator)

(namespace_definition name: (namespace_name) @namespace)
