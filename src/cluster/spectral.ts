// Does a story hold one event or two? Spectral bisection of the story's own similarity graph, scored by
// its normalized cut. It does not decide what to do with the answer (stream.ts splits, regroups, or
// refuses a merge).
//
// Why this shape (measured on ECB+ dev, docs/clustering.md): two events of one kind share most of their
// vocabulary, so corpus-wide weights make them look alike, and one event told by several lineages of
// text has sub-groups too. What separates the two cases is how the articles connect:
// - weights come from the story's own document frequencies, so the words every article of the story
//   uses ("Chargers", "arrested", "DUI") count for nothing and the ones that tell its articles apart
//   ("Jackson" / "Williams", "Route 52" / "Route 94", 2008 / 2013) count most;
// - each article links only to its few nearest neighbours, so a lineage of copies cannot outweigh the
//   rest, and two events fall into two groups with few links between them;
// - the normalized cut of the best sweep over the graph's Fiedler vector (cut / volume of each side)
//   is low for two events (median 0.02 over 33 ECB+ topics) and high for one event told many ways
//   (median 0.66 over its 62 events of six or more articles), which a threshold can tell apart where
//   a score between the two halves' profiles could not;
// - copies and rewrites of one text (a lineage) are not linked to each other and are never divided,
//   so that many copies of two wire texts cannot pass for two events.
// Written here: nothing on npm computes a sparse graph's Fiedler vector without a numeric stack, and
// a story's sample is small (≤ 150 articles), so power iteration is enough.
import { figureAndDateKeys, SIMILARITY_FAMILY_WEIGHTS, type DocFeatures } from './features.ts';
import { estimateJaccard } from './minhash.ts';

export interface SpectralOptions {
  /** Nearest neighbours each article links to. */
  neighbours: number;
  /** Each side of the bisection must hold at least this many articles. */
  minPart: number;
  /** Articles whose estimated shingle Jaccard reaches this are one lineage: not linked to each other, never divided. */
  lineageJaccard: number;
}

export interface Bisection {
  parts: [DocFeatures[], DocFeatures[]];
  /** Normalized cut of the bisection: cut/vol(A) + cut/vol(B), 0 (no links between the sides) to 2 (2 also when a side is one lineage with no other link). */
  cut: number;
  /** Lineages among the articles (groups that share passages, each swept whole). */
  lineages: number;
  /** The articles of the largest lineage (the first of the largest): linked only outside itself, the cut cannot part it from the rest. */
  largestLineage: DocFeatures[];
}

const MAX_ITERATIONS = 2000;
const TOLERANCE = 1e-10;

/**
 * The bisection of `docs` with the lowest normalized cut over the story-local nearest-neighbour graph
 * (lineages swept whole), or undefined when there are too few articles for two sides of `minPart`
 * or no links at all. Deterministic.
 */
export function spectralBisect(docs: DocFeatures[], options: SpectralOptions): Bisection | undefined {
  if (docs.length < 2 * options.minPart) return undefined;
  return bestBisection(storyGraph(docs, options), options.minPart);
}

/**
 * The best bisection of `docs` (as {@link spectralBisect}) beside the normalized cut of the partition
 * they are in now (`first` against the rest), in the same graph: whether two stories are better
 * divided another way.
 */
export function bisectAgainst(docs: DocFeatures[], first: ReadonlySet<string>, options: SpectralOptions): { best?: Bisection; currentCut: number } {
  const story = storyGraph(docs, options);
  const inFirst = Uint8Array.from(docs, (d) => (first.has(d.id) ? 1 : 0));
  return { best: docs.length < 2 * options.minPart ? undefined : bestBisection(story, options.minPart), currentCut: partitionCut(story.graph, inFirst) };
}

interface StoryGraph {
  docs: DocFeatures[];
  groups: number[][];
  graph: Graph;
}

function storyGraph(docs: DocFeatures[], options: SpectralOptions): StoryGraph {
  const groups = lineages(docs, options.lineageJaccard);
  const lineageOf = new Int32Array(docs.length);
  groups.forEach((members, g) => members.forEach((i) => (lineageOf[i] = g)));
  const graph = nearestNeighbourGraph(localSimilarity(docs), docs.length, options.neighbours, lineageOf);
  return { docs, groups, graph };
}

function bestBisection({ docs, groups, graph }: StoryGraph, minPart: number): Bisection | undefined {
  const vector = fiedlerVector(graph);
  // Lineages are never divided: they are ordered by their articles' mean value and swept whole.
  const mean = groups.map((members) => members.reduce((sum, i) => sum + vector[i]!, 0) / members.length);
  const order = groups.map((_, g) => g).sort((a, b) => mean[a]! - mean[b]! || a - b);
  const best = bestSweep(graph, order.map((g) => groups[g]!), minPart);
  if (!best) return undefined;
  const inFirst = new Uint8Array(docs.length);
  for (let p = 0; p < best.size; p++) for (const i of groups[order[p]!]!) inFirst[i] = 1;
  const first: DocFeatures[] = [];
  const second: DocFeatures[] = [];
  docs.forEach((doc, i) => (inFirst[i] ? first : second).push(doc));
  const largest = groups.reduce((a, b) => (b.length > a.length ? b : a));
  return { parts: [first, second], cut: best.cut, lineages: groups.length, largestLineage: largest.map((i) => docs[i]!) };
}

/** Normalized cut of the partition `inFirst` (1: first side) of the graph; 2 when a side has no links. */
function partitionCut(g: Graph, inFirst: Uint8Array): number {
  let cut = 0;
  let volA = 0;
  let volB = 0;
  for (let i = 0; i < g.n; i++) {
    if (inFirst[i]) volA += g.degree[i]!;
    else volB += g.degree[i]!;
    if (!inFirst[i]) continue;
    const nb = g.neighbours[i]!;
    const w = g.weights[i]!;
    for (let j = 0; j < nb.length; j++) if (!inFirst[nb[j]!]) cut += w[j]!;
  }
  return volA > 0 && volB > 0 ? cut / volA + cut / volB : 2;
}

/**
 * Articles grouped into lineages: two articles whose estimated shingle Jaccard reaches `threshold`
 * share passages (a copy, a rewrite, a recombination of one text), linked transitively. Groups list
 * article indexes, in order of their first article.
 */
export function lineages(docs: DocFeatures[], threshold: number): number[][] {
  const parent = docs.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let a = 0; a < docs.length; a++) {
    for (let b = a + 1; b < docs.length; b++) {
      if (find(a) !== find(b) && estimateJaccard(docs[a]!.signature, docs[b]!.signature) >= threshold) {
        const [low, high] = find(a) < find(b) ? [find(a), find(b)] : [find(b), find(a)];
        parent[high] = low;
      }
    }
  }
  const groups = new Map<number, number[]>();
  docs.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}

/** Pairwise similarity (row-major n × n) of the articles, weighted by the story's own document frequencies. */
export function localSimilarity(docs: DocFeatures[]): Float64Array {
  const n = docs.length;
  const total = new Float64Array(n * n);
  const w = SIMILARITY_FAMILY_WEIGHTS;
  const families: [readonly Map<string, number>[], number][] = [
    [docs.map((d) => d.terms), w.terms],
    [docs.map((d) => d.names), w.names],
    [docs.map((d) => figureAndDateKeys(d)), w.figures],
  ];
  const weightSum = w.terms + w.names + w.figures;
  for (const [vectors, weight] of families) addCosines(vectors, weight / weightSum, total);
  return total;
}

/** Adds weight × cosine of every pair of `vectors` (idf = ln((n + 1) / (df + 0.5)) over these n) into `total`. */
function addCosines(vectors: readonly Map<string, number>[], weight: number, total: Float64Array): void {
  const n = vectors.length;
  const index = new Map<string, number>();
  const df: number[] = [];
  for (const v of vectors) {
    for (const key of v.keys()) {
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, df.length);
        df.push(1);
      } else df[at]!++;
    }
  }
  const idf = df.map((f) => Math.log((n + 1) / (f + 0.5)));
  const rows = vectors.map((v) => {
    const keys = new Int32Array(v.size);
    const values = new Float64Array(v.size);
    let i = 0;
    let sum = 0;
    for (const [key, w] of v) {
      const at = index.get(key)!;
      const x = w * idf[at]!;
      keys[i] = at;
      values[i++] = x;
      sum += x * x;
    }
    const norm = Math.sqrt(sum);
    if (norm > 0) for (let j = 0; j < values.length; j++) values[j]! /= norm;
    return { keys, values };
  });
  const dense = new Float64Array(df.length);
  for (let a = 0; a < n; a++) {
    const ra = rows[a]!;
    for (let j = 0; j < ra.keys.length; j++) dense[ra.keys[j]!] = ra.values[j]!;
    for (let b = a + 1; b < n; b++) {
      const rb = rows[b]!;
      let dot = 0;
      for (let j = 0; j < rb.keys.length; j++) dot += rb.values[j]! * dense[rb.keys[j]!]!;
      if (dot !== 0) {
        total[a * n + b]! += weight * dot;
        total[b * n + a]! += weight * dot;
      }
    }
    for (let j = 0; j < ra.keys.length; j++) dense[ra.keys[j]!] = 0;
  }
}

/** A symmetric weighted graph in adjacency lists. */
interface Graph {
  n: number;
  neighbours: Int32Array[];
  weights: Float64Array[];
  degree: Float64Array;
}

/**
 * Each article linked to its k most similar articles of other lineages (ties: lower index),
 * symmetrised by the larger weight. Articles of one lineage are not linked to each other: copies are
 * always each other's nearest, and would otherwise form a group of their own.
 */
function nearestNeighbourGraph(similarity: Float64Array, n: number, k: number, lineageOf: Int32Array): Graph {
  const edges = Array.from({ length: n }, () => new Map<number, number>());
  for (let a = 0; a < n; a++) {
    const others: number[] = [];
    for (let b = 0; b < n; b++) if (lineageOf[b] !== lineageOf[a]) others.push(b);
    others.sort((x, y) => similarity[a * n + y]! - similarity[a * n + x]! || x - y);
    for (const b of others.slice(0, k)) {
      const w = similarity[a * n + b]!;
      if (w <= 0) continue;
      if (w > (edges[a]!.get(b) ?? 0)) {
        edges[a]!.set(b, w);
        edges[b]!.set(a, w);
      }
    }
  }
  const neighbours = edges.map((e) => Int32Array.from(e.keys()));
  const weights = edges.map((e) => Float64Array.from(e.values()));
  const degree = Float64Array.from(weights, (w) => w.reduce((s, x) => s + x, 0));
  return { n, neighbours, weights, degree };
}

/**
 * The second eigenvector of D^-1/2 A D^-1/2, scaled back by D^-1/2 (the relaxed normalized-cut
 * indicator). Power iteration on (M + I) / 2, kept orthogonal to the known first eigenvector √d.
 */
function fiedlerVector(g: Graph): Float64Array {
  const { n, degree } = g;
  const root = Float64Array.from(degree, (d) => Math.sqrt(d));
  const rootNorm = Math.hypot(...root);
  const first = Float64Array.from(root, (r) => (rootNorm > 0 ? r / rootNorm : 0));
  let v = new Float64Array(n);
  // A deterministic start with no symmetry to get stuck on.
  for (let i = 0; i < n; i++) v[i] = (((i + 1) * 2654435761) % 4294967296) / 4294967296 - 0.5;
  orthonormalize(v, first);
  let next = new Float64Array(n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      const nb = g.neighbours[i]!;
      const w = g.weights[i]!;
      const ri = root[i]!;
      if (ri > 0) for (let j = 0; j < nb.length; j++) sum += (w[j]! * v[nb[j]!]!) / root[nb[j]!]!;
      next[i] = ((ri > 0 ? sum / ri : 0) + v[i]!) / 2;
    }
    orthonormalize(next, first);
    let change = 0;
    for (let i = 0; i < n; i++) change += (next[i]! - v[i]!) ** 2;
    [v, next] = [next, v];
    if (change < TOLERANCE) break;
  }
  return Float64Array.from(v, (x, i) => (root[i]! > 0 ? x / root[i]! : 0));
}

function orthonormalize(v: Float64Array, unit: Float64Array): void {
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i]! * unit[i]!;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    v[i]! -= dot * unit[i]!;
    sum += v[i]! * v[i]!;
  }
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
}

/**
 * The prefix of `order` (lineages, each a list of articles; at least minPart articles on each side)
 * whose normalized cut against the rest is lowest; `size` counts lineages.
 */
function bestSweep(g: Graph, order: number[][], minPart: number): { size: number; cut: number } | undefined {
  const volume = g.degree.reduce((s, d) => s + d, 0);
  if (volume === 0) return undefined;
  const inA = new Uint8Array(g.n);
  let cut = 0;
  let volA = 0;
  let articles = 0;
  let best: { size: number; cut: number } | undefined;
  for (let p = 0; p < order.length - 1; p++) {
    for (const x of order[p]!) {
      const nb = g.neighbours[x]!;
      const w = g.weights[x]!;
      for (let j = 0; j < nb.length; j++) cut += inA[nb[j]!] ? -w[j]! : w[j]!;
      inA[x] = 1;
      volA += g.degree[x]!;
      articles++;
    }
    if (articles < minPart || g.n - articles < minPart) continue;
    const volB = volume - volA;
    const ncut = volA > 0 && volB > 0 ? Math.max(0, cut) / volA + Math.max(0, cut) / volB : 0;
    if (!best || ncut < best.cut - 1e-12) best = { size: p + 1, cut: ncut };
  }
  return best;
}
