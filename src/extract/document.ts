// Builds a Document from extracted text and fields: id, content hash, paragraph spans; and trims the
// wire furniture (copyright notices, credits) off the ends of plain texts, for the text and JSON
// readers. It does not otherwise decide what the text is (each reader does).
import { createHash } from 'node:crypto';
import type { Document, RawInput, Span } from '../types.ts';

export type DocumentFields = Partial<Omit<Document, 'text' | 'paragraphs' | 'contentHash' | 'origin'>>;

/** The default document id: the input's file name without extension(s) such as .txt or .html.gz. */
export function idFromName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.gz$/i, '').replace(/\.(txt|text|md|markdown|html?|xhtml|json|jsonl|ndjson|xml|rss|atom|warc)$/i, '') || base;
}

/** SHA-256 (first 16 hex chars) of the text with case and white space folded: equal for exact duplicates. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}

/** Spans of the paragraphs of `text`, which are separated by blank lines. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\S[\s\S]*?(?=\n\s*\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index && /\s/.test(text[end - 1] ?? '')) end--;
    spans.push({ start: m.index, end });
  }
  return spans;
}

/**
 * A line or paragraph that is wire furniture, not article text: a copyright or rights notice, a
 * Reuters-style credit in parentheses, a feed's "The post … appeared first on …". Deliberately
 * narrower than HTML extraction's boilerplate rules: a plain text has no markup to confirm that a
 * short last line such as "Published reports said the mayor would resign." is not the article's.
 */
const TEXT_FURNITURE = new RegExp(
  [
    '^(?:©|\\(c\\)\\s)',
    '^copyright\\s*(?:©|\\(c\\))?\\s*\\d{4}\\b',
    '\\ball rights reserved\\b',
    '\\bthis (?:material|article|content|story) may not be (?:published|reproduced|redistributed|rewritten)\\b',
    '^\\((?:additional )?(?:reporting|writing|editing) by\\b[^()]*\\)$',
    '^the post .{1,300} appeared first on\\b',
  ].join('|'),
  'iu',
);
/** Longest line or paragraph read as furniture (an agency footer with its rights notice fits). */
const MAX_FURNITURE_CHARS = 400;

/**
 * The paragraphs (or lines) of a text without the wire furniture at its two ends, such as "Copyright
 * 2009 The Associated Press. All rights reserved. This material may not be published…". A footer is
 * not the article's text, and in a pile of briefs from one agency it makes every brief look like
 * every other: the same year read as a date, the same name, the same passage. Only the ends are
 * trimmed (blank lines there too); the paragraphs between stay, whatever they say. A text that is
 * nothing but furniture is returned whole.
 */
export function trimFurnitureAtEnds(paragraphs: string[]): string[] {
  const furniture = (p: string): boolean => p.trim() === '' || (p.length <= MAX_FURNITURE_CHARS && TEXT_FURNITURE.test(p.trim()));
  let start = 0;
  let end = paragraphs.length;
  while (start < end && furniture(paragraphs[start]!)) start++;
  while (end > start && furniture(paragraphs[end - 1]!)) end--;
  return start < end ? paragraphs.slice(start, end) : paragraphs;
}

/** Paragraph strings → document text with blank lines between paragraphs. */
export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.map((p) => p.replace(/[ \t]+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

/**
 * Longest article text kept, in characters (about 60,000 words: far beyond any news article). A
 * longer text is cut at a paragraph break and the document says so, so one huge input cannot stall
 * the analysis of the others.
 */
export const MAX_TEXT_CHARS = 400_000;

export function buildDocument(raw: RawInput, text: string, fields: DocumentFields = {}): Document {
  let clean = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').trim();
  const messages = [...(fields.messages ?? [])];
  if (clean.length > MAX_TEXT_CHARS) {
    const cut = clean.lastIndexOf('\n\n', MAX_TEXT_CHARS);
    const at = cut > MAX_TEXT_CHARS / 2 ? cut : clean.lastIndexOf(' ', MAX_TEXT_CHARS);
    messages.push({ code: 'TEXT_TRUNCATED', message: `${raw.origin}: text of ${clean.length.toLocaleString('en-US')} characters cut to ${at.toLocaleString('en-US')}; split the input to analyse all of it` });
    clean = clean.slice(0, at > 0 ? at : MAX_TEXT_CHARS).trim();
  }
  const defined = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && v !== '' && k !== 'messages')) as DocumentFields;
  return {
    id: raw.hints?.id ?? idFromName(raw.name),
    url: raw.url ?? raw.hints?.url,
    outlet: raw.hints?.outlet,
    author: raw.hints?.author,
    embeds: [],
    ...defined,
    messages,
    origin: raw.origin,
    contentHash: contentHash(clean),
    text: clean,
    paragraphs: paragraphSpans(clean),
  };
}
