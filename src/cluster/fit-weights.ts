// Measures the score weights: logistic regression on (article, story) pairs from labelled articles —
// the article's own story (without it) against the most similar other stories. No I/O, no data set names.
import type { ClusterInput } from './features.ts';
import { extractFeatures } from './features.ts';
import { resolveOptions, type ClusterOptions, type ClusterWeights } from './options.ts';
import { FEATURE_NAMES, storyFeatures, weightedCosine, type FeatureName } from './score.ts';
import { addToStory, openStory, type StoryProfile } from './story-profile.ts';
import { Vocabulary } from './vocabulary.ts';

export interface LabelledInput {
  input: ClusterInput;
  /** The story the article belongs to, in the gold standard. */
  label: string;
}

export interface PairSet {
  features: FeatureName[];
  x: number[][];
  /** 1: the article's own story; 0: another story. */
  y: number[];
}

/**
 * Feature rows for each article against its own story (leave-one-out) and against the
 * `negatives` other stories whose TF-IDF centroid is closest to it (the hard cases).
 */
export function labelledPairs(docs: LabelledInput[], negatives = 3, options: Partial<ClusterOptions> = {}): PairSet {
  const opts = resolveOptions(options);
  const vocab = new Vocabulary(Number.MAX_SAFE_INTEGER);
  const feats = docs.map((d, i) => extractFeatures(d.input, i, opts.numPermutations, opts.shingleSize));
  for (const f of feats) vocab.addDocument(f.terms.keys(), f.names.keys());
  const groups = new Map<string, number[]>();
  docs.forEach((d, i) => groups.set(d.label, [...(groups.get(d.label) ?? []), i]));
  const profile = (members: number[]): StoryProfile => {
    const story = openStory('fit', 0, feats[members[0]!]!);
    for (const m of members) addToStory(story, feats[m]!, vocab, opts.maxStoryTerms);
    return story;
  };
  const profiles = new Map([...groups].map(([label, members]) => [label, profile(members)]));
  const x: number[][] = [];
  const y: number[] = [];
  const row = (i: number, story: StoryProfile): number[] => {
    const v = storyFeatures(feats[i]!, story, vocab, opts).values;
    return FEATURE_NAMES.map((f) => v[f]);
  };
  docs.forEach((d, i) => {
    const own = groups.get(d.label)!.filter((m) => m !== i);
    if (own.length === 0) return;
    x.push(row(i, profile(own)));
    y.push(1);
    const others = [...profiles]
      .filter(([label]) => label !== d.label)
      .map(([, story]) => ({ story, sim: weightedCosine(feats[i]!.terms, story.terms, vocab.idf).value }))
      .sort((a, b) => b.sim - a.sim || a.story.documentIds[0]!.localeCompare(b.story.documentIds[0]!))
      .slice(0, negatives);
    for (const { story } of others) {
      x.push(row(i, story));
      y.push(0);
    }
  });
  return { features: [...FEATURE_NAMES], x, y };
}

/** L2-regularised logistic regression by batch gradient descent, classes weighted to balance. */
export function fitLogistic(x: number[][], y: number[], iterations = 3000, rate = 0.5, l2 = 1e-3): { weights: number[]; bias: number } {
  const dims = x[0]?.length ?? 0;
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  const positives = y.filter((v) => v === 1).length;
  const classWeight = [y.length / (2 * Math.max(1, y.length - positives)), y.length / (2 * Math.max(1, positives))];
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(dims).fill(0);
    let gradBias = 0;
    for (let i = 0; i < x.length; i++) {
      const row = x[i]!;
      let z = bias;
      for (let d = 0; d < dims; d++) z += weights[d]! * row[d]!;
      const error = (1 / (1 + Math.exp(-z)) - y[i]!) * classWeight[y[i]!]!;
      for (let d = 0; d < dims; d++) grad[d]! += error * row[d]!;
      gradBias += error;
    }
    for (let d = 0; d < dims; d++) weights[d]! -= rate * (grad[d]! / x.length + l2 * weights[d]!);
    bias -= (rate * gradBias) / x.length;
  }
  return { weights, bias };
}

/** Weights measured on labelled articles, in the shape of ClusterOptions.weights (rounded to 0.01). */
export function fitWeights(docs: LabelledInput[], options: Partial<ClusterOptions> = {}): ClusterWeights {
  const pairs = labelledPairs(docs, 3, options);
  // Features that never vary in the data (no titles, no dates) keep their defaults: nothing was measured.
  const defaults = resolveOptions(options).weights;
  const varying = pairs.features.map((_, d) => pairs.x.some((r) => r[d] !== 0));
  const used = pairs.features.filter((_, d) => varying[d]);
  const fit = fitLogistic(pairs.x.map((r) => r.filter((_, d) => varying[d])), pairs.y);
  const weights: ClusterWeights = { ...defaults, bias: round(fit.bias) };
  used.forEach((f, d) => (weights[f] = round(fit.weights[d]!)));
  return weights;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
