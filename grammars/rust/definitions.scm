; Rust definitions: @definition.<kind> on the item, @name on its name, optional @params, @body,
; @doc. Each definition is written as "doc comments, attributes, item" so that @doc captures the
; first line of a `///` (or `/** */`) run even when `#[…]` attributes sit between it and the item
; (the framework's own comment lookup stops at the first attribute and at `///` lines, whose node
; ends on the next line); tree-sitter keeps only the longest such match per item. `const _` is no symbol.
; Struct/union/variant fields and enum variants are in the same list: a pattern rooted at their
; parent list would only match the first child (the leading anchor binds to it).
; Functions inside `impl` blocks are qualified by the impl's type via @scope.named/@scope.name;
; functions inside a trait are its methods. `mod x;` (no body) is an import, see imports.scm.

(
  [(line_comment outer: (outer_doc_comment_marker)) (block_comment outer: (outer_doc_comment_marker))]* @doc
  .
  (attribute_item)*
  .
  [(function_item name: (identifier) @name parameters: (parameters) @params body: (block) @body) @definition.function
   (function_signature_item name: (identifier) @name parameters: (parameters) @params) @definition.function
   (struct_item name: (type_identifier) @name body: (field_declaration_list)? @body) @definition.struct
   (union_item name: (type_identifier) @name body: (field_declaration_list) @body) @definition.struct
   (enum_item name: (type_identifier) @name body: (enum_variant_list) @body) @definition.enum
   (trait_item name: (type_identifier) @name body: (declaration_list) @body) @definition.trait
   (mod_item name: (identifier) @name body: (declaration_list) @body) @definition.module
   (const_item name: (identifier) @name) @definition.constant
   (static_item name: (identifier) @name) @definition.constant
   (type_item name: (type_identifier) @name) @definition.type
   (associated_type name: (type_identifier) @name) @definition.type
   (macro_definition name: (identifier) @name) @definition.function
   (field_declaration name: (field_identifier) @name) @definition.property
   (enum_variant name: (identifier) @name) @definition.enum_member]
  (#not-eq? @name "_"))

; `impl Foo { … }` and `impl Trait for Foo<T> { … }` qualify their items as `Foo.item`.
(impl_item type: [
  (type_identifier) @scope.name
  (primitive_type) @scope.name
  (generic_type type: (type_identifier) @scope.name)
  (scoped_type_identifier name: (type_identifier) @scope.name)
  (generic_type type: (scoped_type_identifier name: (type_identifier) @scope.name))
  (reference_type type: (type_identifier) @scope.name)
  (reference_type type: (generic_type type: (type_identifier) @scope.name))]) @scope.named
