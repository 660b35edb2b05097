; Ruby definitions: classes, modules, methods (instance and singleton) and constants.
; Qualified names come from nesting (`Outer.Inner.m`); `class A::B` is qualified through @receiver.
; A `;` right after the name/parameters is also captured as @body (the first @body wins), so the
; signature of `def x; end`, `def y; 1; end` or `class Z; end` stops before it.
; Not expressible: `attr_accessor :a` properties (the name is the `:a` symbol token, colon included).

(class name: (constant) @name superclass: (_)? ";"? @body body: (_)? @body) @definition.class
(class name: (scope_resolution scope: (_) @receiver name: (constant) @name) superclass: (_)? ";"? @body body: (_)? @body) @definition.class
(module name: (constant) @name ";"? @body body: (_)? @body) @definition.module
(module name: (scope_resolution scope: (_) @receiver name: (constant) @name) ";"? @body body: (_)? @body) @definition.module

(method name: (_) @name parameters: (method_parameters)? @params ";"? @body body: (_)? @body) @definition.function

; `def self.x` is a method of the enclosing class; `def Foo.x` is qualified by its object.
(singleton_method object: (self) name: (_) @name parameters: (method_parameters)? @params ";"? @body body: (_)? @body) @definition.method
(singleton_method object: [(constant) (identifier)] @receiver name: (_) @name parameters: (method_parameters)? @params ";"? @body body: (_)? @body) @definition.method

; Constants; file-level local variables are file-private variables.
(assignment left: (constant) @name) @definition.constant
(program (assignment left: (identifier) @name) @definition.variable)
