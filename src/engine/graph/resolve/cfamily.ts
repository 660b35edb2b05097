// C/C++ include resolver. `"x.h"` resolves next to the includer, then in the include dirs;
// `<x.h>` only in the include dirs, else it is external. Include dirs: `-I`/`-iquote`/`-isystem`
// flags of compile_commands.json (absolute paths mapped to the project by matching the entries'
// source files), then `include/`, `src/`, `inc/` at the root and beside every `include/` folder.
import { posix } from 'node:path';
import { asObject, asStrings, readJson, type JsonObject } from './jsonc.js';
import { fileIndex, firstFile, manifests, type FileIndex } from './project.js';
import { basename, dirname, join } from './paths.js';
import { resolveRecords } from './result.js';
import type { LanguageResolver, ProjectView } from './types.js';

export const CFAMILY_INPUTS = ['compile_commands.json'] as const;

/** A header is its own package name: `stdio.h`, `boost/optional.hpp`. */
export const cPackageName = (specifier: string): string => specifier;

const INCLUDE_FLAGS = ['-I', '-iquote', '-isystem'];
const CONVENTIONAL = ['include', 'src', 'inc'];

/** Include dirs named by compile_commands.json files, as project paths. */
function compileCommandDirs(view: ProjectView): string[] {
  const out: string[] = [];
  for (const manifest of manifests(view, 'compile_commands.json')) {
    const raw = readJson(view, manifest);
    const entries = (Array.isArray(raw) ? raw : []).map(asObject).filter((e): e is JsonObject => e !== undefined);
    const root = entries.map((e) => projectRoot(view, e)).find((r) => r !== undefined);
    if (root === undefined) continue;
    for (const e of entries) {
      const cwd = typeof e.directory === 'string' ? e.directory : root;
      const args = e.arguments !== undefined ? asStrings(e.arguments) : splitCommand(typeof e.command === 'string' ? e.command : '');
      for (const dir of includeFlags(args)) {
        const rel = posix.relative(root, posix.resolve(cwd, dir));
        if (rel !== '..' && !rel.startsWith('../') && !posix.isAbsolute(rel)) out.push(rel);
      }
    }
  }
  return out;
}

/** The absolute project root implied by an entry whose source file is a project file. */
function projectRoot(view: ProjectView, entry: JsonObject): string | undefined {
  if (typeof entry.file !== 'string') return undefined;
  const abs = posix.resolve(typeof entry.directory === 'string' ? entry.directory : '/', entry.file);
  const match = fileIndex(view).withBasename(basename(abs)).filter((p) => abs.endsWith(`/${p}`))
    .sort((a, b) => b.length - a.length)[0];
  return match === undefined ? undefined : abs.slice(0, -match.length - 1) || '/';
}

function splitCommand(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function includeFlags(args: readonly string[]): string[] {
  const dirs: string[] = [];
  args.forEach((arg, i) => {
    const flag = INCLUDE_FLAGS.find((f) => arg.startsWith(f));
    if (!flag) return;
    const value = arg === flag ? args[i + 1] : arg.slice(flag.length);
    if (value) dirs.push(value);
  });
  return dirs;
}

/** `include/`, `src/`, `inc/` at the root and beside each `include/` directory. */
function conventionalDirs(index: FileIndex): string[] {
  const bases = ['', ...[...index.dirs].filter((d) => basename(d) === 'include').map(dirname).sort()];
  return [...new Set(bases)].flatMap((b) => CONVENTIONAL.map((c) => join(b, c)!)).filter((d) => index.dirs.has(d));
}

export function createCFamilyResolver(): LanguageResolver {
  let fromCommands: string[] | undefined;
  let cached: { index: FileIndex; dirs: string[] } | undefined;

  function includeDirs(view: ProjectView): string[] {
    const index = fileIndex(view);
    if (cached?.index !== index) {
      fromCommands ??= compileCommandDirs(view);
      cached = { index, dirs: [...new Set([...fromCommands, ...conventionalDirs(index)])] };
    }
    return cached.dirs;
  }

  return {
    inputs: CFAMILY_INPUTS,
    resolve: (from, parsed, view) => resolveRecords(from, parsed, (record, sink) => {
      const spec = record.specifier;
      const local = record.system ? undefined : join(dirname(from), spec);
      const file = firstFile(view, [local, ...includeDirs(view).map((d) => join(d, spec))]);
      if (file) sink.edge(file, 'include');
      else if (record.system) sink.external(cPackageName(spec));
      else sink.unresolved();
    }),
  };
}
