// Finds pairs of claims in different articles that say the same thing: IDF-weighted overlap of
// lemmas, WordNet concepts (synonyms, derived forms) and resolved entities. Candidates come from an
// inverted index over rare keys, never from all pairs. It does not decide statuses or lineages.
import { conceptKeys } from '../annotate/synonyms.ts';
import type { Claim, Sentence } from '../types.ts';
import { contentTokens, foldLemma } from './claims.ts';

export interface MatchOptions {
  /** Pairs scoring below this are not returned. */
  minScore: number;
  /** A key shared by more than this share of the story's claims is too common to find candidates. */
  maxKeyShare: number;
  /** ...and so is a key shared by more claims than this, whatever the story's size (keeps the cost linear). */
  maxPosting: number;
  /** At most this many candidates are scored per claim (the ones sharing the most weight). */
  maxCandidates: number;
  /** Candidates are looked up through a claim's rarest keys only, this many of them. */
  lookupKeys: number;
  /** Weight of a synonym or derived-form match relative to the same lemma. */
  conceptMatchWeight: number;
  /** Extra weight of a shared entity relative to a shared word of the same rarity. */
  entityBoost: number;
}

export const MATCH_DEFAULTS: MatchOptions = { minScore: 0.25, maxKeyShare: 0.25, maxPosting: 60, maxCandidates: 40, lookupKeys: 10, conceptMatchWeight: 0.8, entityBoost: 1.5 };

interface Feature {
  lemma: string;
  concepts: string[];
  /** The lemma and its concepts: the keys the inverted index knows the feature by. */
  keys: string[];
  weight: number;
}

export interface ClaimVector {
  claim: Claim;
  features: Feature[];
  total: number;
  /** The features' lemmas and concept keys as sets, for fast matching. */
  lemmaSet: Set<string>;
  conceptSet: Set<string>;
}

export interface ClaimPair {
  a: number;
  b: number;
  score: number;
}

const IGNORED_LEMMAS = new Set(['say', 'tell', 'also', 'be', 'have', 'do', 'make', 'include', 'accord', 'report', 'state']);

/** Weighted features of every claim, with IDF computed over the claims given. */
export function buildVectors(claims: Claim[], sentenceOf: (claim: Claim) => Sentence | undefined, options: Partial<MatchOptions> = {}): ClaimVector[] {
  const opts = { ...MATCH_DEFAULTS, ...options };
  const raw = claims.map((claim) => {
    const sentence = sentenceOf(claim);
    const words = sentence ? contentTokens(sentence).filter((t) => t.pos !== 'PROPN' && !IGNORED_LEMMAS.has(t.lemma)) : [];
    const items = new Map<string, string[]>();
    for (const t of words) {
      const lemma = foldLemma(t.lemma);
      if (!items.has(lemma)) items.set(lemma, conceptKeys(t.lemma, t.pos).map((k) => `c:${k}`));
    }
    for (const id of claim.entityIds) items.set(`e:${id}`, []);
    return items;
  });
  const df = new Map<string, number>();
  for (const items of raw) for (const key of items.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = claims.length;
  return raw.map((items, i) => {
    const features: Feature[] = [];
    for (const [lemma, concepts] of items) {
      const idf = Math.log((n + 1) / ((df.get(lemma) ?? 0) + 0.5));
      features.push({ lemma, concepts, keys: [lemma, ...concepts], weight: Math.max(0.05, idf) * (lemma.startsWith('e:') ? opts.entityBoost : 1) });
    }
    return {
      claim: claims[i]!,
      features,
      total: features.reduce((s, f) => s + f.weight, 0),
      lemmaSet: new Set(features.map((f) => f.lemma)),
      conceptSet: new Set(features.flatMap((f) => f.concepts)),
    };
  });
}

/** Similarity (0..1) of two claim vectors: matched feature weight over total weight, both ways. */
export function claimSimilarity(a: ClaimVector, b: ClaimVector, options: Partial<MatchOptions> = {}): number {
  const opts = { ...MATCH_DEFAULTS, ...options };
  if (a.total === 0 || b.total === 0) return 0;
  return (matchedWeight(a, b, opts) + matchedWeight(b, a, opts)) / (a.total + b.total);
}

function matchedWeight(from: ClaimVector, to: ClaimVector, opts: MatchOptions): number {
  let sum = 0;
  for (const f of from.features) {
    if (to.lemmaSet.has(f.lemma)) sum += f.weight;
    else if (f.concepts.some((c) => to.conceptSet.has(c))) sum += f.weight * opts.conceptMatchWeight;
  }
  return sum;
}

/**
 * Pairs of claims from different documents scoring at least `minScore`, best first.
 * Candidates share a key that is not too common in the story (an inverted index), so the cost
 * grows with the number of claims times the candidates kept, not with its square.
 */
export function similarPairs(vectors: ClaimVector[], options: Partial<MatchOptions> = {}): ClaimPair[] {
  const opts = { ...MATCH_DEFAULTS, ...options };
  const index = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const key of keysOf(v)) {
      const list = index.get(key) ?? [];
      list.push(i);
      index.set(key, list);
    }
  });
  const maxPosting = Math.min(opts.maxPosting, Math.max(8, Math.ceil(vectors.length * opts.maxKeyShare)));
  const pairs: ClaimPair[] = [];
  vectors.forEach((v, i) => {
    const shared = new Map<number, number>();
    const rarest = [...v.features].sort((x, y) => y.weight - x.weight || (x.lemma < y.lemma ? -1 : 1)).slice(0, opts.lookupKeys);
    for (const f of rarest) {
      for (const key of f.keys) {
        const posting = index.get(key);
        if (!posting || posting.length > maxPosting) continue;
        for (const j of posting) if (j > i && vectors[j]!.claim.documentId !== v.claim.documentId) shared.set(j, (shared.get(j) ?? 0) + f.weight);
      }
    }
    // A pair can reach minScore only if its rare keys carry a fair part of that weight: prune first, then rank.
    const floor = 0.5 * opts.minScore * v.total * (opts.lookupKeys / Math.max(opts.lookupKeys, v.features.length));
    const kept: [number, number][] = [];
    for (const entry of shared) if (entry[1] >= floor) kept.push(entry);
    const candidates = kept.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, opts.maxCandidates);
    for (const [j] of candidates) {
      const score = claimSimilarity(v, vectors[j]!, opts);
      if (score >= opts.minScore) pairs.push({ a: i, b: j, score });
    }
  });
  return pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

function keysOf(v: ClaimVector): Set<string> {
  return new Set([...v.lemmaSet, ...v.conceptSet]);
}
