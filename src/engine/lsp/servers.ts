// The table of language servers: which files each one serves, how it is started (an argv array,
// never a shell), what it is told at initialisation, and how to get it when it is missing. The
// TypeScript and Python servers ship as dependencies of this package and are resolved from its own
// node_modules; the others are used when found on PATH. Settings may replace or add entries.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, extname, join } from 'node:path';
import type { Settings } from '../../config.js';

export interface ServerSpec {
  id: string;
  extensions: readonly string[];
  /** The argv to start it, or undefined when it is not installed. */
  argv: () => string[] | undefined;
  /** LSP language id of a file extension. */
  languageId: (ext: string) => string;
  initializationOptions?: Record<string, unknown>;
  /**
   * Project files that make the server see a whole project. Without one above a file, the server
   * knows only open documents and what they import, so references open the files that mention the name.
   */
  projectFiles?: readonly string[];
  install: string;
}

const require = createRequire(import.meta.url);

/** A script of a dependency, run with this very Node binary. */
function nodeScript(module: string, ...args: string[]): () => string[] | undefined {
  return () => {
    try { return [process.execPath, require.resolve(module), ...args]; } catch { return undefined; }
  };
}

/** An executable found on PATH. */
function onPath(command: string, ...args: string[]): () => string[] | undefined {
  return () => {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (!dir) continue;
      try { accessSync(join(dir, command), constants.X_OK); return [join(dir, command), ...args]; } catch { /* next directory */ }
    }
    return undefined;
  };
}

function tsserverPath(): string | undefined {
  try { return require.resolve('typescript/lib/tsserver.js'); } catch { return undefined; }
}

const TS_IDS: Record<string, string> = {
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
};
const C_IDS: Record<string, string> = { '.c': 'c', '.h': 'c' };

const BUILT_IN: readonly ServerSpec[] = [
  {
    id: 'typescript',
    extensions: Object.keys(TS_IDS),
    argv: nodeScript('typescript-language-server/lib/cli.mjs', '--stdio'),
    languageId: (ext) => TS_IDS[ext] ?? 'typescript',
    // The syntax-only server would answer before the project is loaded (import lines, no types);
    // the project's own TypeScript wins, this package's is the fallback.
    initializationOptions: { tsserver: { useSyntaxServer: 'never', fallbackPath: tsserverPath() } },
    projectFiles: ['tsconfig.json', 'jsconfig.json'],
    install: 'typescript-language-server ships with Cartograph; reinstall Cartograph\'s dependencies',
  },
  {
    id: 'python',
    extensions: ['.py', '.pyi'],
    argv: nodeScript('pyright/langserver.index.js', '--stdio'),
    languageId: () => 'python',
    install: 'pyright ships with Cartograph; reinstall Cartograph\'s dependencies',
  },
  { id: 'go', extensions: ['.go'], argv: onPath('gopls'), languageId: () => 'go', install: 'install gopls (go install golang.org/x/tools/gopls@latest) and put it on PATH' },
  { id: 'rust', extensions: ['.rs'], argv: onPath('rust-analyzer'), languageId: () => 'rust', install: 'install rust-analyzer (rustup component add rust-analyzer) and put it on PATH' },
  {
    id: 'c', extensions: ['.c', '.h', '.cc', '.cpp', '.cxx', '.hpp', '.hh', '.hxx'], argv: onPath('clangd'),
    languageId: (ext) => C_IDS[ext] ?? 'cpp', install: 'install clangd and put it on PATH',
  },
  { id: 'java', extensions: ['.java'], argv: onPath('jdtls'), languageId: () => 'java', install: 'install Eclipse jdtls and put it on PATH' },
  {
    id: 'json', extensions: ['.json'], argv: onPath('vscode-json-language-server', '--stdio'), languageId: () => 'json',
    install: 'install vscode-langservers-extracted and put it on PATH',
  },
];

/** The server table: built-in entries, with those named in settings replaced or added. */
export function serverTable(settings: Pick<Settings, 'lsp_servers'>): ServerSpec[] {
  const table = new Map(BUILT_IN.map((s) => [s.id, s]));
  for (const [id, o] of Object.entries(settings.lsp_servers ?? {})) {
    const base = table.get(id);
    table.set(id, {
      id,
      extensions: o.extensions ?? base?.extensions ?? [],
      argv: () => o.command,
      languageId: base?.languageId ?? (() => id),
      ...(o.initialization_options ?? base?.initializationOptions ? { initializationOptions: o.initialization_options ?? base?.initializationOptions } : {}),
      ...(base?.projectFiles ? { projectFiles: base.projectFiles } : {}),
      install: `check the command configured for '${id}' in lsp_servers`,
    });
  }
  return [...table.values()];
}

/** The server for a file, by its extension. */
export function serverFor(table: readonly ServerSpec[], path: string): ServerSpec | undefined {
  const ext = extname(path).toLowerCase();
  return table.find((s) => s.extensions.includes(ext));
}
