// HTML page → Document: main article text and metadata through @mozilla/readability on linkedom.
// It does not fetch anything or decode bytes (see decode.ts); dates come from the page's meta tags.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { createError } from '../../errors.ts';
import type { Document, RawInput } from '../../types.ts';
import { buildDocument } from '../document.ts';

/** Extract the article of one HTML page (already decoded to `html`). */
export function extractHtml(raw: RawInput, html: string): Document {
  const { document } = parseHTML(html);
  const meta = (selector: string): string | undefined => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const published = meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]');
  const article = new Readability(document as unknown as globalThis.Document).parse();
  const text = (article?.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
  if (!text) throw createError('HTML_NOT_ARTICLE', raw.origin);
  return buildDocument(raw, text, {
    title: article?.title ?? undefined,
    outlet: article?.siteName ?? undefined,
    author: article?.byline ?? undefined,
    publishedAt: raw.hints?.publishedAt ?? published?.slice(0, 10),
    dateSource: raw.hints?.publishedAt ? raw.hints.dateSource : published ? 'meta' : undefined,
  });
}
