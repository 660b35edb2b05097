// Parses one source text with its language's grammar and extracts a ParsedFile (and, for the
// index, its search chunks); the tree is always deleted (wasm memory is manual), whatever happens
// during extraction.
import type { Query, Tree } from 'web-tree-sitter';
import type { Chunk, ParsedFile } from '../model.js';
import { codeChunks } from './chunks.js';
import { extract, extractTree } from './extract.js';
import { loadGrammar } from './grammar.js';
import type { LanguageSpec } from './spec.js';

async function withTree<T>(spec: LanguageSpec, source: string, read: (tree: Tree, query: Query) => T): Promise<T> {
  const { parser, query } = await loadGrammar(spec);
  const tree = parser.parse(source);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${spec.id}`);
  try {
    return read(tree, query);
  } finally {
    tree.delete();
  }
}

export function parseSource(spec: LanguageSpec, source: string, path = ''): Promise<ParsedFile> {
  return withTree(spec, source, (tree, query) => extract(tree, source, query, spec, path));
}

/** The ParsedFile and the search chunks of one source, from one parse. */
export function parseAndChunk(spec: LanguageSpec, source: string, path: string): Promise<{ parsed: ParsedFile; chunks: Chunk[] }> {
  return withTree(spec, source, (tree, query) => {
    const x = extractTree(tree, source, query, spec, path);
    return { parsed: x.parsed, chunks: codeChunks(x, tree.rootNode, source, spec, path) };
  });
}
