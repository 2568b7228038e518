// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds with fast-xml-parser into items, and turns each item
// into a RawInput (its full content when the feed carries it, else its summary, flagged so the
// reader can fetch the page). It does no I/O and does not extract article text (extract/ does).
import { XMLParser } from 'fast-xml-parser';
import { createError } from '../errors.ts';
import type { RawInput } from '../types.ts';

export interface FeedItem {
  title?: string;
  link?: string;
  id?: string;
  publishedAt?: string;
  author?: string;
  /** HTML or text of the item: full content when the feed has it, else the summary. */
  content: string;
  /** True when the feed gave only a summary (shorter than `minFullContent`). */
  summaryOnly: boolean;
}

export interface Feed {
  format: 'rss2' | 'rss1' | 'atom';
  title?: string;
  link?: string;
  items: FeedItem[];
}

export interface FeedOptions {
  /** Content shorter than this many characters of text counts as a summary, not the full article. */
  minFullContent: number;
  /** Items read from one feed at most. */
  maxItems: number;
}

export const FEED_DEFAULTS: FeedOptions = { minFullContent: 600, maxItems: 5_000 };

const ARRAYS = new Set(['item', 'entry', 'link', 'category', 'author', 'dc:creator']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  isArray: (name) => ARRAYS.has(name),
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  parseTagValue: false,
});

/** True when the start of a text looks like an RSS or Atom feed. */
export function looksLikeFeed(head: string): boolean {
  const start = head.slice(0, 2000);
  return /<rss[\s>]/i.test(start) || /<rdf:RDF[\s>]/i.test(start) || /<feed[\s>][^>]*(?:Atom|xmlns)/i.test(start) || /<feed>/i.test(start);
}

type Node = Record<string, unknown>;

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Node)['#text']) ?? textOf((value as Node)['name']);
  return undefined;
}

function atomLink(value: unknown): string | undefined {
  const links = (Array.isArray(value) ? value : [value]) as (Node | string | undefined)[];
  const pick = links.find((l) => typeof l === 'object' && l && (!l['@rel'] || l['@rel'] === 'alternate')) ?? links[0];
  return typeof pick === 'string' ? pick : textOf(pick?.['@href']);
}

function plainLength(html: string): number {
  return html.replace(/<[^>]*>/g, ' ').replace(/&\w+;/g, ' ').replace(/\s+/g, ' ').trim().length;
}

function item(fields: Omit<FeedItem, 'summaryOnly' | 'content'> & { full?: string; summary?: string }, opts: FeedOptions): FeedItem {
  const full = fields.full && plainLength(fields.full) >= opts.minFullContent ? fields.full : undefined;
  const content = full ?? fields.full ?? fields.summary ?? '';
  const { full: _full, summary: _summary, ...rest } = fields;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<FeedItem, 'summaryOnly' | 'content'>;
  return { ...defined, content, summaryOnly: !full };
}

/**
 * Parse a feed; throws FEED_INVALID when the text is not RSS or Atom.
 * @example parseFeed(xml, 'news.rss').items[0].title
 */
export function parseFeed(xml: string, origin: string, options: Partial<FeedOptions> = {}): Feed {
  const opts = { ...FEED_DEFAULTS, ...options };
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    throw createError('FEED_INVALID', origin, (error as Error).message.split('\n')[0]);
  }
  const rss = root['rss'] as Node | undefined;
  if (rss) {
    const channel = (rss['channel'] ?? {}) as Node;
    const items = ((channel['item'] ?? []) as Node[]).slice(0, opts.maxItems).map((i) =>
      item(
        {
          title: textOf(i['title']),
          link: textOf(i['link']) ?? (textOf(i['guid']) && /^https?:/.test(textOf(i['guid'])!) ? textOf(i['guid']) : undefined),
          id: textOf(i['guid']),
          publishedAt: textOf(i['pubDate']) ?? textOf(i['dc:date']),
          author: textOf(i['dc:creator']) ?? textOf(i['author']),
          full: textOf(i['content:encoded']),
          summary: textOf(i['description']),
        },
        opts,
      ),
    );
    return { format: 'rss2', title: textOf(channel['title']), link: textOf(channel['link']), items };
  }
  const rdf = root['rdf:RDF'] as Node | undefined;
  if (rdf) {
    const channel = (rdf['channel'] ?? {}) as Node;
    const items = ((rdf['item'] ?? []) as Node[]).slice(0, opts.maxItems).map((i) =>
      item(
        {
          title: textOf(i['title']),
          link: textOf(i['link']) ?? textOf(i['@rdf:about']),
          id: textOf(i['@rdf:about']),
          publishedAt: textOf(i['dc:date']),
          author: textOf(i['dc:creator']),
          full: textOf(i['content:encoded']),
          summary: textOf(i['description']),
        },
        opts,
      ),
    );
    return { format: 'rss1', title: textOf(channel['title']), link: textOf(channel['link']), items };
  }
  const atom = root['feed'] as Node | undefined;
  if (atom) {
    const items = ((atom['entry'] ?? []) as Node[]).slice(0, opts.maxItems).map((e) =>
      item(
        {
          title: textOf(e['title']),
          link: atomLink(e['link']),
          id: textOf(e['id']),
          publishedAt: textOf(e['published']) ?? textOf(e['updated']),
          author: textOf(e['author']),
          full: textOf(e['content']),
          summary: textOf(e['summary']),
        },
        opts,
      ),
    );
    return { format: 'atom', title: textOf(atom['title']), link: atomLink(atom['link']), items };
  }
  throw createError('FEED_INVALID', origin, 'no <rss>, <rdf:RDF> or <feed> element');
}

/** An ISO date from a feed's RFC 822 (RSS) or RFC 3339 (Atom, Dublin Core) date. */
export function feedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = value.match(/^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?/)?.[0];
  if (iso) return iso;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One RawInput per item: the item's content as a small HTML page, with the feed's title, link, date
 * and author as hints. Origins are `feed.xml#1`, `feed.xml#2`, … in feed order.
 */
export function feedItemInputs(feed: Feed, raw: Pick<RawInput, 'origin' | 'name'>): RawInput[] {
  return feed.items.map((it, index) => {
    const body = /<[a-z][\s\S]*>/i.test(it.content) ? it.content : `<p>${escapeHtml(it.content).replace(/\n\s*\n/g, '</p><p>')}</p>`;
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(it.title ?? '')}</title></head><body><article>${body}</article></body></html>`;
    const publishedAt = feedDate(it.publishedAt);
    const hints: RawInput['hints'] = {
      ...(it.title ? { title: it.title } : {}),
      ...(publishedAt ? { publishedAt, dateSource: 'feed' as const } : {}),
      ...(it.author ? { author: it.author } : {}),
      ...(feed.title ? { outlet: feed.title } : {}),
      ...(it.link ? { url: it.link } : {}),
    };
    return {
      origin: `${raw.origin}#${index + 1}`,
      name: `${raw.name.replace(/\.(xml|rss|atom)(\.gz)?$/i, '')}-${index + 1}.html`,
      bytes: new TextEncoder().encode(html),
      contentType: 'text/html; charset=utf-8',
      ...(it.link ? { url: it.link } : {}),
      hints,
    };
  });
}
