// Plain text and Markdown articles → Document: a headline first line becomes the title, a leading
// `date YYYY-MM-DD` or a printed dateline above or below the headline ("Published: March 11, 2013,
// 10:34 PM") the publication date, embedded social posts become embeds, not article text, and wire
// or page furniture at either end (a copyright footer, a byline) is dropped.
// It does not guess dates from the body (annotation resolves those against the publication date).
import type { Document, Embed, RawInput } from '../types.ts';
import { findDates, isMonthName } from './date-parse.ts';
import { buildDocument, joinParagraphs, trimFurnitureAtEnds } from './document.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `date 2023-11-05` (or `Date: 2023-11-05`) at the very start of the file, possibly followed by text on the same line. */
const DATE_LINE = /^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/i;
/** `— NEWSMAX (@NEWSMAX) October 17, 2023`: the signature line of an embedded social post. */
const POST_SIGNATURE = /^\s*[—–-]{1,2}\s*(.+?)\s*\(@(\w{1,30})\)\s+([A-Z][a-z]+)\s+(\d{1,2}),\s+(\d{4})\s*$/;
const TRAILING_URL = /(https?:\/\/\S+|pic\.twitter\.com\/\S+)\s*$/;

export interface TextReadOptions {
  /** Longest first line (in words) still read as a headline. */
  maxTitleWords: number;
}

export const TEXT_READ_DEFAULTS: TextReadOptions = { maxTitleWords: 24 };

/** Read a plain-text or Markdown article. */
export function extractText(raw: RawInput, source: string, options: Partial<TextReadOptions> = {}): Document {
  const opts = { ...TEXT_READ_DEFAULTS, ...options };
  const markdown = /\.(md|markdown)(\.gz)?$/i.test(raw.name);
  let body = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');

  let publishedAt = raw.hints?.publishedAt;
  let dateSource = raw.hints?.dateSource;
  const dateLine = DATE_LINE.exec(body);
  if (dateLine?.[1] && isValidDay(dateLine[1])) {
    publishedAt = dateLine[1];
    dateSource = 'date-line';
    body = body.slice(dateLine[0].length);
  }

  const lines = body.split('\n');
  const { kept, embeds } = separateEmbeds(lines);
  // A dateline above or below the headline is metadata, not text: its line is emptied (so that the
  // headline is not joined with it as a wrapped line) and its earliest date is the publication date.
  const printed = takeDatelines(kept);
  if (publishedAt === undefined && printed !== undefined) {
    publishedAt = printed;
    dateSource = 'visible-text';
  }
  const blocks = toParagraphs(kept, markdown, (line) => readsAsHeadline(line, markdown, opts));

  let title = raw.hints?.title;
  const first = blocks[0];
  // A headline with nothing under it is the article's only text: kept as text, not taken as a title.
  if (first !== undefined && blocks.length > 1 && readsAsHeadline(first, markdown, opts)) {
    title ??= stripMarkdown(first.replace(/^#+\s*/, ''));
    blocks.shift();
    // Some pages repeat the headline as the first line of the body.
    while (blocks[0] !== undefined && normalise(stripMarkdown(blocks[0].replace(/^#+\s*/, ''))) === normalise(title)) blocks.shift();
  }

  return buildDocument(raw, joinParagraphs(trimFurnitureAtEnds(blocks).map((b) => (markdown ? stripMarkdown(b) : b))), {
    title,
    publishedAt,
    dateSource,
    embeds,
  });
}

/** Non-empty lines at the top of an article searched for datelines (headline, byline, dateline, standfirst). */
const DATELINE_LINES = 6;

/** Empty the dateline lines among the first {@link DATELINE_LINES} non-empty lines; their earliest date. */
function takeDatelines(lines: string[]): string | undefined {
  const dates: string[] = [];
  for (let i = 0, seen = 0; i < lines.length && seen < DATELINE_LINES; i++) {
    if (lines[i]!.trim() === '') continue;
    seen++;
    const found = datelineDates(lines[i]!);
    if (!found) continue;
    dates.push(...found);
    lines[i] = '';
  }
  return dates.sort()[0];
}

/** Words a dateline holds besides its date: labels, weekdays, times of day, time zones, ordinals. */
const DATELINE_WORDS = new Set(
  ('published posted updated last modified first date on at am pm a m p hrs h uhr gmt bst utc et est edt ct cst cdt mt mst mdt ' +
    'pt pst pdt cet cest eet eest ist jst aest aedt st nd rd th monday tuesday wednesday thursday friday saturday sunday ' +
    'mon tue tues wed thu thur thurs fri sat sun').split(' '),
);

/**
 * The dates of a line that is only a dateline ("PUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM",
 * "9 September 2013 Last updated at 14:39 GMT", "04 / 04 / 2012"), else undefined. A sentence that
 * mentions a date ("Reid checked in on Tuesday, December 9, 2008.") is not a dateline: every word
 * beside the date must be a label, a weekday, a time or a time zone. Numeric dates that read both
 * ways (05/04/2023) are not taken.
 */
export function datelineDates(text: string): string[] | undefined {
  if (text.length > 100) return undefined;
  const line = text.replace(/\s*([/:])\s*/g, '$1');
  const dates = findDates(line).filter((d) => d.otherReading === undefined);
  if (dates.length === 0) return undefined;
  const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (!words.every((w) => DATELINE_WORDS.has(w) || isMonthName(w))) return undefined;
  return dates.map((d) => d.date);
}

function separateEmbeds(lines: string[]): { kept: string[]; embeds: Embed[] } {
  const kept: string[] = [];
  const embeds: Embed[] = [];
  lines.forEach((line, i) => {
    const sig = POST_SIGNATURE.exec(line);
    const month = sig ? MONTHS.indexOf((sig[3] ?? '').toLowerCase()) : -1;
    if (!sig || month < 0) {
      kept.push(line);
      return;
    }
    // The post's own text is the previous non-empty line when it ends with the post's link.
    let postText = '';
    let url: string | undefined;
    for (let k = kept.length - 1; k >= 0; k--) {
      const prev = kept[k] ?? '';
      if (prev.trim() === '') continue;
      const link = TRAILING_URL.exec(prev);
      if (link) {
        postText = prev.slice(0, link.index).trim();
        url = link[1];
        kept.splice(k, 1);
      }
      break;
    }
    const date = `${sig[5]}-${String(month + 1).padStart(2, '0')}-${String(sig[4]).padStart(2, '0')}`;
    embeds.push({ kind: 'social-post', text: postText, author: sig[1], handle: sig[2], date: isValidDay(date) ? date : undefined, url, line: i + 1 });
  });
  return { kept, embeds };
}

/**
 * Paragraphs of a text file. Blank lines separate paragraphs; inside a block, lines that look
 * hard-wrapped (short, not ending a sentence) are joined, other line breaks start a new paragraph, and
 * so does the line after a headline first line.
 */
function toParagraphs(lines: string[], markdown: boolean, readsAsHeadline: (line: string) => boolean): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === '') {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    // The file's first line, read as a headline, is not wrapped into a next line that opens a sentence.
    // (A hard-wrapped first line that stops on "the" or "of" is not a headline.)
    const headline = paragraphs.length === 0 && current.length === 1 && /^[\p{Lu}\d"“‘']/u.test(line) && !OPEN_ENDING.test(previous!) && readsAsHeadline(previous!);
    const wrapped = previous !== undefined && !headline && previous.length >= 40 && previous.length <= 100 && !/[.!?:"”')\]]$/.test(previous) && !(markdown && /^([-*+]|\d+\.|#)\s/.test(line));
    if (previous !== undefined && !wrapped) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

/** A line ending on a word that needs a next one: a wrapped line, not a headline. */
const OPEN_ENDING = /\b(?:a|an|the|of|in|on|at|to|for|and|or|with|by|from|that|as)$/i;

function readsAsHeadline(line: string, markdown: boolean, opts: TextReadOptions): boolean {
  if (markdown && /^#\s/.test(line)) return true;
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > opts.maxTitleWords) return false;
  if (/[.!,;]$/.test(line) && !/\.\.\.$/.test(line)) return false;
  // A headline has most content words capitalised, or is short and has no sentence end.
  const content = words.filter((w) => /^[A-Za-z]/.test(w) && w.length > 3);
  const capitalised = content.filter((w) => /^[A-Z]/.test(w)).length;
  return content.length === 0 || capitalised / content.length >= 0.5 || words.length <= 12;
}

function stripMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\s)[*_](\S.*?\S|\S)[*_](?=\s|[.,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '');
}

function normalise(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/\W+/g, ' ').trim();
}

function isValidDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
