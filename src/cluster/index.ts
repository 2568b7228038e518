// Story clustering, batch entry: runs the articles through the streaming clusterer in publication
// order, so batch and stream share one engine, and makes the result independent of the order the
// articles were given in. Re-exports the module's public API.
//
// Why an order of its own: a stream places each article against the stories that exist when it
// arrives, so articles with the same date (or none) can end differently depending on which comes
// first (ECB+ dev, undated: B³ F1 0.957–0.970 over 8 orders of all 772 articles). A batch has no
// arrival order to respect, so it takes a canonical one: publication date, then a hash of the text.
// The same articles, given in any order, give the same stories. `orders` > 1 also clusters
// reshuffles of the same-date ties and keeps the run whose stories the others agree with most (the
// medoid by B³ F1 between runs); the kept stories are one run of the engine, so every assignment's
// reasons still explain it. Measured in docs/clustering.md (Results).
import type { Story, StoryAssignment } from '../types.ts';
import { bcubed } from './bcubed.ts';
import type { ClusterInput } from './features.ts';
import type { ClusterOptions, StoryChange } from './options.ts';
import { createStoryClusterer } from './stream.ts';

export { createStoryClusterer, type StoryClusterer } from './stream.ts';
export { toClusterInput, fromAnnotated, type ClusterInput } from './features.ts';
export { DEFAULT_CLUSTER_OPTIONS, resolveOptions, type ClusterOptions, type ClusterWeights, type StoryChange, type StreamOptions } from './options.ts';

const MAX_CONSOLIDATION_ROUNDS = 8;

/** Options of the batch only (the stream takes articles in the order they arrive). */
export interface BatchOptions {
  /**
   * Orders the articles are clustered in: the canonical one and `orders` − 1 seeded reshuffles of
   * its ties (same date, or undated); the stories the other runs agree with most are kept. Each
   * order costs one clustering run. 1: the canonical order only. Orders that come out the same (no
   * ties) are run once. Default: 1 ({@link DEFAULT_ORDERS}); at most {@link MAX_ORDERS}.
   */
  orders: number;
  /** Seed of the reshuffles; another seed tries other orders (to measure how much the choice moves the result). */
  orderSeed: number;
  /** Told every 100 articles placed (over all orders) and at the end: (articles placed, articles × orders). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Orders tried unless asked otherwise: one, the canonical order. Measured on ECB+ dev
 * (docs/clustering.md, Results): 5 orders lift the mean B³ F1 over 8 order seeds on all 772 articles
 * from 0.966 to 0.968 and narrow its range (sd 0.0039 → 0.0005), the held-out half from 0.962 to
 * 0.965 but not the tuning half (0.969 either way), at 4–5× the clustering time. Not worth it by default.
 */
export const DEFAULT_ORDERS = 1;

/** Most orders one batch may ask for: each costs a full run and keeps its result until the choice is made. */
export const MAX_ORDERS = 64;

export interface ClusterResult {
  stories: Story[];
  /** One per input article, in input order. */
  assignments: StoryAssignment[];
  /** How the kept run was chosen among the orders tried. */
  ordering: {
    /** Distinct orders clustered. */
    tried: number;
    /** Mean B³ F1 of the kept stories against each other run's (1: every order gave the same stories, or one order was tried). */
    agreement: number;
  };
}

/**
 * Group articles into stories. Deterministic and independent of the input order: the same articles,
 * given in any order, give the same stories. Articles are taken in publication order (undated ones
 * first); unlike the stream, batch keeps every story open to the end (idleDays and idleArticles
 * default to Infinity).
 * @example
 * const { stories } = clusterStories(documents.map(toClusterInput));
 */
export function clusterStories(docs: ClusterInput[], options: Partial<ClusterOptions & BatchOptions> = {}): ClusterResult {
  const { orders = DEFAULT_ORDERS, orderSeed = 0, onProgress, ...clusterOptions } = options;
  if (!(Number.isInteger(orders) && orders >= 1 && orders <= MAX_ORDERS)) throw new RangeError(`orders must be a whole number, 1 or more and at most ${MAX_ORDERS} (got ${orders})`);
  // Orders that come out the same (no ties to reshuffle) are run once.
  const distinct = candidateOrders(docs, orders, orderSeed).filter((order, i, all) => all.findIndex((other) => sameOrder(other, order)) === i);
  const total = docs.length * distinct.length;
  const runs = distinct.map((order, r) => clusterInOrder(docs, order, clusterOptions, onProgress && ((done) => onProgress(docs.length * r + done, total))));
  onProgress?.(total, total);
  const partitions = runs.map((run) => new Map(run.assignments.map((a) => [a.documentId, a.storyId] as const)));
  const agreement = partitions.map((p, i) => partitions.reduce((sum, q, j) => (i === j ? sum : sum + bcubed(p, q).f1), 0));
  let kept = 0;
  for (let i = 1; i < runs.length; i++) if (agreement[i]! > agreement[kept]! + 1e-12) kept = i;
  const others = runs.length - 1;
  return { ...runs[kept]!, ordering: { tried: runs.length, agreement: others > 0 ? agreement[kept]! / others : 1 } };
}

/** One run of the stream over `docs` taken in `order` (indexes), then consolidated until nothing changes. */
function clusterInOrder(docs: ClusterInput[], order: number[], options: Partial<ClusterOptions>, onPlaced?: (done: number) => void): Omit<ClusterResult, 'ordering'> {
  // Everything is in memory already, so no story is closed for idleness: an article republished
  // weeks later still joins its story (as a near-duplicate, and stale for the analysis).
  const lastChange = new Map<string, StoryChange>();
  const clusterer = createStoryClusterer({
    idleDays: Infinity,
    idleArticles: Infinity,
    ...options,
    onChange: (change) => {
      for (const id of change.documentIds) lastChange.set(id, change);
    },
  });
  const assignments: StoryAssignment[] = new Array(docs.length);
  order.forEach((index, i) => {
    assignments[index] = clusterer.add(docs[index]!);
    if (onPlaced && (i + 1) % 100 === 0) onPlaced(i + 1);
  });
  // Consolidate until nothing changes: a split's halves may split again, or merge elsewhere.
  for (let round = 0; round < MAX_CONSOLIDATION_ROUNDS && clusterer.consolidate().length > 0; round++);
  const stories = clusterer.stories();
  const storyOf = new Map(stories.flatMap((s) => s.documentIds.map((id) => [id, s.id] as const)));
  for (const a of assignments) {
    const final = storyOf.get(a.documentId);
    if (final && final !== a.storyId) {
      a.reasons.push({ feature: 'consolidated', value: 1, detail: `moved from ${a.storyId}: ${lastChange.get(a.documentId)?.reason ?? 'its story changed on consolidation'}` });
      a.storyId = final;
    }
  }
  return { stories, assignments };
}

/**
 * `count` orders of the articles, all in publication order (undated first) and differing only in how
 * ties are ordered. With seed 0 the first is the canonical order (ties by a hash of title and text,
 * then by id, which only orders articles with the same text) and the others reshuffle its ties; with
 * another seed every order is a reshuffle (so `orders: 1` with seeds 1, 2, … samples single orders).
 */
function candidateOrders(docs: ClusterInput[], count: number, seed: number): number[][] {
  const keys = docs.map((doc) => publicationKey(doc.publishedAt));
  const hashes = docs.map((doc) => textHash(`${doc.title ?? ''}\n${doc.text}`));
  const byDate = (a: number, b: number): number => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0);
  const canonical = docs.map((_, i) => i);
  canonical.sort((a, b) => byDate(a, b) || hashes[a]! - hashes[b]! || (docs[a]!.id < docs[b]!.id ? -1 : docs[a]!.id > docs[b]!.id ? 1 : a - b));
  const out: number[][] = seed === 0 ? [canonical] : [];
  for (let r = 1; out.length < count; r++) {
    const random = lcg(seed * 7919 + r);
    const order = [...canonical];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    out.push(order.sort(byDate)); // Array.prototype.sort is stable: ties keep their shuffled order
  }
  return out;
}

function sameOrder(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** FNV-1a over UTF-16 code units: a fixed, cheap order for articles, not a fingerprint. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A small deterministic generator in [0, 1) (a linear congruential one; quality is not at stake). */
function lcg(seed: number): () => number {
  let state = (seed >>> 0) || 1;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

function publicationKey(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}
