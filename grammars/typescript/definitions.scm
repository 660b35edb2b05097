; Definitions: @definition.<kind> on the whole declaration, @name on its name,
; optional @params, @body, @receiver, @doc (see grammars/README.md). Functions also capture
; @async, @return_type (the type inside the `: T` annotation) and @param.typed for each annotated
; parameter: the parameter list is walked child by child, so that one match holds them all.

(function_declaration "async"? @async name: (identifier) @name parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)? body: (statement_block) @body) @definition.function
(generator_function_declaration "async"? @async name: (identifier) @name parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)? body: (statement_block) @body) @definition.function
(function_signature name: (identifier) @name parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)?) @definition.function

(class_declaration name: (type_identifier) @name body: (class_body) @body) @definition.class
(abstract_class_declaration name: (type_identifier) @name body: (class_body) @body) @definition.class
(interface_declaration name: (type_identifier) @name body: (_) @body) @definition.interface
(type_alias_declaration name: (type_identifier) @name) @definition.type
(enum_declaration name: (identifier) @name body: (enum_body) @body) @definition.enum
(enum_body (property_identifier) @name @definition.enum_member)
(enum_body (enum_assignment name: (property_identifier) @name) @definition.enum_member)
(internal_module name: (identifier) @name body: (statement_block) @body) @definition.module

(method_definition "async"? @async name: (_) @name parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)? body: (statement_block) @body) @definition.method
(interface_body (method_signature name: (_) @name parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)?) @definition.method)
(type_alias_declaration value: (object_type (method_signature name: (_) @name parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)?) @definition.method))
(abstract_method_signature name: (_) @name parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)?) @definition.method
(public_field_definition name: (_) @name) @definition.property
; Constructor parameter properties (`constructor(private readonly store: Store)`) are class members.
(method_definition name: (property_identifier) @_ctor parameters: (formal_parameters
  [(required_parameter (accessibility_modifier) pattern: (identifier) @name)
   (required_parameter "readonly" pattern: (identifier) @name)
   (optional_parameter (accessibility_modifier) pattern: (identifier) @name)] @definition.property)
  (#eq? @_ctor "constructor") (#set! hoist "true"))
(interface_body (property_signature name: (_) @name) @definition.property)
(type_alias_declaration value: (object_type (property_signature name: (_) @name) @definition.property))

; Module-level variables; `const f = () => …` is a function.
(program (lexical_declaration (variable_declarator name: (identifier) @name)) @definition.variable)
(program (variable_declaration (variable_declarator name: (identifier) @name)) @definition.variable)
(export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @name)) @definition.variable)
(export_statement declaration: (variable_declaration (variable_declarator name: (identifier) @name)) @definition.variable)
(program (lexical_declaration (variable_declarator name: (identifier) @name
  value: [(arrow_function "async"? @async parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")")? @params return_type: (_ (_) @return_type)? body: (_) @body)
          (function_expression "async"? @async parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)? body: (_) @body)])) @definition.function)
(export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @name
  value: [(arrow_function "async"? @async parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")")? @params return_type: (_ (_) @return_type)? body: (_) @body)
          (function_expression "async"? @async parameters: (formal_parameters "(" [(required_parameter type: (_)) @param.typed (optional_parameter type: (_)) @param.typed (_) ","]* ")") @params return_type: (_ (_) @return_type)? body: (_) @body)])) @definition.function)
(internal_module body: (statement_block (lexical_declaration (variable_declarator name: (identifier) @name)) @definition.variable))
(internal_module body: (statement_block (export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @name)) @definition.variable)))

; Decorator names without their arguments (`@Component({…})` → Component); each belongs to the
; definition it precedes.
(decorator [(identifier) (member_expression)] @decorator)
(decorator (call_expression function: [(identifier) (member_expression)] @decorator))

; `export { a, b as c }` without a source marks local names as exported.
(export_statement (export_clause (export_specifier name: (identifier) @export.name)) !source)
(export_statement value: (identifier) @export.name)
