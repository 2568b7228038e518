// What clustering reads from an article: weighted terms, names, figures, dates, title words and a
// MinHash signature, from the fast path or from annotations when the caller has them. No scoring here.
import type { AnnotatedDocument, Document, EntityType } from '../types.ts';
import { minhashSignature, shingleHashes } from './minhash.ts';
import { namesFromCapitals, namesFromEntities } from './names.ts';
import { detachedCopy, isDateLine, MONTHS, STOPWORDS, stem, tokenizeFast, type FastToken, type StringPool } from './text.ts';

/** The article as clustering needs it; build with {@link toClusterInput} or {@link fromAnnotated}. */
export interface ClusterInput {
  id: string;
  title?: string;
  text: string;
  /** ISO date or date-time of publication. */
  publishedAt?: string;
  /** Entity names with their type, when annotation found them; used only where the text's capitals give no names. */
  entities?: { name: string; type?: EntityType }[];
  /** Figures the article states (counts, magnitudes), added to the ones the fast path reads; {@link fromAnnotated} leaves them out. */
  numbers?: number[];
  /** Resolved ISO dates (YYYY-MM-DD, YYYY-MM or YYYY) the article narrates, when annotation found them. */
  dates?: string[];
}

/** The features of one article, computed once when it arrives. */
export interface DocFeatures {
  id: string;
  /** Arrival order, for deterministic tie-breaks. */
  seq: number;
  title?: string;
  /** First words of the text, for a story title when the article has none. */
  lead: string;
  /** Publication day as days since 1970-01-01, when known. */
  day?: number;
  /** Stemmed content words → sublinear weight 1 + ln(count). */
  terms: Map<string, number>;
  /** Names (full and last word) → sublinear weight. */
  names: Map<string, number>;
  /** Surnames of the people the article names (a full name re-mentioned by its last word) → weight. */
  people: Map<string, number>;
  numbers: Set<string>;
  dates: Set<string>;
  titleTerms: Set<string>;
  signature: Uint32Array;
}

/** Cheap: copies the fields clustering reads from a Document. */
export function toClusterInput(doc: Document): ClusterInput {
  return { id: doc.id, title: doc.title, text: doc.text, publishedAt: doc.publishedAt };
}

/**
 * Enriched: also carries entity names and resolved dates from the annotation layers. Not its figures:
 * the fast path reads the figures as written ("$90 million" → 90, years left to the dates), and
 * annotation's scaled values beside them (90000000, "Windows 2000" → 2000) lowered ECB+ dev from 0.967
 * to 0.960 (mean over 8 orders; tuning half 0.970 → 0.955; docs/clustering.md).
 */
export function fromAnnotated(annotated: AnnotatedDocument): ClusterInput {
  const entities = annotated.mentions.filter((m) => !m.titleOnly).map((m) => ({ name: m.name, type: m.type }));
  // A relative date ("on Sunday") means something only against a known publication date.
  const dated = annotated.doc.publishedAt !== undefined;
  // At the precision written: "in 2020" is the year 2020, not 1 January ("md:01-01" in every article).
  const atPrecision = (date: string, precision?: 'day' | 'month' | 'year'): string => (precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date);
  const dates = annotated.times.flatMap((t) => (t.kind === 'date' && t.date && (dated || !t.relative) ? [atPrecision(t.date, t.precision)] : []));
  return { ...toClusterInput(annotated.doc), entities, dates };
}

/** Days since 1970-01-01 of an ISO date or date-time; undefined when it does not parse. */
export function dayOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : undefined;
}

const YEAR = /^(?:19|20)\d\d$/;

/**
 * All features of one article. `numPermutations` is the MinHash signature length. With a `pool`, the
 * keys of its maps and sets are the pool's shared copies (a stream keeps thousands of articles' features).
 */
export function extractFeatures(input: ClusterInput, seq: number, numPermutations: number, shingleSize: number, pool?: StringPool): DocFeatures {
  const tokens = tokenizeFast(input.text);
  const titleTokens = input.title ? tokenizeFast(input.title) : [];
  const terms = new Map<string, number>();
  for (const list of [titleTokens, tokens]) {
    for (const t of list) {
      if (!isContentWord(t.lower)) continue;
      const key = stem(t.lower);
      const count = terms.get(key);
      // A new key is entered as the pool's copy; a repeated one keeps the key it was entered with.
      if (count === undefined) terms.set(pool ? pool.intern(key) : key, 1);
      else terms.set(key, count + 1);
    }
  }
  // Names come from the fast path, on which the weights were measured; annotation's entities stand in
  // only where capitals say nothing (all-caps text, scripts without case). Measured on ECB+ dev:
  // replacing the fast names with annotation's lowered F1 from 0.907 to 0.880, adding them to 0.894.
  const fast = namesFromCapitals(tokens);
  const { names, people } = fast.names.size === 0 && input.entities?.length ? namesFromEntities(input.entities) : fast;
  const numbers = new Set<string>();
  const dates = new Set<string>();
  figuresAndDates(tokens, numbers, dates);
  for (const n of input.numbers ?? []) if (n >= 10 || !Number.isInteger(n)) numbers.add(String(n));
  for (const d of input.dates ?? []) addIsoDate(d, dates);
  sublinear(terms);
  sublinear(names);
  sublinear(people);
  const titleTerms = new Set(titleTokens.filter((t) => isContentWord(t.lower)).map((t) => stem(t.lower)));
  const signature = minhashSignature(shingleHashes(tokens.map((t) => t.lower), shingleSize), numPermutations);
  return {
    id: input.id,
    seq,
    title: input.title,
    lead: leadOf(input.text),
    day: dayOf(input.publishedAt),
    terms,
    names: pool ? pool.internKeys(names) : names,
    people: pool ? pool.internKeys(people) : people,
    numbers: pool ? pool.internSet(numbers) : numbers,
    dates: pool ? pool.internSet(dates) : dates,
    titleTerms: pool ? pool.internSet(titleTerms) : titleTerms,
    signature,
  };
}

/**
 * Weights of the three kinds of keys in article-to-article similarity, shared by the split graph
 * (spectral.ts) and the stray votes (nearest-articles.ts): terms and names 1, figures with dates ½.
 */
export const SIMILARITY_FAMILY_WEIGHTS = { terms: 1, names: 1, figures: 0.5 } as const;

/**
 * The figures and dates family of an article, each key of weight 1: its figures, the dates it
 * narrates, and the year and month it was published (a dateline read into `publishedAt` is no longer
 * in the text, and still says when), keyed as narrated dates are.
 */
export function figureAndDateKeys(doc: Pick<DocFeatures, 'numbers' | 'dates' | 'day'>): Map<string, number> {
  const keys = new Map<string, number>();
  for (const x of doc.numbers) keys.set(`#${x}`, 1);
  for (const x of doc.dates) keys.set(x, 1);
  if (doc.day !== undefined) for (const key of publicationDateKeys(doc.day)) keys.set(key, 1);
  return keys;
}

/** The year and year-month of a publication day, keyed as narrated dates are ("y:2019", "ym:2019-11"). */
export function publicationDateKeys(day: number): [string, string] {
  const iso = new Date(day * 86_400_000).toISOString();
  return [`y:${iso.slice(0, 4)}`, `ym:${iso.slice(0, 7)}`];
}

function sublinear(counts: Map<string, number>): void {
  for (const [k, n] of counts) counts.set(k, 1 + Math.log(n));
}

function isContentWord(lower: string): boolean {
  return lower.length > 1 && !STOPWORDS.has(lower) && !/^\d+(?:[.,]\d+)*$/.test(lower);
}

/**
 * The first line of the text that is more than a date line, at most 90 characters, as a string of
 * its own (not a view of the text): the story's title when no article has one.
 */
function leadOf(text: string): string {
  const lines = text.trim().split('\n', 8);
  const line = lines.find((l) => l.trim() && !isDateLine(l)) ?? lines[0] ?? '';
  return detachedCopy(line.length <= 90 ? line : `${line.slice(0, 87).replace(/\s+\S*$/, '')}…`);
}

/** Figures (≥ 10 or with decimals; years excluded) and dates ("y:2009", "md:01-05", "ym:2009-01"). */
function figuresAndDates(tokens: FastToken[], numbers: Set<string>, dates: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.lower;
    const month = MONTHS.get(w);
    if (month !== undefined && (w.length > 3 || tokens[i]!.raw[0] !== w[0])) {
      const next = tokens[i + 1]?.lower ?? '';
      const day = /^\d{1,2}(?:st|nd|rd|th)?$/.test(next) ? parseInt(next, 10) : NaN;
      if (day >= 1 && day <= 31) dates.add(`md:${pad(month)}-${pad(day)}`);
      const after = day >= 1 ? tokens[i + 2]?.lower : next;
      if (after && YEAR.test(after)) dates.add(`ym:${after}-${pad(month)}`);
      continue;
    }
    if (YEAR.test(w)) {
      dates.add(`y:${w}`);
      continue;
    }
    if (/^\d[\d,]*(?:\.\d+)?$/.test(w)) {
      const value = parseFloat(w.replace(/,/g, ''));
      if (value >= 10 || !Number.isInteger(value)) numbers.add(String(value));
    }
  }
}

function addIsoDate(iso: string, dates: Set<string>): void {
  const [y, m, d] = iso.split('-');
  if (y && YEAR.test(y)) dates.add(`y:${y}`);
  if (y && m) dates.add(`ym:${y}-${m}`);
  if (m && d) dates.add(`md:${m}-${d.slice(0, 2)}`);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
