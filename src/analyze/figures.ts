// Compares reported figures: which quantities count the same thing, and whether two values of one
// count disagree once their qualifiers are read ("over 1,300" vs "over 1,400" do; "at least 2,750"
// vs "2,750" do not). It does not find numbers in text (see annotate/numbers.ts).
import type { Quantity } from '../types.ts';

export interface FigureOptions {
  /** Two values of one count differ by at most this factor; further apart they count different things. */
  maxRatio: number;
  /** How far past its value a bound like "over N" or "nearly N" reaches, as a share of N. */
  boundReach: number;
  /** Gaps smaller than this share of the value are rounding, not disagreement. */
  rounding: number;
}

export const FIGURE_DEFAULTS: FigureOptions = { maxRatio: 1.6, boundReach: 0.05, rounding: 0.01 };

/** Counted nouns that all count people; reports mix "lives", "people", "individuals", "civilians". */
const PEOPLE = new Set(['life', 'people', 'person', 'individual', 'civilian', 'death', 'casualty', 'victim', 'fatality', 'resident', 'man', 'woman', 'child', 'soldier', 'fighter', 'worker', 'passenger', 'migrant', 'refugee', 'patient', 'student', 'employee', 'inhabitant', 'hostage', 'body', 'dead', 'injured', 'wounded']);

/** The class a counted noun belongs to: "people" for the many ways of counting people, else the noun itself. */
export function countClass(q: Quantity): string | undefined {
  if (q.unit && !q.counted) return `unit:${q.unit}`;
  if (!q.counted) return undefined;
  const lemma = q.counted.toLowerCase();
  return PEOPLE.has(lemma) ? 'people' : lemma;
}

/** A human label for a count slot, in the articles' own word when they agree: "number of workers", "amount in USD". */
export function slotLabel(cls: string, quantities: Quantity[] = []): string {
  if (cls.startsWith('unit:')) return `amount in ${cls.slice(5)}`;
  const words = new Map<string, number>();
  for (const q of quantities) {
    const word = q.text.split(/\s+/).pop()?.toLowerCase().replace(/[^\p{L}-]/gu, '');
    if (word && q.counted) words.set(word, (words.get(word) ?? 0) + 1);
  }
  const [best] = [...words.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return `number of ${best && best[1] > quantities.length / 2 ? best[0] : cls}`;
}

/** Counts of people that say who they are: a count of women is not a count of the victims or of the men. */
const PEOPLE_OF_A_KIND = new Set(['resident', 'man', 'woman', 'child', 'soldier', 'fighter', 'worker', 'passenger', 'migrant', 'refugee', 'patient', 'student', 'employee', 'inhabitant', 'hostage', 'civilian']);

/**
 * Do two counts of people count the same people? Two general counts do ("1,300 lives", "1,400
 * individuals", "three victims", "four people"); a count of one kind of people only meets a count of
 * the same kind ("12 workers", "nine workers"), not "three victims" or "two women".
 */
function samePeople(a: string, b: string): boolean {
  const ka = PEOPLE_OF_A_KIND.has(a.toLowerCase());
  const kb = PEOPLE_OF_A_KIND.has(b.toLowerCase());
  return ka || kb ? a.toLowerCase() === b.toLowerCase() : true;
}

/** Could these two quantities be figures for the same count? (Same class, values of one magnitude.) */
export function sameCount(a: Quantity, b: Quantity, options: Partial<FigureOptions> = {}): boolean {
  const opts = { ...FIGURE_DEFAULTS, ...options };
  const ca = countClass(a);
  if (!ca || ca !== countClass(b) || a.value <= 0 || b.value <= 0) return false;
  if (ca === 'people' && !samePeople(a.counted!, b.counted!)) return false;
  if ((a.unit ?? '') !== (b.unit ?? '')) return false;
  return Math.max(a.value, b.value) / Math.min(a.value, b.value) <= opts.maxRatio;
}

/** The range a reported figure allows: "over 1,300" → [1300, 1365]. */
export function figureRange(q: Quantity, options: Partial<FigureOptions> = {}): [number, number] {
  const { boundReach } = { ...FIGURE_DEFAULTS, ...options };
  const v = q.value;
  switch (q.qualifier) {
    case 'over':
    case 'at least':
      return [v, v * (1 + boundReach)];
    case 'under':
    case 'at most':
    case 'up to':
    case 'nearly':
      return [v * (1 - boundReach), v];
    case 'about':
      return [v * (1 - boundReach), v * (1 + boundReach)];
    default:
      return [v, v];
  }
}

/**
 * Do two figures for the same count disagree, once qualifiers and rounding are allowed for? A bound
 * and an exact or approximate figure on its side of it agree ("more than 30 years" and "34 years",
 * "at least two trucks" and "three trucks", "more than a hundred people" and "about 130 people"); two bounds are compared by their reach, so sources giving different
 * floors ("over 1,300" and "over 1,400") still disagree. A range agrees with any figure or range it meets.
 */
export function figuresDisagree(a: Quantity, b: Quantity, options: Partial<FigureOptions> = {}): boolean {
  const opts = { ...FIGURE_DEFAULTS, ...options };
  if (withinBound(a, b, opts.rounding, opts.boundReach) || withinBound(b, a, opts.rounding, opts.boundReach) || boundsMeet(a, b, opts.rounding) || boundsMeet(b, a, opts.rounding)) return false;
  if ((a.range || b.range) && rangesMeet(a, b, opts)) return false;
  return !sameFigure(a, b, opts);
}

/**
 * Does a range one source gives meet the other's figure or range? "As many as 35 to 40 firefighters"
 * and "30 to 40 firefighters" agree; "two or three rockets" and "five rockets" do not.
 */
function rangesMeet(a: Quantity, b: Quantity, opts: FigureOptions): boolean {
  const [a0, a1] = a.range ?? figureRange(a, opts);
  const [b0, b1] = b.range ?? figureRange(b, opts);
  return Math.max(a0, b0) - Math.min(a1, b1) <= opts.rounding * Math.max(a1, b1);
}

/**
 * Do two figures give the same number, once qualifiers and rounding are read ("about 40%" and "39%",
 * "a dozen" and "12")? Stricter than agreeing: "more than 30" and "34" agree but are not the same
 * figure.
 */
export function sameFigure(a: Quantity, b: Quantity, options: Partial<FigureOptions> = {}): boolean {
  const opts = { ...FIGURE_DEFAULTS, ...options };
  const [a0, a1] = figureRange(a, opts);
  const [b0, b1] = figureRange(b, opts);
  return Math.max(a0, b0) - Math.min(a1, b1) <= opts.rounding * Math.max(a.value, b.value);
}

const LOWER_BOUNDS = new Set<Quantity['qualifier']>(['over', 'at least']);
const UPPER_BOUNDS = new Set<Quantity['qualifier']>(['under', 'at most', 'up to']);

/**
 * Is the figure `value`, exact or approximate, wholly on the open side of the bound `bound`? "About 130
 * people" is within "more than a hundred"; "about 110" is not, since it may be fewer.
 */
function withinBound(bound: Quantity, value: Quantity, rounding: number, boundReach: number): boolean {
  if (LOWER_BOUNDS.has(value.qualifier) || UPPER_BOUNDS.has(value.qualifier)) return false;
  const [low, high] = figureRange(value, { boundReach });
  if (LOWER_BOUNDS.has(bound.qualifier)) return low >= bound.value * (1 - rounding);
  if (UPPER_BOUNDS.has(bound.qualifier)) return high <= bound.value * (1 + rounding);
  return false;
}

/** A floor at or below a ceiling ("more than 100 mph", "speeds up to 120 mph"): both can hold. */
function boundsMeet(floor: Quantity, ceiling: Quantity, rounding: number): boolean {
  return LOWER_BOUNDS.has(floor.qualifier) && UPPER_BOUNDS.has(ceiling.qualifier) && floor.value <= ceiling.value * (1 + rounding);
}

/** The figure as a reader would write it: "over 1,300". */
export function figureText(q: Quantity): string {
  const n = q.value.toLocaleString('en-US');
  const unit = q.unit === 'USD' ? `$${n}` : q.unit === 'percent' ? `${n}%` : n;
  return q.qualifier === 'exact' ? unit : `${q.qualifier} ${unit}`;
}
