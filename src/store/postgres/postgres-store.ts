// The PostgreSQL Store (pg): the same contract as SQLite for many processes on many machines; writes
// are transactions that lock the story row they change; search is a tsvector over accent-folded text.
import pg from 'pg';
import { createError, isCrosscheckError } from '../../errors.ts';
import type { InputError, StoryAnalysis } from '../../types.ts';
import {
  SCHEMA_VERSION, analysisCounts, searchTerms, storyQueryWithDefaults,
  type AddResult, type DocumentHit, type NewDocument, type Store, type StoreStats, type StoredDocument,
  type StoredError, type StoredStory, type StoryPage, type StoryQuery, type StorySummary,
} from '../store.ts';
import { type Row, SORT_SQL, STORY_COLUMNS, packAnnotations, renameForStore, snippetAround, toStoredDocument, toSummary } from '../store-helpers.ts';
import { PG_MIGRATIONS } from './schema.ts';

export interface PostgresStoreOptions {
  /** A schema of its own (created when missing), e.g. one per test; default: the connection's search_path. */
  schema?: string;
  poolSize: number;
  now: () => Date;
}

export const POSTGRES_DEFAULTS: PostgresStoreOptions = { poolSize: 8, now: () => new Date() };

/** Serialises migrations of concurrent openers (an arbitrary, fixed advisory-lock key). */
const MIGRATION_LOCK = 7_231_977;

type Client = pg.PoolClient;

/** Lower-case, accents removed: what is indexed and what is searched. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function tsQuery(terms: string[]): string {
  return terms.map((t) => `${t}:*`).join(' & ');
}

/**
 * Open (creating and migrating when needed) a PostgreSQL store.
 * @example const store = await openPostgresStore('postgres://user@host/crosscheck');
 */
export async function openPostgresStore(url: string, options: Partial<PostgresStoreOptions> = {}): Promise<Store> {
  const opts = { ...POSTGRES_DEFAULTS, ...options };
  if (opts.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw createError('USAGE', `schema "${opts.schema}"`, 'use lower-case letters, digits and _');
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) });
  pool.on('error', () => undefined); // an idle client's error surfaces on the next query instead
  try {
    const client = await pool.connect();
    try {
      await migrate(client, opts.schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw isCrosscheckError(error) ? error : createError('STORE_FAILED', redact(url), (error as Error).message);
  }
  return new PostgresStore(pool, opts);
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

async function migrate(client: Client, schema: string | undefined): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Under the lock: two openers creating the same schema at once would otherwise collide.
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS crosscheck_schema (version INTEGER NOT NULL)');
    const row = (await client.query('SELECT version FROM crosscheck_schema')).rows[0] as Row | undefined;
    let version = row ? Number(row.version) : 0;
    if (!row) await client.query('INSERT INTO crosscheck_schema (version) VALUES (0)');
    if (version > SCHEMA_VERSION) throw createError('STORE_SCHEMA_TOO_NEW', 'postgres', `schema ${version}, this crosscheck reads up to ${SCHEMA_VERSION}`);
    for (; version < SCHEMA_VERSION; version++) await client.query(PG_MIGRATIONS[version]!);
    await client.query('UPDATE crosscheck_schema SET version = $1', [version]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #opts: PostgresStoreOptions;

  constructor(pool: pg.Pool, opts: PostgresStoreOptions) {
    this.#pool = pool;
    this.#opts = opts;
  }

  #now(): string {
    return this.#opts.now().toISOString();
  }

  async #rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    try {
      return (await this.#pool.query(sql, params)).rows as Row[];
    } catch (error) {
      throw createError('STORE_FAILED', 'postgres', (error as Error).message);
    }
  }

  /** One transaction; retried when PostgreSQL picks it as a deadlock or serialization victim. */
  async #tx<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.#pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if ((code === '40P01' || code === '40001') && attempt < TX_ATTEMPTS) continue;
        throw isCrosscheckError(error) ? error : createError('STORE_FAILED', 'postgres', (error as Error).message);
      } finally {
        client.release();
      }
    }
  }

  async stats(): Promise<StoreStats> {
    const [row] = await this.#rows(`SELECT (SELECT COUNT(*) FROM documents) d, (SELECT COUNT(*) FROM stories) s,
      (SELECT COUNT(*) FROM stories WHERE revision <> analyzed_revision) st, (SELECT version FROM crosscheck_schema) v`);
    return { schemaVersion: Number(row!.v), documents: Number(row!.d), stories: Number(row!.s), staleStories: Number(row!.st) };
  }

  async addDocument(item: NewDocument): Promise<AddResult> {
    return this.#tx(async (c) => {
      const doc = item.document;
      // Serialise writers of the same text: the second waits here, then sees the first's row.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [doc.contentHash]);
      const existing = (await c.query('SELECT id FROM documents WHERE content_hash = $1', [doc.contentHash])).rows[0] as Row | undefined;
      if (existing) return { status: 'duplicate', id: doc.id, duplicateOf: String(existing.id) } as const;
      const takenIds = new Set((await c.query('SELECT id FROM documents WHERE id LIKE $1', [`${doc.id.replace(/[\\%_]/g, '\\$&')}%`])).rows.map((r: Row) => String(r.id)));
      const { document, annotated } = renameForStore(item, (id) => takenIds.has(id));
      const now = this.#now();
      await c.query(
        `INSERT INTO documents (id, content_hash, origin, url, outlet, title, published_at, ingested_at, doc_json, annotations_gz, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [document.id, document.contentHash, document.origin, document.url ?? null, document.outlet ?? null, document.title ?? null, document.publishedAt ?? null,
          now, JSON.stringify(document), annotated ? packAnnotations(annotated) : null, foldForSearch(`${document.title ?? ''}\n${document.text}`)],
      );
      const a = item.assignment;
      if (!a) return { status: 'added', id: document.id } as const;
      await c.query('INSERT INTO stories (id, title, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [a.storyId, item.storyTitle ?? document.title ?? document.id, now]);
      // Lock the story before adding to it, so concurrent writers queue instead of deadlocking.
      await c.query('SELECT id FROM stories WHERE id = $1 FOR UPDATE', [a.storyId]);
      await c.query('INSERT INTO story_documents (document_id, story_id, score, duplicate_of, reasons_json, added_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [document.id, a.storyId, a.score, a.duplicateOf ?? null, JSON.stringify(a.reasons), now]);
      await touchStory(c, a.storyId, now);
      return { status: 'added', id: document.id, storyId: a.storyId } as const;
    });
  }

  async findByHash(contentHash: string): Promise<string | undefined> {
    const [row] = await this.#rows('SELECT id FROM documents WHERE content_hash = $1', [contentHash]);
    return row ? String(row.id) : undefined;
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    return (await this.getDocuments([id], true))[0];
  }

  async getDocuments(ids: string[], withAnnotations = false): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = await this.#rows(
      `SELECT d.seq, d.doc_json, ${withAnnotations ? 'd.annotations_json, d.annotations_gz' : 'NULL AS annotations_json, NULL AS annotations_gz'}, d.ingested_at, sd.story_id
       FROM documents d LEFT JOIN story_documents sd ON sd.document_id = d.id WHERE d.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => { const s = toStoredDocument(r); return [s.document.id, s] as const; }));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async maxSeq(): Promise<number> {
    const [row] = await this.#rows('SELECT COALESCE(MAX(seq), 0) AS m FROM documents');
    return Number(row!.m);
  }

  async listDocuments(afterSeq: number, limit: number, withAnnotations = false): Promise<StoredDocument[]> {
    const rows = await this.#rows(
      `SELECT d.seq, d.doc_json, ${withAnnotations ? 'd.annotations_json, d.annotations_gz' : 'NULL AS annotations_json, NULL AS annotations_gz'}, d.ingested_at, sd.story_id
       FROM documents d LEFT JOIN story_documents sd ON sd.document_id = d.id WHERE d.seq > $1 ORDER BY d.seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map(toStoredDocument);
  }

  async searchDocuments(q: string, limit: number): Promise<DocumentHit[]> {
    const terms = searchTerms(foldForSearch(q));
    if (terms.length === 0) return [];
    const rows = await this.#rows(
      `SELECT d.id, d.title, d.doc_json, sd.story_id FROM documents d LEFT JOIN story_documents sd ON sd.document_id = d.id
       WHERE d.search @@ to_tsquery('simple', $1) ORDER BY ts_rank(d.search, to_tsquery('simple', $1)) DESC, d.seq LIMIT $2`,
      [tsQuery(terms), limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      ...(r.title != null ? { title: String(r.title) } : {}),
      ...(r.story_id != null ? { storyId: String(r.story_id) } : {}),
      snippet: snippetAround((JSON.parse(String(r.doc_json)) as { text: string }).text, terms),
    }));
  }

  async moveDocuments(documentIds: string[], storyId: string, title?: string): Promise<void> {
    await this.#tx(async (c) => {
      const now = this.#now();
      await c.query('INSERT INTO stories (id, title, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [storyId, title ?? storyId, now]);
      const touched = new Set<string>([storyId]);
      const known = (await c.query('SELECT d.id, sd.story_id FROM documents d LEFT JOIN story_documents sd ON sd.document_id = d.id WHERE d.id = ANY($1)', [documentIds])).rows as Row[];
      for (const r of known) {
        if (r.story_id == null) {
          await c.query(`INSERT INTO story_documents (document_id, story_id, score, reasons_json, added_at) VALUES ($1, $2, 1, '[]', $3)`, [r.id, storyId, now]);
        } else if (r.story_id !== storyId) {
          touched.add(String(r.story_id));
          await c.query('UPDATE story_documents SET story_id = $1 WHERE document_id = $2', [storyId, r.id]);
        }
      }
      for (const id of [...touched].sort()) await touchStory(c, id, now);
    });
  }

  async getStory(id: string): Promise<StoredStory | undefined> {
    const [row] = await this.#rows(`SELECT ${STORY_COLUMNS}, analysis_json FROM stories WHERE id = $1`, [id]);
    if (!row) return undefined;
    const ids = (await this.#rows(
      `SELECT sd.document_id FROM story_documents sd JOIN documents d ON d.id = sd.document_id
       WHERE sd.story_id = $1 ORDER BY COALESCE(d.published_at, ''), d.seq`, [id],
    )).map((r) => String(r.document_id));
    const analysis = row.analysis_json != null ? (JSON.parse(String(row.analysis_json)) as StoryAnalysis) : undefined;
    return { ...toSummary(row), documentIds: ids, revision: Number(row.revision), ...(analysis ? { analysis } : {}) };
  }

  async getStoryMeta(id: string): Promise<(StorySummary & { revision: number }) | undefined> {
    const [row] = await this.#rows(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`, [id]);
    return row ? { ...toSummary(row), revision: Number(row.revision) } : undefined;
  }

  async listStories(query?: StoryQuery): Promise<StoryPage> {
    const { q, sort, limit, offset } = storyQueryWithDefaults(query);
    const terms = q ? searchTerms(foldForSearch(q)) : [];
    if (q && terms.length === 0) return { total: 0, items: [] };
    const where = terms.length
      ? `WHERE id IN (SELECT sd.story_id FROM documents d JOIN story_documents sd ON sd.document_id = d.id WHERE d.search @@ to_tsquery('simple', $1))`
      : '';
    const params = terms.length ? [tsQuery(terms)] : [];
    const [count] = await this.#rows(`SELECT COUNT(*) n FROM stories ${where}`, params);
    const n = params.length;
    const rows = await this.#rows(`SELECT ${STORY_COLUMNS} FROM stories ${where} ORDER BY ${SORT_SQL[sort]} LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, limit, offset]);
    return { total: Number(count!.n), items: rows.map(toSummary) };
  }

  async staleStories(limit: number): Promise<{ id: string; revision: number }[]> {
    const rows = await this.#rows('SELECT id, revision FROM stories WHERE revision <> analyzed_revision ORDER BY updated_at, id LIMIT $1', [Math.min(limit, 2 ** 31 - 1)]);
    return rows.map((r) => ({ id: String(r.id), revision: Number(r.revision) }));
  }

  async saveAnalysis(analysis: StoryAnalysis, revision: number): Promise<{ current: boolean }> {
    return this.#tx(async (c) => {
      const id = analysis.story.id;
      const row = (await c.query('SELECT revision, analyzed_revision FROM stories WHERE id = $1 FOR UPDATE', [id])).rows[0] as Row | undefined;
      if (!row || Number(row.analyzed_revision) > revision) return { current: false };
      const counts = analysisCounts(analysis);
      await c.query(
        `UPDATE stories SET title = COALESCE(NULLIF($1, ''), title), independent_sources = $2, conflicts = $3, claims = $4,
         analyzed_at = $5, analyzed_revision = $6, analysis_json = $7 WHERE id = $8`,
        [analysis.story.title, counts.independentSources, counts.conflicts, counts.claims, this.#now(), revision, JSON.stringify(analysis), id],
      );
      await c.query('DELETE FROM lineages WHERE story_id = $1', [id]);
      for (const l of analysis.lineages) {
        for (const doc of l.documentIds) await c.query('INSERT INTO lineages (story_id, lineage_id, document_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, l.id, doc]);
      }
      return { current: Number(row.revision) === revision };
    });
  }

  async recordError(error: InputError): Promise<void> {
    await this.#rows('INSERT INTO input_errors (origin, code, message, at) VALUES ($1, $2, $3, $4)', [error.origin, error.code, error.message, this.#now()]);
  }

  async listErrors(limit: number): Promise<StoredError[]> {
    const rows = await this.#rows('SELECT origin, code, message, at FROM input_errors ORDER BY seq DESC LIMIT $1', [limit]);
    return rows.map((r) => ({ origin: String(r.origin), code: String(r.code), message: String(r.message), at: String(r.at) }));
  }

  async getState<T>(key: string): Promise<T | undefined> {
    const [row] = await this.#rows('SELECT value_json FROM state WHERE key = $1', [key]);
    return row ? (JSON.parse(String(row.value_json)) as T) : undefined;
  }

  async setState(key: string, value: unknown): Promise<void> {
    await this.#rows('INSERT INTO state (key, value_json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value_json = EXCLUDED.value_json', [key, JSON.stringify(value)]);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

/** Recount a story after its membership changed and mark it for re-analysis; drop it when empty. */
/** Attempts of a transaction PostgreSQL aborts as a deadlock or serialization victim. */
const TX_ATTEMPTS = 5;

async function touchStory(c: Client, id: string, now: string): Promise<void> {
  // Lock the story first: a writer adding to the same story waits here, and the count below (a new
  // statement, so a new snapshot under READ COMMITTED) then sees its committed rows.
  await c.query('SELECT id FROM stories WHERE id = $1 FOR UPDATE', [id]);
  const agg = (await c.query(
    `SELECT COUNT(*) n, MIN(d.published_at) first, MAX(d.published_at) last
     FROM story_documents sd JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = $1`, [id],
  )).rows[0] as Row;
  if (Number(agg.n) === 0) {
    await c.query('DELETE FROM lineages WHERE story_id = $1', [id]);
    await c.query('DELETE FROM stories WHERE id = $1', [id]);
    return;
  }
  await c.query('UPDATE stories SET document_count = $1, first_published = $2, last_published = $3, updated_at = $4, revision = revision + 1 WHERE id = $5',
    [Number(agg.n), agg.first ?? null, agg.last ?? null, now, id]);
}
