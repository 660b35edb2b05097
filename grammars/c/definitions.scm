; C definitions (tree-sitter-c). See grammars/README.md for the capture vocabulary.
; functions (definitions anywhere; prototypes only in headers), struct/union → struct, enum (+
; enumerators), typedef → type, `#define` → constant (function-like macros → function), global
; variables → variable, struct/union fields → property.
; A header is recognised by its include guard (`#ifndef X` + `#define X` first) or `#pragma once`;
; in other files a prototype or `extern` declaration names something defined elsewhere.
; Each declarator of `int a, b;` is a symbol spanning the declaration. Symbols whose declaration
; holds another definition (`typedef struct tag {…} name;`, `struct s {…} var;`) span only their
; declarator, so that the inner struct is not qualified by them.

; --- Functions. The declarator may be wrapped in pointers (`char *dup(…)`). The return type spans
; a `const` before the type, the type and the pointers' `*` (@return_type, here and in prototypes).
(function_definition
  (type_qualifier "const")? @return_type type: (_)? @return_type
  declarator: [(function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)))]
  body: (compound_statement) @body) @definition.function

; --- Macros. Include guards (`#define FOO_H` with no value) are not symbols.
(preproc_def name: (identifier) @name value: (preproc_arg)) @definition.constant
((preproc_def name: (identifier) @name !value) @definition.constant
  (#not-match? @name "_(H|HH|HPP|HXX|INCLUDED|DEFINED)_*$"))
(preproc_function_def name: (identifier) @name parameters: (preproc_params) @params) @definition.function

; --- Aggregates and enums (with a body), their fields and enumerators. A field whose type has a
; body (`struct {…} inner;`) spans its declarator (see above).
(struct_specifier name: (type_identifier) @name body: (field_declaration_list) @body) @definition.struct
(union_specifier name: (type_identifier) @name body: (field_declaration_list) @body) @definition.struct
(enum_specifier name: (type_identifier) @name body: (enumerator_list) @body) @definition.enum
(enumerator_list (enumerator name: (identifier) @name) @definition.enum_member)
((field_declaration_list (field_declaration declarator: [(field_identifier) @name
    (pointer_declarator declarator: (field_identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (field_identifier) @name))
    (array_declarator declarator: (field_identifier) @name)
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (field_identifier) @name)))]) @definition.property @_decl)
  (#not-match? @_decl "^[^={;]*[{]"))
((field_declaration_list (field_declaration declarator: [(field_identifier) @name
    (pointer_declarator declarator: (field_identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (field_identifier) @name))
    (array_declarator declarator: (field_identifier) @name)
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (field_identifier) @name)))] @definition.property) @_decl)
  (#match? @_decl "^[^={;]*[{]"))

; --- Typedefs. `typedef struct {…} name;` makes the anonymous aggregate the symbol `name`.
(type_definition
  type: [(primitive_type) (type_identifier) (sized_type_specifier) (macro_type_specifier)
    (struct_specifier !body) (union_specifier !body) (enum_specifier !body)]
  declarator: [(type_identifier) @name
    (pointer_declarator declarator: (type_identifier) @name)
    (array_declarator declarator: (type_identifier) @name)
    (function_declarator declarator: (type_identifier) @name)
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (type_identifier) @name)))]) @definition.type
(type_definition type: (struct_specifier !name body: (_) @body) declarator: (type_identifier) @name) @definition.struct
(type_definition type: (union_specifier !name body: (_) @body) declarator: (type_identifier) @name) @definition.struct
(type_definition type: (enum_specifier !name body: (_) @body) declarator: (type_identifier) @name) @definition.enum
(type_definition type: [(struct_specifier name: (_) body: (_)) (union_specifier name: (_) body: (_)) (enum_specifier name: (_) body: (_))]
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
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl)
  (#not-match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl))
  (#not-match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl)))
  (#not-match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])] @definition.variable) @_decl)
  (#match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])] @definition.variable) @_decl))
  (#match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((translation_unit (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])] @definition.variable) @_decl)))
  (#match? @_decl "^[^={;]*[{]") (#not-match? @_decl "^extern\\s"))
((declaration_list (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl)
  (#not-match? @_decl "^[^={;]*[{]"))
((declaration_list (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl))
  (#not-match? @_decl "^[^={;]*[{]"))
((declaration_list (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])] @definition.variable) @_decl)
  (#match? @_decl "^[^={;]*[{]"))
((declaration_list (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])] @definition.variable) @_decl))
  (#match? @_decl "^[^={;]*[{]"))
; --- Headers (an include guard or `#pragma once` first): prototypes and `extern` variables
; declare the API there, so they are symbols; so are prototypes in `extern "C"`/namespace bodies.
((translation_unit (preproc_ifdef . "#ifndef" name: (identifier) @_guard . (preproc_def name: (identifier) @_define) (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)))] ";" @body) @definition.function))
  (#eq? @_guard @_define))
((translation_unit (preproc_ifdef . "#ifndef" name: (identifier) @_guard . (preproc_def name: (identifier) @_define) (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)))] ";" @body) @definition.function)))
  (#eq? @_guard @_define))
((translation_unit (preproc_call directive: (preproc_directive) @_dir argument: (preproc_arg) @_arg) (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)))] ";" @body) @definition.function)
  (#eq? @_dir "#pragma") (#match? @_arg "^\\s*once"))
((translation_unit (preproc_call directive: (preproc_directive) @_dir argument: (preproc_arg) @_arg) (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)))] ";" @body) @definition.function))
  (#eq? @_dir "#pragma") (#match? @_arg "^\\s*once"))
(declaration_list (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)))] ";" @body) @definition.function)
(declaration_list (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration (type_qualifier "const")? @return_type type: (_)? @return_type declarator: [(function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)
   (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params))
   (pointer_declarator "*" @return_type declarator: (pointer_declarator "*" @return_type declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @params)))] ";" @body) @definition.function))
((translation_unit (preproc_ifdef . "#ifndef" name: (identifier) @_guard . (preproc_def name: (identifier) @_define) (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl))
  (#not-match? @_decl "^[^={;]*[{]") (#match? @_decl "^extern\\s") (#eq? @_guard @_define))
((translation_unit (preproc_ifdef . "#ifndef" name: (identifier) @_guard . (preproc_def name: (identifier) @_define) (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl)))
  (#not-match? @_decl "^[^={;]*[{]") (#match? @_decl "^extern\\s") (#eq? @_guard @_define))
((translation_unit (preproc_call directive: (preproc_directive) @_dir argument: (preproc_arg) @_arg) (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl)
  (#not-match? @_decl "^[^={;]*[{]") (#match? @_decl "^extern\\s") (#eq? @_dir "#pragma") (#match? @_arg "^\\s*once"))
((translation_unit (preproc_call directive: (preproc_directive) @_dir argument: (preproc_arg) @_arg) (_ . ["#if" "#ifdef" "#ifndef" "#elif" "#elifdef" "#elifndef" "#else"] (declaration declarator: [
    (identifier) @name
    (pointer_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
    (array_declarator declarator: (identifier) @name)
    (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
    (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))
    (init_declarator declarator: [
      (identifier) @name
      (pointer_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @name))
      (array_declarator declarator: (identifier) @name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @name))
      (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (identifier) @name)))])]) @definition.variable @_decl))
  (#not-match? @_decl "^[^={;]*[{]") (#match? @_decl "^extern\\s") (#eq? @_dir "#pragma") (#match? @_arg "^\\s*once"))

; C23/C++11 attributes (`[[nodiscard]]`, `[[gnu::cold]]`): names without their arguments; each
; belongs to the declaration that holds it.
(attribute_declaration (attribute) @decorator)
