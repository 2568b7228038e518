// Pure helpers both Store implementations share: the id policy for clashing article ids, search
// snippets, story sort orders and the mapping of result rows to records. No database access here.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AnnotatedDocument, Document } from '../types.ts';
import type { NewDocument, StoredDocument, StorySummary } from './store.ts';

/**
 * Keep ids unique: an article whose id is taken by a different text is stored as `id-<hash8>`
 * (then `-2`, `-3`…), so two feeds' "article-1" never overwrite each other.
 */
export function renameForStore(item: NewDocument, taken: (id: string) => boolean): { document: Document; annotated?: AnnotatedDocument } {
  const doc = item.document;
  let id = doc.id;
  if (taken(id)) {
    const base = `${doc.id}-${doc.contentHash.slice(0, 8)}`;
    id = base;
    for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  }
  if (id === doc.id) return { document: doc, ...(item.annotated ? { annotated: item.annotated } : {}) };
  const document = { ...doc, id };
  return { document, ...(item.annotated ? { annotated: { ...item.annotated, doc: document } } : {}) };
}

export const SNIPPET_CHARS = 160;

/** A plain-text excerpt of `text` around the first search term, cut at word boundaries. */
export function snippetAround(text: string, terms: string[], width = SNIPPET_CHARS): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const i = lower.indexOf(term);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at < 0 ? 0 : at - Math.floor(width / 3));
  const from = start === 0 ? 0 : text.indexOf(' ', start) + 1 || start;
  const end = Math.min(text.length, from + width);
  const to = end === text.length ? end : text.lastIndexOf(' ', end) > from ? text.lastIndexOf(' ', end) : end;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** Annotations are ~15× the article's size as JSON; stored gzipped (schema 2) they take ~5× less room. */
export function packAnnotations(annotated: AnnotatedDocument): Buffer {
  return gzipSync(JSON.stringify(annotated), { level: 1 });
}

/** Annotations as stored: gzipped bytes (schema 2) or JSON text (schema 1, still readable). */
export function unpackAnnotations(gz: unknown, json: unknown): AnnotatedDocument | undefined {
  if (gz instanceof Uint8Array) return JSON.parse(gunzipSync(gz).toString('utf8')) as AnnotatedDocument;
  if (json != null) return JSON.parse(String(json)) as AnnotatedDocument;
  return undefined;
}

/** A result row, as either driver returns it. */
export type Row = Record<string, unknown>;

/** ORDER BY clauses of the story sorts; the same SQL in SQLite and PostgreSQL. */
export const SORT_SQL = {
  updated: 'updated_at DESC, id',
  conflicts: 'COALESCE(conflicts, 0) DESC, updated_at DESC, id',
  size: 'document_count DESC, updated_at DESC, id',
} as const;

/** The columns a story summary is read from. */
export const STORY_COLUMNS = `id, title, document_count, independent_sources, conflicts, claims, first_published,
  last_published, updated_at, analyzed_at, revision, analyzed_revision`;

export function toStoredDocument(r: Row): StoredDocument {
  return {
    document: JSON.parse(String(r.doc_json)),
    ...(r.annotations_json != null || r.annotations_gz != null ? { annotated: unpackAnnotations(r.annotations_gz, r.annotations_json)! } : {}),
    ...(r.story_id != null ? { storyId: String(r.story_id) } : {}),
    ingestedAt: String(r.ingested_at),
    seq: Number(r.seq),
  };
}

export function toSummary(r: Row): StorySummary {
  const opt = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: String(r.id),
    title: String(r.title),
    documentCount: Number(r.document_count),
    independentSources: opt(r.independent_sources),
    conflicts: opt(r.conflicts),
    claims: opt(r.claims),
    ...(r.first_published != null ? { firstPublished: String(r.first_published) } : {}),
    ...(r.last_published != null ? { lastPublished: String(r.last_published) } : {}),
    updatedAt: String(r.updated_at),
    ...(r.analyzed_at != null ? { analyzedAt: String(r.analyzed_at) } : {}),
    stale: Number(r.revision) !== Number(r.analyzed_revision),
  };
}
