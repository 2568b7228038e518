// Finds a page's publication date (and last update) from, in order of trust: JSON-LD, meta tags naming
// publication, <time> elements, generic date tags, the URL, and visible text near the title, with sanity
// checks (no future dates, nothing before the web, no copyright years, comment or quoted-post dates), then
// checked against the day the page prints by its headline (time zones, pages that print only their
// update). It does not resolve relative dates.
import type { DateSource } from '../types.ts';
import { findDates, isoDate, parseDate, type DateParseOptions, type FoundDate, type ParsedDate } from './date-parse.ts';
import { readJsonLd, typesOf, type JsonLdObject } from './html/json-ld.ts';

export interface DateOptions {
  /** "Now" for the no-future check (ISO); defaults to the capture date, else the clock. */
  now?: string;
  /** Dates before this (ISO) are rejected as not a publication date on the web. */
  earliest: string;
  /** Days a date may lie after "now" (time zones, scheduled posts). */
  futureSlackDays: number;
  /** Characters of visible text scanned when no markup states the date. */
  textScanChars: number;
  /** Characters before and after the headline searched first for the printed date. */
  nearTitleBefore: number;
  nearTitleAfter: number;
  /** Characters of visible text searched for the publisher's own day when markup gives a UTC time. */
  localDayScanChars: number;
  /** Characters of markup scanned as a last resort. */
  markupScanChars: number;
}

export const DATE_DEFAULTS: DateOptions = { earliest: '1995-01-01', futureSlackDays: 1, textScanChars: 20_000, nearTitleBefore: 300, nearTitleAfter: 1_500, localDayScanChars: 5_000, markupScanChars: 2_000_000 };

export interface PageDates {
  publishedAt?: string;
  dateSource?: DateSource;
  updatedAt?: string;
}

interface El {
  tagName: string;
  textContent: string | null;
  parentElement: El | null;
  getAttribute(name: string): string | null;
}

interface Root {
  querySelectorAll(selector: string): ArrayLike<El>;
  documentElement?: El | null;
  body?: El | null;
}

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time', 'article.published',
  'datepublished', 'dc.date.issued', 'dc.date.created', 'dcterms.issued', 'dcterms.created',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'publication-date', 'date_published', 'article_date_original',
  'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime', 'originalpublicationdate', 'rnews:datepublished', 'citation_publication_date',
  'citation_date', 'prism.publicationdate', 'displaydate', 'release_date', 'created', 'date.created', 'article.created', 'creation_date', 'og:pubdate', 'pub_date',
  'datecreated', 'dc.created', 'article:post_date', 'post_date', 'bt:pubdate',
];
/** Tags that name no event: content systems fill them with the day of the last edit as often as with the publication day. */
const GENERIC_DATE_META = ['date', 'dc.date', 'dcterms.date', 'timestamp'];
const MODIFIED_META = [
  'article:modified_time', 'og:article:modified_time', 'og:updated_time', 'article:modified', 'datemodified', 'dc.date.modified', 'dcterms.modified',
  'last-modified', 'lastmod', 'modified', 'article.updated', 'updated_time', 'revised',
];
const PUBLISHED_CLASS = /(?:^|[-_\s])(?:pub(?:lish(?:ed|ing)?)?(?:-?date|-?time|-?on)?|post(?:ed)?-?(?:date|on|time)|entry-?date|article-?date|date-?(?:published|header|line)|dateline|byline|meta-?date|story-?date|created|datum|date|time)(?:$|[-_\s])/i;
const REGION_SUFFIX = '(?:[-_](?:area|section|list|wrap|wrapper|container|box|block|posts|articles|links|widget|items?|content)|(?:__|--)[\\w-]+)?(?=\\s|$)';
const IGNORED_REGION = new RegExp(`(?:^|\\s)(?:[\\w-]+[-_])?(?:comments?|comment-?list|reply|replies|respond|disqus|related|sidebar|copyright|recent-?posts?|archives?|calendar|teaser)${REGION_SUFFIX}`, 'i');
/** Footers: the page's own are ignored, but one inside an <article> holds that article's byline. */
const FOOTER_REGION = new RegExp(`(?:^|\\s)(?:[\\w-]+[-_])?footer${REGION_SUFFIX}`, 'i');
/** Paths like /2023/10/17/ or /2023-10-17- or /20231017/. */
const URL_DATE = /(?:^|[\/_-])((?:19|20)\d{2})[\/_-]?(0[1-9]|1[0-2])[\/_-]?(0[1-9]|[12]\d|3[01])(?=$|[\/_.-])/;
const URL_SEPARATED_DATE = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?=\/|$)/;
/** Paths like /29-10-2021 (day or month first, read only when one of them is over 12). */
const URL_DATE_YEAR_LAST = /(?:^|[\/_-])(\d{2})[-_.](\d{2})[-_.]((?:19|20)\d{2})(?=$|[\/_.-])/;
const COPYRIGHT = /(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}/gi;

function isPlausible(date: string, opts: DateOptions): boolean {
  const now = opts.now ? new Date(opts.now) : new Date();
  const latest = new Date(now.getTime() + opts.futureSlackDays * 86_400_000).toISOString().slice(0, 10);
  return date >= opts.earliest && date <= latest;
}

function plausible(parsed: ParsedDate | undefined, opts: DateOptions): ParsedDate | undefined {
  return parsed && isPlausible(parsed.date, opts) ? parsed : undefined;
}

const asIso = (p: ParsedDate): string => p.dateTime ?? p.date;

function fromJsonLd(objects: JsonLdObject[], key: string, opts: DateOptions, parse: Partial<DateParseOptions>): ParsedDate | undefined {
  const ranked = [...objects].sort((a, b) => articleRank(a) - articleRank(b));
  for (const obj of ranked) {
    const value = obj[key];
    const text = typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
    const parsed = text ? plausible(parseDate(text, parse), opts) : undefined;
    if (parsed) return parsed;
  }
  return undefined;
}

function articleRank(obj: JsonLdObject): number {
  const types = typesOf(obj).join(' ');
  if (/Article|BlogPosting|Posting|Report/i.test(types)) return 0;
  if (/WebPage/i.test(types)) return 1;
  return 2;
}

function fromMeta(root: Root, keys: string[], opts: DateOptions, parse: Partial<DateParseOptions>): ParsedDate | undefined {
  const metas = root.querySelectorAll('meta');
  const found = new Map<string, string>();
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i];
    if (!meta) continue;
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv') ?? '').toLowerCase().trim();
    const content = meta.getAttribute('content') ?? meta.getAttribute('datetime');
    if (key && content && !found.has(key)) found.set(key, content);
  }
  for (const key of keys) {
    const value = found.get(key);
    const parsed = value ? plausible(parseDate(value, parse), opts) : undefined;
    if (parsed) return parsed;
  }
  return undefined;
}

/** A <footer> or <aside> inside an <article> is that article's own byline or fact box, not the page's. */
const PAGE_REGION_TAGS = new Set(['FOOTER', 'ASIDE']);
/** Quoted and embedded posts (<blockquote>) carry their own dates. */
const QUOTE_TAG = 'BLOCKQUOTE';

/** Layout modifiers ("has-sidebar", "layout__with-comments") describe what a container holds beside the article, not the container itself. */
const LAYOUT_MODIFIER = /(?<=^|[\s_-])(?:has|with|without|no)-[\w-]+/gi;

/** An element's class and id, layout modifiers left out, for matching region names. */
function regionNames(el: { getAttribute?(name: string): string | null }): string {
  return `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`.replace(LAYOUT_MODIFIER, ' ');
}

function inIgnoredRegion(el: El): boolean {
  let pageRegion = false;
  for (let node: El | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    const names = regionNames(node);
    if (IGNORED_REGION.test(names) || node.tagName === QUOTE_TAG) return true;
    if (PAGE_REGION_TAGS.has(node.tagName) || FOOTER_REGION.test(names)) pageRegion = true;
    else if (node.tagName === 'ARTICLE') pageRegion = false;
  }
  return pageRegion;
}

/**
 * The date of a <time> or <abbr>: the day it prints, which readers see, over its machine-readable
 * attribute (often UTC or a later edit), unless the print is a 02/11/2023 that can be read as the attribute's day.
 */
function timeElementDate(el: El, opts: DateOptions, parse: Partial<DateParseOptions>): ParsedDate | undefined {
  const fromAttribute = plausible(parseDate(el.getAttribute('datetime') ?? el.getAttribute('title') ?? '', parse), opts);
  const text = el.textContent ?? '';
  const printed = plausible(parseDate(text, parse), opts);
  if (!fromAttribute || !printed || fromAttribute.date === printed.date) return fromAttribute ?? printed;
  return findDates(text, parse)[0]?.otherReading === fromAttribute.date ? fromAttribute : printed;
}

/**
 * itemprop=datePublished on any element, then the <time> marked as published, then the first <time>.
 * Several <time>s marked as published with different days are a list of other stories: no mark wins then.
 */
function fromTimeElements(root: Root, opts: DateOptions, parse: Partial<DateParseOptions>): ParsedDate | undefined {
  const itemprops = root.querySelectorAll('[itemprop="datePublished"], [itemprop="dateCreated"]');
  for (let i = 0; i < itemprops.length; i++) {
    const el = itemprops[i]!;
    const parsed = plausible(parseDate(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '', parse), opts);
    if (parsed) return parsed;
  }
  const times = root.querySelectorAll('time, abbr.published, abbr[title]');
  let first: ParsedDate | undefined;
  const marked: ParsedDate[] = [];
  for (let i = 0; i < times.length; i++) {
    const el = times[i]!;
    if (inIgnoredRegion(el)) continue;
    const parsed = timeElementDate(el, opts, parse);
    if (!parsed) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('pubdate') !== null ? 'published' : ''} ${el.parentElement?.getAttribute('class') ?? ''}`;
    if (/publish|posted|entry-date|created|pubdate/i.test(names) && !/updated|modified/i.test(names)) marked.push(parsed);
    first ??= parsed;
  }
  const markedDays = new Set(marked.map((m) => m.date));
  return markedDays.size === 1 ? marked[0] : first;
}

/** The address the page declares for itself (<link rel=canonical>, else og:url), for pages read without their URL. */
function declaredUrl(root: Root): string | undefined {
  const canonical = root.querySelectorAll('link[rel="canonical"]')[0]?.getAttribute('href');
  const og = root.querySelectorAll('meta[property="og:url"]')[0]?.getAttribute('content');
  return canonical?.trim() || og?.trim() || undefined;
}

/** A full date in the URL path (/2023/10/17/, /2023-10-17-, /20231017/, /29-10-2021). */
export function dateFromUrl(url: string | undefined, opts: DateOptions = DATE_DEFAULTS): ParsedDate | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    path = url;
  }
  const m = URL_SEPARATED_DATE.exec(path) ?? URL_DATE.exec(path);
  if (m) return plausible(parseDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`), opts);
  const last = URL_DATE_YEAR_LAST.exec(path);
  if (!last) return undefined;
  const [a, b, year] = [Number(last[1]), Number(last[2]), Number(last[3])];
  const date = a > 12 && b <= 12 ? isoDate(year, b, a) : b > 12 && a <= 12 ? isoDate(year, a, b) : undefined;
  return date && isPlausible(date, opts) ? { date } : undefined;
}

/** Elements whose class or id says "date", read in document order outside comments and sidebars. */
function fromDateElements(root: Root, opts: DateOptions, parse: Partial<DateParseOptions>): ParsedDate | undefined {
  const els = root.querySelectorAll('h1, body [class], body [id]');
  let beforeHeading: ParsedDate | undefined;
  let headingSeen = false;
  for (let i = 0; i < els.length; i++) {
    const el = els[i]!;
    if (el.tagName === 'H1' && !headingSeen) {
      headingSeen = true;
      continue;
    }
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!PUBLISHED_CLASS.test(names) || /updated|modified/i.test(names)) continue;
    const text = el.textContent ?? '';
    if (text.length > 200 || inIgnoredRegion(el)) continue;
    const parsed = plausible(parseDate(text.replace(COPYRIGHT, ' '), parse), opts);
    if (!parsed) continue;
    // The date element after the headline is the article's; one before it may be a site header's "today".
    if (headingSeen) return parsed;
    beforeHeading ??= parsed;
  }
  return beforeHeading;
}

/** Plausible dates of the visible text (copyright notices removed), in order, and those printed near the headline. */
interface ShownDates {
  /** Every plausible date of the visible text, with its offset. */
  all: FoundDate[];
  /** The dates printed next to the headline, nearest first (none when the headline is not found in the text). */
  nearTitle: FoundDate[];
  /** The days those dates can mean (both readings of an ambiguous 05/04/2023). */
  nearTitleDays: Set<string>;
}

function daysOf(dates: FoundDate[]): Set<string> {
  return new Set(dates.flatMap((d) => (d.otherReading ? [d.date, d.otherReading] : [d.date])));
}

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The page's headline: the <h1> the page title repeats (site logos and cookie notices are <h1>s too), else the first. */
function headline(root: Root): string | undefined {
  const headings = Array.from(root.querySelectorAll('h1'), (h) => squash(h.textContent)).filter((h) => h.length > 8);
  const title = `${squash(root.querySelectorAll('title')[0]?.textContent)} ${squash(root.querySelectorAll('meta[property="og:title"]')[0]?.getAttribute('content'))}`.toLowerCase();
  return headings.find((h) => title.includes(h.toLowerCase())) ?? headings[0];
}

function shownDates(root: Root, opts: DateOptions, parse: Partial<DateParseOptions>): ShownDates {
  const text = visibleTextOf(root, opts.textScanChars).replace(COPYRIGHT, ' ');
  const dates = findDates(text, parse).filter((d) => isPlausible(d.date, opts));
  const heading = headline(root);
  const at = heading ? text.indexOf(heading) : -1;
  if (at < 0) return { all: dates, nearTitle: [], nearTitleDays: new Set() };
  const end = at + heading!.length;
  const distance = (index: number): number => (index < at ? at - index : Math.max(0, index - end));
  const near = dates.filter((d) => d.index >= at - opts.nearTitleBefore && d.index <= end + opts.nearTitleAfter);
  const nearTitle = near.sort((a, b) => distance(a.index) - distance(b.index));
  return { all: dates, nearTitle, nearTitleDays: daysOf(nearTitle) };
}

/** The date printed nearest the headline, else the first one on the page. */
function fromVisibleText({ all, nearTitle }: ShownDates): ParsedDate | undefined {
  // Dates further from the headline belong to tickers and teasers.
  const date = (nearTitle[0] ?? all[0])?.date;
  return date ? { date } : undefined;
}

/** Broken markup can leave a second <body> (or <html>) holding the article: read every one of them. */
function textRoot(root: Root): El[] {
  const bodies = Array.from(root.querySelectorAll('body'));
  return bodies.length ? bodies : root.documentElement ? [root.documentElement] : [];
}

function visibleTextOf(root: Root, limit: number): string {
  return textRoot(root).map((body) => visibleText(body, limit)).join(' ').slice(0, limit);
}

/** The calendar day a UTC time falls on can differ from the publisher's own by one. */
function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Hours a publisher's clock may differ from UTC (Hawaii −10 to Sydney summer +11). */
const MAX_BEHIND_UTC = 10;
const MAX_AHEAD_OF_UTC = 11;

/** The neighbouring days a UTC time can fall on in a publisher's own time zone. */
function neighbourDays(dateTime: string, date: string): string[] {
  const hour = Number(dateTime.slice(11, 13));
  const days: string[] = [];
  if (hour < MAX_BEHIND_UTC) days.push(shiftDay(date, -1));
  if (hour + MAX_AHEAD_OF_UTC >= 24) days.push(shiftDay(date, 1));
  return days;
}

/**
 * A markup time given in UTC may fall on the day before or after the one the publisher prints
 * (a US evening story is "tomorrow" in UTC). When the page prints, next to its headline (else
 * near the top), only a day the time reaches with a real time zone, that printed day is the publication day.
 */
function localDay(found: ParsedDate, shown: () => ShownDates, opts: DateOptions): ParsedDate {
  if (!found.dateTime || !/(?:Z|[+-]00:?00)$/.test(found.dateTime)) return found;
  const { all, nearTitleDays } = shown();
  const days = nearTitleDays.size ? nearTitleDays : daysOf(all.filter((d) => d.index < opts.localDayScanChars));
  if (days.has(found.date)) return found;
  const neighbour = neighbourDays(found.dateTime, found.date).find((day) => days.has(day));
  return neighbour ? { date: neighbour } : found;
}

/**
 * Pages that print only their last update by the headline present that day as the article's date,
 * and readers cite it: when the published day is not printed there and the update day is, the
 * update day is taken.
 */
function printedUpdate(published: ParsedDate, updated: ParsedDate | undefined, shown: () => ShownDates, opts: DateOptions): ParsedDate {
  if (!updated || updated.date === published.date) return published;
  const { nearTitleDays } = shown();
  if (nearTitleDays.has(published.date)) return published;
  const local = localDay(updated, shown, opts);
  return nearTitleDays.has(local.date) ? local : published;
}

type Step = [DateSource, () => ParsedDate | undefined];

/**
 * Markup sources can disagree (JSON-LD says one day, a meta tag or <time> another). The first in
 * order of trust stands unless the page prints another day by its headline and a later markup
 * source gives that printed day.
 */
function printedCandidate(first: [ParsedDate, DateSource], later: Step[], shown: () => ShownDates, opts: DateOptions): [ParsedDate, DateSource] {
  const { nearTitleDays } = shown();
  if (!nearTitleDays.size || nearTitleDays.has(first[0].date)) return first;
  for (const [source, find] of later) {
    const found = find();
    const local = found && localDay(found, shown, opts);
    if (local && nearTitleDays.has(local.date)) return [local, source];
  }
  return first;
}

/**
 * A generic date tag ("date", "DC.date") names no event and is often the day of the last edit: it
 * stands only when the page prints no other day by its headline.
 */
function unlessContradicted(found: ParsedDate | undefined, shown: () => ShownDates, opts: DateOptions): ParsedDate | undefined {
  if (!found) return undefined;
  const { nearTitleDays } = shown();
  return !nearTitleDays.size || nearTitleDays.has(localDay(found, shown, opts).date) ? found : undefined;
}

/**
 * Last resort: the date written most often anywhere in the markup (scripts and attributes included),
 * the earliest on a tie. Catches templates that print the date only inside data attributes or scripts.
 */
function fromMarkup(root: Root, opts: DateOptions, parse: Partial<DateParseOptions>): ParsedDate | undefined {
  const html = ((root.documentElement as unknown as { innerHTML?: string })?.innerHTML ?? '').slice(0, opts.markupScanChars).replace(COPYRIGHT, ' ');
  const counts = new Map<string, number>();
  for (const found of findDates(html, parse)) if (isPlausible(found.date, opts)) counts.set(found.date, (counts.get(found.date) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best ? { date: best[0] } : undefined;
}

interface Walkable {
  nodeType: number;
  nodeName: string;
  nodeValue?: string | null;
  childNodes: ArrayLike<Walkable>;
  getAttribute?(name: string): string | null;
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'SELECT', 'OPTION', QUOTE_TAG]);

function visibleText(body: unknown, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Walkable, inArticle: boolean): void => {
    if (length >= limit) return;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      return;
    }
    const tag = node.nodeName.toUpperCase();
    if (node.nodeType !== 1 || SKIP_TEXT.has(tag)) return;
    const names = tag === 'BODY' ? '' : regionNames(node);
    if (IGNORED_REGION.test(names)) return;
    if (!inArticle && (PAGE_REGION_TAGS.has(tag) || FOOTER_REGION.test(names))) return;
    // linkedom rebuilds childNodes on every read: read it once (quadratic on wide pages otherwise).
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) visit(children[i]!, inArticle || tag === 'ARTICLE');
    parts.push(' ');
  };
  visit(body as Walkable, false);
  return parts.join('').replace(/\s+/g, ' ');
}

/**
 * The publication date of a parsed HTML page, where it came from, and the last update when distinct.
 * @example findPageDates(parseHTML(html).document, { url: 'https://x.org/2023/10/17/a' }).publishedAt
 */
export function findPageDates(root: Root, context: { url?: string; language?: string; jsonLd?: JsonLdObject[] } = {}, options: Partial<DateOptions> = {}): PageDates {
  const opts = { ...DATE_DEFAULTS, ...options };
  const parse: Partial<DateParseOptions> = { slashOrder: !context.language || context.language.startsWith('en') ? 'mdy' : 'dmy' };
  const jsonLd = context.jsonLd ?? readJsonLd(root);
  const updated = fromJsonLd(jsonLd, 'dateModified', opts, parse) ?? fromMeta(root, MODIFIED_META, opts, parse);
  const fromUrl = dateFromUrl(context.url ?? declaredUrl(root), opts);
  let shownMemo: ShownDates | undefined;
  const shown = (): ShownDates => (shownMemo ??= shownDates(root, opts, parse));
  const markupSteps: Step[] = [
    ['json-ld', () => fromJsonLd(jsonLd, 'datePublished', opts, parse) ?? fromJsonLd(jsonLd, 'dateCreated', opts, parse)],
    ['meta', () => fromMeta(root, PUBLISHED_META, opts, parse)],
    ['time-element', () => fromTimeElements(root, opts, parse)],
    ['meta', () => unlessContradicted(fromMeta(root, GENERIC_DATE_META, opts, parse), shown, opts)],
  ];
  const steps: Step[] = [
    ...markupSteps,
    ['url', () => fromUrl],
    ['visible-text', () => fromDateElements(root, opts, parse) ?? fromVisibleText(shown()) ?? fromMarkup(root, opts, parse)],
  ];
  for (const [i, [source, find]] of steps.entries()) {
    const found = find();
    if (!found) continue;
    // A full date in the URL is fixed when the article is first published; markup that disagrees has
    // usually been touched by an update or shifted by a time zone.
    if (fromUrl && fromUrl.date !== found.date && source !== 'url') return { publishedAt: fromUrl.date, dateSource: 'url', ...(updated && updated.date !== fromUrl.date ? { updatedAt: asIso(updated) } : {}) };
    const [date, dateSource] = i < markupSteps.length ? printedCandidate([localDay(found, shown, opts), source], markupSteps.slice(i + 1), shown, opts) : [found, source];
    const local = i < markupSteps.length ? printedUpdate(date, updated, shown, opts) : date;
    const updatedAt = updated && updated.date !== local.date ? asIso(updated) : undefined;
    return { publishedAt: asIso(local), dateSource, ...(updatedAt ? { updatedAt } : {}) };
  }
  if (updated) return { publishedAt: asIso(updated), dateSource: 'meta' };
  return {};
}
