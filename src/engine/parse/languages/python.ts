// python: grammar, file types and export rule; queries live in grammars/python/.
// Exported = listed in `__all__` when the module has one (captured as @export.name), otherwise
// no leading underscore (dunder names like `__init__` count as public). Members of a class are
// exported when the class is and their name is public; anything nested in a function is not.
import { hasAncestorOfType, type ExportContext, type LanguageSpec } from '../spec.js';

const isPublicName = (name: string): boolean => !name.startsWith('_') || /^__\w+__$/.test(name);

export function isExportedPython(ctx: ExportContext): boolean {
  if (hasAncestorOfType(ctx.node, ['function_definition', 'lambda'])) return false;
  if (ctx.topLevel) return ctx.exportList.size > 0 ? ctx.exportList.has(ctx.name) : isPublicName(ctx.name);
  return (ctx.parentExported ?? false) && isPublicName(ctx.name);
}

export const python: LanguageSpec = {
  id: 'python',
  wasm: 'tree-sitter-python/tree-sitter-python.wasm',
  extensions: ['.py', '.pyi'],
  shebangs: ['python', 'python3', 'python2'],
  commentTypes: ['comment'],
  // Definitions are captured on decorated_definition itself; decorators are its children.
  decoratorTypes: ['decorator'],
  typedParams: 'captured',
  isExported: isExportedPython,
  // No defaultBinding: `import a.b` binds `a` through an @import.namespace capture, and
  // `from m import *` must bind nothing.
};
