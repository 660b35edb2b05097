; Bash references: every command name is a call (functions of the file among them); variable
; expansions are reads and assignments inside functions are writes. Positional and special
; parameters ($1, $@) are not names.

(command name: (command_name (word) @reference.call))
(variable_assignment name: (variable_name) @reference.write)
((variable_name) @reference.read
  (#match? @reference.read "^[A-Za-z_]"))
