// Decides which articles of a story copy or rewrite one another: verbatim shared passages, and shared
// phrasing — independent reports of one event share its facts (names, figures, key nouns) but rarely
// the pairs of words they are written in, which a rewrite keeps. Groups articles into lineages.
import type { AnnotatedDocument, Lineage, ProvenanceEdge, SharedPassage } from '../types.ts';
import type { ClaimPair, ClaimVector } from './match.ts';

export interface ProvenanceOptions {
  /** Sentence pairs scoring at least this are shown as the shared passages of two articles. */
  minPassageScore: number;
  /** Fewest matched sentence pairs, in the same order in both articles, behind a rewrite. */
  minRewritePassages: number;
  /**
   * Share of the shorter article's phrasing (pairs of consecutive content words, names excluded)
   * found in the other that makes a rewrite. Each word pair is weighted by how rare it is in the
   * story (log((N+1)/df) over its N articles), so phrasing every report of the event uses counts
   * little. Measured: rewrites 0.089–0.222, independent reports at most 0.071 (docs/analysis.md).
   */
  minRewritePhrasing: number;
  /** The same share, unweighted, for stories too small to tell story-wide phrasing apart. */
  minRewritePhrasingSmallStory: number;
  /** Stories with fewer articles than this use the unweighted share. */
  minArticlesForWeighting: number;
  /** Unweighted shared phrasing from which two articles are near-copies, counted once for rarity. */
  cloneShare: number;
  /** Fewest shared word pairs behind a rewrite, so that two short texts do not qualify by chance. */
  minSharedPhrases: number;
  /** Share of the shorter article covered by verbatim word runs that makes a copy. */
  minCopyCoverage: number;
  /** Words in a verbatim run. */
  shingleWords: number;
}

export const PROVENANCE_DEFAULTS: ProvenanceOptions = {
  minPassageScore: 0.25,
  minRewritePassages: 2,
  minRewritePhrasing: 0.08,
  minRewritePhrasingSmallStory: 0.12,
  minArticlesForWeighting: 4,
  cloneShare: 0.4,
  minSharedPhrases: 8,
  minCopyCoverage: 0.5,
  shingleWords: 8,
};

export interface ProvenanceResult {
  edges: ProvenanceEdge[];
  lineages: Lineage[];
  /** Document id → lineage id. */
  lineageOf: Map<string, string>;
  /** Claim pairs (vector indices) that a copy or rewrite passes on sentence for sentence. */
  carriedOver: ClaimPair[];
}

interface Match {
  /** Sentence indices in the two documents. */
  a: number;
  b: number;
  score: number;
  /** The claim vectors the sentences belong to. */
  pair: ClaimPair;
}

/** Provenance edges between the story's documents and the lineages they form. */
export function findProvenance(docs: AnnotatedDocument[], vectors: ClaimVector[], pairs: ClaimPair[], options: Partial<ProvenanceOptions> = {}): ProvenanceResult {
  const opts = { ...PROVENANCE_DEFAULTS, ...options };
  const byId = new Map(docs.map((d) => [d.doc.id, d]));
  const perPair = new Map<string, Match[]>();
  for (const p of pairs) {
    if (p.score < opts.minPassageScore) continue;
    let x = vectors[p.a]!.claim;
    let y = vectors[p.b]!.claim;
    if (x.documentId > y.documentId) [x, y] = [y, x];
    const key = `${x.documentId}\u0000${y.documentId}`;
    const list = perPair.get(key) ?? [];
    list.push({ a: x.sentenceIndex, b: y.sentenceIndex, score: p.score, pair: p });
    perPair.set(key, list);
  }
  const edges: ProvenanceEdge[] = [];
  const carriedOver: ClaimPair[] = [];
  const weighted = docs.length >= opts.minArticlesForWeighting;
  // Only pairs with enough matched sentences can be a copy or a rewrite; the rest are not compared further.
  for (const [key, matches] of perPair) if (matches.length < opts.minRewritePassages) perPair.delete(key);
  const weightOf = weighted ? phraseWeights(docs, nearCopies(byId, [...perPair.keys()], opts.cloneShare)) : () => 1;
  const minShare = weighted ? opts.minRewritePhrasing : opts.minRewritePhrasingSmallStory;
  for (const [key, matches] of [...perPair.entries()].sort((p, q) => (p[0] < q[0] ? -1 : 1))) {
    const [idA, idB] = key.split('\u0000') as [string, string];
    const docA = byId.get(idA)!;
    const docB = byId.get(idB)!;
    const chain = orderedChain(oneToOne(matches));
    const verbatim = verbatimCoverage(shinglesOf(docA, opts.shingleWords), shinglesOf(docB, opts.shingleWords));
    const phrasing = sharedPhrasing(phrasesOf(docA), phrasesOf(docB), weightOf);
    const rewritten = phrasing.share >= minShare && phrasing.count >= opts.minSharedPhrases && chain.length >= opts.minRewritePassages;
    const relation = verbatim >= opts.minCopyCoverage ? 'copy' : rewritten ? 'rewrite' : 'independent';
    if (relation !== 'independent') carriedOver.push(...chain.map((m) => m.pair));
    const [from, to] = orient(docA, docB);
    const flip = from.doc.id !== idA;
    const passages: SharedPassage[] = chain.map((m) => {
      const sa = docA.sentences[m.a]!;
      const sb = docB.sentences[m.b]!;
      const [f, t] = flip ? [sb, sa] : [sa, sb];
      return { fromStart: f.start, fromEnd: f.end, toStart: t.start, toEnd: t.end, similarity: round(m.score) };
    });
    edges.push({ from: from.doc.id, to: to.doc.id, relation, similarity: round(Math.max(phrasing.share, verbatim)), sharedPassages: passages });
  }
  return { edges, carriedOver, ...lineagesOf(docs, edges) };
}

const PHRASE_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN', 'NUM']);
const phraseCache = new WeakMap<AnnotatedDocument, Set<string>>();

/** Pairs of consecutive content words (lemmas) of each sentence, except pairs of two names. */
export function phrasesOf(doc: AnnotatedDocument): Set<string> {
  const cached = phraseCache.get(doc);
  if (cached) return cached;
  const phrases = new Set<string>();
  for (const sentence of doc.sentences) {
    const words = sentence.tokens.filter((t) => PHRASE_POS.has(t.pos) && !t.isStop && /\p{L}/u.test(t.text));
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i]!;
      const b = words[i + 1]!;
      if (a.pos === 'PROPN' && b.pos === 'PROPN') continue;
      phrases.add(`${a.lemma.replace(/-/g, '')} ${b.lemma.replace(/-/g, '')}`);
    }
  }
  phraseCache.set(doc, phrases);
  return phrases;
}

/** How many of the shorter text's word pairs the other has, and their (weighted) share. */
export function sharedPhrasing(a: Set<string>, b: Set<string>, weightOf: (phrase: string) => number = () => 1): { count: number; share: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let count = 0;
  let shared = 0;
  let total = 0;
  for (const p of small) {
    const w = weightOf(p);
    total += w;
    if (large.has(p)) {
      count++;
      shared += w;
    }
  }
  return { count, share: total ? shared / total : 0 };
}

/**
 * Weight of each word pair by its rarity among the story's articles: log((N + 1) / df), where
 * near-copies count as one article — otherwise adding a copy of an article would make its
 * phrasing look common and break its other links.
 */
function phraseWeights(docs: AnnotatedDocument[], cloneOf: Map<string, string>): (phrase: string) => number {
  const groups = new Map<string, Set<string>>();
  for (const d of docs) {
    const root = cloneOf.get(d.doc.id) ?? d.doc.id;
    const set = groups.get(root) ?? new Set<string>();
    for (const p of phrasesOf(d)) set.add(p);
    groups.set(root, set);
  }
  const df = new Map<string, number>();
  for (const set of groups.values()) for (const p of set) df.set(p, (df.get(p) ?? 0) + 1);
  const n = groups.size;
  return (p) => Math.log((n + 1) / (df.get(p) ?? 1));
}

/** Document id → the id standing for its group of near-copies (unweighted shared phrasing ≥ `share`). */
function nearCopies(byId: Map<string, AnnotatedDocument>, pairKeys: string[], share: number): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const key of pairKeys.sort()) {
    const [a, b] = key.split('\u0000') as [string, string];
    if (sharedPhrasing(phrasesOf(byId.get(a)!), phrasesOf(byId.get(b)!)).share < share) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const out = new Map<string, string>();
  for (const id of byId.keys()) out.set(id, find(id));
  return out;
}

/** Keep each sentence in at most one pair, best scores first. */
function oneToOne(matches: Match[]): Match[] {
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const kept: Match[] = [];
  for (const m of [...matches].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)) {
    if (usedA.has(m.a) || usedB.has(m.b)) continue;
    usedA.add(m.a);
    usedB.add(m.b);
    kept.push(m);
  }
  return kept.sort((x, y) => x.a - y.a);
}

/** The heaviest chain of pairs in the same order in both articles (weighted longest increasing subsequence). */
function orderedChain(matches: Match[]): Match[] {
  const best: number[] = [];
  const prev: number[] = [];
  matches.forEach((m, i) => {
    best[i] = m.score;
    prev[i] = -1;
    for (let j = 0; j < i; j++) {
      if (matches[j]!.b < m.b && best[j]! + m.score > best[i]!) {
        best[i] = best[j]! + m.score;
        prev[i] = j;
      }
    }
  });
  let end = -1;
  best.forEach((v, i) => {
    if (end < 0 || v > best[end]!) end = i;
  });
  const chain: Match[] = [];
  for (let i = end; i >= 0; i = prev[i]!) chain.unshift(matches[i]!);
  return chain;
}

const shingleCache = new WeakMap<AnnotatedDocument, { n: number; set: Set<string> }>();

/** The document's runs of `n` words, lower-cased, computed once per document. */
function shinglesOf(doc: AnnotatedDocument, n: number): Set<string> {
  const cached = shingleCache.get(doc);
  if (cached?.n === n) return cached.set;
  const set = wordRuns(doc.doc.text, n);
  shingleCache.set(doc, { n, set });
  return set;
}

/** The runs of `n` consecutive words of a text. */
export function wordRuns(text: string, n: number): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** Share of the smaller set of word runs that the other contains verbatim. */
export function verbatimCoverage(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** The earlier article first; without dates, the longer (more complete) one. */
function orient(a: AnnotatedDocument, b: AnnotatedDocument): [AnnotatedDocument, AnnotatedDocument] {
  const da = dateOf(a);
  const db = dateOf(b);
  if (da && db && da !== db) return da < db ? [a, b] : [b, a];
  if (da && !db) return [b, a]; // an undated article is usually the fresher original
  if (db && !da) return [a, b];
  return b.sentences.length > a.sentences.length ? [b, a] : [a, b];
}

function lineagesOf(docs: AnnotatedDocument[], edges: ProvenanceEdge[]): { lineages: Lineage[]; lineageOf: Map<string, string> } {
  const parent = new Map(docs.map((d) => [d.doc.id, d.doc.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const e of edges) if (e.relation !== 'independent') parent.set(find(e.to), find(e.from));
  const groups = new Map<string, AnnotatedDocument[]>();
  for (const d of docs) {
    const root = find(d.doc.id);
    groups.set(root, [...(groups.get(root) ?? []), d]);
  }
  const lineages: Lineage[] = [];
  const lineageOf = new Map<string, string>();
  const sorted = [...groups.values()].map((g) => g.sort((x, y) => x.doc.id.localeCompare(y.doc.id))).sort((x, y) => x[0]!.doc.id.localeCompare(y[0]!.doc.id));
  sorted.forEach((members, i) => {
    const id = `lineage-${i + 1}`;
    const dated = members.filter((m) => dateOf(m)).sort((x, y) => dateOf(x)!.localeCompare(dateOf(y)!));
    // Earliest only when every member is dated (by publication or by what it embeds).
    const earliest = dated.length === members.length ? dated[0] : undefined;
    const mostComplete = [...members].sort((x, y) => y.sentences.length - x.sentences.length || x.doc.id.localeCompare(y.doc.id))[0];
    lineages.push({ id, documentIds: members.map((m) => m.doc.id), ...(earliest ? { earliest: earliest.doc.id } : {}), ...(mostComplete ? { mostComplete: mostComplete.doc.id } : {}) });
    for (const m of members) lineageOf.set(m.doc.id, id);
  });
  return { lineages, lineageOf };
}

/** Publication date, else the reference date read from embeds. */
function dateOf(doc: AnnotatedDocument): string | undefined {
  return doc.doc.publishedAt?.slice(0, 10) ?? doc.referenceDate?.date;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
