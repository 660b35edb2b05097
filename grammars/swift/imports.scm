; Swift imports: `import Foundation`, `import UIKit.UIView`, `@testable import App` → the module
; path as specifier; an import binds no name.

(import_declaration (identifier) @import.source) @import
