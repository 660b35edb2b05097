// A canonical, id-free dump of everything an index holds, for "incremental equals from scratch".
import type { Project } from '../../src/engine/project.js';

export function dumpIndex(project: Project): Record<string, unknown> {
  const { store } = project;
  const files = store.allFiles();
  return {
    files: files.map((f) => ({
      path: f.path, language: f.language, hash: f.hash, status: f.status, skip: f.skip_reason, ns: f.namespace,
      lines: [f.lines, f.code_lines, f.comment_lines, f.blank_lines], errors: f.parse_errors,
      symbols: store.symbolsOfFile(f.path).map(({ id: _id, file_id: _f, ...s }) => s),
      imports: store.importsOfFile(f.id),
      refs: store.refsOfFile(f.id),
      chunks: store.chunksOfFile(f.path),
      externals: store.externalsOf(f.id),
      unresolved: store.unresolvedOf(f.id).map(({ specifier, line }) => ({ specifier, line })),
    })),
    edges: store.allEdges(),
  };
}
