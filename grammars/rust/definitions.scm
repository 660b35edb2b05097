; Rust definitions: @definition.<kind> on the item, @name on its name, optional @params, @body,
; @doc; functions also capture @async, @return_type and @param.typed for each parameter other than
; `self` (the parameter list is walked child by child, so that one match holds them all). `const _`
; is no symbol. Struct/union/variant fields and enum variants are matched on their own. Functions
; inside `impl` blocks are qualified by the impl's type via @scope.named/@scope.name; functions
; inside a trait are its methods, functions inside a `mod` are functions. `mod x;` (no body) is an
; import, see imports.scm.
;
; Doc comments: the framework reads the comment above a definition (attributes skipped), but it
; takes a `///` line whose previous sibling ends on its row for a trailing comment, and a `///` node
; ends at column 0 of the next row: the last line of a multi-line `///` doc is rejected (a fix in
; extract.ts, comparing the sibling's last row, would make the two run patterns below unnecessary).
; So items with a `///` run of two or more lines are also matched as "what precedes the run, the
; run, attributes, item", with @doc on the first line. Performance: the pattern starts at the node
; before the run (an item, a plain comment, `{`, `,` …, never a doc line): starting at each doc line
; would give one query state per line, whose pairwise longest-match comparisons are quadratic in the
; run's length; and only the first line is captured (capturing all makes each step copy and compare
; the whole run). A documented item is matched twice: the documented match is the one kept, because
; it comes first (earlier pattern, same start depth: the framework keeps the first of two equal
; definitions) or, for fields (generic `property` kind), because it comes after the plain match
; and replaces it. A run that opens the file (no node before it) falls back to the framework.

(
  [(function_item) (function_signature_item) (struct_item) (union_item) (enum_item) (trait_item) (mod_item)
   (const_item) (static_item) (type_item) (associated_type) (macro_definition) (enum_variant) (field_declaration)
   (impl_item) (foreign_mod_item) (use_declaration) (extern_crate_declaration) (macro_invocation)
   (attribute_item) (inner_attribute_item) (line_comment !outer) (block_comment !outer) "{" ","]
  .
  (line_comment outer: (outer_doc_comment_marker)) @doc
  .
  (line_comment outer: (outer_doc_comment_marker))+
  .
  (attribute_item)*
  .
  [(function_item (function_modifiers "async" @async)? name: (identifier) @name parameters: (parameters "(" [(parameter) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type body: (block) @body) @definition.function
   (function_signature_item (function_modifiers "async" @async)? name: (identifier) @name parameters: (parameters "(" [(parameter) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type) @definition.function
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
   (enum_variant name: (identifier) @name) @definition.enum_member]
  (#not-eq? @name "_"))

([(function_item (function_modifiers "async" @async)? name: (identifier) @name parameters: (parameters "(" [(parameter) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type body: (block) @body) @definition.function
   (function_signature_item (function_modifiers "async" @async)? name: (identifier) @name parameters: (parameters "(" [(parameter) @param.typed (_) ","]* ")") @params return_type: (_)? @return_type) @definition.function
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
   (enum_variant name: (identifier) @name) @definition.enum_member
   (field_declaration name: (field_identifier) @name) @definition.property]
  (#not-eq? @name "_"))

(
  [(function_item) (function_signature_item) (struct_item) (union_item) (enum_item) (trait_item) (mod_item)
   (const_item) (static_item) (type_item) (associated_type) (macro_definition) (enum_variant) (field_declaration)
   (impl_item) (foreign_mod_item) (use_declaration) (extern_crate_declaration) (macro_invocation)
   (attribute_item) (inner_attribute_item) (line_comment !outer) (block_comment !outer) "{" ","]
  .
  (line_comment outer: (outer_doc_comment_marker)) @doc
  .
  (line_comment outer: (outer_doc_comment_marker))+
  .
  (attribute_item)*
  .
  (field_declaration name: (field_identifier) @name) @definition.property)

; Attribute names without their arguments (`#[derive(Debug)]` → derive, `#[tokio::main]` →
; tokio::main); each belongs to the item it precedes.
(attribute_item (attribute . [(identifier) (scoped_identifier)] @decorator))

; `impl Foo { … }` and `impl Trait for Foo<T> { … }` qualify their items as `Foo.item`.
(impl_item type: [
  (type_identifier) @scope.name
  (primitive_type) @scope.name
  (generic_type type: (type_identifier) @scope.name)
  (scoped_type_identifier name: (type_identifier) @scope.name)
  (generic_type type: (scoped_type_identifier name: (type_identifier) @scope.name))
  (reference_type type: (type_identifier) @scope.name)
  (reference_type type: (generic_type type: (type_identifier) @scope.name))]) @scope.named
