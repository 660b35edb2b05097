// Loads web-tree-sitter, a language's grammar `.wasm` and its compiled query, once per process
// (each parser worker has its own copies; wasm objects cannot cross threads).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Language, Parser, Query } from 'web-tree-sitter';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { LanguageSpec } from './spec.js';

const require = createRequire(import.meta.url);

/** Query files are concatenated in this order; missing ones are skipped. */
const QUERY_FILES = ['definitions.scm', 'imports.scm', 'references.scm', 'locals.scm', 'metrics.scm'];

export function querySource(spec: LanguageSpec): string {
  const dir = join(PACKAGE_ROOT, 'grammars', spec.queryDir ?? spec.id);
  const parts: string[] = [];
  for (const f of QUERY_FILES) {
    try { parts.push(readFileSync(join(dir, f), 'utf8')); } catch { /* optional file */ }
  }
  // Every language counts its error nodes the same way.
  parts.push('(ERROR) @error');
  return parts.join('\n');
}

export interface LoadedGrammar { parser: Parser; query: Query; language: Language }

let initialised: Promise<void> | undefined;
const loaded = new Map<string, Promise<LoadedGrammar>>();

export function loadGrammar(spec: LanguageSpec): Promise<LoadedGrammar> {
  let p = loaded.get(spec.id);
  if (!p) {
    p = (async () => {
      initialised ??= Parser.init();
      await initialised;
      const language = await Language.load(resolve(require.resolve(spec.wasm)));
      const parser = new Parser();
      parser.setLanguage(language);
      return { parser, language, query: new Query(language, querySource(spec)) };
    })();
    loaded.set(spec.id, p);
  }
  return p;
}
