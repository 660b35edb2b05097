// ruby: grammar, file types and export rule; queries live in grammars/ruby/.
// Visibility approximates Ruby's: a method is public unless it follows a bare `private`/`protected`
// in its class body, is wrapped (`private def x`), or is named by `private :x`; constants are public
// unless named by `private_constant`. Classes and modules are always public.
import type { Node } from 'web-tree-sitter';
import type { ExportContext, LanguageSpec } from '../spec.js';

const HIDING = new Set(['private', 'protected', 'private_class_method', 'private_constant']);
const SHOWING = new Set(['public', 'public_class_method', 'module_function']);

/** Names listed as symbol/string arguments of a call: `private :a, "b"` → a, b. */
function argumentNames(call: Node): string[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  const out: string[] = [];
  for (const a of args.namedChildren) {
    if (!a) continue;
    if (a.type === 'simple_symbol') out.push(a.text.slice(1));
    else if (a.type === 'string' || a.type === 'delimited_symbol') out.push(a.text.replace(/^:?["']|["']$/g, ''));
  }
  return out;
}

function rubyVisible(ctx: ExportContext): boolean {
  if (ctx.kind === 'class' || ctx.kind === 'module') return true;
  let stmt = ctx.node;
  // `private def x … end`: the definition is the argument of a visibility call.
  const wrapper = stmt.parent?.type === 'argument_list' ? stmt.parent.parent : null;
  if (wrapper?.type === 'call' && !wrapper.childForFieldName('receiver')) {
    const m = wrapper.childForFieldName('method')?.text ?? '';
    if (HIDING.has(m)) return false;
    if (SHOWING.has(m)) return true;
    stmt = wrapper;
  }
  const body = stmt.parent;
  if (!body || body.type === 'program') return true;
  let visible = true;
  // A bare `private` affects the instance methods and attributes written after it.
  const bareApplies = ctx.node.type !== 'singleton_method' && ctx.kind !== 'constant';
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.startIndex >= stmt.startIndex) {
      if (child.type !== 'call' || child.childForFieldName('receiver')) continue;
      const m = child.childForFieldName('method')?.text ?? '';
      if ((HIDING.has(m) || SHOWING.has(m)) && argumentNames(child).includes(ctx.name)) visible = !HIDING.has(m);
      continue;
    }
    if (bareApplies && child.type === 'identifier') {
      if (child.text === 'private' || child.text === 'protected') visible = false;
      else if (child.text === 'public') visible = true;
    } else if (child.type === 'call' && !child.childForFieldName('receiver')) {
      const m = child.childForFieldName('method')?.text ?? '';
      if ((HIDING.has(m) || SHOWING.has(m)) && argumentNames(child).includes(ctx.name)) visible = !HIDING.has(m);
    }
  }
  return visible;
}

export const ruby: LanguageSpec = {
  id: 'ruby',
  wasm: 'tree-sitter-ruby/tree-sitter-ruby.wasm',
  extensions: ['.rb'],
  shebangs: ['ruby'],
  commentTypes: ['comment'],
  // `private def x` wraps the definition in a call; its doc comment sits above the call.
  wrapperTypes: ['argument_list', 'call'],
  isExported: (ctx) => {
    if (ctx.kind === 'variable') return false; // top-level locals are file-private
    if (!ctx.topLevel && ctx.parentExported === false) return false;
    return rubyVisible(ctx);
  },
};
