// The extraction dispatcher: one RawInput → its Documents, choosing the reader by the input's
// kind (name, declared type, content). It does no I/O; readers of each kind live beside it.
import { createError } from '../errors.ts';
import type { Document, InputError, RawInput } from '../types.ts';
import { decodeBytes } from './decode.ts';
import { extractFeed } from './feed.ts';
import { extractHtml } from './html/index.ts';
import { looksLikeFeed } from '../ingest/feed.ts';
import { extractJson } from './json.ts';
import { markLanguage } from './language.ts';
import { extractText } from './text.ts';

export type InputKind = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'feed';

export interface ExtractResult {
  documents: Document[];
  /** Problems with parts of the input (a bad JSONL line); the rest was still read. */
  errors: InputError[];
}

/** Which reader an input needs, from its name, declared content type and first bytes. */
export function detectKind(raw: RawInput, head: string): InputKind {
  const name = raw.name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(rss|atom|rdf)$/.test(name) || /(rss|atom)\+xml/i.test(raw.contentType ?? '')) return 'feed';
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
  if (/\.json$/.test(name) || /json/i.test(raw.contentType ?? '')) return 'json';
  if (/\.(html?|xhtml)$/.test(name) || /html/i.test(raw.contentType ?? '')) return 'html';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (looksLikeFeed(head)) return 'feed';
  const start = head.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<(head|body)[\s>]/.test(start)) return 'html';
  if ((start.startsWith('{') || start.startsWith('[')) && !name.endsWith('.txt')) return 'json';
  return 'text';
}

export interface ExtractOptions {
  /** Detect each document's language (and flag non-English ones); off where nothing reads it, as in `crosscheck cluster`. */
  detectLanguage: boolean;
}

/** Extract the documents of one input. Throws a CrosscheckError when nothing can be read. */
export function extractDocuments(raw: RawInput, options: Partial<ExtractOptions> = {}): ExtractResult {
  const source = decodeBytes(raw.bytes, raw.origin, raw.contentType);
  if (source.trim() === '') throw createError('INPUT_EMPTY', raw.origin);
  const kind = detectKind(raw, source.slice(0, 1000));
  let result: ExtractResult;
  switch (kind) {
    case 'json':
    case 'jsonl':
      result = extractJson(raw, source, extractHtml);
      if (result.documents.length === 0 && result.errors.length === 0) throw createError('INPUT_NO_ARTICLES', raw.origin);
      break;
    case 'feed':
      result = extractFeed(raw, source);
      if (result.documents.length === 0 && result.errors.length === 0) throw createError('INPUT_NO_ARTICLES', raw.origin);
      break;
    case 'html':
      result = { documents: [extractHtml(raw, source)], errors: [] };
      break;
    case 'markdown':
    case 'text':
      result = { documents: [extractText(raw, source)], errors: [] };
      break;
  }
  for (const doc of result.documents) if (doc.text.trim() === '') throw createError('INPUT_NO_TEXT', doc.origin);
  if (options.detectLanguage ?? true) for (const doc of result.documents) markLanguage(doc);
  return result;
}
