; Python definitions: @definition.<kind> on the whole declaration, @name on its name,
; optional @params, @body, @doc (the docstring), and for functions @async, @return_type and a
; @param.typed per annotated parameter (the parameter list is walked child by child, so that one
; match holds them all). Decorated definitions are captured on the decorated_definition so
; start_line includes the decorators (the wider node wins).

(function_definition
  "async"? @async
  name: (identifier) @name
  parameters: (parameters "(" [(typed_parameter) @param.typed (typed_default_parameter) @param.typed (_) ","]* ")") @params
  return_type: (_)? @return_type
  body: (block . (expression_statement . (string) @doc)? ) @body) @definition.function
(decorated_definition
  definition: (function_definition
    "async"? @async
    name: (identifier) @name
    parameters: (parameters "(" [(typed_parameter) @param.typed (typed_default_parameter) @param.typed (_) ","]* ")") @params
    return_type: (_)? @return_type
    body: (block . (expression_statement . (string) @doc)? ) @body)) @definition.function

; Decorator names without their arguments (`@app.route("/")` → app.route); each belongs to the
; definition it precedes.
(decorator [(identifier) (attribute)] @decorator)
(decorator (call function: [(identifier) (attribute)] @decorator))

(class_definition
  name: (identifier) @name
  body: (block . (expression_statement . (string) @doc)? ) @body) @definition.class
(decorated_definition
  definition: (class_definition
    name: (identifier) @name
    body: (block . (expression_statement . (string) @doc)? ) @body)) @definition.class

; Module-level assignments are variables (UPPER_CASE ones become constants), also inside a
; module-level if/else or try/except block (`if TYPE_CHECKING:`, `try: … except ImportError:`).
; A pattern rooted at `module` keeps a query state alive over the whole file, so there are few.
(module (expression_statement (assignment
  left: [(identifier) @name (pattern_list (identifier) @name) (tuple_pattern (identifier) @name)])) @definition.variable)
(module (if_statement [
  consequence: (block (expression_statement (assignment left: (identifier) @name)) @definition.variable)
  alternative: (else_clause body: (block (expression_statement (assignment left: (identifier) @name)) @definition.variable))]))
(module (try_statement [
  body: (block (expression_statement (assignment left: (identifier) @name)) @definition.variable)
  (except_clause (block (expression_statement (assignment left: (identifier) @name)) @definition.variable))]))

; `type Alias = …` (Python 3.12).
(type_alias_statement left: (type (identifier) @name)) @definition.type

; Class-level assignments (with or without a value) are properties.
(class_definition body: (block (expression_statement (assignment left: (identifier) @name)) @definition.property))

; `__all__ = [...]` / `__all__ += (...)` lists the exported names (also inside a module-level `if`).
([(assignment left: (identifier) @_all right: [(list (string (string_content) @export.name)) (tuple (string (string_content) @export.name))])
  (augmented_assignment left: (identifier) @_all right: [(list (string (string_content) @export.name)) (tuple (string (string_content) @export.name))])]
  (#eq? @_all "__all__"))
