// How well an article fits a story: six features (TF-IDF, names, figures, dates, title, time) and
// their weighted sum, with the evidence for --explain. It does not choose candidates or stories.
import type { AssignmentReason } from '../types.ts';
import type { DocFeatures } from './features.ts';
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

/** All feature values of `doc` against `story`. */
export function storyFeatures(doc: DocFeatures, story: StoryProfile, vocab: Vocabulary, options: ClusterOptions): FeatureValues {
  const tfidf = weightedCosine(doc.terms, story.terms, (t) => vocab.idf(t));
  const entities = weightedCosine(doc.names, story.names, (n) => vocab.idf(`@${n}`));
  const people = weightedCosine(doc.people, story.people, (n) => vocab.idf(`@${n}`));
  // Both name people: agreement is evidence for, disagreement against; otherwise no evidence.
  const peopleValue = doc.people.size > 0 && story.people.size > 0 ? people.value - 0.5 : 0;
  const numbers = overlapShare(doc.numbers, story.numbers);
  const dates = dateAgreement(doc.dates, story.dates);
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

/** Cosine of two sparse weight vectors, each entry scaled by idf(key). */
export function weightedCosine(
  doc: Map<string, number>,
  story: Map<string, number>,
  idf: (key: string) => number,
): { value: number; shared: string[] } {
  if (doc.size === 0 || story.size === 0) return { value: 0, shared: [] };
  let dot = 0;
  let dn = 0;
  let sn = 0;
  const contributions: [string, number][] = [];
  for (const [k, v] of doc) {
    const w = idf(k);
    const dv = v * w;
    dn += dv * dv;
    const sv = story.get(k);
    if (sv !== undefined) {
      const c = dv * sv * w;
      dot += c;
      contributions.push([k, c]);
    }
  }
  if (dot === 0) return { value: 0, shared: [] };
  for (const [k, v] of story) {
    const sv = v * idf(k);
    sn += sv * sv;
  }
  contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { value: dot / Math.sqrt(dn * sn), shared: contributions.slice(0, 8).map(([k]) => k) };
}

/** Share of the article's items the story also has (0 when either has none). */
function overlapShare(doc: Set<string>, story: Map<string, number> | Set<string>, storyHas = story.size > 0): { value: number; shared: string[] } {
  if (doc.size === 0 || !storyHas) return { value: 0, shared: [] };
  const shared = [...doc].filter((x) => story.has(x)).sort();
  return { value: shared.length / doc.size, shared };
}

/** +share of the article's dates the story narrates; −1 when both name years and none is shared. */
function dateAgreement(doc: Set<string>, story: Map<string, number>): { value: number; shared: string[] } {
  if (doc.size === 0 || story.size === 0) return { value: 0, shared: [] };
  const shared = [...doc].filter((d) => story.has(d)).sort();
  const docYears = [...doc].filter((d) => d.startsWith('y:'));
  const storyHasYears = [...story.keys()].some((d) => d.startsWith('y:'));
  if (docYears.length > 0 && storyHasYears && !docYears.some((y) => story.has(y))) {
    return { value: -1, shared: [`no shared year (${docYears.map((y) => y.slice(2)).join(', ')})`] };
  }
  return { value: shared.length / doc.size, shared };
}

/** In (−1, 1]: 1 inside the story's span, falling with distance; 0 when either date is unknown. */
export function timeCloseness(day: number | undefined, first: number | undefined, last: number | undefined, scale: number): number {
  if (day === undefined || first === undefined) return 0;
  const distance = day < first ? first - day : day > (last ?? first) ? day - (last ?? first) : 0;
  return 2 * Math.exp(-distance / scale) - 1;
}
