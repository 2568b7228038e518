// Bisecting a story in two (spherical 2-means over IDF-weighted term and name vectors), so a story
// that swallowed two events of the same kind can be split. It does not decide whether to keep the split.
import type { DocFeatures } from './features.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Two groups of `docs` with the most different vocabularies and names, or undefined when a group
 * would have fewer than `minPart` articles. Deterministic: seeds are the article farthest from the
 * story's centroid and the article farthest from that one.
 */
export function bisect(docs: DocFeatures[], vocab: Vocabulary, minPart: number, iterations = 6): [DocFeatures[], DocFeatures[]] | undefined {
  if (docs.length < 2 * minPart) return undefined;
  // IDF weights are applied once per article here, and every key gets a dense index, so that
  // centroids are arrays and a comparison costs one array read per key of the article.
  const termIndex = new Map<string, number>();
  const nameIndex = new Map<string, number>();
  const weighted = docs.map((doc) => weigh(doc, vocab, termIndex, nameIndex));
  const dims: Dims = { terms: termIndex.size, names: nameIndex.size };
  const first = farthest(weighted, centroid(weighted, dims));
  const second = farthest(weighted, centroid([first], dims));
  if (first === second) return undefined;
  let a = centroid([first], dims);
  let b = centroid([second], dims);
  let groups: [Weighted[], Weighted[]] = [[], []];
  for (let i = 0; i < iterations; i++) {
    const next: [Weighted[], Weighted[]] = [[], []];
    for (const w of weighted) next[similarity(w, a) >= similarity(w, b) ? 0 : 1].push(w);
    if (next[0].length === 0 || next[1].length === 0) return undefined;
    const stable = next[0].length === groups[0].length && next[0].every((d, j) => d === groups[0][j]);
    groups = next;
    if (stable) break;
    a = centroid(groups[0], dims);
    b = centroid(groups[1], dims);
  }
  if (groups[0].length < minPart || groups[1].length < minPart) return undefined;
  return [groups[0].map((w) => w.doc), groups[1].map((w) => w.doc)];
}

/** A sparse vector over dense key indexes: `values[i]` is the weight of key `keys[i]`. */
interface Sparse {
  keys: Int32Array;
  values: Float64Array;
  norm: number;
}

/** A group's summed IDF-weighted term and name vectors, dense (indexed by key), with their norms. */
interface Vectors {
  terms: Float64Array;
  names: Float64Array;
  termNorm: number;
  nameNorm: number;
}

/** An article's IDF-weighted term and name vectors, sparse. */
interface Weighted {
  doc: DocFeatures;
  terms: Sparse;
  names: Sparse;
}

interface Dims {
  terms: number;
  names: number;
}

function weigh(doc: DocFeatures, vocab: Vocabulary, termIndex: Map<string, number>, nameIndex: Map<string, number>): Weighted {
  const terms = sparse(doc.terms, vocab.idf, termIndex);
  const names = sparse(doc.names, vocab.nameIdf, nameIndex);
  return { doc, terms, names };
}

function sparse(vector: Map<string, number>, idf: (key: string) => number, index: Map<string, number>): Sparse {
  const keys = new Int32Array(vector.size);
  const values = new Float64Array(vector.size);
  let i = 0;
  let sum = 0;
  for (const [k, v] of vector) {
    let at = index.get(k);
    if (at === undefined) index.set(k, (at = index.size));
    const w = v * idf(k);
    keys[i] = at;
    values[i++] = w;
    sum += w * w;
  }
  return { keys, values, norm: Math.sqrt(sum) };
}

/** The sum of the members' weighted vectors (a cosine against it is a cosine against their mean). */
function centroid(members: Weighted[], dims: Dims): Vectors {
  const terms = new Float64Array(dims.terms);
  const names = new Float64Array(dims.names);
  for (const m of members) {
    addInto(terms, m.terms);
    addInto(names, m.names);
  }
  return { terms, names, termNorm: denseNorm(terms), nameNorm: denseNorm(names) };
}

function addInto(sum: Float64Array, v: Sparse): void {
  for (let i = 0; i < v.keys.length; i++) sum[v.keys[i]!]! += v.values[i]!;
}

function denseNorm(vector: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  return Math.sqrt(sum);
}

/** Cosine of an article's sparse vector with a group's dense sum. */
function cosine(a: Sparse, b: Float64Array, bn: number): number {
  if (a.norm === 0 || bn === 0) return 0;
  let dot = 0;
  for (let i = 0; i < a.keys.length; i++) dot += a.values[i]! * b[a.keys[i]!]!;
  return Math.min(1, dot / (a.norm * bn));
}

function similarity(doc: Weighted, c: Vectors): number {
  return cosine(doc.terms, c.terms, c.termNorm) + cosine(doc.names, c.names, c.nameNorm);
}

function farthest(docs: Weighted[], c: Vectors): Weighted {
  let best = docs[0]!;
  let low = Infinity;
  for (const doc of docs) {
    const s = similarity(doc, c);
    if (s < low) {
      low = s;
      best = doc;
    }
  }
  return best;
}
