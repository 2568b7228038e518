// How well an article fits a story: six features (TF-IDF, names, figures, dates, title, time) and
// their weighted sum, with the evidence for --explain. It does not choose candidates or stories.
import type { AssignmentReason } from '../types.ts';
import { publicationDateKeys, type DocFeatures } from './features.ts';
import type { ClusterOptions, ClusterWeights } from './options.ts';
import type { StoryProfile } from './story-profile.ts';
import type { Vocabulary } from './vocabulary.ts';

export type FeatureName = Exclude<keyof ClusterWeights, 'bias'>;
export const FEATURE_NAMES: readonly FeatureName[] = ['tfidf', 'entities', 'people', 'numbers', 'dates', 'title', 'time'];

export interface FeatureValues {
  values: Record<FeatureName, number>;
  /** Shared items per feature, strongest first, for explanations. */
  shared: Partial<Record<FeatureName, string[]>>;
}

export interface ScoredStory {
  story: StoryProfile;
  score: number;
  features: FeatureValues;
}

/** All feature values of `doc` against `story`; `withShared` also lists the shared items (for --explain). */
export function storyFeatures(doc: DocFeatures, story: StoryProfile, vocab: Vocabulary, options: ClusterOptions, withShared = false): FeatureValues {
  const tfidf = weightedCosine(doc.terms, story.terms, vocab.idf, withShared, vocab.docs);
  const entities = weightedCosine(doc.names, story.names, vocab.nameIdf, withShared, vocab.docs);
  const people = weightedCosine(doc.people, story.people, vocab.nameIdf, withShared, vocab.docs);
  // Both name people: agreement is evidence for, disagreement against; otherwise no evidence.
  const peopleValue = doc.people.size > 0 && story.people.size > 0 ? people.value - 0.5 : 0;
  const numbers = overlapShare(doc.numbers, story.numbers);
  const dates = dateAgreement(doc.dates, story.dates, doc.day, options.timeScaleDays);
  const title = overlapShare(doc.titleTerms, story.titleTerms, story.titleTerms.size > 0);
  const time = timeCloseness(doc.day, story.firstDay, story.lastDay, options.timeScaleDays);
  return {
    values: { tfidf: tfidf.value, entities: entities.value, people: peopleValue, numbers: numbers.value, dates: dates.value, title: title.value, time },
    shared: { tfidf: tfidf.shared, entities: entities.shared, people: people.shared, numbers: numbers.shared, dates: dates.shared, title: title.shared },
  };
}

/** The weighted sum: bias + Σ weight × value. */
export function combine(features: FeatureValues, weights: ClusterWeights): number {
  let score = weights.bias;
  for (const name of FEATURE_NAMES) score += weights[name] * features.values[name];
  return score;
}

/** Reasons for --explain: each non-zero feature with its weight and what was shared, largest contribution first. */
export function explain(features: FeatureValues, weights: ClusterWeights): AssignmentReason[] {
  const reasons: AssignmentReason[] = [];
  for (const name of FEATURE_NAMES) {
    const value = features.values[name];
    if (value === 0) continue;
    const shared = features.shared[name];
    const reason: AssignmentReason = { feature: name, value: round(value), weight: weights[name] };
    if (shared && shared.length > 0) reason.detail = shared.slice(0, 6).join(', ');
    reasons.push(reason);
  }
  return reasons.sort((a, b) => Math.abs(b.value * (b.weight ?? 0)) - Math.abs(a.value * (a.weight ?? 0)));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const NO_SHARED: string[] = [];

/**
 * Cosine of two sparse weight vectors, each entry scaled by idf(key). Both sides' weightings are
 * cached until the article count `generation` grows by 5 % (see isFresh), the second vector's also
 * until the map changes ({@link forgetNorm}); generation 0 means "do not cache".
 */
export function weightedCosine(
  doc: Map<string, number>,
  story: Map<string, number>,
  idf: (key: string) => number,
  withShared = false,
  generation = 0,
): { value: number; shared: string[] } {
  if (doc.size === 0 || story.size === 0) return { value: 0, shared: NO_SHARED };
  const query = weightedQuery(doc, idf, generation);
  let dot = 0;
  const contributions: [string, number][] | undefined = withShared ? [] : undefined;
  for (let i = 0; i < query.keys.length; i++) {
    const sv = story.get(query.keys[i]!);
    if (sv === undefined) continue;
    const c = query.weights[i]! * sv;
    dot += c;
    contributions?.push([query.keys[i]!, c]);
  }
  if (dot === 0) return { value: 0, shared: NO_SHARED };
  const sn = normSquared(story, idf, generation);
  const value = Math.min(1, dot / Math.sqrt(query.normSquared * sn));
  if (!contributions) return { value, shared: NO_SHARED };
  contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { value, shared: contributions.slice(0, 8).map(([k]) => k) };
}

interface WeightedQuery {
  generation: number;
  keys: string[];
  /** weight × idf², so that a dot product needs one lookup per key. */
  weights: number[];
  normSquared: number;
}

const queries = new WeakMap<Map<string, number>, WeightedQuery>();

/** The article side of a cosine, computed once per article and vocabulary generation. */
function weightedQuery(vector: Map<string, number>, idf: (key: string) => number, generation: number): WeightedQuery {
  const cached = queries.get(vector);
  if (cached && generation !== 0 && isFresh(cached.generation, generation)) return cached;
  const keys: string[] = [];
  const weights: number[] = [];
  let normSquared = 0;
  for (const [k, v] of vector) {
    const w = idf(k);
    keys.push(k);
    weights.push(v * w * w);
    normSquared += v * w * v * w;
  }
  const query = { generation, keys, weights, normSquared };
  queries.set(vector, query);
  return query;
}

const norms = new WeakMap<Map<string, number>, { generation: number; value: number }>();

function normSquared(vector: Map<string, number>, idf: (key: string) => number, generation: number): number {
  const cached = norms.get(vector);
  if (cached && generation !== 0 && isFresh(cached.generation, generation)) return cached.value;
  let sum = 0;
  for (const [k, v] of vector) {
    const w = v * idf(k);
    sum += w * w;
  }
  norms.set(vector, { generation, value: sum });
  return sum;
}

/**
 * A cached weighting stays valid until the article count grows by 5 %: an IDF then moves by at most
 * ln 1.05 ≈ 0.05 (against IDFs ≥ 1), and caching keeps scoring O(article terms).
 */
function isFresh(cachedAt: number, now: number): boolean {
  return now >= cachedAt && now <= cachedAt * 1.05 + 1;
}

/** Drop the cached norm of a vector that changed. */
export function forgetNorm(vector: Map<string, number>): void {
  norms.delete(vector);
}

/** Share of the article's items the story also has (0 when either has none). */
function overlapShare(doc: Set<string>, story: Map<string, number> | Set<string>, storyHas = story.size > 0): { value: number; shared: string[] } {
  if (doc.size === 0 || !storyHas) return { value: 0, shared: [] };
  const shared = [...doc].filter((x) => story.has(x)).sort();
  return { value: shared.length / doc.size, shared };
}

/**
 * +share of the article's dates the story narrates; −1 when both name years and none is shared. The
 * year and the month the article was published in (`day`) count for nothing: every report of that
 * week names them ("in 2019"), so sharing them says nothing about which event it reports
 * (docs/clustering.md, Method). Nor do the days around it, as far as the time feature calls close
 * (`timeScale` · ln 2, two days at the default): resolved against the publication date, "on Tuesday"
 * is a day every report of those days names.
 */
function dateAgreement(doc: Set<string>, story: Map<string, number>, day: number | undefined, timeScale: number): { value: number; shared: string[] } {
  if (doc.size === 0 || story.size === 0) return { value: 0, shared: [] };
  const docYears = [...doc].filter((d) => d.startsWith('y:'));
  const storyHasYears = [...story.keys()].some((d) => d.startsWith('y:'));
  if (docYears.length > 0 && storyHasYears && !docYears.some((y) => story.has(y))) {
    return { value: -1, shared: [`no shared year (${docYears.map((y) => y.slice(2)).join(', ')})`] };
  }
  const published: string[] = day === undefined ? [] : uninformativeDateKeys(day, Math.floor(timeScale * Math.LN2));
  const informative = [...doc].filter((d) => !published.includes(d));
  if (informative.length === 0) return { value: 0, shared: [] };
  const shared = informative.filter((d) => story.has(d)).sort();
  return { value: shared.length / informative.length, shared };
}

/**
 * In (−1, 0]: evidence against a story the article is far in time from, none for one it is close to.
 * 2·exp(−distance / scale) − 1 from the story's date span, capped at 0 (reached within scale·ln 2 days,
 * two days at the default); 0 when either date is unknown. Closeness is not evidence for: in a
 * stream nearly every candidate story is of the same days, so a bonus for it only lowered the bar
 * for every concurrent event alike (docs/clustering.md, Method).
 */
export function timeCloseness(day: number | undefined, first: number | undefined, last: number | undefined, scale: number): number {
  if (day === undefined || first === undefined) return 0;
  const distance = day < first ? first - day : day > (last ?? first) ? day - (last ?? first) : 0;
  return Math.min(0, 2 * Math.exp(-distance / scale) - 1);
}

const uninformative = new Map<string, string[]>();

/**
 * The date keys that say nothing of an article published on `day`: its year and year-month, and
 * the month-days within `reach` of it ("md:11-18" … "md:11-22"). Kept per day (a stream spans few).
 */
function uninformativeDateKeys(day: number, reach: number): string[] {
  const cacheKey = `${day}/${reach}`;
  const cached = uninformative.get(cacheKey);
  if (cached) return cached;
  const keys: string[] = [...publicationDateKeys(day)];
  for (let d = day - reach; d <= day + reach; d++) keys.push(`md:${new Date(d * 86_400_000).toISOString().slice(5, 10)}`);
  if (uninformative.size >= 10_000) uninformative.clear();
  uninformative.set(cacheKey, keys);
  return keys;
}
