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
  // IDF weights are applied once per article here, not once per comparison.
  const weighted = docs.map((doc) => weigh(doc, vocab));
  const first = farthest(weighted, centroid(weighted));
  const second = farthest(weighted, first);
  if (first === second) return undefined;
  let a: Vectors = first;
  let b: Vectors = second;
  let groups: [Weighted[], Weighted[]] = [[], []];
  for (let i = 0; i < iterations; i++) {
    const next: [Weighted[], Weighted[]] = [[], []];
    for (const w of weighted) next[similarity(w, a) >= similarity(w, b) ? 0 : 1].push(w);
    if (next[0].length === 0 || next[1].length === 0) return undefined;
    const stable = next[0].length === groups[0].length && next[0].every((d, j) => d === groups[0][j]);
    groups = next;
    if (stable) break;
    a = centroid(groups[0]);
    b = centroid(groups[1]);
  }
  if (groups[0].length < minPart || groups[1].length < minPart) return undefined;
  return [groups[0].map((w) => w.doc), groups[1].map((w) => w.doc)];
}

/** IDF-weighted term and name vectors with their norms. */
interface Vectors {
  terms: Map<string, number>;
  names: Map<string, number>;
  termNorm: number;
  nameNorm: number;
}

interface Weighted extends Vectors {
  doc: DocFeatures;
}

function weigh(doc: DocFeatures, vocab: Vocabulary): Weighted {
  const terms = scaled(doc.terms, vocab.idf);
  const names = scaled(doc.names, vocab.nameIdf);
  return { doc, terms, names, termNorm: norm(terms), nameNorm: norm(names) };
}

function scaled(vector: Map<string, number>, idf: (key: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of vector) out.set(k, v * idf(k));
  return out;
}

/** The sum of the members' weighted vectors (a cosine against it is a cosine against their mean). */
function centroid(members: Vectors[]): Vectors {
  const terms = new Map<string, number>();
  const names = new Map<string, number>();
  for (const m of members) {
    for (const [k, v] of m.terms) terms.set(k, (terms.get(k) ?? 0) + v);
    for (const [k, v] of m.names) names.set(k, (names.get(k) ?? 0) + v);
  }
  return { terms, names, termNorm: norm(terms), nameNorm: norm(names) };
}

function norm(vector: Map<string, number>): number {
  let sum = 0;
  for (const v of vector.values()) sum += v * v;
  return Math.sqrt(sum);
}

function cosine(a: Map<string, number>, an: number, b: Map<string, number>, bn: number): number {
  if (an === 0 || bn === 0) return 0;
  let dot = 0;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  return Math.min(1, dot / (an * bn));
}

function similarity(doc: Vectors, c: Vectors): number {
  return cosine(doc.terms, doc.termNorm, c.terms, c.termNorm) + cosine(doc.names, doc.nameNorm, c.names, c.nameNorm);
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
