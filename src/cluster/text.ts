// The clustering fast path's text handling: word tokens with sentence starts, a light suffix-stripping
// stemmer and a stopword list. Not linguistics: wink's full pipeline costs ~1 ms/article; this costs ~50 µs.
// Also the two helpers that keep the strings a stream holds small: a pool of shared key strings and a
// copy that does not pin the text it was cut from; and the test for a line that only dates a text.

/** One word of the text as the fast path sees it. */
export interface FastToken {
  /** As written. */
  raw: string;
  /** Lower-cased. */
  lower: string;
  /** True when the token opens a sentence or a line (capitalisation says nothing there). */
  sentenceStart: boolean;
}

/**
 * Words of `text`, in order, with sentence starts marked. Punctuation is dropped; hyphens split words
 * ("15-year-old" = "15 - year - old", so sources that space them differently agree); an apostrophe
 * between letters stays inside ("O'Brien"), and so does a dot between two letters or two digits ("U.S",
 * "5.6"), but not between a letter and a digit ("Dec.14" is a month and a day). A hand-written
 * scanner: a regex costs twice.
 * @example tokenizeFast('He left. Police came.')[2] → { raw: 'Police', lower: 'police', sentenceStart: true }
 */
export function tokenizeFast(text: string): FastToken[] {
  const out: FastToken[] = [];
  let start = true;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c, text, i)) {
      if (c === 46 || c === 33 || c === 63 || c === 10) start = true; // . ! ? newline
      i++;
      continue;
    }
    const from = i;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordChar(d, text, i)) i++;
      else if ((d === 39 || d === 0x2019) && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text, i + 1)) i += 2;
      else if (d === 46 && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text, i + 1) && isDigit(text.charCodeAt(i - 1)) === isDigit(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    let raw = text.slice(from, i);
    // "Reid's" → "Reid"
    const last = raw.charCodeAt(raw.length - 1);
    const before = raw.charCodeAt(raw.length - 2);
    if ((last === 115 || last === 83) && (before === 39 || before === 0x2019)) raw = raw.slice(0, -2);
    if (raw.length > 0) out.push({ raw, lower: raw.toLowerCase(), sentenceStart: start });
    start = false;
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(text[i]!);
}

/**
 * A light English stemmer (plural, -ed, -ing, -ly, -ies): enough to match "quakes"/"quake",
 * "killed"/"kill", "shooting"/"shoot". Leaves short words and numbers alone.
 */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && n > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && n > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && n > 4 && !word.endsWith('eed')) return undouble(word.slice(0, -2));
  if (word.endsWith('ly') && n > 5) return word.slice(0, -2);
  if (word.endsWith('es') && n > 4 && /(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return dropFinalE(word.slice(0, -1));
  }
  return dropFinalE(word);
}

/** "quake" and "quakes" both end as "quak". */
function dropFinalE(word: string): string {
  return word.endsWith('e') && word.length > 4 ? word.slice(0, -1) : word;
}

function undouble(word: string): string {
  const n = word.length;
  if (n >= 3 && word[n - 1] === word[n - 2] && !/[lsz]/.test(word[n - 1] ?? '')) return word.slice(0, -1);
  if (word.endsWith('e') && n > 4) return word.slice(0, -1);
  return word;
}

/** Function words and reporting verbs that say nothing about which event an article covers. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said say says told according also one two three new would could may might must shall its it’s ' +
    'mr mrs ms dr get got go went like many much even still back well since around via per however though ' +
    'yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday week weeks day days ' +
    'year years month months time times last first next ago news report reports reported story people ' +
    'just made make include including including another us our amid among while'
  ).split(/\s+/),
);

export const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    'january february march april may june july august september october november december',
    'jan feb mar apr may jun jul aug sep oct nov dec',
  ].flatMap((line) => line.split(' ').map((name, i) => [name, i + 1] as [string, number])),
);

/**
 * One shared copy of each key string (a term, a name, a figure) across the articles a clusterer keeps.
 * Every article's scan makes its own copy of "police" or "md:11-19"; a stream keeps the features of up
 * to 150 articles per active story and the profiles of thousands of closed ones, so the copies
 * added up to most of its heap (4.2 million strings, 265 MB, at 30,000 generated articles). Keys
 * are compared by value everywhere, so which copy is kept changes no result. The pool forgets
 * everything once it holds `capacity` strings and starts again: bounded, and the copies already
 * shared stay shared.
 */
/** Words of a line that only dates the text ("Jan 05, 2011", "PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM"). */
const DATE_LINE_WORDS: ReadonlySet<string> = new Set(
  `published posted updated last modified on at and am pm a m p gmt utc est edt cst cdt mst mdt pst pdt bst cet cest ist jan feb
  mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december
  mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday st nd rd th`.split(/\s+/),
);

/**
 * A line (or sentence) that only dates the text it opens: words of that kind and figures, nothing
 * else ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT"). Such a line is neither a story's title nor a claim.
 */
export function isDateLine(line: string): boolean {
  return (line.match(/\p{L}+/gu) ?? []).every((w) => DATE_LINE_WORDS.has(w.toLowerCase()));
}

export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly capacity = 500_000) {}

  /** The pool's copy of `s`, which becomes the copy when there is none. */
  intern(s: string): string {
    const kept = this.strings.get(s);
    if (kept !== undefined) return kept;
    if (this.strings.size >= this.capacity) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }

  /** A map with the same entries, its keys taken from the pool. */
  internKeys<V>(map: Map<string, V>): Map<string, V> {
    const out = new Map<string, V>();
    for (const [k, v] of map) out.set(this.intern(k), v);
    return out;
  }

  /** A set with the same members, taken from the pool. */
  internSet(set: Set<string>): Set<string> {
    const out = new Set<string>();
    for (const k of set) out.add(this.intern(k));
    return out;
  }
}

/**
 * A copy of `s` that does not hold on to the text it was cut from. V8 keeps a slice of a string as a
 * view of the whole: an article's first line, kept as its lead, kept its full text alive as long
 * as the article's features were kept.
 */
export function detachedCopy(s: string): string {
  return s.length === 0 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}
