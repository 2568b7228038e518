// Bisecting a story in two (spherical 2-means over IDF-weighted term and name vectors), so a story
// that swallowed two events of the same kind can be split. It does not decide whether to keep the split.
import type { DocFeatures } from './features.ts';
import { weightedCosine } from './score.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Two groups of `docs` with the most different vocabularies and names, or undefined when a group
 * would have fewer than `minPart` articles. Deterministic: seeds are the article farthest from the
 * story's centroid and the article farthest from that one.
 */
export function bisect(docs: DocFeatures[], vocab: Vocabulary, minPart: number, iterations = 6): [DocFeatures[], DocFeatures[]] | undefined {
  if (docs.length < 2 * minPart) return undefined;
  const all = centroid(docs);
  const first = farthest(docs, all, vocab);
  const second = farthest(docs, { terms: first.terms, names: first.names }, vocab);
  if (first === second) return undefined;
  let a: Centroid = { terms: first.terms, names: first.names };
  let b: Centroid = { terms: second.terms, names: second.names };
  let groups: [DocFeatures[], DocFeatures[]] = [[], []];
  for (let i = 0; i < iterations; i++) {
    const next: [DocFeatures[], DocFeatures[]] = [[], []];
    for (const doc of docs) next[similarity(doc, a, vocab) >= similarity(doc, b, vocab) ? 0 : 1].push(doc);
    if (next[0].length === 0 || next[1].length === 0) return undefined;
    const stable = next[0].length === groups[0].length && next[0].every((d, j) => d === groups[0][j]);
    groups = next;
    if (stable) break;
    a = centroid(groups[0]);
    b = centroid(groups[1]);
  }
  if (groups[0].length < minPart || groups[1].length < minPart) return undefined;
  return groups;
}

interface Centroid {
  terms: Map<string, number>;
  names: Map<string, number>;
}

function centroid(docs: DocFeatures[]): Centroid {
  const terms = new Map<string, number>();
  const names = new Map<string, number>();
  for (const d of docs) {
    for (const [k, v] of d.terms) terms.set(k, (terms.get(k) ?? 0) + v);
    for (const [k, v] of d.names) names.set(k, (names.get(k) ?? 0) + v);
  }
  return { terms, names };
}

function similarity(doc: DocFeatures, c: Centroid, vocab: Vocabulary): number {
  const terms = weightedCosine(doc.terms, c.terms, vocab.idf, false, vocab.docs).value;
  return terms + weightedCosine(doc.names, c.names, vocab.nameIdf, false, vocab.docs).value;
}

function farthest(docs: DocFeatures[], c: Centroid, vocab: Vocabulary): DocFeatures {
  let best = docs[0]!;
  let low = Infinity;
  for (const doc of docs) {
    const s = similarity(doc, c, vocab);
    if (s < low) {
      low = s;
      best = doc;
    }
  }
  return best;
}
