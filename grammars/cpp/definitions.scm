; C++ definitions (tree-sitter-cpp). See grammars/README.md for the capture vocabulary.
; Named namespaces → module symbols (members are qualified `ns.Class.method`; anonymous
; namespaces add nothing); class → class, struct/union → struct, enum (+ enumerators),
; typedef/alias → type, `#define` → constant (function-like → function). Functions and methods:
; definitions anywhere (template wrappers included in the span), member declarations in class
; bodies, free prototypes only in headers (include guard or `#pragma once`) and namespace bodies.
; Out-of-class definitions (`void Foo::bar() {}`) take the class as @receiver (`Foo.bar`).
; Fields → property; global variables → variable. Each declarator of `int a, b;` is a symbol
; spanning the declaration; symbols whose declaration holds another definition (`struct s {…} v;`,
; `typedef struct t {…} n;`) span only their declarator, so the inner type is not qualified by them.

; --- Namespaces and types.
(namespace_definition name: [(namespace_identifier) (nested_namespace_specifier)] @name body: (declaration_list) @body) @definition.module
(class_specifier name: (type_identifier) @name body: (field_declaration_list) @body) @definition.class
(struct_specifier name: (type_identifier) @name body: (field_declaration_list) @body) @definition.struct
(union_specifier name: (type_identifier) @name body: (field_declaration_list) @body) @definition.struct
(enum_specifier name: (type_identifier) @name body: (enumerator_list) @body) @definition.enum
(template_declaration (class_specifier name: (type_identifier) @name body: (field_declaration_list) @body)) @definition.class
(template_declaration (struct_specifier name: (type_identifier) @name body: (field_declaration_list) @body)) @definition.struct
(enumerator_list (enumerator name: (identifier) @name) @definition.enum_member)
(alias_declaration name: (type_identifier) @name) @definition.type
(template_declaration (alias_declaration name: (type_identifier) @name)) @definition.type

; --- Functions and methods (definitions), plain and template-wrapped. The return type spans a
; `const` before the type, the type and the declarator's `*`/`&`/`&&` (@return_type, here and in
; declarations; constructors have none). A trailing return type (`auto f() -> int`) is not read.
(function_definition (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))] body: (_) @body) @definition.function
(function_definition (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params))] body: (_) @body) @definition.method
(function_definition (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (qualified_identifier name: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name)) parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (qualified_identifier name: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name)) parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (qualified_identifier name: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name)) parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: (qualified_identifier name: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name)) parameters: (parameter_list) @params))] body: (_) @body) @definition.method
(template_declaration (function_definition (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))] body: (_) @body)) @definition.function
(template_declaration (function_definition (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params))] body: (_) @body)) @definition.method

; --- Defaulted and deleted functions (`~Shape() = default;`, `Foo(const Foo&) = delete;`): a
; function_definition without a body; the `= default`/`= delete` clause stands in for it.
(function_definition (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))]
  [(default_method_clause) (delete_method_clause)] @body) @definition.function
(function_definition (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: (qualified_identifier scope: (_) @receiver name: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name) parameters: (parameter_list) @params))]
  [(default_method_clause) (delete_method_clause)] @body) @definition.method

; --- Member function declarations in class bodies (constructors and destructors are plain
; `declaration`s there).
(field_declaration_list (field_declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))] ";" @body) @definition.method)
(field_declaration_list (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))] ";" @body) @definition.method)
(field_declaration_list (template_declaration (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier) (destructor_name) (operator_name)] @name parameters: (parameter_list) @params))])) @definition.method)

; --- Fields: each declarator spans the declaration, or only itself when the type has a body.
((field_declaration_list (field_declaration declarator: [(field_identifier) @name
    (pointer_declarator declarator: (field_identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (field_identifier) @name))
    (reference_declarator (field_identifier) @name)
    (array_declarator declarator: (field_identifier) @name)
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (field_identifier) @name)))]) @definition.property @_decl)
  (#not-match? @_decl "^[^={;]*[{]"))
((field_declaration_list (field_declaration declarator: [(field_identifier) @name
    (pointer_declarator declarator: (field_identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (field_identifier) @name))
    (reference_declarator (field_identifier) @name)
    (array_declarator declarator: (field_identifier) @name)
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (field_identifier) @name)))] @definition.property) @_decl)
  (#match? @_decl "^[^={;]*[{]"))

; --- Macros. Include guards (`#define FOO_H` with no value) are not symbols.
(preproc_def name: (identifier) @name value: (preproc_arg)) @definition.constant
((preproc_def name: (identifier) @name !value) @definition.constant
  (#not-match? @name "_(H|HH|HPP|HXX|INCLUDED|DEFINED)_*$"))
(preproc_function_def name: (identifier) @name parameters: (preproc_params) @params) @definition.function

; --- Typedefs. `typedef struct {…} name;` makes the anonymous aggregate the symbol `name`.
(type_definition
  type: [(primitive_type) (type_identifier) (sized_type_specifier)
    (struct_specifier !body) (union_specifier !body) (enum_specifier !body) (class_specifier !body)
    (qualified_identifier) (template_type)]
  declarator: [(type_identifier) @name
    (pointer_declarator declarator: (type_identifier) @name)
    (array_declarator declarator: (type_identifier) @name)
    (function_declarator declarator: (type_identifier) @name)
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (type_identifier) @name)))]) @definition.type
(type_definition type: (struct_specifier !name body: (_) @body) declarator: (type_identifier) @name) @definition.struct
(type_definition type: (union_specifier !name body: (_) @body) declarator: (type_identifier) @name) @definition.struct
(type_definition type: (enum_specifier !name body: (_) @body) declarator: (type_identifier) @name) @definition.enum
(type_definition type: [(struct_specifier name: (_) body: (_)) (union_specifier name: (_) body: (_)) (enum_specifier name: (_) body: (_)) (class_specifier name: (_) body: (_))]
  declarator: [(type_identifier) @name @definition.type (pointer_declarator declarator: (type_identifier) @name) @definition.type])

; --- Global variables: at file level (not `extern`: those name variables defined elsewhere) and
; in `extern "C"`/namespace bodies, also inside preprocessor conditionals under those (two deep at
; file level, one in bodies). Each declarator is a symbol spanning the declaration, unless the
; declared type has a body (`struct s {…} v;`: a `{` before any `=`): then it spans its declarator.
((translation_unit (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl)
  (#not-match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl))
  (#not-match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl)))
  (#not-match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])] @definition.variable) @_decl)
  (#match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])] @definition.variable) @_decl))
  (#match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])] @definition.variable) @_decl)))
  (#match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((declaration_list (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl)
  (#not-match? @_decl "^[^={;]*[{]"))
((declaration_list (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl))
  (#not-match? @_decl "^[^={;]*[{]"))
((declaration_list (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])] @definition.variable) @_decl)
  (#match? @_decl "^[^={;]*[{]"))
((declaration_list (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])] @definition.variable) @_decl))
  (#match? @_decl "^[^={;]*[{]"))
; --- Headers (an include guard or `#pragma once` first): prototypes and `extern` variables
; declare the API there, so they are symbols; so are prototypes in `extern "C"`/namespace bodies.
((translation_unit (preproc_ifdef . "#ifndef" name: (identifier) @_guard . (preproc_def name: (identifier) @_define) (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))] ";" @body) @definition.function))
  (#eq? @_guard @_define))
((translation_unit (preproc_ifdef . "#ifndef" name: (identifier) @_guard . (preproc_def name: (identifier) @_define) (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))] ";" @body) @definition.function)))
  (#eq? @_guard @_define))
((translation_unit (preproc_call directive: (preproc_directive) @_dir argument: (preproc_arg) @_arg) (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))] ";" @body) @definition.function)
  (#eq? @_dir "#pragma") (#match? @_arg "^\\s*once"))
((translation_unit (preproc_call directive: (preproc_directive) @_dir argument: (preproc_arg) @_arg) (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))] ";" @body) @definition.function))
  (#eq? @_dir "#pragma") (#match? @_arg "^\\s*once"))
(declaration_list (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))] ";" @body) @definition.function)
(declaration_list (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params)))
   (reference_declarator ["&" "&&"] @return_type (function_declarator declarator: [(identifier) (field_identifier)] @name parameters: (parameter_list) @params))] ";" @body) @definition.function))
((translation_unit (preproc_ifdef . "#ifndef" name: (identifier) @_guard . (preproc_def name: (identifier) @_define) (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl))
  (#not-match? @_decl "^[^={;]*[{]") (#match? @_decl "^extern\\s") (#eq? @_guard @_define))
((translation_unit (preproc_ifdef . "#ifndef" name: (identifier) @_guard . (preproc_def name: (identifier) @_define) (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl)))
  (#not-match? @_decl "^[^={;]*[{]") (#match? @_decl "^extern\\s") (#eq? @_guard @_define))
((translation_unit (preproc_call directive: (preproc_directive) @_dir argument: (preproc_arg) @_arg) (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl)
  (#not-match? @_decl "^[^={;]*[{]") (#match? @_decl "^extern\\s") (#eq? @_dir "#pragma") (#match? @_arg "^\\s*once"))
((translation_unit (preproc_call directive: (preproc_directive) @_dir argument: (preproc_arg) @_arg) (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (reference_declarator (identifier) @name)
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
      (reference_declarator (identifier) @name)])]) @definition.variable @_decl))
  (#not-match? @_decl "^[^={;]*[{]") (#match? @_decl "^extern\\s") (#eq? @_dir "#pragma") (#match? @_arg "^\\s*once"))

; C23/C++11 attributes (`[[nodiscard]]`, `[[gnu::cold]]`): names without their arguments; each
; belongs to the declaration that holds it.
(attribute_declaration (attribute) @decorator)
