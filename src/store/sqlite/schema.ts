// The SQLite schema as numbered migrations: migration N brings a store from version N-1 to N.
// Only DDL here; the queries live in sqlite-store.ts. Never edit a released migration: add one.

/** Migrations in order; index 0 brings an empty file to version 1. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published_at TEXT,
    ingested_at TEXT NOT NULL,
    doc_json TEXT NOT NULL,
    annotations_json TEXT
  );
  CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    document_count INTEGER NOT NULL DEFAULT 0,
    independent_sources INTEGER,
    conflicts INTEGER,
    claims INTEGER,
    first_published TEXT,
    last_published TEXT,
    updated_at TEXT NOT NULL,
    analyzed_at TEXT,
    revision INTEGER NOT NULL DEFAULT 0,
    analyzed_revision INTEGER NOT NULL DEFAULT -1,
    analysis_json TEXT
  );
  CREATE INDEX stories_updated ON stories(updated_at DESC);
  CREATE INDEX stories_conflicts ON stories(conflicts DESC);
  CREATE TABLE story_documents (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    story_id TEXT NOT NULL REFERENCES stories(id),
    score REAL NOT NULL,
    duplicate_of TEXT,
    reasons_json TEXT NOT NULL DEFAULT '[]',
    added_at TEXT NOT NULL
  );
  CREATE INDEX story_documents_story ON story_documents(story_id);
  CREATE TABLE lineages (
    story_id TEXT NOT NULL REFERENCES stories(id),
    lineage_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    PRIMARY KEY (story_id, lineage_id, document_id)
  );
  CREATE TABLE input_errors (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    origin TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE state (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
  `,
  // 2: annotations stored gzipped; rows written by version 1 keep their JSON text and stay readable.
  `ALTER TABLE documents ADD COLUMN annotations_gz BLOB;`,
];
