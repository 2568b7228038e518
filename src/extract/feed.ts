// A feed read as a file or fetched URL (without --fetch) → one Document per item, from the content
// the feed carries; an item that fails is reported and the others are still read. No I/O here.
import { toInputError } from '../errors.ts';
import type { Document, InputError, RawInput } from '../types.ts';
import { feedItemInputs, parseFeed } from '../ingest/feed.ts';
import { extractHtml } from './html/index.ts';

export interface FeedExtractResult {
  documents: Document[];
  errors: InputError[];
}

/**
 * Extract every item of a feed. Throws FEED_INVALID when the text is not RSS or Atom.
 * @example extractFeed({ origin: 'news.rss', name: 'news.rss', bytes }, xml).documents.length
 */
export function extractFeed(raw: RawInput, source: string): FeedExtractResult {
  const feed = parseFeed(source, raw.origin);
  const documents: Document[] = [];
  const errors: InputError[] = [];
  for (const [index, item] of feedItemInputs(feed, raw).entries()) {
    try {
      const doc = extractHtml(item, new TextDecoder().decode(item.bytes));
      if (feed.items[index]?.summaryOnly) doc.messages.push({ code: 'FEED_SUMMARY_ONLY', message: 'the feed gives only a summary of this article; pass --fetch to read the page' });
      documents.push(doc);
    } catch (error) {
      errors.push(toInputError(item.origin, error));
    }
  }
  return { documents, errors };
}
