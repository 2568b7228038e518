// Finds dates and durations and resolves them against the publication date: chrono-node reads expressions, own rules pick the
// direction (a past "on Monday" goes back), years and durations chrono lacks. It does not judge staleness (analyze does).
import * as chrono from 'chrono-node';
import type { Sentence, TimeMention, Token } from '../types.ts';
import { parseNumeral, wordToNumber } from './numbers.ts';

export interface TimeOptions {
  /** A yearless date landing more than this many days after publication, in a past-tense sentence, is last year's. */
  futureToleranceDays: number;
  /** Tie a duration to the latest explicit date earlier in the article when the sentence refers back to it. */
  anchorToEarlierDate: boolean;
  /** Longest text between a duration and the date it runs from ("ten days of bombing since the October 7"). */
  anchorGapChars: number;
  /**
   * Without a publication date: the year for "October 7" when the article states no full date either
   * (the caller may know it from an embedded post or the story). Never used to resolve "on Monday".
   */
  yearHint?: number;
  /** Days per unit for durations ("20 months" → 600). */
  unitDays: Record<string, number>;
}

export const DEFAULT_TIME_OPTIONS: TimeOptions = {
  futureToleranceDays: 28,
  anchorToEarlierDate: true,
  anchorGapChars: 60,
  unitDays: { hour: 1 / 24, day: 1, night: 1, week: 7, fortnight: 14, month: 30, year: 365, decade: 3650 },
};

const DAY_MS = 86_400_000;
/** Cheap tests before running chrono: a sentence without any of these holds no date chrono would give us. */
const CANDIDATE = /\b(?:today|tonight|yesterday|tomorrow|ago|weekend|(?:this|last|next|past|coming)\s+(?:week|month|year|morning|afternoon|evening|night))\b|\b\d{1,4}[/.-]\d{1,2}\b/i;
/** Month and weekday names count only capitalised (lower-case "may" and "march" are verbs). */
const CANDIDATE_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)(?:day|DAY)\b/;
const MONTH_NAME = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
/** Words that make a bare month name a date ("in March") rather than a verb or a name ("May said"). */
const MONTH_LEADS = new Set(['in', 'since', 'until', 'till', 'by', 'from', 'during', 'early', 'late', 'mid', 'mid-', 'last', 'next', 'this', 'of', 'before', 'after', 'through', 'between', 'and', 'to', 'end', 'beginning', 'throughout']);
/** chrono readings that are not dates of events. */
const DROPPED = new Set(['now', 'right now', 'just now', 'sec', 'second']);
/** Words before "this month", "this week" that belong to the expression. */
const SPAN_PREFIX = /(?:\b(?:earlier|later|early|late|mid|last|this|next|end of|the end of|beginning of|the beginning of|start of|the start of)[\s-]+)$/i;
/** A capitalised word beside a weekday makes it a name: "Sunday Times", "Good Friday", "Super Tuesday". */
const WEEKDAY_IN_NAME = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/i;

/** Future or planned clause cues: a weekday in such a clause resolves forwards. */
const FUTURE_CUES: string[][] = [
  ['will'], ["'ll"], ['shall'], ['set', 'to'], ['plan', 'to'], ['plans', 'to'], ['planning', 'to'], ['planned'],
  ['scheduled'], ['expected', 'to'], ['due', 'to', 'be'], ['due', 'to', 'take'], ['is', 'to'], ['are', 'to'],
  ['going', 'to'], ['would'], ['intends', 'to'], ['aims', 'to'], ['to', 'take', 'place'],
];
/** Words that belong to a verb group whatever their tag ("are set to", "is due to", "are scheduled to"). */
const GROUP_WORDS = new Set(['set', 'due', 'expected', 'scheduled', 'planned', 'plans', 'plan', 'going', 'likely', 'about']);
const MAX_GROUP = 5;
const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '(', ')', 'that', 'while', 'but', 'although', 'whereas', 'because']);
const REFERS_BACK = /\b(?:these|those|the|that|this)\s+(?:attacks?|strikes?|assaults?|raids?|offensive|incursions?|invasion|massacres?|bombings?|events?|killings?)\b|\bsince then\b|\bin response\b|\bafterwards?\b/i;
const DURATION = /\b(?:(?:the\s+)?(past|last|next|coming)\s+)?(a|an|one|several|a few|few|\d+(?:\.\d+)?|(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[\s-]?)+)[\s-](hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?)\b(?!-old)(?!\s+(?:ago|later|earlier|before|old|from now)\b)/gi;
const DURATION_UNIT = /(?:hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?)$/i;
const UNIT_WORD = /\b(?:hours?|days?|weeks?|fortnights?|months?|years?|decades?)\b/i;
const ANCHORED_TO_NOW = /\b(?:ago|last|next|this|past|coming|yesterday|today|tomorrow|tonight)\b/i;
const YEAR = /\b(in|since|by|until|till|from|during|before|after|through|early|late|mid-?|throughout)\s+((?:1[89]|20)\d\d)\b(?![-/]?\d)/gi;

type Direction = 'back' | 'forward';

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(a + 'T00:00:00Z') - Date.parse(b + 'T00:00:00Z')) / DAY_MS);
}

/** Publication date as YYYY-MM-DD, or undefined when absent or unreadable. */
function publicationDay(publishedAt: string | undefined): string | undefined {
  if (!publishedAt) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * Whether the verb governing [start, end) of a sentence speaks of something planned or future.
 * The governing verb is the nearest verb before the expression in its clause ("talks are set to take place on
 * Monday"), else the first after it, else the first verb of the next clause, else of the sentence.
 * @example directionAt(sentence, start, end) === 'forward' // for "on Monday" in "Talks are set to take place on Monday"
 */
export function directionAt(sentence: Sentence, start: number, end: number): Direction {
  const { tokens } = sentence;
  const isVerb = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';
  let from = 0;
  let to = tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!CLAUSE_BREAKS.has(t.text.toLowerCase())) continue;
    if (t.end <= start) from = i + 1;
    else if (t.start >= end && i < to) to = i;
  }
  const at = tokens.findIndex((t) => t.start >= start);
  const split = at < 0 ? to : Math.max(from, Math.min(at, to));
  // "the upcoming Monday", "his next court hearing April 19"
  if (tokens.slice(Math.max(from, split - 4), split).some((t) => /^(?:upcoming|coming|next)$/i.test(t.text))) return 'forward';
  let verb = -1;
  for (let i = split - 1; i >= from && verb < 0; i--) if (isVerb(tokens[i]!)) verb = i;
  for (let i = split; i < to && verb < 0; i++) if (tokens[i]!.start >= end && isVerb(tokens[i]!)) verb = i;
  for (let i = to; i < tokens.length && verb < 0; i++) if (isVerb(tokens[i]!)) verb = i;
  for (let i = 0; i < tokens.length && verb < 0; i++) if (isVerb(tokens[i]!)) verb = i;
  if (verb < 0) return 'back';
  return hasFutureCue(verbGroup(tokens, verb)) ? 'forward' : 'back';
}

/** Words of the verb group around token `v`: "are set to take", "will be held", "plans to travel". */
function verbGroup(tokens: Token[], v: number): string[] {
  const inGroup = (t: Token | undefined) => t !== undefined && (['AUX', 'VERB', 'PART', 'ADV'].includes(t.pos) || GROUP_WORDS.has(t.text.toLowerCase()));
  let a = v;
  let b = v;
  while (a > 0 && v - a < MAX_GROUP && inGroup(tokens[a - 1])) a--;
  while (b + 1 < tokens.length && b - v < MAX_GROUP && inGroup(tokens[b + 1])) b++;
  return tokens.slice(a, b + 1).map((t) => t.text.toLowerCase());
}

function hasFutureCue(words: string[]): boolean {
  for (const cue of FUTURE_CUES) {
    for (let i = 0; i + cue.length <= words.length; i++) {
      if (cue.every((w, k) => words[i + k] === w) && words[i + cue.length] !== 'blame') return true; // "is to blame" is no plan
    }
  }
  return false;
}

function weekdayDate(ref: string, weekday: number, direction: Direction, strict: boolean): string {
  const refDay = new Date(ref + 'T00:00:00Z').getUTCDay();
  let delta = direction === 'back' ? -((refDay - weekday + 7) % 7) : (weekday - refDay + 7) % 7;
  if (delta === 0 && strict) delta = direction === 'back' ? -7 : 7;
  return addDays(ref, delta);
}

interface Draft extends TimeMention {
  /** Explicit month/day without a stated year: the year is decided after the whole document is read. */
  yearless?: { month: number; day?: number };
  /** For a duration: the dated event it runs from; its end date is set once that date is known. */
  anchor?: Draft;
}

function resolveYearless(d: Draft, year: number, ref: string | undefined, direction: Direction, opts: TimeOptions): string {
  const { month, day } = d.yearless!;
  let y = year;
  if (ref && day !== undefined) {
    const delta = daysBetween(iso(y, month, day), ref);
    if (direction === 'back' && delta > opts.futureToleranceDays) y--;
    else if (direction === 'forward' && delta < -opts.futureToleranceDays) y++;
  } else if (ref) {
    // A month alone: a past "in November" in an October article is last year's; a planned "in March" in May, next year's.
    const refMonth = Number(ref.slice(5, 7));
    if (direction === 'back' && month > refMonth) y--;
    else if (direction === 'forward' && month < refMonth) y++;
  }
  return iso(y, month, day ?? 1);
}

/** chrono's expression trimmed to the date itself, or undefined when it is no date of an event. */
function cleanExpression(r: chrono.ParsedResult, sentence: Sentence, base: number): { text: string; index: number } | undefined {
  let text = r.text.replace(/[\s,.;:)]+$/, '');
  let index = r.index + base;
  const c = r.start;
  const has = (k: 'day' | 'month' | 'year' | 'weekday') => c.isCertain(k);
  if (DROPPED.has(text.toLowerCase())) return undefined;
  if (/^\d{1,2}\/\d{1,2}$/.test(text)) return undefined; // "9/11", "24/7", "10/7": names, or day and month in unknown order
  if (/^(?:the\s+)?(?:past|last|next|coming)\s+\S+\s+\w+$/i.test(text) && DURATION_UNIT.test(text)) return undefined; // a duration
  // A length of time is a duration ("for three weeks", "after four days"), not a date counted from publication,
  // unless it is anchored to publication ("two weeks ago", "last month", "this year").
  if (UNIT_WORD.test(text) && !ANCHORED_TO_NOW.test(text)) return undefined;
  if (/\b(?:seconds?|minutes?|later|earlier)\b/i.test(text)) return undefined; // "four seconds later", "every last minute"
  // Keep the date, not the clock time chrono glues to it ("10:24 a.m. Friday", "July 25, 2005, 12: 18 AM").
  const lead = /^(?:(?:at\s+)?\d{1,2}(?::\s?\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s+)?(?:on|in|at|of)?\s*/i.exec(text);
  if (lead && lead[0].length > 0 && lead[0].length < text.length) {
    index += lead[0].length;
    text = text.slice(lead[0].length);
  }
  text = text.replace(/((?:19|20)\d\d)(?:,?\s*(?:at\s+)?\d{1,2}(?::\s?\d{2})?\s*(?:[ap]\.?\s?m\.?)?)$/i, '$1');
  if (/^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b/.test(text)) return undefined; // lower-case: "who was wed"
  const weekPhrase = /\b(?:this|last|next|past|coming)\s+week(?:end)?\b/i.test(text);
  if (!has('day') && !has('month') && !has('year') && !has('weekday') && !weekPhrase) return undefined; // a clock time alone
  if (has('day') && !has('month') && !has('weekday') && !r.tags().has('result/relativeDate') && !/yesterday|today|tomorrow|tonight|ago|morning|evening|night|afternoon/i.test(text)) {
    return undefined; // "the 7th"
  }
  if (/^[a-z]/.test(text) && /\b(?:may|march)\b/.test(text) && !has('day') && !has('year')) return undefined; // verbs
  const glued = /(?:mid|early|late)-$/i.exec(sentence.text.slice(0, index))?.[0] ?? '';
  const before = glued || (/(\S+)\s+$/.exec(sentence.text.slice(0, index))?.[1] ?? '');
  if (MONTH_NAME.test(text) && !MONTH_LEADS.has(before.toLowerCase().replace(/-$/, ''))) return undefined;
  if (has('weekday') && !has('day') && WEEKDAY_IN_NAME.test(text)) {
    const after = /^\s+(\S+)/.exec(sentence.text.slice(index + text.length))?.[1] ?? '';
    const isName = (w: string) => /^\p{Lu}/u.test(w) && !MONTH_NAME.test(w.replace(/[,.]$/, '')) && !/^(?:From|Early|Late)$/.test(w);
    if (!/^(?:on|by|since|until|last|next|this)$/i.test(before) && (isName(after) || (isName(before) && !/[,;:]$/.test(before)))) return undefined;
  }
  const prefix = SPAN_PREFIX.exec(sentence.text.slice(0, index));
  if (prefix && /^(?:this|last|next)\s+(?:week|month|year)|^[A-Z]/i.test(text)) {
    index -= prefix[0].length;
    text = prefix[0] + text;
  }
  return { text, index };
}

/** Resolve one cleaned chrono reading: a weekday by tense, a casual expression from publication, an explicit date by year rule. */
function resolveExpression(r: chrono.ParsedResult, mention: Draft, sentence: Sentence, ref: string | undefined, opts: TimeOptions): void {
  const c = r.start;
  const has = (k: 'day' | 'month' | 'year' | 'weekday') => c.isCertain(k);
  const { text } = mention;
  const direction = directionAt(sentence, mention.start, mention.end);
  const casualRelative = [...r.tags()].some((tag) => tag.startsWith('casualReference') || tag === 'result/relativeDate') ||
    /\b(?:this|last|next|ago|yesterday|today|tomorrow|tonight)\b/i.test(text);
  if (has('weekday') && !has('day')) {
    mention.relative = true;
    mention.precision = 'day';
    const explicit: Direction | undefined = /\blast\b|\bpast\b/i.test(text) ? 'back' : /\bnext\b|\bcoming\b/i.test(text) ? 'forward' : undefined;
    const since = /\bsince\s+$/i.test(sentence.text.slice(0, mention.start - sentence.start)); // "since Monday" looks back
    if (ref) mention.date = weekdayDate(ref, c.get('weekday') ?? 0, explicit ?? (since ? 'back' : direction), explicit !== undefined);
  } else if (casualRelative) {
    mention.relative = true;
    const weekPhrase = /\bweek(?:end)?\b/i.test(text);
    const ago = /\bago\b/i.test(text) ? (/\bmonths?\b/i.test(text) ? 'month' : /\byears?\b/i.test(text) ? 'year' : 'day') : undefined;
    // "a year ago" is a year before publication, not January of that year
    mention.precision = ago ?? (has('day') || weekPhrase ? 'day' : has('month') ? 'month' : 'year');
    if (ref) {
      const m = mention.precision === 'year' && !ago ? 1 : (c.get('month') ?? 1);
      const d = mention.precision === 'day' || ago ? (c.get('day') ?? 1) : 1;
      mention.date = iso(c.get('year') ?? 0, m, d);
    }
  } else {
    mention.precision = has('day') ? 'day' : has('month') ? 'month' : 'year';
    const month = c.get('month') ?? 1;
    const day = mention.precision === 'day' ? (c.get('day') ?? 1) : undefined;
    if (has('year')) mention.date = iso(c.get('year') ?? 0, mention.precision === 'year' ? 1 : month, day ?? 1);
    else if (mention.precision !== 'year') {
      mention.yearless = day === undefined ? { month } : { month, day };
      if (ref) mention.date = resolveYearless(mention, Number(ref.slice(0, 4)), ref, direction, opts);
    }
  }
}

function chronoMentions(sentence: Sentence, ref: string | undefined, opts: TimeOptions): Draft[] {
  const instant = new Date((ref ?? '2000-01-01') + 'T12:00:00Z');
  const out: Draft[] = [];
  const results: { r: chrono.ParsedResult; base: number }[] = chrono.en.casual.parse(sentence.text, { instant, timezone: 0 }).map((r) => ({ r, base: 0 }));
  for (let i = 0; i < results.length; i++) {
    const { r, base } = results[i]!;
    // chrono loses the date of "the night of October 7"; read the part after "of" again.
    const partOfDay = /^(?:morning|afternoon|evening|night) of /i.exec(r.text);
    if (partOfDay && !r.start.isCertain('day') && !r.start.isCertain('weekday')) {
      const offset = base + r.index + partOfDay[0].length;
      const rest = sentence.text.slice(offset, base + r.index + r.text.length);
      results.splice(i + 1, 0, ...chrono.en.casual.parse(rest, { instant, timezone: 0 }).map((inner) => ({ r: inner, base: offset })));
      continue;
    }
    const clean = cleanExpression(r, sentence, base);
    if (!clean) continue;
    const start = sentence.start + clean.index;
    const mention: Draft = { start, end: start + clean.text.length, text: clean.text, sentence: sentence.index, kind: 'date', relative: false };
    resolveExpression(r, mention, sentence, ref, opts);
    out.push(mention);
  }
  return out;
}

function yearMentions(sentence: Sentence, taken: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const m of sentence.text.matchAll(YEAR)) {
    const lead = m[1] ?? '';
    const start = sentence.start + (m.index ?? 0) + lead.length + (m[0].length - lead.length - (m[2] ?? '').length);
    const end = start + (m[2] ?? '').length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    out.push({ start, end, text: m[2] ?? '', sentence: sentence.index, kind: 'date', date: `${m[2]}-01-01`, precision: 'year', relative: false });
  }
  return out;
}

function durationDays(count: string, unit: string, opts: TimeOptions): number | undefined {
  const c = count.toLowerCase().trim();
  const n = c === 'a' || c === 'an' ? 1 : c === 'several' ? 3 : c === 'a few' || c === 'few' ? 3 : (parseNumeral(c) ?? wordToNumber(c));
  const key = unit.toLowerCase().replace(/s$/, '');
  const per = Object.hasOwn(opts.unitDays, key) ? opts.unitDays[key] : undefined;
  if (n === undefined || per === undefined) return undefined;
  return Math.round(n * per * 1000) / 1000;
}

function durationMentions(sentence: Sentence, taken: Draft[], ref: string | undefined, opts: TimeOptions, earlier: Draft | undefined): Draft[] {
  const out: Draft[] = [];
  for (const m of sentence.text.matchAll(DURATION)) {
    const start = sentence.start + (m.index ?? 0);
    const end = start + m[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    const days = durationDays(m[2] ?? '', m[3] ?? '', opts);
    if (days === undefined) continue;
    const mention: Draft = { start, end, text: m[0], sentence: sentence.index, kind: 'duration', days, relative: false };
    const before = sentence.text.slice(0, m.index ?? 0);
    const window = m[1]?.toLowerCase();
    // "ten days of bombing since the October 7 attack", "two weeks after 9 May": the duration runs from that date.
    const anchor = taken.find((t) => {
      if (t.kind !== 'date' || t.relative || t.precision !== 'day' || t.start < end) return false;
      const gap = sentence.text.slice(end - sentence.start, t.start - sentence.start);
      return gap.length <= opts.anchorGapChars && /\b(?:after|since|following|from)\b/i.test(gap);
    });
    if (window === 'past' || window === 'last' || /\b(?:has|have) been\b[^,;]*\bfor\s+(?:\w+\s+)?$/i.test(before)) {
      // "over the past ten days", "has been fighting for nearly 20 months": the span ends at publication.
      mention.relative = true;
      if (ref) mention.date = ref;
    } else if (anchor) {
      mention.anchor = anchor;
    } else if (opts.anchorToEarlierDate && earlier && REFERS_BACK.test(sentence.text)) {
      mention.anchor = earlier;
    }
    if (mention.date) mention.precision = 'day';
    out.push(mention);
  }
  return out;
}

/**
 * Find the dates and durations of a document's sentences, resolved against `publishedAt` (noon UTC).
 * Without `publishedAt`, relative expressions ("on Monday", "yesterday") carry no date.
 * @example findTimes(splitSentences('Putin spoke on Monday.'), '2023-10-18')[0].date === '2023-10-16'
 */
export function findTimes(sentences: Sentence[], publishedAt?: string, options: Partial<TimeOptions> = {}): TimeMention[] {
  const opts: TimeOptions = { ...DEFAULT_TIME_OPTIONS, ...options };
  const ref = publicationDay(publishedAt);
  const drafts: Draft[] = [];
  let earlier: Draft | undefined;
  for (const sentence of sentences) {
    const chronoCandidate = CANDIDATE.test(sentence.text) || CANDIDATE_NAME.test(sentence.text);
    if (!chronoCandidate && !/\d|hour|day|night|week|month|year|decade|fortnight/i.test(sentence.text)) continue;
    const dates = chronoCandidate ? chronoMentions(sentence, ref, opts) : [];
    dates.push(...yearMentions(sentence, dates));
    const durations = durationMentions(sentence, dates, ref, opts, earlier);
    const all = [...dates, ...durations].sort((a, b) => a.start - b.start);
    drafts.push(...all);
    for (const d of dates) if (!d.relative && d.precision === 'day' && (d.date || d.yearless)) earlier = d;
  }
  if (!ref) {
    // No publication date: a yearless date takes the year of a full date the article states, if any.
    const full = drafts.find((d) => !d.relative && d.date && !d.yearless && d.precision !== 'year');
    const year = full?.date ? Number(full.date.slice(0, 4)) : opts.yearHint;
    if (year !== undefined) for (const d of drafts) if (d.yearless) d.date = iso(year, d.yearless.month, d.yearless.day ?? 1);
  }
  for (const d of drafts) {
    if (d.anchor?.date && d.days !== undefined) {
      d.date = addDays(d.anchor.date, d.days);
      d.precision = 'day';
    }
  }
  return drafts.map(({ yearless, anchor: _a, ...mention }) => (yearless && mention.date ? { ...mention, yearInferred: true } : mention));
}
