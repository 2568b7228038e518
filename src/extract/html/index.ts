// HTML page → Document: metadata and dates read from the untouched page, then boilerplate removed,
// then the article found by Readability and checked against JSON-LD. It does not fetch or decode bytes.
import { parseHTML } from 'linkedom';
import { createError } from '../../errors.ts';
import type { Document, Message, RawInput } from '../../types.ts';
import { findPageDates, type DateOptions } from '../dates.ts';
import { buildDocument, joinParagraphs } from '../document.ts';
import { detectLanguage } from '../language.ts';
import { extractBody } from './body.ts';
import { removeBoilerplate } from './boilerplate.ts';
import { takeEmbeds } from './embeds.ts';
import { assertParseable, assertTreeBounds } from './guard.ts';
import { readJsonLd } from './json-ld.ts';
import { readMetadata } from './metadata.ts';
import { withHtmlDefaults, type HtmlOptions } from './options.ts';

export { HTML_DEFAULTS, type HtmlOptions } from './options.ts';

export interface ExtractHtmlOptions extends Partial<HtmlOptions> {
  dates?: Partial<DateOptions>;
}

/**
 * Extract the article of one HTML page (already decoded to `html`).
 * Throws INPUT_TOO_LARGE for pages over `maxChars`, HTML_NOT_ARTICLE when no article text is found.
 * @example extractHtml({ origin: 'a.html', name: 'a.html', bytes }, html).text
 */
export function extractHtml(raw: RawInput, html: string, options: ExtractHtmlOptions = {}): Document {
  const opts = withHtmlDefaults(options);
  if (html.length > opts.maxChars) throw createError('INPUT_TOO_LARGE', raw.origin, `${html.length} characters of HTML > ${opts.maxChars}`);
  assertParseable(html, raw.origin, opts);
  const { document } = parseHTML(html);
  assertTreeBounds(document, raw.origin, opts);
  const pageUrl = raw.url ?? raw.hints?.url;
  const jsonLd = readJsonLd(document);
  const meta = readMetadata(document, jsonLd, pageUrl);
  const dates = findPageDates(document, { url: pageUrl ?? meta.url, language: meta.language, jsonLd }, { now: raw.capturedAt, ...options.dates });

  const embeds = takeEmbeds(document, opts.embedsInText);
  removeBoilerplate(document, opts);
  const body = extractBody(document, meta.jsonLdBody, opts);
  const title = raw.hints?.title ?? meta.title ?? body.title;
  const text = joinParagraphs(dropLeadingTitle(body.paragraphs, [title, body.title]));
  if (!text) throw createError('HTML_NOT_ARTICLE', raw.origin);

  const messages: Message[] = [];
  if (body.method === 'json-ld') messages.push({ code: 'HTML_TEXT_FROM_JSON_LD', message: 'article text taken from the page\'s JSON-LD articleBody' });
  // A container's date (feed item, JSON field) beats a guess from the URL or the visible text,
  // but not a date the page states in its markup.
  const hinted = raw.hints?.publishedAt;
  const pageDateWins = dates.publishedAt !== undefined && (!hinted || dates.dateSource === 'json-ld' || dates.dateSource === 'meta' || dates.dateSource === 'time-element');
  return buildDocument(raw, text, {
    title,
    outlet: raw.hints?.outlet ?? meta.outlet ?? body.siteName,
    author: raw.hints?.author ?? meta.author ?? body.byline,
    url: meta.url ?? pageUrl,
    publishedAt: pageDateWins ? dates.publishedAt : (hinted ?? dates.publishedAt),
    dateSource: pageDateWins ? dates.dateSource : hinted ? raw.hints?.dateSource : dates.dateSource,
    updatedAt: dates.updatedAt,
    language: detectLanguage(text, meta.language),
    embeds,
    messages,
  });
}

const fold = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The headline repeated as the first paragraph is the title, not the article's text. */
function dropLeadingTitle(paragraphs: string[], titles: (string | undefined)[]): string[] {
  const known = new Set(titles.filter((t): t is string => !!t).map(fold));
  let start = 0;
  while (start < Math.min(2, paragraphs.length) && known.has(fold(paragraphs[start]!))) start++;
  return start ? paragraphs.slice(start) : paragraphs;
}
