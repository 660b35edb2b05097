// Lua require resolver: `a.b` → `a/b.lua` or `a/b/init.lua`, searched from the project root, the
// requiring file's directory, `src/` and `lua/` (Neovim plugin layout); else an external rock.
import { firstFile } from './project.js';
import { dirname, join } from './paths.js';
import { resolveRecords } from './result.js';
import type { LanguageResolver } from './types.js';

/** Rock name: `socket.http` → `socket`. */
export const luaPackageName = (specifier: string): string => specifier.split(/[./]/)[0] ?? specifier;

export function createLuaResolver(): LanguageResolver {
  return {
    inputs: [],
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => {
      const path = record.specifier.replace(/\.lua$/, '').replace(/\./g, '/');
      const roots = ['', dirname(from), 'src', 'lua'];
      const file = firstFile(view, roots.flatMap((r) => [join(r, `${path}.lua`), join(r, path, 'init.lua')]));
      if (file) sink.edge(file);
      else sink.external(luaPackageName(record.specifier));
    }),
  };
}
