// Parses one source text with its language's grammar and extracts a ParsedFile; the tree is
// always deleted (wasm memory is manual), whatever happens during extraction.
import type { ParsedFile } from '../model.js';
import { extract } from './extract.js';
import { loadGrammar } from './grammar.js';
import type { LanguageSpec } from './spec.js';

export async function parseSource(spec: LanguageSpec, source: string, path = ''): Promise<ParsedFile> {
  const { parser, query } = await loadGrammar(spec);
  const tree = parser.parse(source);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${spec.id}`);
  try {
    return extract(tree, source, query, spec, path);
  } finally {
    tree.delete();
  }
}
