// The SQLite schema of the persisted index and its version. A different stored version means the
// index is rebuilt from scratch, never read with the wrong shape.
export const SCHEMA_VERSION = 3;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  language TEXT,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  hash TEXT NOT NULL,
  status TEXT NOT NULL,          -- ok | partial | skipped
  skip_reason TEXT,
  detail TEXT,
  parse_errors INTEGER NOT NULL DEFAULT 0,
  lines INTEGER NOT NULL DEFAULT 0,
  code_lines INTEGER NOT NULL DEFAULT 0,
  comment_lines INTEGER NOT NULL DEFAULT 0,
  blank_lines INTEGER NOT NULL DEFAULT 0,
  namespace TEXT,
  resolved INTEGER NOT NULL DEFAULT 0,   -- imports resolved into edges for the current content
  generation INTEGER NOT NULL   -- last generation that changed its content or its resolved imports
);
CREATE INDEX IF NOT EXISTS files_namespace ON files(namespace) WHERE namespace IS NOT NULL;
CREATE INDEX IF NOT EXISTS files_unresolved ON files(resolved) WHERE resolved = 0;
CREATE INDEX IF NOT EXISTS files_generation ON files(generation);

CREATE TABLE IF NOT EXISTS symbols (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL,
  symbol_id TEXT NOT NULL,
  name TEXT NOT NULL,
  qualified_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  start_line INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  start_col INTEGER NOT NULL,
  signature TEXT NOT NULL,
  parent TEXT,
  exported INTEGER NOT NULL,
  doc TEXT,
  complexity INTEGER,
  param_count INTEGER,
  typed_params INTEGER,
  return_type TEXT,
  decorators TEXT,
  is_async INTEGER
);
CREATE INDEX IF NOT EXISTS symbols_file ON symbols(file_id);
CREATE INDEX IF NOT EXISTS symbols_name ON symbols(name);

CREATE TABLE IF NOT EXISTS imports (
  file_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  specifier TEXT NOT NULL,
  line INTEGER NOT NULL,
  kind TEXT NOT NULL,
  form TEXT,
  system INTEGER NOT NULL DEFAULT 0,
  reexport INTEGER NOT NULL DEFAULT 0,
  bindings TEXT NOT NULL,        -- JSON [{local, imported}]
  PRIMARY KEY (file_id, seq)
) WITHOUT ROWID;

-- Reference sites, one JSON array per file (refs-codec), and a full-text index of the names
-- each file references so cross_references decodes only the files that mention a name.
CREATE TABLE IF NOT EXISTS file_refs (file_id INTEGER PRIMARY KEY, refs TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS ref_names USING fts5(
  names, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 tokenchars '_$'"
);

-- Search chunks (spec §4.6), replaced with their file's symbols; seq is the chunker's order
-- (start line, then the enclosing chunk first).
CREATE TABLE IF NOT EXISTS chunks (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  chunk_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  start_line INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  part INTEGER NOT NULL,
  header TEXT NOT NULL,
  signature TEXT NOT NULL,
  doc TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_file ON chunks(file_id, seq);
CREATE INDEX IF NOT EXISTS chunks_id ON chunks(chunk_id);

CREATE TABLE IF NOT EXISTS edges (
  source_id INTEGER NOT NULL,
  target_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  line INTEGER NOT NULL,
  specifier TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS edges_source ON edges(source_id);
CREATE INDEX IF NOT EXISTS edges_target ON edges(target_id);

CREATE TABLE IF NOT EXISTS externals (file_id INTEGER NOT NULL, specifier TEXT NOT NULL, package TEXT NOT NULL, line INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS externals_file ON externals(file_id);

-- missing_path: the file an import pointed at before that file was deleted.
CREATE TABLE IF NOT EXISTS unresolved (file_id INTEGER NOT NULL, specifier TEXT NOT NULL, line INTEGER NOT NULL, missing_path TEXT);
CREATE INDEX IF NOT EXISTS unresolved_file ON unresolved(file_id);
CREATE INDEX IF NOT EXISTS unresolved_missing ON unresolved(missing_path) WHERE missing_path IS NOT NULL;
`;
