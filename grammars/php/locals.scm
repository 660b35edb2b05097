; PHP locals: intentionally empty. Variables (`$x`) live in their own namespace and are never
; captured as references, so there is nothing for a local declaration to hide; declaring them
; here would wrongly hide calls such as `helper($helper)` (shadowing is by name only).
