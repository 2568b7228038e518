// Pure helpers both Store implementations share: the id policy for clashing article ids and
// search snippets. No database access here.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AnnotatedDocument, Document } from '../types.ts';
import type { NewDocument } from './store.ts';

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
