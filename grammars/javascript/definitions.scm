; JavaScript (and JSX) definitions: @definition.<kind> on the whole declaration, @name on its
; name, optional @params, @body, @async. Mirrors grammars/typescript/ without the type-level nodes.

(function_declaration "async"? @async name: (identifier) @name parameters: (formal_parameters) @params body: (statement_block) @body) @definition.function
(generator_function_declaration "async"? @async name: (identifier) @name parameters: (formal_parameters) @params body: (statement_block) @body) @definition.function
(class_declaration name: (identifier) @name body: (class_body) @body) @definition.class

(class_body (method_definition "async"? @async name: (_) @name parameters: (formal_parameters) @params body: (statement_block) @body) @definition.method)
(class_body (field_definition property: (_) @name) @definition.property)

; Module-level variables; `const f = () => …` is a function. `const x = require('y')` is an
; import binding, not a variable. Each declarator is a definition; when a declaration has a single
; declarator the (wider) declaration node wins, so `const`/`export` and the doc comment belong to it
; (with several declarators each keeps its own node, which gives each its own signature and lines).
; CommonJS `exports.name = …` / `module.exports.name = …` at module level define exported names.
; Performance: every pattern rooted at `program` keeps a query state alive over the whole file, so
; there are few of them, each failing at once on other statements: `(_ . …)` is a top-level
; statement whose first named child is a declarator (lexical/variable declaration) or an
; assignment (expression statement); alternatives sit below it, inside one statement.
(program (_ . [
  (variable_declarator name: (identifier) @name
    value: [(arrow_function "async"? @async parameters: (formal_parameters)? @params body: (_) @body)
           (function_expression "async"? @async parameters: (formal_parameters) @params body: (_) @body)]) @definition.function
  (variable_declarator name: (identifier) @name value: (_)? @_v) @definition.variable
  (assignment_expression
    left: [(member_expression object: (identifier) @_e property: (property_identifier) @name)
          (member_expression
            object: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
            property: (property_identifier) @name)]
    right: [(arrow_function "async"? @async parameters: (formal_parameters)? @params body: (_) @body)
           (function_expression "async"? @async parameters: (formal_parameters) @params body: (_) @body)]) @definition.function
  (assignment_expression
    left: [(member_expression object: (identifier) @_e property: (property_identifier) @name)
          (member_expression
            object: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
            property: (property_identifier) @name)]) @definition.variable])
  (#not-match? @_v "^require\\s*\\(\\s*['\"`][^'\"`]*['\"`]\\s*\\)$") (#eq? @_e "exports") (#eq? @_m "module"))
; Second and later declarators of `let a = 1, b = 2`.
(program (_ . (variable_declarator) [
  (variable_declarator name: (identifier) @name
    value: [(arrow_function "async"? @async parameters: (formal_parameters)? @params body: (_) @body)
           (function_expression "async"? @async parameters: (formal_parameters) @params body: (_) @body)]) @definition.function
  (variable_declarator name: (identifier) @name value: (_)? @_v) @definition.variable])
  (#not-match? @_v "^require\\s*\\(\\s*['\"`][^'\"`]*['\"`]\\s*\\)$"))
; A declaration with a single declarator.
(program (_ . (variable_declarator name: (identifier) @name value: (_)? @_v) .) @definition.variable
  (#not-match? @_v "^require\\s*\\(\\s*['\"`][^'\"`]*['\"`]\\s*\\)$"))
(program (_ . (variable_declarator name: (identifier) @name
    value: [(arrow_function "async"? @async parameters: (formal_parameters)? @params body: (_) @body)
           (function_expression "async"? @async parameters: (formal_parameters) @params body: (_) @body)]) .) @definition.function)

; The same under `export`.
(export_statement declaration: (_ . [
  (variable_declarator name: (identifier) @name
    value: [(arrow_function "async"? @async parameters: (formal_parameters)? @params body: (_) @body)
           (function_expression "async"? @async parameters: (formal_parameters) @params body: (_) @body)]) @definition.function
  (variable_declarator name: (identifier) @name) @definition.variable]))
(export_statement declaration: (_ . (variable_declarator) [
  (variable_declarator name: (identifier) @name
    value: [(arrow_function "async"? @async parameters: (formal_parameters)? @params body: (_) @body)
           (function_expression "async"? @async parameters: (formal_parameters) @params body: (_) @body)]) @definition.function
  (variable_declarator name: (identifier) @name) @definition.variable]))
(export_statement declaration: (_ . (variable_declarator name: (identifier) @name) .) @definition.variable)
(export_statement declaration: (_ . (variable_declarator name: (identifier) @name
    value: [(arrow_function "async"? @async parameters: (formal_parameters)? @params body: (_) @body)
           (function_expression "async"? @async parameters: (formal_parameters) @params body: (_) @body)]) .) @definition.function)

; Decorator names without their arguments (`@observable({…})` → observable); each belongs to the
; definition it precedes.
(decorator [(identifier) (member_expression)] @decorator)
(decorator (call_expression function: [(identifier) (member_expression)] @decorator))

; `exports.name = …` anywhere also names an export (@export.name needs its own pattern: a match with
; @name is read as a definition only).
(assignment_expression
  left: [(member_expression object: (identifier) @_e property: (property_identifier) @export.name)
         (member_expression
           object: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
           property: (property_identifier) @export.name)]
  (#eq? @_e "exports") (#eq? @_m "module"))

; `export { a, b as c }` without a source, `export default a`, and CommonJS
; `module.exports = { a, b: c }` / `module.exports = a` mark local names as exported.
(export_statement !declaration (export_clause (export_specifier name: (identifier) @export.name)) !source)
(export_statement value: (identifier) @export.name)
(assignment_expression
  left: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
  right: [(identifier) @export.name
          (object (shorthand_property_identifier) @export.name)
          (object (pair value: (identifier) @export.name))]
  (#eq? @_m "module") (#eq? @_e "exports"))
