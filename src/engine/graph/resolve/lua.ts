// Lua require resolver: `a.b` → `a/b.lua` or `a/b/init.lua`, searched from the project root, the
// requiring file's directory, `src/` and `lua/` (Neovim plugin layout), then every folder enclosing
// the file (`./?.lua` is relative to where the program starts, usually a folder above a nested
// module: a game in `games/space/` whose `game/entities/init.lua` requires `game.entities.vector`);
// else an external rock.
import { firstFile } from './project.js';
import { ancestors, dirname, join } from './paths.js';
import { resolveRecords } from './result.js';
import type { LanguageResolver } from './types.js';

/** Rock name: `socket.http` → `socket`. */
export const luaPackageName = (specifier: string): string => specifier.split(/[./]/)[0] ?? specifier;

export function createLuaResolver(): LanguageResolver {
  return {
    inputs: [],
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => {
      const path = record.specifier.replace(/\.lua$/, '').replace(/\./g, '/');
      const roots = [...new Set(['', dirname(from), 'src', 'lua', ...ancestors(dirname(from))])];
      const file = firstFile(view, roots.flatMap((r) => [join(r, `${path}.lua`), join(r, path, 'init.lua')]));
      if (file) sink.edge(file);
      else sink.external(luaPackageName(record.specifier));
    }),
  };
}
