; Bash imports: `source path` and `. path` with a literal first argument (a word, a plain
; double-quoted string or a single-quoted string); paths built from variables are skipped.

((command
  name: (command_name (word) @_cmd)
  .
  argument: [(word) @import.source (string . (string_content) @import.source .) (raw_string) @import.source])
  (#any-of? @_cmd "source" ".")
  (#set! form "source")) @import
