// Language detection: by file extension first, then (for files without a known extension) by
// the interpreter named in a `#!` line. Data and documentation types are recognised but have no
// parser; they are discovered and counted, not parsed.
import { basename, extname } from 'node:path';
import { LANGUAGE_SPECS } from '../parse/languages/index.js';

const byExtension = new Map<string, string>();
for (const spec of LANGUAGE_SPECS) for (const ext of spec.extensions) byExtension.set(ext, spec.id);

const DATA_TYPES: Record<string, string> = {
  '.json': 'json', '.jsonc': 'json', '.yaml': 'yaml', '.yml': 'yaml', '.toml': 'toml', '.md': 'markdown',
  '.markdown': 'markdown', '.sql': 'sql', '.ex': 'elixir', '.exs': 'elixir', '.zig': 'zig', '.hs': 'haskell',
  '.tf': 'terraform', '.tfvars': 'terraform', '.hcl': 'terraform', '.html': 'html', '.css': 'css',
  '.xml': 'xml', '.gradle': 'groovy', '.txt': 'text', '.rst': 'text',
};
const DATA_NAMES: Record<string, string> = { Dockerfile: 'dockerfile', Makefile: 'make', 'CMakeLists.txt': 'cmake' };

const LANGUAGE_IDS: ReadonlySet<string> = new Set(LANGUAGE_SPECS.map((s) => s.id));

const byShebang = new Map<string, string>();
for (const spec of LANGUAGE_SPECS) for (const s of spec.shebangs ?? []) byShebang.set(s, spec.id);

/** Language from the path alone; undefined when only the content can tell. */
export function languageFromPath(path: string): string | undefined {
  const name = basename(path);
  const ext = extname(name).toLowerCase();
  return byExtension.get(ext) ?? DATA_TYPES[ext] ?? DATA_NAMES[name];
}

/** True for languages with a parser (code); data and documentation types are false. */
export const isCodeLanguage = (language: string | null | undefined): boolean => !!language && LANGUAGE_IDS.has(language);

/** Language named by a `#!` first line (`#!/usr/bin/env python3`, `#!/bin/bash`). */
export function languageFromShebang(firstLine: string): string | undefined {
  const m = /^#!\s*(\S+)(?:\s+(?:-\S+\s+)*(\S+))?/.exec(firstLine);
  if (!m) return undefined;
  let interpreter = basename(m[1]!);
  if (interpreter === 'env' && m[2]) interpreter = basename(m[2]);
  interpreter = interpreter.replace(/[\d.]+$/, '') || interpreter;
  return byShebang.get(interpreter) ?? byShebang.get(`${interpreter}3`);
}

/** Test files by path segment or name pattern, never by substring (`latest/`, `contest.py` are not tests). */
export function isTestPath(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (parts.slice(0, -1).some((p) => ['test', 'tests', '__tests__', 'spec', 'specs', 'testdata'].includes(p))) return true;
  return /^test_.*\.py$|_test\.(py|go)$|\.(test|spec)\.[cm]?[jt]sx?$|(Test|Tests|IT)\.(java|kt|scala|cs)$|_spec\.rb$|Test\.php$/.test(name);
}
