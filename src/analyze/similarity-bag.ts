// A sentence as a weighted bag of terms (content lemmas with their WordNet concept keys, figures,
// dates) and an IDF-weighted alignment similarity between two bags. No conflict judgement here.
// Own code: the similarity must explain itself (which words matched, how) and take a story's own IDF.
import { distance } from 'fastest-levenshtein';
import { conceptKeys, lemmaKey, nameKeys, senseCount, type ConceptOptions } from '../annotate/synonyms.ts';
import type { Sentence, Token } from '../types.ts';
import { readSlots, type SentenceSlots } from './similarity-slots.ts';

/** One content term of a sentence. */
export interface BagTerm {
  /** Spelling-independent identity: `lemmaKey` of the lemma, `#value` for a figure, `@value` for a date. */
  key: string;
  lemma: string;
  text: string;
  pos: string;
  /** POS weight × IDF of `key`. */
  weight: number;
  /** WordNet concept keys (synsets of frequent senses and derived forms); empty for names and figures. */
  concepts: readonly string[];
  start: number;
  end: number;
}

export interface SentenceBag {
  terms: BagTerm[];
  slots: SentenceSlots;
  /** Sum of term weights. */
  mass: number;
}

export type MatchKind = 'same-lemma' | 'concept' | 'spelling' | 'same-figure' | 'same-date';

export interface TermMatch {
  a: BagTerm;
  b: BagTerm;
  kind: MatchKind;
  /** How much the pair counts (1 for the same lemma, less for a synonym or a near spelling). */
  strength: number;
}

export interface BagOptions {
  /** IDF by term key (a story's own document frequencies, see `idfFromCounts`); absent → 1 for every key. */
  idf?: ReadonlyMap<string, number>;
  /** IDF of a key the map lacks (a term rarer than any counted); default: the map's largest value. */
  idfUnseen?: number;
  /** Weight of a term by its part of speech, before IDF: names and figures say most about a claim. */
  posWeights: Readonly<Record<string, number>>;
  /** Per-term discount for common words when no IDF is given: weight /= 1 + polysemyDiscount × ln(1 + WordNet senses). */
  polysemyDiscount: number;
  /** Credit of a match through a shared WordNet concept (synonym or derived form). */
  conceptMatch: number;
  /** Credit of a near spelling of a name ("Mahmud" ~ "Mahmoud"). */
  spellingMatch: number;
  /** Names at least this long may match by spelling. */
  spellingMinLength: number;
  /** Least 1 − edit distance / length for a spelling match. */
  spellingRatio: number;
  concepts: Partial<ConceptOptions>;
  /** Give names WordNet keys ("Israeli" ~ "Israel", "U.S." ~ "United States"). */
  names: boolean;
}

export const DEFAULT_BAG_OPTIONS: Readonly<BagOptions> = {
  posWeights: { PROPN: 1.6, NUM: 1.4, DATE: 1.2, NOUN: 1.2, VERB: 1.0, ADJ: 0.8, ADV: 0.5, X: 1.0 },
  polysemyDiscount: 0.25,
  conceptMatch: 0.8,
  spellingMatch: 0.8,
  spellingMinLength: 5,
  spellingRatio: 0.8,
  concepts: {},
  names: true,
};

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'X']);
/** Lemmas that carry no claim content even when wink does not mark them as stop words. */
const LIGHT_LEMMAS = new Set(['be', 'have', 'do', "'s", 's', 'also', 'just', 'so', 'then', 'there', 'here', 'very', 'even', 'still']);

/** Shared defaults for optional arguments, so the per-object memo below hits on every call. */
export const NO_OPTIONS: Readonly<Record<string, never>> = Object.freeze({});
const NOTHING_MATCHED: ReadonlySet<string> = new Set();

/** Options objects already merged with the defaults, so hot loops do not merge them again. */
const resolved = new WeakMap<object, BagOptions>();

/** `options` merged with `DEFAULT_BAG_OPTIONS`; memoised per options object (pass the same object to reuse). */
export function withDefaults<T extends Partial<BagOptions>>(options: T): BagOptions & T {
  let o = resolved.get(options);
  if (!o) {
    o = { ...DEFAULT_BAG_OPTIONS, ...options, posWeights: { ...DEFAULT_BAG_OPTIONS.posWeights, ...options.posWeights } };
    resolved.set(options, o);
    resolved.set(o, o);
  }
  return o as BagOptions & T;
}

function isContent(t: Token): boolean {
  return CONTENT_POS.has(t.pos) && !t.isStop && !LIGHT_LEMMAS.has(t.lemma) && /[\p{L}\p{N}]/u.test(t.text);
}

/** Content tokens, with hyphenated compounds ("cease - fire" as wink splits them) joined into one. */
function contentTokens(tokens: Token[], consumed: Set<number>): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (consumed.has(i)) continue;
    const dash = tokens[i + 1];
    const next = tokens[i + 2];
    if (dash && next && dash.text === '-' && dash.start === t.end && next.start === dash.end && /\p{L}/u.test(t.text) && /\p{L}/u.test(next.text)) {
      const lemma = `${t.text.toLowerCase()}-${next.lemma}`;
      out.push({ ...next, text: `${t.text}-${next.text}`, lemma, start: t.start, isStop: false, pos: next.pos === 'PROPN' || t.pos === 'PROPN' ? 'PROPN' : next.pos });
      i += 2;
      continue;
    }
    if (isContent(t)) out.push(t);
  }
  return out;
}

/**
 * Concept keys of a term. A name takes its WordNet instance senses and demonym links (`nameKeys`);
 * a capitalised word WordNet knows only as a common noun ("Minister" in a title, a headline word)
 * takes that noun's keys.
 */
function termConcepts(lemma: string, pos: string, o: BagOptions): string[] {
  if (pos !== 'PROPN') return [...conceptKeys(lemma, pos, o.concepts)];
  const names = nameKeys(lemma);
  return names.length > 0 ? [...names] : [...conceptKeys(lemma, 'NOUN', o.concepts)];
}

function idfOf(key: string, o: BagOptions): number {
  if (!o.idf) return 1;
  return o.idf.get(key) ?? o.idfUnseen ?? maxValue(o.idf);
}

const maxCache = new WeakMap<ReadonlyMap<string, number>, number>();
function maxValue(map: ReadonlyMap<string, number>): number {
  let m = maxCache.get(map);
  if (m === undefined) {
    m = 1;
    for (const v of map.values()) if (v > m) m = v;
    maxCache.set(map, m);
  }
  return m;
}

function termWeight(key: string, lemma: string, pos: string, o: BagOptions): number {
  const base = o.posWeights[pos] ?? 1;
  if (o.idf) return base * idfOf(key, o);
  return base / (1 + o.polysemyDiscount * Math.log(1 + senseCount(lemma, pos)));
}

/**
 * A sentence as a weighted bag of terms, ready for `bagSimilarity` and for blocking by `bagKeys`.
 * Cost: one wink-free pass over the tokens plus cached WordNet lookups (≈ tens of µs per sentence).
 */
export function sentenceBag(sentence: Pick<Sentence, 'tokens'>, options: Partial<BagOptions> = NO_OPTIONS): SentenceBag {
  const o = withDefaults(options);
  const slots = readSlots(sentence.tokens);
  const terms: BagTerm[] = [];
  const content = contentTokens(sentence.tokens, slots.consumed);
  content.forEach((t, i) => {
    const key = lemmaKey(t.lemma);
    if (key === '') return;
    const concepts = o.names ? termConcepts(t.lemma, t.pos, o) : t.pos === 'PROPN' ? [] : [...conceptKeys(t.lemma, t.pos, o.concepts)];
    const prev = content[i - 1];
    // A WordNet compound ("prime minister", "death toll", "Gaza Strip") lends its senses to its head word.
    if (prev && prev.end + 1 === t.start && (t.pos === 'NOUN' || (o.names && t.pos === 'PROPN'))) {
      const compound = `${prev.lemma} ${t.lemma}`;
      concepts.push(...(o.names ? termConcepts(compound, t.pos, o) : conceptKeys(compound, 'NOUN', o.concepts)));
    }
    terms.push({ key, lemma: t.lemma, text: t.text, pos: t.pos, weight: termWeight(key, t.lemma, t.pos, o), concepts, start: t.start, end: t.end });
  });
  for (const q of slots.quantities) {
    const key = `#${q.value}`;
    terms.push({ key, lemma: String(q.value), text: q.text, pos: 'NUM', weight: (o.posWeights.NUM ?? 1) * idfOf(key, o), concepts: [], start: q.start, end: q.end });
  }
  for (const d of slots.dates) {
    const key = `@${d.kind}:${d.value}`;
    terms.push({ key, lemma: d.value, text: d.text, pos: 'DATE', weight: (o.posWeights.DATE ?? 1) * idfOf(key, o), concepts: [], start: d.start, end: d.end });
  }
  return { terms, slots, mass: terms.reduce((s, t) => s + t.weight, 0) };
}

/** Every key a bag can match on (term keys and concept keys): for inverted-index candidate blocking. */
export function bagKeys(bag: SentenceBag): string[] {
  const keys = new Set<string>();
  for (const t of bag.terms) {
    keys.add(t.key);
    for (const c of t.concepts) keys.add(c);
  }
  return [...keys];
}

/** Term keys of a bag, once each: count them over a story's sentences for `idfFromCounts`. */
export function termKeys(sentence: Pick<Sentence, 'tokens'>): string[] {
  return [...new Set(sentenceBag(sentence, { idf: new Map() }).terms.map((t) => t.key))];
}

/**
 * Smoothed IDF, ln((N + 1) / (df + 1)) + 1, from document frequencies over `documentCount` units
 * (sentences or articles of a story). Pass the result as `idf` and `idfUnseen: ln(N + 1) + 1`.
 */
export function idfFromCounts(df: ReadonlyMap<string, number>, documentCount: number): Map<string, number> {
  const idf = new Map<string, number>();
  for (const [key, n] of df) idf.set(key, Math.log((documentCount + 1) / (n + 1)) + 1);
  return idf;
}

function spellingClose(a: BagTerm, b: BagTerm, o: BagOptions): boolean {
  if (a.pos !== 'PROPN' && b.pos !== 'PROPN') return false;
  const len = Math.max(a.key.length, b.key.length);
  if (Math.min(a.key.length, b.key.length) < o.spellingMinLength) return false;
  return 1 - distance(a.key, b.key) / len >= o.spellingRatio;
}

/** How strongly term `a` matches term `b`, and why; undefined when they do not match. */
export function matchTerms(a: BagTerm, b: BagTerm, options: Partial<BagOptions> = NO_OPTIONS): TermMatch | undefined {
  return match(a, b, withDefaults(options));
}

function match(a: BagTerm, b: BagTerm, o: BagOptions): TermMatch | undefined {
  const kind = matchKind(a, b, o);
  if (!kind) return undefined;
  return { a, b, kind, strength: strengthOf(kind, o) };
}

function strengthOf(kind: MatchKind, o: BagOptions): number {
  return kind === 'concept' ? o.conceptMatch : kind === 'spelling' ? o.spellingMatch : 1;
}

/** Allocation-free core of `match` (it runs |a| × |b| times per comparison). */
function matchKind(a: BagTerm, b: BagTerm, o: BagOptions): MatchKind | undefined {
  if (a.key === b.key) return a.pos === 'NUM' ? 'same-figure' : a.pos === 'DATE' ? 'same-date' : 'same-lemma';
  if (a.pos === 'NUM' || b.pos === 'NUM' || a.pos === 'DATE' || b.pos === 'DATE') return undefined;
  if (o.conceptMatch > 0 && sharesConcept(a.concepts, b.concepts)) return 'concept';
  if (spellingClose(a, b, o)) return 'spelling';
  return undefined;
}

function sharesConcept(x: readonly string[], y: readonly string[]): boolean {
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) if (x[i] === y[j]) return true;
  return false;
}

export interface BagSimilarity {
  /** 0..1: mean of the two directions' weighted share of terms matched in the other bag. */
  score: number;
  /** Weighted share of `a`'s terms found in `b`, and of `b`'s in `a` (containment either way). */
  coverage: [number, number];
  /** The best match of each term of `a` (direction a → b). */
  matches: TermMatch[];
}

/**
 * IDF-weighted alignment similarity (each term takes its best match in the other bag; the two
 * directions are averaged). `matched` keys count as fully matched (e.g. figures of one slot).
 * Cost: O(|a| × |b|) term comparisons, no WordNet access.
 */
export function bagSimilarity(a: SentenceBag, b: SentenceBag, options: Partial<BagOptions> = NO_OPTIONS, matched: ReadonlySet<string> = NOTHING_MATCHED): BagSimilarity {
  const o = withDefaults(options);
  const forward = direction(a, b, o, matched);
  const backward = direction(b, a, o, matched);
  if (a.mass === 0 || b.mass === 0) return { score: 0, coverage: [0, 0], matches: forward.matches };
  const coverage: [number, number] = [forward.covered / a.mass, backward.covered / b.mass];
  return { score: (coverage[0] + coverage[1]) / 2, coverage, matches: forward.matches };
}

function direction(from: SentenceBag, to: SentenceBag, o: BagOptions, matched: ReadonlySet<string>): { covered: number; matches: TermMatch[] } {
  let covered = 0;
  const matches: TermMatch[] = [];
  for (const t of from.terms) {
    if (matched.has(t.key)) {
      covered += t.weight;
      continue;
    }
    let best: BagTerm | undefined;
    let bestKind: MatchKind | undefined;
    let bestStrength = 0;
    for (const u of to.terms) {
      const kind = matchKind(t, u, o);
      if (!kind) continue;
      const strength = strengthOf(kind, o);
      if (strength > bestStrength) [best, bestKind, bestStrength] = [u, kind, strength];
      if (strength >= 1) break;
    }
    if (best && bestKind) {
      covered += t.weight * bestStrength;
      matches.push({ a: t, b: best, kind: bestKind, strength: bestStrength });
    }
  }
  return { covered, matches };
}
