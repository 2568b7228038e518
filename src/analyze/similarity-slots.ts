// The slots of one sentence that can contradict another's: counted figures with their qualifiers,
// dates (month/day, weekday, year) and polarity. Read from wink tokens; no sentence similarity here.
// Own code because the comparison needs qualifier-aware intervals ("over 1,300" vs "over 1,400").
import { qualifierBefore } from '../annotate/numbers.ts';
import type { Qualifier, Token } from '../types.ts';

/** A figure in a sentence: value, qualifier, unit and what it counts. */
export interface SlotQuantity {
  value: number;
  qualifier: Qualifier;
  unit?: string;
  /** Lemma of the counted noun ("life"), when one follows the figure. */
  counted?: string;
  /** POS of the counted word, for concept lookup. */
  countedPos?: string;
  text: string;
  start: number;
  end: number;
}

/** A date-like slot: `month-day`, `weekday` or `year`, with a comparable value. */
export interface SlotDate {
  kind: 'month-day' | 'month' | 'weekday' | 'year';
  value: string;
  text: string;
  start: number;
  end: number;
}

export interface SentenceSlots {
  quantities: SlotQuantity[];
  dates: SlotDate[];
  /** Number of negators ("not", "never", "no"...). */
  negations: number;
  /** The verbs the negators deny ("did not *visit*", "failed to *address*"). */
  negated: Token[];
  /** Token indexes consumed by figures and dates (kept out of the lexical bag). */
  consumed: Set<number>;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };
const MONTH_INDEX = new Map<string, number>([...MONTHS.map((m, i) => [m, i] as [string, number]), ...Object.entries(MONTH_ABBR)]);
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mln: 1e6 };
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'cannot', 'without']);
/** Negator + next word pairs that deny nothing ("not only ... but also", "no fewer than"). */
const NOT_A_DENIAL = new Set(['not only', 'not just', 'not merely', 'no fewer', 'no less', 'no more', 'not least', "n't only", "n't just"]);
/** Words that deny the verb they govern ("failed to address" = "did not address"), by lemma. */
const NEGATIVE_LEMMAS = new Set(['fail', 'failure', 'decline', 'refuse', 'refusal', 'lack', 'unable']);
/** Qualifier phrases before a figure, longest first (lower-cased token texts). */
const UNIT_WORDS: Record<string, string> = { '%': 'percent', percent: 'percent', $: 'USD', dollar: 'USD', euro: 'EUR', '€': 'EUR', '£': 'GBP', pound: 'GBP' };
/** Parts of speech that may stand between a figure and the noun it counts ("1,300 Israeli lives"). */
const COUNTED_SKIP = new Set(['ADJ', 'PROPN', 'NUM', 'ADV']);
const COUNTED_WINDOW = 3;
const NEGATION_WINDOW = 4;
/** Words that may stand between a negator and the verb it denies ("did not even *visit*", "never been *seen*"). */
const SCOPE_SKIP = new Set(['AUX', 'ADV', 'PART', 'PRON']);
const QUOTES = /^["'\u2018\u2019\u201c\u201d]+$/;

function lower(t: Token | undefined): string {
  return (t?.text ?? '').toLowerCase();
}

function monthOf(t: Token | undefined): number | undefined {
  if (!t || t.pos !== 'PROPN' && t.pos !== 'NOUN') return undefined;
  const w = lower(t);
  return MONTH_INDEX.get(w.endsWith('.') ? w.slice(0, -1) : w);
}

/** Numeric value of a token ("1,300", "2.5", "ten"), undefined when it is not a figure. */
export function numericValue(t: Token | undefined): number | undefined {
  const w = lower(t);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(w) || /^\d+(\.\d+)?$/.test(w)) return Number(w.replace(/,/g, ''));
  return t?.pos === 'NUM' ? NUMBER_WORDS[w] : undefined;
}


function isYear(value: number, t: Token): boolean {
  return /^\d{4}$/.test(t.text) && value >= 1900 && value <= 2100;
}

/** Read figures, dates and negators from a sentence's tokens. */
export function readSlots(tokens: Token[]): SentenceSlots {
  const quantities: SlotQuantity[] = [];
  const dates: SlotDate[] = [];
  const consumed = new Set<number>();
  const negated: Token[] = [];
  let negations = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = lower(t);
    if (NEGATORS.has(w) || t.lemma === 'not' || NEGATIVE_LEMMAS.has(t.lemma) || (w === 'yet' && lower(tokens[i + 1]) === 'to')) {
      if (!NOT_A_DENIAL.has(`${w} ${lower(tokens[i + 1])}`)) {
        negations++;
        negated.push(...negatedScope(tokens, i));
      }
      continue;
    }
    if (WEEKDAYS.includes(w)) {
      dates.push({ kind: 'weekday', value: w, text: t.text, start: t.start, end: t.end });
      consumed.add(i);
      continue;
    }
    const month = monthOf(t);
    if (month !== undefined && !(w === 'may' && t.pos !== 'PROPN')) {
      const after = numericValue(tokens[i + 1]);
      const before = numericValue(tokens[i - 1]);
      consumed.add(i);
      if (after !== undefined && after >= 1 && after <= 31 && /^\d+$/.test(tokens[i + 1]!.text)) {
        dates.push({ kind: 'month-day', value: `${month + 1}-${after}`, text: `${t.text} ${tokens[i + 1]!.text}`, start: t.start, end: tokens[i + 1]!.end });
        consumed.add(i + 1);
      } else if (before !== undefined && before >= 1 && before <= 31 && /^\d+$/.test(tokens[i - 1]!.text)) {
        dates.push({ kind: 'month-day', value: `${month + 1}-${before}`, text: `${tokens[i - 1]!.text} ${t.text}`, start: tokens[i - 1]!.start, end: t.end });
        consumed.add(i - 1);
        removeQuantityAt(quantities, tokens[i - 1]!.start);
      } else dates.push({ kind: 'month', value: String(month + 1), text: t.text, start: t.start, end: t.end });
      continue;
    }
    const value = numericValue(t);
    if (value === undefined || consumed.has(i)) continue;
    if (isYear(value, t)) {
      dates.push({ kind: 'year', value: t.text, text: t.text, start: t.start, end: t.end });
      consumed.add(i);
      continue;
    }
    const q = readQuantity(tokens, i, value);
    for (let k = q.from; k < q.to; k++) consumed.add(k);
    quantities.push(q.quantity);
    i = q.to - 1;
  }
  return { quantities, dates, negations, negated, consumed };
}

/**
 * The verbs a negator at `i` denies: the first verb within `NEGATION_WINDOW` tokens ("did not
 * *visit*"), and a verb it governs through "to" ("not expected to *attend*"). A clause boundary ends
 * the scope. Denied nouns ("no evidence", "no comment") are left out: their paraphrases vary too much
 * ("declined to comment", "without evidence") to call a difference a contradiction.
 */
function negatedScope(tokens: Token[], i: number): Token[] {
  for (let k = i + 1; k < Math.min(tokens.length, i + 1 + NEGATION_WINDOW); k++) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' && QUOTES.test(t.text)) continue;
    if (t.pos !== 'VERB' || /^(be|have|do)$/.test(t.lemma)) {
      if (SCOPE_SKIP.has(t.pos) || /^(be|have|do)$/.test(t.lemma)) continue;
      break; // a noun, adjective or clause boundary: the negator denies something else
    }
    const to = tokens[k + 1];
    const verb = tokens[k + 2];
    return to && verb && lower(to) === 'to' && verb.pos === 'VERB' ? [t, verb] : [t];
  }
  return [];
}

function removeQuantityAt(quantities: SlotQuantity[], start: number): void {
  const at = quantities.findIndex((q) => q.start === start);
  if (at >= 0) quantities.splice(at, 1);
}

function readQuantity(tokens: Token[], i: number, first: number): { quantity: SlotQuantity; from: number; to: number } {
  let value = first;
  let j = i + 1;
  // "2.5 million", "twenty thousand", "1.2 bn"
  while (j < tokens.length && MULTIPLIERS[lower(tokens[j])] !== undefined) {
    value *= MULTIPLIERS[lower(tokens[j])]!;
    j++;
  }
  const { qualifier, from } = qualifierBefore(tokens, i);
  let unit: string | undefined;
  const prev = lower(tokens[i - 1]);
  if (UNIT_WORDS[prev] && (prev === '$' || prev === '€' || prev === '£')) unit = UNIT_WORDS[prev];
  const next = tokens[j];
  if (next && UNIT_WORDS[lower(next)] && !unit) {
    unit = UNIT_WORDS[lower(next)] ?? next.lemma;
    j++;
  }
  let counted: string | undefined;
  let countedPos: string | undefined;
  for (let k = j; k < Math.min(tokens.length, j + COUNTED_WINDOW); k++) {
    const c = tokens[k]!;
    if (c.pos === 'NOUN') {
      counted = c.lemma;
      countedPos = c.pos;
      break;
    }
    if (!COUNTED_SKIP.has(c.pos) || c.isStop) break;
  }
  if (counted && !unit && /^(percent|dollar|euro|pound)$/.test(counted)) unit = UNIT_WORDS[counted];
  const start = tokens[from]!.start;
  const end = tokens[j - 1]!.end;
  const quantity: SlotQuantity = { value, qualifier, text: tokens.slice(from, j).map((t) => t.text).join(' '), start, end };
  if (unit) quantity.unit = unit;
  if (counted) quantity.counted = counted;
  if (countedPos) quantity.countedPos = countedPos;
  return { quantity, from, to: j };
}

/** What figure comparison needs; a claim's `Quantity` and a `NumberMention` both fit. */
export type FigureValue = Pick<SlotQuantity, 'value' | 'qualifier' | 'unit'>;

type Bound = 'lower' | 'upper' | 'none';

function boundOf(q: Qualifier): Bound {
  if (q === 'over' || q === 'at least') return 'lower';
  if (q === 'under' || q === 'at most' || q === 'up to') return 'upper';
  return 'none';
}

/**
 * The range of values a qualified figure allows; `about` allows ±`approx`, `nearly` up to −`approx`.
 * "over v" is taken as closed ([v, ∞)): a bare "v" elsewhere is usually the same figure rounded.
 */
function interval(v: number, q: Qualifier, approx: number): [number, number] {
  switch (q) {
    case 'over':
    case 'at least':
      return [v, Infinity];
    case 'under':
    case 'at most':
    case 'up to':
      return [-Infinity, v];
    case 'about':
      return [v * (1 - approx), v * (1 + approx)];
    case 'nearly':
      return [v * (1 - approx), v];
    default:
      return [v, v];
  }
}

/**
 * Whether two figures for the same counted thing can both be true. Two bounds in the same
 * direction with different figures report different tallies and do not agree ("over 1,300" vs
 * "over 1,400"); otherwise the allowed ranges must meet ("at least 2,750" and "2,750" agree).
 */
export function quantitiesAgree(a: FigureValue, b: FigureValue, approx = 0.1): boolean {
  if ((a.unit ?? '') !== (b.unit ?? '')) return true; // different measures: not comparable
  const same = Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
  const ba = boundOf(a.qualifier);
  if (ba !== 'none' && ba === boundOf(b.qualifier)) return same;
  const [loA, hiA] = interval(a.value, a.qualifier, approx);
  const [loB, hiB] = interval(b.value, b.qualifier, approx);
  return loA <= hiB && loB <= hiA;
}

/** Whether two date slots of the same kind name different days (or weekdays, months, years). */
export function datesDisagree(a: SlotDate, b: SlotDate): boolean {
  if (a.kind !== b.kind) {
    if (a.kind === 'month' && b.kind === 'month-day') return b.value.split('-')[0] !== a.value;
    if (b.kind === 'month' && a.kind === 'month-day') return a.value.split('-')[0] !== b.value;
    return false;
  }
  return a.value !== b.value;
}
