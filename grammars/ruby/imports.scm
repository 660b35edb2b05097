; Ruby imports: `require 'x'` and `require_relative 'x/y'` with a plain string argument
; (interpolated strings and computed paths are skipped). The resolver reads the form.
; Wildcard parent: only `call` has method/arguments fields.

((_
  !receiver
  method: (identifier) @_m
  arguments: (_ . (string . (string_content) @import.source .) .))
  (#eq? @_m "require")
  (#set! form "require")) @import
((_
  !receiver
  method: (identifier) @_m
  arguments: (_ . (string . (string_content) @import.source .) .))
  (#eq? @_m "require_relative")
  (#set! form "require_relative")) @import
