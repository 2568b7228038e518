// Judges whether two sentences make the same statement, and whether they contradict each other in
// a slot (figure, date, polarity). Works on wink tokens only; claim extraction and grouping are elsewhere.
// Own code: each verdict must carry its evidence (matched words, the two conflicting values).
import { conceptKeys, lemmaKey } from '../annotate/synonyms.ts';
import type { Sentence, Span, Token } from '../types.ts';
import { bagSimilarity, DEFAULT_BAG_OPTIONS, NO_OPTIONS, sentenceBag, withDefaults, type BagOptions, type MatchKind, type SentenceBag } from './similarity-bag.ts';
import { datesDisagree, quantitiesAgree, type SlotQuantity } from './similarity-slots.ts';

export { bagKeys, bagSimilarity, idfFromCounts, matchTerms, sentenceBag, termKeys, DEFAULT_BAG_OPTIONS } from './similarity-bag.ts';
export type { BagOptions, BagSimilarity, BagTerm, MatchKind, SentenceBag, TermMatch } from './similarity-bag.ts';
export { datesDisagree, quantitiesAgree, readSlots } from './similarity-slots.ts';
export type { FigureValue, SentenceSlots, SlotDate, SlotQuantity } from './similarity-slots.ts';

export interface SimilarityOptions extends BagOptions {
  /** Least score for "the same statement". Fitted on the first half of MSRP train (see docs/paraphrase.md). */
  sameThreshold: number;
  /**
   * Least score, counting the contradicting values as matched, for a contradiction to be a conflict
   * rather than two different statements. Equal to `sameThreshold` by default: a conflict is a pair
   * that would be the same statement but for the slot that contradicts.
   */
  conflictThreshold: number;
  /** Relative tolerance of "about"/"nearly" figures. */
  approximate: number;
}

export const DEFAULT_SIMILARITY_OPTIONS: Readonly<SimilarityOptions> = {
  ...DEFAULT_BAG_OPTIONS,
  sameThreshold: 0.53,
  conflictThreshold: 0.53,
  approximate: 0.1,
};

export type ReasonKind = MatchKind | 'figure-conflict' | 'date-conflict' | 'polarity-conflict';

/** One piece of evidence for the verdict: a matched pair of words, or the two values that conflict. */
export interface SimilarityReason {
  kind: ReasonKind;
  /** The words (or value) in the first sentence. */
  a: string;
  b: string;
  /** For a conflict, the slot that disagrees ("count of life", "date", "polarity"). */
  slot?: string;
  /** The term's weight × match strength (for matches). */
  weight?: number;
  /** Where `a` and `b` stand in their sentences' texts (token offsets as given), for evidence. */
  spans: { a: Span; b: Span };
}

export interface SentenceComparison {
  /** 0..1 lexical-semantic similarity (figures and dates count only when equal). */
  score: number;
  /** The two sentences state the same thing: score ≥ `sameThreshold` and no conflict. */
  same: boolean;
  /** They state the same thing with a contradicting slot (never true together with `same`). */
  conflict: boolean;
  /** The score with contradicting values counted as matched (equals `score` when nothing contradicts). */
  slotScore: number;
  /** Contradicting slots first (also when below `conflictThreshold`), then the matched words. */
  reasons: SimilarityReason[];
}

interface SlotConflict {
  reason: SimilarityReason;
  /** Term keys of the two values, counted as matched when judging "same statement". */
  keys: string[];
}

/**
 * Nouns news uses interchangeably to count people ("over 1,300 lives" = "over 1,300 people").
 * WordNet keeps them apart ("life" as a living person is sense 8 of 14), so they are listed here.
 */
const PERSON_COUNTS = new Set(['people', 'person', 'individual', 'life', 'human', 'soul']);

/**
 * Whether two counted nouns count the same thing: same lemma, a shared WordNet concept, or both
 * generic words for people. For claim slots as well as sentence figures.
 * @example countsSameThing('life', 'people') === true; countsSameThing('soldier', 'civilian') === false
 */
export function countsSameThing(a: string, b: string): boolean {
  if (lemmaKey(a) === lemmaKey(b)) return true;
  if (PERSON_COUNTS.has(a) && PERSON_COUNTS.has(b)) return true;
  const keys = new Set(conceptKeys(a, 'NOUN'));
  return conceptKeys(b, 'NOUN').some((k) => keys.has(k));
}

/**
 * Whether two figures measure the same thing: their counted nouns count the same thing, or,
 * without counted nouns, they share a unit and are each the only figure in that unit of their sentence.
 */
function sameCounted(a: SlotQuantity, b: SlotQuantity, unitAlone: boolean): boolean {
  if (a.counted && b.counted) return countsSameThing(a.counted, b.counted);
  return unitAlone && !a.counted && !b.counted && a.unit !== undefined && a.unit === b.unit;
}

function aloneInUnit(q: SlotQuantity, all: SlotQuantity[]): boolean {
  return all.filter((o) => o.unit === q.unit && !o.counted).length === 1;
}

function figureConflicts(a: SentenceBag, b: SentenceBag, approx: number): SlotConflict[] {
  const out: SlotConflict[] = [];
  const qas = a.slots.quantities;
  const qbs = b.slots.quantities;
  for (const qa of qas) {
    const peers = qbs.filter((qb) => sameCounted(qa, qb, aloneInUnit(qa, qas) && aloneInUnit(qb, qbs)));
    if (peers.length === 0 || peers.some((qb) => quantitiesAgree(qa, qb, approx))) continue;
    const qb = peers[0]!;
    const slot = qa.counted ? `count of ${qa.counted}` : `amount in ${qa.unit}`;
    out.push({ reason: { kind: 'figure-conflict', a: qa.text, b: qb.text, slot, spans: { a: span(qa), b: span(qb) } }, keys: [`#${qa.value}`, ...peers.map((p) => `#${p.value}`)] });
  }
  return out;
}

function dateConflicts(a: SentenceBag, b: SentenceBag): SlotConflict[] {
  const out: SlotConflict[] = [];
  for (const da of a.slots.dates) {
    const peers = b.slots.dates.filter((db) => db.kind === da.kind || (da.kind.startsWith('month') && db.kind.startsWith('month')));
    if (peers.length === 0 || peers.some((db) => !datesDisagree(da, db))) continue;
    const db = peers[0]!;
    out.push({ reason: { kind: 'date-conflict', a: da.text, b: db.text, slot: 'date', spans: { a: span(da), b: span(db) } }, keys: [`@${da.kind}:${da.value}`, ...peers.map((p) => `@${p.kind}:${p.value}`)] });
  }
  return out;
}

function sameWord(x: Token, y: { lemma: string; pos: string }): boolean {
  if (lemmaKey(x.lemma) === lemmaKey(y.lemma)) return true;
  const keys = new Set(conceptKeys(x.lemma, x.pos));
  return keys.size > 0 && conceptKeys(y.lemma, y.pos).some((k) => keys.has(k));
}

/**
 * A word denied in one sentence ("did not visit") and stated without denial in the other ("visited").
 * Only the denied word itself is compared, so "not injured" vs "unharmed" or "not have" vs "without"
 * are not taken for contradictions.
 */
function polarityConflicts(a: SentenceBag, b: SentenceBag, swapped: boolean): SlotConflict[] {
  const out: SlotConflict[] = [];
  for (const head of a.slots.negated) {
    if (b.slots.negated.some((h) => sameWord(head, h))) continue;
    // A verb both denied and stated in one sentence says nothing clear about polarity.
    if (a.terms.some((t) => t.start !== head.start && t.pos === 'VERB' && lemmaKey(t.lemma) === lemmaKey(head.lemma))) continue;
    const peer = b.terms.find((t) => t.pos === 'VERB' && sameWord(head, t));
    if (!peer) continue;
    const denied = { text: `not ${head.text}`, span: span(head) };
    const stated = { text: peer.text, span: span(peer) };
    const [x, y] = swapped ? [stated, denied] : [denied, stated];
    out.push({ reason: { kind: 'polarity-conflict', a: x.text, b: y.text, slot: 'polarity', spans: { a: x.span, b: y.span } }, keys: [] });
  }
  return out;
}

const resolvedSimilarity = new WeakMap<object, SimilarityOptions>();

/** `options` over the defaults, memoised per options object (callers in a loop pass the same object). */
function resolveOptions(options: Partial<SimilarityOptions>): SimilarityOptions {
  let o = resolvedSimilarity.get(options);
  if (!o) {
    o = withDefaults({ ...DEFAULT_SIMILARITY_OPTIONS, ...options });
    resolvedSimilarity.set(options, o);
  }
  return o;
}

/**
 * Compare two sentences' bags (see `sentenceBag`): score, same, conflict, and the reasons.
 * Use this when bags are built once and compared many times (claim alignment).
 */
export function compareBags(a: SentenceBag, b: SentenceBag, options: Partial<SimilarityOptions> = NO_OPTIONS): SentenceComparison {
  const o = resolveOptions(options);
  const { score, matches } = bagSimilarity(a, b, o);
  const reasons: SimilarityReason[] = matches.map((m) => ({ kind: m.kind, a: m.a.text, b: m.b.text, weight: round(m.a.weight * m.strength), spans: { a: span(m.a), b: span(m.b) } }));
  const conflicts = [...figureConflicts(a, b, o.approximate), ...dateConflicts(a, b)];
  conflicts.push(...polarityConflicts(a, b, false), ...polarityConflicts(b, a, true));
  const slotScore = conflicts.length > 0 ? bagSimilarity(a, b, o, new Set(conflicts.flatMap((c) => c.keys))).score : score;
  const conflict = conflicts.length > 0 && slotScore >= o.conflictThreshold;
  reasons.unshift(...conflicts.map((c) => c.reason));
  return { score: round(score), same: !conflict && score >= o.sameThreshold, conflict, slotScore: round(slotScore), reasons };
}

/**
 * Do two sentences state the same thing, and do they contradict each other in a slot?
 * Cost: tokens → bags (cached WordNet lookups) plus O(|a| × |b|) term comparisons; ≈ 0.1 ms a pair.
 * @example compareSentences(s('Over 1,300 lives were lost.'), s('Over 1,400 lives were lost.')).conflict === true
 */
export function compareSentences(a: Pick<Sentence, 'tokens'>, b: Pick<Sentence, 'tokens'>, options: Partial<SimilarityOptions> = NO_OPTIONS): SentenceComparison {
  return compareBags(sentenceBag(a, options), sentenceBag(b, options), options);
}

function span(x: Span): Span {
  return { start: x.start, end: x.end };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
