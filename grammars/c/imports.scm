; C includes: `#include "a/b.h"` → specifier a/b.h, `#include <x.h>` → x.h with system "true".
; Both are kind "include" and bind no names.

((preproc_include path: (string_literal) @import.source) @import
  (#set! kind "include"))
((preproc_include path: (system_lib_string) @import.source) @import
  (#set! kind "include") (#set! system "true"))
