// Finds stated figures ("over 1,300 Israeli lives", "$5 million", "2.5%", "a dozen") with qualifier, unit and counted noun;
// not years, dates, clock times, identifiers or vague plurals ("thousands of"). Own code: no npm parser reads news figures.
import type { NumberMention, Qualifier, Sentence, Token } from '../types.ts';

export interface NumberOptions {
  /** Adjectives and demonyms allowed between a figure and the noun it counts ("1,300 Israeli lives"). */
  maxModifiers: number;
  /** Four-digit integers in this range, standing alone, are years, not counts. */
  yearRange: [number, number];
}

export const DEFAULT_NUMBER_OPTIONS: NumberOptions = { maxModifiers: 3, yearRange: [1800, 2100] };

/** A lookup table without Object.prototype, so that a token such as "constructor" finds nothing. */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const UNITS: Record<string, number> = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const MULTIPLIERS: Record<string, number> = table({
  dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
});
/** Scale words and abbreviations written after digits ("2.5 million", "1.2bn", "$5m"). */
const SCALES: Record<string, number> = table({
  ...MULTIPLIERS, k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
});
/** Abbreviations that are a scale only when glued to the digits or after a currency sign. */
const GLUED_SCALES = new Set(['k', 'm', 'b']);

const CURRENCY_SIGNS: Record<string, string> = table({
  $: 'USD', us$: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', '₪': 'ILS', '₽': 'RUB', a$: 'AUD', c$: 'CAD', hk$: 'HKD',
  usd: 'USD', eur: 'EUR', gbp: 'GBP', rs: 'INR', 'rs.': 'INR', inr: 'INR', nis: 'ILS', chf: 'CHF', jpy: 'JPY', cny: 'CNY', rub: 'RUB',
});
const CURRENCY_WORDS: Record<string, string> = table({
  dollar: 'USD', dollars: 'USD', usd: 'USD', euro: 'EUR', euros: 'EUR', eur: 'EUR', gbp: 'GBP', sterling: 'GBP',
  yen: 'JPY', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB', shekel: 'ILS', shekels: 'ILS',
  rupee: 'INR', rupees: 'INR', yuan: 'CNY', chf: 'CHF', nis: 'ILS', inr: 'INR', jpy: 'JPY', cny: 'CNY', rub: 'RUB',
  aud: 'AUD', cad: 'CAD', francs: 'CHF',
});
const MEASURE_UNITS: Record<string, string> = table({
  '%': 'percent', percent: 'percent', pct: 'percent', km: 'km', kilometre: 'km', kilometres: 'km',
  kilometer: 'km', kilometers: 'km', mile: 'miles', miles: 'miles', metre: 'm', metres: 'm', meter: 'm', meters: 'm',
  kg: 'kg', kilogram: 'kg', kilograms: 'kg', kilo: 'kg', kilos: 'kg', tonne: 'tonnes', tonnes: 'tonnes',
  ton: 'tonnes', tons: 'tonnes', hectare: 'hectares', hectares: 'hectares', acre: 'acres', acres: 'acres',
  mm: 'mm', millimetre: 'mm', millimetres: 'mm', millimeter: 'mm', millimeters: 'mm', cm: 'cm', centimetre: 'cm',
  centimetres: 'cm', centimeter: 'cm', centimeters: 'cm', foot: 'feet', feet: 'feet', ft: 'feet', degree: 'degrees', degrees: 'degrees', litre: 'litres', litres: 'litres',
  liter: 'litres', liters: 'litres', barrel: 'barrels', barrels: 'barrels', minute: 'minutes', minutes: 'minutes', min: 'minutes', mins: 'minutes',
  hour: 'hours', hours: 'hours', day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months',
  months: 'months', year: 'years', years: 'years', decade: 'decades', decades: 'decades',
});

/** Qualifier phrases, longest first, as lower-case token sequences before the figure. */
/** Words before a figure and the qualifier they give it, longest phrases first. */
export const QUALIFIERS: [string[], Qualifier][] = [
  [['no', 'more', 'than'], 'at most'], [['no', 'fewer', 'than'], 'at least'], [['no', 'less', 'than'], 'at least'],
  [['as', 'many', 'as'], 'up to'], [['as', 'much', 'as'], 'up to'], [['in', 'excess', 'of'], 'over'],
  [['more', 'than'], 'over'], [['upwards', 'of'], 'over'], [['at', 'least'], 'at least'], [['fewer', 'than'], 'under'],
  [['less', 'than'], 'under'], [['at', 'most'], 'at most'], [['up', 'to'], 'up to'], [['an', 'estimated'], 'about'],
  [['close', 'to'], 'nearly'], [['just', 'over'], 'over'], [['well', 'over'], 'over'], [['just', 'under'], 'under'],
  [['over'], 'over'], [['above'], 'over'], [['exceeding'], 'over'], [['nearly'], 'nearly'], [['almost'], 'nearly'],
  [['about'], 'about'], [['around'], 'about'], [['some'], 'about'], [['approximately'], 'about'],
  [['roughly'], 'about'], [['estimated'], 'about'], [['approx.'], 'about'], [['~'], 'about'],
  [['under'], 'under'], [['below'], 'under'],
];

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
const TIME_SUFFIXES = new Set(['am', 'pm', 'a.m.', 'p.m.', 'a.m', 'p.m', "o'clock", 'gmt', 'utc', 'bst', 'est', 'et', 'cet', 'hrs', 'local']);
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'by', 'until', 'till', 'from', 'during', 'of', 'before', 'after', 'early', 'late', 'mid', 'through', 'to', 'and', 'between', 'the']);
/** Words before "one" that make it a pronoun ("no one", "the one who"). */
const ONE_PRONOUN_BEFORE = new Set(['no', 'the', 'this', 'that', 'every', 'any', 'each', 'which', 'someone', 'anyone', 'everyone']);
const ID_MARKERS = new Set(['no.', 'no', 'nos.', 'number', '#', 'nr.', 'vol.', 'p.', 'pp.']);
/** Plurals of scale words are vague amounts ("thousands of people"), not figures. */
const VAGUE_PLURALS = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'scores', 'tens']);
const DASHES = new Set(['-', '–', '—']);
const URL_OR_HANDLE = /(?:https?:\/\/|www\.)\S+|[@#][\w.]+|\S+@\S+\.\w+/gi;

interface Parsed {
  value: number;
  /** Index after the last token of the figure itself (digits, number words, scale). */
  end: number;
  digits: string;
}

/**
 * Value of number words: "twenty-five" → 25, "a dozen" → 12, "two thousand five hundred" → 2500.
 * @example wordToNumber(['one', 'hundred', 'and', 'twenty']) === 120
 */
export function wordToNumber(words: string | string[]): number | undefined {
  const list = (Array.isArray(words) ? words : words.split(/[\s-]+/))
    .map((w) => w.toLowerCase())
    .filter((w) => w !== '' && w !== '-' && w !== 'and');
  if (list.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, word] of list.entries()) {
    if ((word === 'a' || word === 'an') && i === 0 && list.length > 1) {
      current = 1;
      continue;
    }
    const unit = UNITS[word];
    const mult = MULTIPLIERS[word];
    if (unit !== undefined) current += unit;
    else if (mult !== undefined) {
      const base = current === 0 ? 1 : current;
      if (mult >= 1000) {
        total += base * mult;
        current = 0;
      } else current = base * mult;
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

/** Value of a numeral as written with separators: "1,300" → 1300, "2.5" → 2.5; undefined for others. */
export function parseNumeral(text: string): number | undefined {
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text)) return undefined;
  return Number(text.replace(/,/g, ''));
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

function lower(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

function isWordNumberToken(t: Token | undefined): boolean {
  const w = lower(t);
  return UNITS[w] !== undefined || MULTIPLIERS[w] !== undefined;
}

/** The digits of "$US1" (Australian and British papers' US dollars), which tokenizes as "$" "US1". */
function usPrefixedDigits(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!t || !prev || prev.text !== '$' || prev.end !== t.start) return undefined;
  const digits = /^US(\d[\d,]*(?:\.\d+)?)$/.exec(t.text)?.[1];
  return digits !== undefined && parseNumeral(digits) !== undefined ? digits : undefined;
}

/** Parse a figure starting at token i; digits may carry a glued suffix ("1.2bn", "10km" when one token). */
function parseAt(tokens: Token[], i: number): (Parsed & { unit?: string }) | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const glued = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z%]+)$/i.exec(t.text);
  let digits: string | undefined;
  let value: number | undefined;
  let end = i + 1;
  let unit: string | undefined;
  if (/^0\d/.test(t.text)) return undefined; // "000", "09": a fragment of a figure or a clock, not a figure
  const afterDollarUs = usPrefixedDigits(tokens, i);
  if (parseNumeral(t.text) !== undefined) {
    digits = t.text;
    value = parseNumeral(t.text);
  } else if (afterDollarUs !== undefined) {
    digits = afterDollarUs;
    value = parseNumeral(afterDollarUs);
  } else if (glued?.[1] && glued[2]) {
    const suffix = glued[2].toLowerCase();
    const scale = SCALES[suffix];
    if (scale === undefined && MEASURE_UNITS[suffix] === undefined) return undefined;
    digits = glued[1];
    value = (parseNumeral(glued[1]) ?? 0) * (scale ?? 1);
    if (scale === undefined) unit = MEASURE_UNITS[suffix];
    return { value: round(value), end, digits, unit };
  } else {
    // Number words: "twenty-five", "two thousand five hundred", "a dozen", "a hundred".
    let j = i;
    const words: string[] = [];
    if ((lower(t) === 'a' || lower(t) === 'an') && MULTIPLIERS[lower(tokens[i + 1])] !== undefined) {
      words.push('a');
      j++;
    }
    while (j < tokens.length) {
      const w = tokens[j];
      if (isWordNumberToken(w)) {
        words.push(lower(w));
        j++;
      } else if ((lower(w) === '-' || lower(w) === 'and') && isWordNumberToken(tokens[j + 1]) && words.length > 0) {
        if (lower(w) === 'and' && !words.some((x) => x === 'hundred' || x === 'thousand' || x === 'million')) break;
        j++;
      } else break;
    }
    // A scale word alone ("million", "hundred") is no figure; "a hundred" and "two hundred" are.
    if (words.length === 0 || (words[0] !== 'a' && UNITS[words[0]!] === undefined) || (words.length === 1 && words[0] === 'a')) return undefined;
    value = wordToNumber(words);
    if (value === undefined) return undefined;
    return { value, end: j, digits: '' };
  }
  if (value === undefined || digits === undefined) return undefined;
  let next = tokens[end];
  if (next?.text === '-' && next.start === t.end && MULTIPLIERS[lower(tokens[end + 1])] !== undefined) next = tokens[++end]; // "$140-million"
  const scale = SCALES[lower(next)];
  if (next && scale !== undefined && (!GLUED_SCALES.has(lower(next)) || next.start === tokens[end - 1]!.end)) {
    value *= scale;
    end++;
  } else if (end > i + 1) end = i + 1;
  return { value: round(value), end, digits, unit };
}

/** The qualifier written just before token `i` ("more than", "nearly"), and where it starts. */
export function qualifierBefore(tokens: Token[], i: number): { qualifier: Qualifier; from: number } {
  for (const [words, qualifier] of QUALIFIERS) {
    const from = i - words.length;
    if (from < 0) continue;
    if (words.every((w, k) => lower(tokens[from + k]) === w)) return { qualifier, from };
  }
  return { qualifier: 'exact', from: i };
}

/** Why a parsed figure is not a count, or undefined when it is one. */
/** Emergency telephone numbers, and the words that show one is meant ("911 call", "999 operator"). */
const EMERGENCY_NUMBERS = new Set(['911', '999', '112', '000']);
const EMERGENCY_DIALS = new Set(['call', 'called', 'calling', 'calls', 'dial', 'dialed', 'dialled', 'dialing', 'dialling', 'phoned', 'rang', 'ring']);
const EMERGENCY_FOLLOWERS = new Set(['call', 'calls', 'caller', 'callers', 'dispatcher', 'dispatchers', 'operator', 'operators', 'center', 'centre', 'emergency', 'line', 'system', 'tapes', 'tape', 'recording']);

function notACount(tokens: Token[], i: number, p: Parsed, hasUnit: boolean, options: NumberOptions): string | undefined {
  const prev = tokens[i - 1];
  const next = tokens[p.end];
  const w = lower(tokens[i]);
  const after = lower(tokens[p.end + 1]);
  if (TIME_SUFFIXES.has(lower(next)) || ((lower(next) === 'a.' || lower(next) === 'p.') && after === 'm.')) return 'time of day';
  if ((lower(next) === ':' && /^\d/.test(after)) || (lower(prev) === ':' && /^\d/.test(lower(tokens[i - 2])))) return 'time of day';
  if (lower(next) === '/' || lower(prev) === '/') return 'date or fraction';
  if ((DASHES.has(lower(next)) && /^\d/.test(after)) || (DASHES.has(lower(prev)) && /^\d/.test(lower(tokens[i - 2])))) return 'score or range';
  if (p.digits !== '' && !p.digits.includes(',') && !p.digits.includes('.')) {
    const n = Number(p.digits);
    if (n >= 1 && n <= 31 && (MONTHS.has(lower(prev)) || MONTHS.has(lower(next)) || (lower(next) === 'of' && MONTHS.has(lower(tokens[p.end + 1]))))) {
      return 'day of month';
    }
    if (p.digits.length === 4 && /^(?:[01]\d|2[0-3])[0-5]\d$/.test(p.digits) && /^(?:hours|hrs)$/.test(lower(next))) return 'time of day'; // "at 1230 hours"
    if (EMERGENCY_NUMBERS.has(p.digits) && (EMERGENCY_FOLLOWERS.has(lower(next)) || EMERGENCY_DIALS.has(lower(prev)))) return 'identifier'; // "a 911 dispatcher", "called 911"
    if (ID_MARKERS.has(lower(prev))) return 'identifier';
    if (prev && /^[A-Z]{2,}$/.test(prev.text) && !CURRENCY_WORDS[lower(prev)] && !CURRENCY_SIGNS[lower(prev)]) return 'identifier'; // "AK 47", "MH 17"
    if (prev && prev.text === '-' && prev.start === tokens[i]!.start - 1) return 'identifier';
    const [lo, hi] = options.yearRange;
    if (p.digits.length === 4 && n >= lo && n <= hi && !hasUnit && p.end === i + 1) {
      if (MONTHS.has(lower(prev)) || YEAR_PREPOSITIONS.has(lower(prev)) || lower(prev) === ',' || !isPluralNoun(next)) return 'year';
    }
    if (prev && i > 0 && /^\p{Lu}/u.test(prev.text) && (prev.pos === 'PROPN' || prev.pos === 'NOUN') && !MONTHS.has(lower(prev)) && !isPluralNoun(next) && !hasUnit) {
      return 'identifier';
    }
  }
  if (w === 'one' && p.end === i + 1) {
    if (lower(next) === 'of' || lower(next) === 'another' || ONE_PRONOUN_BEFORE.has(lower(prev))) return 'pronoun';
    if (!next || !['NOUN', 'ADJ', 'PROPN'].includes(next.pos)) return 'pronoun';
  }
  if (next && next.text === '-' && next.start === tokens[p.end - 1]!.end && !hasUnit) return 'compound modifier';
  return undefined;
}

function isPluralNoun(t: Token | undefined): boolean {
  if (!t || !['NOUN', 'PROPN'].includes(t.pos)) return false;
  return t.lemma === 'people' || (t.text.toLowerCase() !== t.lemma && /s$/i.test(t.text)) || /[^s]s$/i.test(t.text);
}

function unitAfter(tokens: Token[], j: number): { unit: string; end: number } | undefined {
  const t = tokens[j];
  if (!t) return undefined;
  const w = lower(t);
  if (w === '-' && MEASURE_UNITS[lower(tokens[j + 1])] && t.start === tokens[j - 1]?.end) {
    // "three-day visit", "10-year-old"
    const unitTok = tokens[j + 1]!;
    const unit = MEASURE_UNITS[lower(unitTok)]!;
    if (lower(tokens[j + 2]) === '-' && lower(tokens[j + 3]) === 'old') return { unit: 'years', end: j + 4 };
    return { unit, end: j + 2 };
  }
  if ((w === 'per' && lower(tokens[j + 1]) === 'cent') || (w === 'percentage' && /^points?$/.test(lower(tokens[j + 1])))) {
    return { unit: w === 'per' ? 'percent' : 'percentage points', end: j + 2 };
  }
  if (CURRENCY_WORDS[w]) return { unit: CURRENCY_WORDS[w], end: j + 1 };
  if (MEASURE_UNITS[w] && !(w === 'm' && t.start !== tokens[j - 1]?.end)) return { unit: MEASURE_UNITS[w], end: j + 1 };
  return undefined;
}

function currencyBefore(tokens: Token[], i: number): { unit: string; from: number } | undefined {
  const prev = tokens[i - 1];
  if (!prev) return undefined;
  const sign = CURRENCY_SIGNS[lower(prev)];
  if (!sign) return undefined;
  if (lower(prev) === '$' && lower(tokens[i - 2]) === 'us' && tokens[i - 2]!.end === prev.start) return { unit: sign, from: i - 2 };
  return { unit: sign, from: i - 1 };
}

const COUNT_MODIFIER_WORDS = new Set(['more', 'other', 'additional', 'further', 'new', 'extra']);

/**
 * Are two figures of one sentence the ends of a range: "35 to 40 volunteer firefighters", "two or three
 * rockets", "between 10 and 15 people"? The first must be the smaller, in the same unit, and not ten
 * times smaller: "$140 to $150 million" reads its first end as $140, so it is left as two figures. "From 10 to
 * 15" is a change, not a range.
 */
function isRange(first: NumberMention, second: NumberMention, gap: string, before: string): boolean {
  if (first.unit !== second.unit || !(first.value < second.value) || second.value > 10 * first.value) return false;
  if (/\bfrom\s*$/i.test(before)) return false; // "rose from 10 to 15": a change, the second is the figure now
  return RANGE_GAP.test(gap) || (/^\s*and\s*$/i.test(gap) && /\bbetween\s*$/i.test(before));
}

const RANGE_GAP = /^\s*(?:to|or|–|—)\s*$/i;

/** Between a part and its whole: "of", then at most three determiners, possessives or "first" ("of the team's first"). */
const PART_OF = /^\s*of(?:\s+(?:the|his|her|their|its|our|this|that|these|those|first|last|final|[\p{L}]+\s*[’']\s*s)){0,3}\s*$/iu;

/** The noun a figure counts: skip adjectives and demonyms, take the last noun of the following noun run. */
function countedAfter(tokens: Token[], j: number, options: NumberOptions): { from: number; head: number } | undefined {
  let k = j;
  if (lower(tokens[k]) === 'of' && ['DET', 'PRON'].includes(tokens[k + 1]?.pos ?? '')) k += 2; // "1,300 of the victims"
  const from = k;
  let modifiers = 0;
  while (k < tokens.length && modifiers < options.maxModifiers) {
    const t = tokens[k]!;
    const nextPos = tokens[k + 1]?.pos ?? '';
    const isModifier =
      t.pos === 'ADJ' ||
      (t.pos === 'PROPN' && ['NOUN', 'ADJ', 'PROPN'].includes(nextPos)) ||
      (t.pos === 'VERB' && /(ed|ing)$/.test(t.text) && nextPos === 'NOUN') ||
      (t.text === '-' && k > from) ||
      COUNT_MODIFIER_WORDS.has(lower(t));
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && /s$/.test(t.text) && tokens[k + 1]?.pos !== 'NOUN')) break;
    if (!isModifier) return undefined;
    modifiers++;
    k++;
  }
  let head = -1;
  while (k < tokens.length && (tokens[k]!.pos === 'NOUN' || (head < 0 && tokens[k]!.pos === 'PROPN' && /s$/.test(tokens[k]!.text)))) {
    head = k;
    if (tokens[k]!.pos === 'PROPN') break;
    k++;
  }
  // "four national security and diplomatic officials": a singular noun before "and" modifies the
  // plural noun after it, which is what is counted.
  if (head >= 0 && tokens[head]!.pos === 'NOUN' && lower(tokens[head]) === tokens[head]!.lemma.toLowerCase() && tokens[k]?.pos === 'CCONJ') {
    let m = k + 1;
    while (m + 1 < tokens.length && m - k <= options.maxModifiers && (tokens[m]!.pos === 'ADJ' || tokens[m]!.pos === 'NOUN') && ['ADJ', 'NOUN'].includes(tokens[m + 1]!.pos)) m++;
    const later = tokens[m];
    if (later && later.pos === 'NOUN' && lower(later) !== later.lemma.toLowerCase()) head = m;
  }
  return head < 0 ? undefined : { from, head };
}

function countedLemma(t: Token): string {
  if (t.pos === 'PROPN') return t.text.toLowerCase().replace(/s$/, '');
  return t.lemma;
}

/**
 * Find the figures stated in a document's sentences.
 * @example findNumbers(splitSentences('Over 1,300 Israeli lives were lost.'))[0]
 *   // { text: 'Over 1,300', value: 1300, qualifier: 'over', counted: 'life', countedText: 'Israeli lives', ... }
 */
export function findNumbers(sentences: Sentence[], options: Partial<NumberOptions> = {}): NumberMention[] {
  const opts: NumberOptions = { ...DEFAULT_NUMBER_OPTIONS, ...options };
  const out: NumberMention[] = [];
  for (const sentence of sentences) {
    const { tokens } = sentence;
    const blocked: [number, number][] = [];
    if (/[/@#]|www\./.test(sentence.text)) for (const m of sentence.text.matchAll(URL_OR_HANDLE)) {
      blocked.push([sentence.start + (m.index ?? 0), sentence.start + (m.index ?? 0) + m[0].length]);
    }
    const slice = (a: number, b: number) => sentence.text.slice(a - sentence.start, b - sentence.start);
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (VAGUE_PLURALS.has(lower(t)) || blocked.some(([a, b]) => t.start >= a && t.end <= b)) {
        i++;
        continue;
      }
      const code = t.text.charCodeAt(0);
      const maybe = (code >= 48 && code <= 57) || t.pos === 'NUM' || usPrefixedDigits(tokens, i) !== undefined || isWordNumberToken(t) || ((t.text === 'a' || t.text === 'an' || t.text === 'A' || t.text === 'An') && isWordNumberToken(tokens[i + 1]));
      const parsed = maybe ? parseAt(tokens, i) : undefined;
      if (!parsed) {
        i++;
        continue;
      }
      const currency = currencyBefore(tokens, i);
      let unit = currency?.unit ?? parsed.unit;
      let end = parsed.end;
      if (!currency && !parsed.unit) {
        const after = unitAfter(tokens, end);
        if (after) {
          unit = after.unit;
          end = after.end;
        }
      }
      const reason = notACount(tokens, i, parsed, unit !== undefined, opts);
      if (reason) {
        i = parsed.end;
        continue;
      }
      const { qualifier, from } = qualifierBefore(tokens, currency?.from ?? i);
      const start = tokens[from]!.start;
      const stop = tokens[end - 1]!.end;
      const mention: NumberMention = {
        start,
        end: stop,
        text: slice(start, stop),
        value: parsed.value,
        qualifier,
        sentence: sentence.index,
      };
      if (unit) mention.unit = unit;
      else {
        const counted = countedAfter(tokens, end, opts);
        if (counted) {
          const head = tokens[counted.head]!;
          mention.counted = countedLemma(head);
          mention.countedText = slice(tokens[counted.from]!.start, head.end);
        }
      }
      // "two or three rockets", "between 10 and 15 people", "28 of 41 passes", "10 of the team's first
      // 17 points": the first figure counts what the second does.
      const prev = out[out.length - 1];
      const between = prev && prev.sentence === sentence.index && !prev.unit ? slice(prev.end, start) : undefined;
      const partOf = between !== undefined && PART_OF.test(between);
      if (prev && between !== undefined && ((!prev.counted && /^\s*(?:to|or|and|-|–)\s*$/.test(between)) || partOf)) {
        if (partOf) mention.whole = true;
        if (mention.counted) prev.counted = mention.counted;
        if (mention.countedText) prev.countedText = mention.countedText;
        if (mention.unit && !currency) prev.unit = mention.unit;
      }
      if (prev && prev.sentence === sentence.index && isRange(prev, mention, slice(prev.end, start), slice(sentence.start, prev.start))) {
        prev.range = [prev.value, mention.value];
        mention.range = [prev.value, mention.value];
      }
      out.push(mention);
      i = end;
    }
  }
  return out;
}
