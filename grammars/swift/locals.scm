; Swift local scopes and the names declared in them (parameters, let/var, loop and
; if/guard/while-let and case bindings, tuple patterns, closure parameters, nested functions).
; File- and type-level properties are symbols, and they are not inside any of these scopes.

[(function_declaration) (init_declaration) (deinit_declaration) (subscript_declaration) (lambda_literal)
 (for_statement) (if_statement) (statements) (catch_block) (computed_property)] @local.scope

(parameter name: (simple_identifier) @local.definition)
(lambda_parameter name: (simple_identifier) @local.definition)
; `let x`, `for x in`, `if let x`, `guard let x`, `case .a(let x)`: every bound_identifier field.
(_ bound_identifier: (simple_identifier) @local.definition)
; `let (a, b)`, `for (i, x) in`, `case let .a(x)`
(pattern (pattern (simple_identifier) @local.definition))
; Functions declared inside a function body.
(statements (function_declaration name: (simple_identifier) @local.definition))
