// ruby: grammar, file types and export rule; queries live in grammars/ruby/.
// Visibility approximates Ruby's: a method is public unless it follows a bare `private`/`protected`
// in its class body, is wrapped (`private def x`), or is named by `private :x`; constants are public
// unless named by `private_constant`. Classes and modules are always public.
import type { Node, Tree } from 'web-tree-sitter';
import type { ExportContext, LanguageSpec } from '../spec.js';

const HIDING = new Set(['private', 'protected', 'private_class_method', 'private_constant']);
const SHOWING = new Set(['public', 'public_class_method', 'module_function']);

/** What one class/module body says about visibility, computed once per body. */
interface BodyVisibility {
  /** Bare `private`/`protected`/`public` statements: where they start and what they switch to. */
  marks: Array<{ start: number; visible: boolean }>;
  /** Names given to `private :a`, `public :b`, `private_constant :C` … (the last call wins). */
  named: Map<string, boolean>;
}

/** Per tree (trees are deleted after extraction, so entries go with them), per body node id. */
const cache = new WeakMap<Tree, Map<number, BodyVisibility>>();

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

function bodyVisibility(body: Node): BodyVisibility {
  let perTree = cache.get(body.tree);
  if (!perTree) cache.set(body.tree, perTree = new Map());
  let info = perTree.get(body.id);
  if (info) return info;
  info = { marks: [], named: new Map() };
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === 'identifier' && (HIDING.has(child.text) || SHOWING.has(child.text))) {
      info.marks.push({ start: child.startIndex, visible: SHOWING.has(child.text) });
    } else if (child.type === 'call' && !child.childForFieldName('receiver')) {
      const m = child.childForFieldName('method')?.text ?? '';
      if (HIDING.has(m) || SHOWING.has(m)) for (const n of argumentNames(child)) info.named.set(n, SHOWING.has(m));
    }
  }
  perTree.set(body.id, info);
  return info;
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
  const info = bodyVisibility(body);
  const named = info.named.get(ctx.name);
  if (named !== undefined) return named;
  // A bare `private` affects the instance methods and attributes written after it.
  if (ctx.node.type === 'singleton_method' || ctx.kind === 'constant') return true;
  let visible = true;
  for (const mark of info.marks) {
    if (mark.start >= stmt.startIndex) break;
    visible = mark.visible;
  }
  return visible;
}

export const ruby: LanguageSpec = {
  id: 'ruby',
  wasm: 'tree-sitter-ruby/tree-sitter-ruby.wasm',
  extensions: ['.rb'],
  shebangs: ['ruby'],
  commentTypes: ['comment'],
  // `def` directly in a `module` defines a method of that module.
  moduleMembersAreMethods: true,
  // `private def x`: the definition sits in the call's argument list; its doc comment is above the call.
  wrapperTypes: ['argument_list', 'call'],
  isExported: (ctx) => {
    if (ctx.kind === 'variable') return false; // file-level locals are file-private
    if (!ctx.topLevel && ctx.parentExported === false) return false;
    return rubyVisible(ctx);
  },
};
