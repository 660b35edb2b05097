; JavaScript (and JSX) definitions: @definition.<kind> on the whole declaration, @name on its
; name, optional @params, @body. Mirrors grammars/typescript/ without the type-level nodes.

(function_declaration name: (identifier) @name parameters: (formal_parameters) @params body: (statement_block) @body) @definition.function
(generator_function_declaration name: (identifier) @name parameters: (formal_parameters) @params body: (statement_block) @body) @definition.function
(class_declaration name: (identifier) @name body: (class_body) @body) @definition.class

(class_body (method_definition name: (_) @name parameters: (formal_parameters) @params body: (statement_block) @body) @definition.method)
(class_body (field_definition property: (_) @name) @definition.property)

; Module-level variables; `const f = () => …` is a function. `const x = require('y')` is an
; import binding, not a variable. Each declarator is a definition; when a declaration has a single
; declarator the (wider) declaration node wins, so `const`/`export` and the doc comment belong to it.
; (With several declarators they must not share one node, or the later ones would nest in the first.)
(program (lexical_declaration (variable_declarator name: (identifier) @name value: (_)? @_v) @definition.variable)
  (#not-match? @_v "^require\\s*\\(\\s*['\"`][^'\"`]*['\"`]\\s*\\)$"))
(program (variable_declaration (variable_declarator name: (identifier) @name value: (_)? @_v) @definition.variable)
  (#not-match? @_v "^require\\s*\\(\\s*['\"`][^'\"`]*['\"`]\\s*\\)$"))
(program (lexical_declaration . (variable_declarator name: (identifier) @name value: (_)? @_v) .) @definition.variable
  (#not-match? @_v "^require\\s*\\(\\s*['\"`][^'\"`]*['\"`]\\s*\\)$"))
(program (variable_declaration . (variable_declarator name: (identifier) @name value: (_)? @_v) .) @definition.variable
  (#not-match? @_v "^require\\s*\\(\\s*['\"`][^'\"`]*['\"`]\\s*\\)$"))
(export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @name) @definition.variable))
(export_statement declaration: (lexical_declaration . (variable_declarator name: (identifier) @name) .) @definition.variable)
(export_statement declaration: (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable))
(export_statement declaration: (variable_declaration . (variable_declarator name: (identifier) @name) .) @definition.variable)

(program (lexical_declaration (variable_declarator name: (identifier) @name
  value: [(arrow_function parameters: (formal_parameters)? @params body: (_) @body) (function_expression parameters: (formal_parameters) @params body: (_) @body)]) @definition.function))
(program (lexical_declaration . (variable_declarator name: (identifier) @name
  value: [(arrow_function parameters: (formal_parameters)? @params body: (_) @body) (function_expression parameters: (formal_parameters) @params body: (_) @body)]) .) @definition.function)
(program (variable_declaration (variable_declarator name: (identifier) @name
  value: [(arrow_function parameters: (formal_parameters)? @params body: (_) @body) (function_expression parameters: (formal_parameters) @params body: (_) @body)]) @definition.function))
(program (variable_declaration . (variable_declarator name: (identifier) @name
  value: [(arrow_function parameters: (formal_parameters)? @params body: (_) @body) (function_expression parameters: (formal_parameters) @params body: (_) @body)]) .) @definition.function)
(export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @name
  value: [(arrow_function parameters: (formal_parameters)? @params body: (_) @body) (function_expression parameters: (formal_parameters) @params body: (_) @body)]) @definition.function))
(export_statement declaration: (lexical_declaration . (variable_declarator name: (identifier) @name
  value: [(arrow_function parameters: (formal_parameters)? @params body: (_) @body) (function_expression parameters: (formal_parameters) @params body: (_) @body)]) .) @definition.function)
(export_statement declaration: (variable_declaration (variable_declarator name: (identifier) @name
  value: [(arrow_function parameters: (formal_parameters)? @params body: (_) @body) (function_expression parameters: (formal_parameters) @params body: (_) @body)]) @definition.function))
(export_statement declaration: (variable_declaration . (variable_declarator name: (identifier) @name
  value: [(arrow_function parameters: (formal_parameters)? @params body: (_) @body) (function_expression parameters: (formal_parameters) @params body: (_) @body)]) .) @definition.function)

; CommonJS: `exports.name = …` / `module.exports.name = …` at module level define exported names
; (@export.name needs its own pattern: a match with @name is read as a definition only).
(program (expression_statement (assignment_expression
  left: (member_expression object: (identifier) @_e property: (property_identifier) @name)) @definition.variable)
  (#eq? @_e "exports"))
(program (expression_statement (assignment_expression
  left: (member_expression object: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
                           property: (property_identifier) @name)) @definition.variable)
  (#eq? @_m "module") (#eq? @_e "exports"))
(program (expression_statement (assignment_expression
  left: (member_expression object: (identifier) @_e property: (property_identifier) @export.name)))
  (#eq? @_e "exports"))
(program (expression_statement (assignment_expression
  left: (member_expression object: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
                           property: (property_identifier) @export.name)))
  (#eq? @_m "module") (#eq? @_e "exports"))
(program (expression_statement (assignment_expression
  left: (member_expression object: (identifier) @_e property: (property_identifier) @name)
  right: [(function_expression parameters: (formal_parameters) @params body: (_) @body)
          (arrow_function parameters: (formal_parameters)? @params body: (_) @body)]) @definition.function)
  (#eq? @_e "exports"))
(program (expression_statement (assignment_expression
  left: (member_expression object: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
                           property: (property_identifier) @name)
  right: [(function_expression parameters: (formal_parameters) @params body: (_) @body)
          (arrow_function parameters: (formal_parameters)? @params body: (_) @body)]) @definition.function)
  (#eq? @_m "module") (#eq? @_e "exports"))

; `export { a, b as c }` without a source, `export default a`, and CommonJS
; `module.exports = { a, b: c }` / `module.exports = a` mark local names as exported.
(export_statement (export_clause (export_specifier name: (identifier) @export.name)) !source)
(export_statement value: (identifier) @export.name)
(assignment_expression
  left: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
  right: [(identifier) @export.name
          (object (shorthand_property_identifier) @export.name)
          (object (pair value: (identifier) @export.name))]
  (#eq? @_m "module") (#eq? @_e "exports"))
