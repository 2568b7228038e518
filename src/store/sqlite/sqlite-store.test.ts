// Runs the Store contract against SQLite, then what is SQLite's own: the file, WAL, migrations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runStoreContract } from '../store.contract.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { SCHEMA_VERSION } from '../store.ts';
import { SQLITE_MIGRATIONS } from './schema.ts';
import { makeDocument } from '../../../test/store-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-sqlite-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreContract('SQLite', async ({ now }) => openSqliteStore(join(dir, `contract-${n++}.db`), { now }));

test('a SQLite store is a WAL file at the current schema version that keeps articles across reopening', async () => {
  const path = join(dir, 'reopen.db');
  const store = openSqliteStore(path);
  await store.addDocument({ document: makeDocument('wire-a') });
  await store.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  raw.close();
  const again = openSqliteStore(path);
  assert.equal((await again.getDocument('wire-a'))?.document.title, 'Putin calls Middle East leaders');
  await again.close();
});

test('refuses a store written by a newer crosscheck, naming the file and both versions', () => {
  const path = join(dir, 'future.db');
  const raw = new Database(path);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  assert.throws(() => openSqliteStore(path), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'STORE_SCHEMA_TOO_NEW');
    assert.match(error.message, /future\.db: was written by a newer crosscheck/);
    assert.match(error.message, new RegExp(`schema ${SCHEMA_VERSION + 1}`));
    return true;
  });
});

test('a store that cannot be opened fails with STORE_FAILED and the path', () => {
  assert.throws(() => openSqliteStore(join(dir, 'no', 'such', 'folder', 'x.db')), /STORE_FAILED|no[/\\]such[/\\]folder/);
});

test('migrates a version-1 store on open and still reads the annotations it wrote as JSON', async () => {
  const path = join(dir, 'v1.db');
  const raw = new Database(path);
  raw.exec(SQLITE_MIGRATIONS[0]!);
  raw.pragma('user_version = 1');
  const old = makeDocument('wire-a');
  const annotated = { doc: old, sentences: [], mentions: [], numbers: [], times: [], quotes: [] };
  raw.prepare(`INSERT INTO documents (id, content_hash, origin, ingested_at, doc_json, annotations_json) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(old.id, old.contentHash, old.origin, '2024-01-01T00:00:00.000Z', JSON.stringify(old), JSON.stringify(annotated));
  raw.close();

  const store = openSqliteStore(path);
  assert.equal((await store.stats()).schemaVersion, SCHEMA_VERSION);
  assert.deepEqual((await store.getDocument('wire-a'))?.annotated, annotated);
  const fresh = makeDocument('other-c');
  await store.addDocument({ document: fresh, annotated: { ...annotated, doc: fresh } });
  assert.deepEqual((await store.getDocument('other-c'))?.annotated?.doc, fresh);
  await store.close();
  const check = new Database(path, { readonly: true });
  const row = check.prepare("SELECT typeof(annotations_gz) t, annotations_json j FROM documents WHERE id = 'other-c'").get() as { t: string; j: unknown };
  assert.deepEqual(row, { t: 'blob', j: null }, 'new annotations are stored gzipped');
  check.close();
});
