// JSON (one object or an array) and JSON Lines articles → Documents. Reads the fields `id`, `title`,
// `text`|`body`|`content`, `url`, `publishedAt`|`date`, `outlet`|`source`; keeps unknown fields in `extra`.
// A plain-text body loses the wire or page furniture on its first and last lines (a copyright footer).
// A bad record is reported with its position and the other records are still read.
import { createError, toInputError } from '../errors.ts';
import type { Document, InputError, RawInput } from '../types.ts';
import { buildDocument, idFromName, trimFurnitureAtEnds } from './document.ts';

const KNOWN = new Set(['id', 'title', 'headline', 'text', 'body', 'content', 'articleBody', 'url', 'link', 'publishedAt', 'published_at', 'date', 'datePublished', 'outlet', 'source', 'site', 'author', 'language', 'lang']);

export interface JsonReadResult {
  documents: Document[];
  errors: InputError[];
}

/** Bad lines reported one by one in a batch that has no good line; more become one error. */
const MAX_LINE_ERRORS = 10;

/** Read a `.json` (object or array) or `.jsonl` input; `html` turns an HTML body into text. */
export function extractJson(raw: RawInput, source: string, html: (raw: RawInput, body: string) => Document): JsonReadResult {
  const lines = /\.(jsonl|ndjson)(\.gz)?$/i.test(raw.name);
  /** `number`: the record's line in a JSON Lines input, or its place in an array (1-based). */
  const records: { value: unknown; number: number }[] = [];
  const errors: InputError[] = [];
  if (lines) {
    // A batch of a longer stream (ingest/json-lines.ts) says which line of the whole input it starts at.
    const firstLine = raw.firstLine ?? 1;
    const badLines: number[] = [];
    source.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const number = firstLine + i;
      try {
        records.push({ value: JSON.parse(line), number });
      } catch (error) {
        badLines.push(number);
        errors.push(toInputError(`${raw.origin}:${number}`, createError('INPUT_JSON_INVALID', `${raw.origin}:${number}`, (error as Error).message)));
      }
    });
    // Lines of which none is JSON are one error, not one per line: a large file that is not JSON Lines
    // at all would otherwise bury the report (and the memory) in errors.
    if (records.length === 0 && badLines.length > MAX_LINE_ERRORS) {
      const where = `${raw.origin}:${badLines[0]}-${badLines[badLines.length - 1]}`;
      errors.splice(0, errors.length, toInputError(where, createError('INPUT_JSON_INVALID', where, `none of these ${badLines.length} lines is a JSON record; is it JSON Lines?`)));
    }
  } else {
    let value: unknown;
    try {
      value = JSON.parse(source.replace(/^\ufeff/, ''));
    } catch (error) {
      throw createError('INPUT_JSON_INVALID', raw.origin, `${(error as Error).message}; check that the file is complete`);
    }
    if (Array.isArray(value)) value.forEach((v, i) => records.push({ value: v, number: value.length > 1 ? i + 1 : 0 }));
    else records.push({ value, number: 0 });
  }

  const documents: Document[] = [];
  for (const { value, number } of records) {
    // A record of many is `name#n` (n: its line in JSON Lines, its place in an array); a lone object is the input itself.
    const origin = number > 0 ? `${raw.origin}#${number}` : raw.origin;
    try {
      documents.push(recordToDocument(raw, value, origin, number > 0 ? `${idFromName(raw.name)}-${number}` : idFromName(raw.name), html));
    } catch (error) {
      errors.push(toInputError(origin, error));
    }
  }
  return { documents, errors };
}

function recordToDocument(raw: RawInput, value: unknown, origin: string, fallbackId: string, html: (raw: RawInput, body: string) => Document): Document {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw createError('INPUT_JSON_NO_TEXT', origin, 'the record is not an object');
  const rec = value as Record<string, unknown>;
  const str = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = rec[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (typeof v === 'number' && k === 'id') return String(v);
      if (k === 'source' && typeof v === 'object' && v && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
      if (k === 'author' && typeof v === 'object' && v && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
    }
    return undefined;
  };
  const body = str('text', 'body', 'content', 'articleBody');
  if (!body) throw createError('INPUT_JSON_NO_TEXT', origin);
  const date = str('publishedAt', 'published_at', 'datePublished', 'date');
  const publishedAt = date ? normaliseDate(date) : undefined;
  const id = str('id') ?? fallbackId;
  const hints = { id, title: str('title', 'headline'), url: str('url', 'link'), outlet: str('outlet', 'source', 'site'), author: str('author'), publishedAt, dateSource: publishedAt ? ('json-field' as const) : undefined };
  const item: RawInput = { ...raw, origin, hints: { ...raw.hints, ...Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)) } };
  const extra = Object.fromEntries(Object.entries(rec).filter(([k]) => !KNOWN.has(k)));
  const looksHtml = /^\s*</.test(body) && /<\/(p|div|article|body)>/i.test(body);
  const doc = looksHtml ? html(item, body) : buildDocument(item, trimFurnitureAtEnds(body.split('\n')).join('\n'), {});
  return {
    ...doc,
    id,
    title: hints.title ?? doc.title,
    publishedAt: publishedAt ?? doc.publishedAt,
    dateSource: publishedAt ? 'json-field' : doc.dateSource,
    language: str('language', 'lang') ?? doc.language,
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

/** An ISO date or date-time from a JSON date field; other strings are parsed by Date, else dropped. */
function normaliseDate(value: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}
