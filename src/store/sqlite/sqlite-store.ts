// The SQLite Store: one file, WAL journal, versioned schema migrated on open, FTS5 search.
// Every write is one IMMEDIATE transaction, so concurrent processes serialise instead of corrupting.
import Database from 'better-sqlite3';
import { createError, isCrosscheckError } from '../../errors.ts';
import type { InputError, StoryAnalysis } from '../../types.ts';
import {
  SCHEMA_VERSION,
  analysisCounts,
  searchTerms,
  storyQueryWithDefaults,
  type AddResult,
  type DocumentHit,
  type NewDocument,
  type Store,
  type StoreStats,
  type StoredDocument,
  type StoredError,
  type StoredStory,
  type StoryPage,
  type StoryQuery,
  type StorySummary,
} from '../store.ts';
import { SQLITE_MIGRATIONS } from './schema.ts';
import { type Row, SORT_SQL, STORY_COLUMNS, packAnnotations, renameForStore, snippetAround, toStoredDocument, toSummary } from '../store-helpers.ts';

export interface SqliteStoreOptions {
  /** How long a write waits for another process's transaction, in ms. */
  busyTimeoutMs: number;
  /** The clock, injectable for tests. */
  now: () => Date;
  readonly: boolean;
}

export const SQLITE_DEFAULTS: SqliteStoreOptions = { busyTimeoutMs: 15_000, now: () => new Date(), readonly: false };

export const DEFAULT_DB_PATH = './crosscheck.db';

/**
 * Open (creating and migrating when needed) a SQLite store.
 * @example const store = openSqliteStore('./crosscheck.db'); await store.stats();
 */
export function openSqliteStore(path: string = DEFAULT_DB_PATH, options: Partial<SqliteStoreOptions> = {}): Store {
  const opts = { ...SQLITE_DEFAULTS, ...options };
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: opts.readonly, timeout: opts.busyTimeoutMs });
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    throw isCrosscheckError(error) ? error : createError('STORE_FAILED', path, (error as Error).message);
  }
  return new SqliteStore(db, opts);
}

function migrate(db: Database.Database): void {
  const version = () => Number(db.pragma('user_version', { simple: true }));
  if (version() > SCHEMA_VERSION) throw createError('STORE_SCHEMA_TOO_NEW', db.name, `schema ${version()}, this crosscheck reads up to ${SCHEMA_VERSION}`);
  if (version() === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read inside the lock: another process may have migrated meanwhile.
    for (let v = version(); v < SCHEMA_VERSION; v++) {
      db.exec(SQLITE_MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #opts: SqliteStoreOptions;

  constructor(db: Database.Database, opts: SqliteStoreOptions) {
    this.#db = db;
    this.#opts = opts;
  }

  #now(): string {
    return this.#opts.now().toISOString();
  }

  #write<T>(fn: () => T): T {
    try {
      return this.#db.transaction(fn).immediate();
    } catch (error) {
      throw isCrosscheckError(error) ? error : createError('STORE_FAILED', this.#db.name, (error as Error).message);
    }
  }

  async stats(): Promise<StoreStats> {
    const row = this.#db
      .prepare(`SELECT (SELECT COUNT(*) FROM documents) d, (SELECT COUNT(*) FROM stories) s,
        (SELECT COUNT(*) FROM stories WHERE revision <> analyzed_revision) st`)
      .get() as Row;
    return { schemaVersion: Number(this.#db.pragma('user_version', { simple: true })), documents: Number(row.d), stories: Number(row.s), staleStories: Number(row.st) };
  }

  async addDocument(item: NewDocument): Promise<AddResult> {
    return this.#write(() => {
      const doc = item.document;
      const existing = this.#db.prepare('SELECT id FROM documents WHERE content_hash = ?').get(doc.contentHash) as Row | undefined;
      if (existing) return { status: 'duplicate', id: doc.id, duplicateOf: String(existing.id) };
      const taken = (id: string) => this.#db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
      const { document, annotated } = renameForStore(item, taken);
      const now = this.#now();
      const info = this.#db
        .prepare(`INSERT INTO documents (id, content_hash, origin, url, outlet, title, published_at, ingested_at, doc_json, annotations_gz)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(document.id, document.contentHash, document.origin, document.url ?? null, document.outlet ?? null, document.title ?? null,
          document.publishedAt ?? null, now, JSON.stringify(document), annotated ? packAnnotations(annotated) : null);
      this.#db.prepare('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)').run(info.lastInsertRowid, document.title ?? '', document.text);
      const assignment = item.assignment;
      if (!assignment) return { status: 'added', id: document.id };
      this.#ensureStory(assignment.storyId, item.storyTitle ?? document.title ?? document.id, now);
      this.#db
        .prepare('INSERT INTO story_documents (document_id, story_id, score, duplicate_of, reasons_json, added_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(document.id, assignment.storyId, assignment.score, assignment.duplicateOf ?? null, JSON.stringify(assignment.reasons), now);
      this.#touchStory(assignment.storyId, now);
      return { status: 'added', id: document.id, storyId: assignment.storyId };
    });
  }

  #ensureStory(id: string, title: string, now: string): void {
    this.#db.prepare('INSERT OR IGNORE INTO stories (id, title, updated_at) VALUES (?, ?, ?)').run(id, title, now);
  }

  /** Recount a story after its membership changed and mark it for re-analysis; drop it when empty. */
  #touchStory(id: string, now: string): void {
    const agg = this.#db
      .prepare(`SELECT COUNT(*) n, MIN(d.published_at) first, MAX(d.published_at) last
        FROM story_documents sd JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = ?`)
      .get(id) as Row;
    if (Number(agg.n) === 0) {
      this.#db.prepare('DELETE FROM lineages WHERE story_id = ?').run(id);
      this.#db.prepare('DELETE FROM stories WHERE id = ?').run(id);
      return;
    }
    this.#db
      .prepare('UPDATE stories SET document_count = ?, first_published = ?, last_published = ?, updated_at = ?, revision = revision + 1 WHERE id = ?')
      .run(agg.n, agg.first ?? null, agg.last ?? null, now, id);
  }

  async findByHash(contentHash: string): Promise<string | undefined> {
    const row = this.#db.prepare('SELECT id FROM documents WHERE content_hash = ?').get(contentHash) as Row | undefined;
    return row ? String(row.id) : undefined;
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    return (await this.getDocuments([id], true))[0];
  }

  async getDocuments(ids: string[], withAnnotations = false): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = this.#db
      .prepare(`SELECT d.seq, d.doc_json, ${withAnnotations ? 'd.annotations_json, d.annotations_gz' : 'NULL annotations_json, NULL annotations_gz'}, d.ingested_at, sd.story_id
        FROM documents d LEFT JOIN story_documents sd ON sd.document_id = d.id
        WHERE d.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Row[];
    const byId = new Map(rows.map((r) => { const s = toStoredDocument(r); return [s.document.id, s] as const; }));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async maxSeq(): Promise<number> {
    return Number(this.#db.prepare('SELECT COALESCE(MAX(seq), 0) FROM documents').pluck().get());
  }

  async listDocuments(afterSeq: number, limit: number, withAnnotations = false): Promise<StoredDocument[]> {
    const rows = this.#db
      .prepare(`SELECT d.seq, d.doc_json, ${withAnnotations ? 'd.annotations_json, d.annotations_gz' : 'NULL annotations_json, NULL annotations_gz'}, d.ingested_at, sd.story_id
        FROM documents d LEFT JOIN story_documents sd ON sd.document_id = d.id WHERE d.seq > ? ORDER BY d.seq LIMIT ?`)
      .all(afterSeq, limit) as Row[];
    return rows.map(toStoredDocument);
  }

  async searchDocuments(q: string, limit: number): Promise<DocumentHit[]> {
    const terms = searchTerms(q);
    if (terms.length === 0) return [];
    const rows = this.#db
      .prepare(`SELECT d.id, d.title, json_extract(d.doc_json, '$.text') text, sd.story_id
        FROM documents_fts f JOIN documents d ON d.seq = f.rowid LEFT JOIN story_documents sd ON sd.document_id = d.id
        WHERE documents_fts MATCH ? ORDER BY f.rank LIMIT ?`)
      .all(ftsQuery(terms), limit) as Row[];
    return rows.map((r) => ({
      id: String(r.id),
      ...(r.title != null ? { title: String(r.title) } : {}),
      ...(r.story_id != null ? { storyId: String(r.story_id) } : {}),
      snippet: snippetAround(String(r.text), terms),
    }));
  }

  async moveDocuments(documentIds: string[], storyId: string, title?: string): Promise<void> {
    this.#write(() => {
      const now = this.#now();
      this.#ensureStory(storyId, title ?? storyId, now);
      const touched = new Set<string>([storyId]);
      for (const id of documentIds) {
        const row = this.#db.prepare('SELECT story_id FROM story_documents WHERE document_id = ?').get(id) as Row | undefined;
        if (!row) {
          if (this.#db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) === undefined) continue;
          this.#db.prepare("INSERT INTO story_documents (document_id, story_id, score, reasons_json, added_at) VALUES (?, ?, 1, '[]', ?)").run(id, storyId, now);
          continue;
        }
        if (row.story_id === storyId) continue;
        touched.add(String(row.story_id));
        this.#db.prepare('UPDATE story_documents SET story_id = ? WHERE document_id = ?').run(storyId, id);
      }
      for (const id of touched) this.#touchStory(id, now);
    });
  }

  async getStory(id: string): Promise<StoredStory | undefined> {
    const row = this.#db.prepare(`SELECT ${STORY_COLUMNS}, analysis_json FROM stories WHERE id = ?`).get(id) as Row | undefined;
    if (!row) return undefined;
    const ids = this.#db
      .prepare(`SELECT sd.document_id FROM story_documents sd JOIN documents d ON d.id = sd.document_id
        WHERE sd.story_id = ? ORDER BY COALESCE(d.published_at, ''), d.seq`)
      .pluck()
      .all(id) as string[];
    const analysis = row.analysis_json != null ? (JSON.parse(String(row.analysis_json)) as StoryAnalysis) : undefined;
    return { ...toSummary(row), documentIds: ids, revision: Number(row.revision), ...(analysis ? { analysis } : {}) };
  }

  async getStoryMeta(id: string): Promise<(StorySummary & { revision: number }) | undefined> {
    const row = this.#db.prepare(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`).get(id) as Row | undefined;
    return row ? { ...toSummary(row), revision: Number(row.revision) } : undefined;
  }

  async listStories(query?: StoryQuery): Promise<StoryPage> {
    const { q, sort, limit, offset } = storyQueryWithDefaults(query);
    const terms = q ? searchTerms(q) : [];
    if (q && terms.length === 0) return { total: 0, items: [] };
    const where = terms.length
      ? `WHERE id IN (SELECT sd.story_id FROM documents_fts f JOIN documents d ON d.seq = f.rowid
           JOIN story_documents sd ON sd.document_id = d.id WHERE documents_fts MATCH @match)`
      : '';
    const params = terms.length ? { match: ftsQuery(terms) } : {};
    const total = Number(this.#db.prepare(`SELECT COUNT(*) FROM stories ${where}`).pluck().get(params));
    const rows = this.#db
      .prepare(`SELECT ${STORY_COLUMNS} FROM stories ${where} ORDER BY ${SORT_SQL[sort]} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as Row[];
    return { total, items: rows.map(toSummary) };
  }

  async staleStories(limit: number): Promise<{ id: string; revision: number }[]> {
    const rows = this.#db
      .prepare('SELECT id, revision FROM stories WHERE revision <> analyzed_revision ORDER BY updated_at, id LIMIT ?')
      .all(limit) as Row[];
    return rows.map((r) => ({ id: String(r.id), revision: Number(r.revision) }));
  }

  async saveAnalysis(analysis: StoryAnalysis, revision: number): Promise<{ current: boolean }> {
    return this.#write(() => {
      const id = analysis.story.id;
      const row = this.#db.prepare('SELECT revision, analyzed_revision FROM stories WHERE id = ?').get(id) as Row | undefined;
      // The story was merged away, or a newer analysis is already saved: keep what is there.
      if (!row || Number(row.analyzed_revision) > revision) return { current: false };
      const counts = analysisCounts(analysis);
      this.#db
        .prepare(`UPDATE stories SET title = COALESCE(NULLIF(?, ''), title), independent_sources = ?, conflicts = ?, claims = ?,
          analyzed_at = ?, analyzed_revision = ?, analysis_json = ? WHERE id = ?`)
        .run(analysis.story.title, counts.independentSources, counts.conflicts, counts.claims, this.#now(), revision, JSON.stringify(analysis), id);
      this.#db.prepare('DELETE FROM lineages WHERE story_id = ?').run(id);
      const insert = this.#db.prepare('INSERT OR IGNORE INTO lineages (story_id, lineage_id, document_id) VALUES (?, ?, ?)');
      for (const lineage of analysis.lineages) for (const doc of lineage.documentIds) insert.run(id, lineage.id, doc);
      return { current: Number(row.revision) === revision };
    });
  }

  async recordError(error: InputError): Promise<void> {
    this.#write(() => {
      this.#db.prepare('INSERT INTO input_errors (origin, code, message, at) VALUES (?, ?, ?, ?)').run(error.origin, error.code, error.message, this.#now());
    });
  }

  async listErrors(limit: number): Promise<StoredError[]> {
    const rows = this.#db.prepare('SELECT origin, code, message, at FROM input_errors ORDER BY seq DESC LIMIT ?').all(limit) as Row[];
    return rows.map((r) => ({ origin: String(r.origin), code: String(r.code), message: String(r.message), at: String(r.at) }));
  }

  async getState<T>(key: string): Promise<T | undefined> {
    const value = this.#db.prepare('SELECT value_json FROM state WHERE key = ?').pluck().get(key);
    return value == null ? undefined : (JSON.parse(String(value)) as T);
  }

  async setState(key: string, value: unknown): Promise<void> {
    this.#write(() => {
      this.#db.prepare('INSERT INTO state (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(key, JSON.stringify(value));
    });
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** Each term as a quoted prefix, all required: `"putin"* "gaza"*`. Terms are letters/digits only. */
function ftsQuery(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(' ');
}
