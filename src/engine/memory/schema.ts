// The SQLite schema of project memory (memory.db): learnings with their FTS5 index, ADRs and the
// history of ADR status transitions. Unlike the index schema this one is never dropped: memory is
// written by people and agents and cannot be rebuilt from the files, so a later version migrates
// the tables in place (PRAGMA user_version records the version).
export const MEMORY_SCHEMA_VERSION = 1;

export const MEMORY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS learnings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,   -- AUTOINCREMENT: an id is never reused
  type TEXT NOT NULL,
  description TEXT NOT NULL,
  norm_description TEXT NOT NULL,         -- lower-cased, punctuation stripped: duplicate detection
  details TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL DEFAULT '',
  confidence REAL NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',  -- active | archived
  archived_reason TEXT,
  help_count INTEGER NOT NULL DEFAULT 0,
  unhelpful_count INTEGER NOT NULL DEFAULT 0,
  apply_count INTEGER NOT NULL DEFAULT 0,
  last_applied_at TEXT,
  decay_from INTEGER NOT NULL,            -- epoch ms of the later of creation and the last helpful feedback
  archive_at INTEGER NOT NULL,            -- epoch ms from which the decay takes it below 15 %: recall's sweep is an index range
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  anchor_blob_oid TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS learnings_scope ON learnings(status, scope);
CREATE INDEX IF NOT EXISTS learnings_kind ON learnings(type, scope, status);
CREATE INDEX IF NOT EXISTS learnings_archive ON learnings(status, archive_at);

CREATE VIRTUAL TABLE IF NOT EXISTS learnings_fts USING fts5(
  description, details, content='learnings', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER IF NOT EXISTS learnings_fts_insert AFTER INSERT ON learnings BEGIN
  INSERT INTO learnings_fts(rowid, description, details) VALUES (new.id, new.description, new.details);
END;
CREATE TRIGGER IF NOT EXISTS learnings_fts_update AFTER UPDATE OF description, details ON learnings BEGIN
  INSERT INTO learnings_fts(learnings_fts, rowid, description, details) VALUES ('delete', old.id, old.description, old.details);
  INSERT INTO learnings_fts(rowid, description, details) VALUES (new.id, new.description, new.details);
END;
CREATE TRIGGER IF NOT EXISTS learnings_fts_delete AFTER DELETE ON learnings BEGIN
  INSERT INTO learnings_fts(learnings_fts, rowid, description, details) VALUES ('delete', old.id, old.description, old.details);
END;

CREATE TABLE IF NOT EXISTS adrs (
  number INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, even when an import writes explicit numbers
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  context TEXT NOT NULL,
  decision TEXT NOT NULL,
  consequences TEXT NOT NULL DEFAULT '',
  related_files TEXT NOT NULL DEFAULT '[]',  -- JSON [{path, anchor_blob_oid}] ('' when the file did not exist)
  tags TEXT NOT NULL DEFAULT '[]',           -- JSON string[]
  author TEXT NOT NULL DEFAULT '',
  superseded_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS adrs_superseded_by ON adrs(superseded_by) WHERE superseded_by IS NOT NULL;

CREATE TABLE IF NOT EXISTS adr_history (
  adr INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  at TEXT NOT NULL,
  superseded_by INTEGER,
  PRIMARY KEY (adr, seq)
) WITHOUT ROWID;
`;
