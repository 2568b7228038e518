// A story's running profile: summed term and name weights (the centroid), figures, dates, title words
// and time span, updated as articles join. It does not decide membership (see score.ts).
import type { Story } from '../types.ts';
import type { DocFeatures } from './features.ts';
import { forgetNorm } from './score.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface StoryProfile {
  id: string;
  /** Creation order, for deterministic tie-breaks. */
  seq: number;
  title: string;
  /** True once the title comes from an article's own title rather than its first line. */
  titled: boolean;
  documentIds: string[];
  terms: Map<string, number>;
  names: Map<string, number>;
  people: Map<string, number>;
  numbers: Map<string, number>;
  dates: Map<string, number>;
  titleTerms: Set<string>;
  firstDay?: number;
  lastDay?: number;
  /** Arrival sequence number of its latest article. */
  lastSeq: number;
  /** Size at the last split check; the next check waits until the story has grown enough. */
  checkedSize: number;
  /** Terms under which the story is posted in the inverted index. */
  posted: Set<string>;
  /** Its articles as entered in the LSH index, to repoint or remove them. */
  members: LshMember[];
}

/** An article in the near-duplicate index. */
export interface LshMember {
  id: string;
  story: StoryProfile;
  signature: Uint32Array;
  keys: number[];
  /** Its features, kept while it is among the story's latest `splitSample` articles. */
  features?: DocFeatures;
}

/** A new story holding `doc` alone. */
export function openStory(id: string, seq: number, doc: DocFeatures): StoryProfile {
  const story: StoryProfile = {
    id,
    seq,
    title: doc.title?.trim() || doc.lead,
    titled: Boolean(doc.title?.trim()),
    documentIds: [],
    terms: new Map(),
    names: new Map(),
    people: new Map(),
    numbers: new Map(),
    dates: new Map(),
    titleTerms: new Set(),
    lastSeq: doc.seq,
    checkedSize: 0,
    posted: new Set(),
    members: [],
  };
  return story;
}

/** Fold `doc` into the story's profile; prune the centroid to `maxTerms` by weight × IDF. */
export function addToStory(story: StoryProfile, doc: DocFeatures, vocab: Vocabulary, maxTerms: number): void {
  story.documentIds.push(doc.id);
  forgetNorms(story);
  if (!story.titled && doc.title?.trim()) {
    story.title = doc.title.trim();
    story.titled = true;
  }
  for (const [t, w] of doc.terms) story.terms.set(t, (story.terms.get(t) ?? 0) + w);
  for (const [n, w] of doc.names) story.names.set(n, (story.names.get(n) ?? 0) + w);
  for (const [n, w] of doc.people) story.people.set(n, (story.people.get(n) ?? 0) + w);
  for (const n of doc.numbers) story.numbers.set(n, (story.numbers.get(n) ?? 0) + 1);
  for (const d of doc.dates) story.dates.set(d, (story.dates.get(d) ?? 0) + 1);
  if (story.titleTerms.size < 40) for (const t of doc.titleTerms) story.titleTerms.add(t);
  if (doc.day !== undefined) {
    story.firstDay = story.firstDay === undefined ? doc.day : Math.min(story.firstDay, doc.day);
    story.lastDay = story.lastDay === undefined ? doc.day : Math.max(story.lastDay, doc.day);
  }
  story.lastSeq = Math.max(story.lastSeq, doc.seq);
  if (story.terms.size > maxTerms * 1.5) pruneTop(story.terms, maxTerms, vocab.idf);
  if (story.names.size > maxTerms) pruneTop(story.names, maxTerms, vocab.nameIdf);
  if (story.people.size > maxTerms) pruneTop(story.people, maxTerms, vocab.nameIdf);
  if (story.numbers.size > maxTerms) pruneTop(story.numbers, maxTerms, () => 1);
  if (story.dates.size > maxTerms) pruneTop(story.dates, maxTerms, () => 1);
}

/**
 * Take `doc` out of the story's profile (an article that moved to another story): its weights are
 * subtracted, keys left at zero or below removed. The title and the time span stay as they were.
 */
export function removeFromStory(story: StoryProfile, doc: DocFeatures): void {
  const at = story.documentIds.indexOf(doc.id);
  if (at >= 0) story.documentIds.splice(at, 1);
  forgetNorms(story);
  subtract(story.terms, doc.terms);
  subtract(story.names, doc.names);
  subtract(story.people, doc.people);
  for (const n of doc.numbers) decrement(story.numbers, n);
  for (const d of doc.dates) decrement(story.dates, d);
}

function subtract(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, w] of from) {
    const left = (into.get(k) ?? 0) - w;
    if (left > 1e-9) into.set(k, left);
    else into.delete(k);
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 0) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}

/**
 * The profile `docs` would have as one story, to score it (a side of a possible split): no article
 * is moved into it, and it lists none.
 */
export function profileOf(id: string, seq: number, docs: DocFeatures[], vocab: Vocabulary, maxTerms: number): StoryProfile {
  const story = openStory(id, seq, docs[0]!);
  for (const doc of docs) addToStory(story, doc, vocab, maxTerms);
  return story;
}

/** A story rebuilt from its members' features (after a split), keeping `id` and `seq`. */
export function rebuildStory(id: string, seq: number, members: LshMember[], vocab: Vocabulary, maxTerms: number): StoryProfile {
  const story = profileOf(id, seq, members.map((m) => m.features!), vocab, maxTerms);
  for (const m of members) m.story = story;
  story.members = members;
  return story;
}

/**
 * What is left of a large story after a split: its profile rebuilt from the sampled articles it keeps
 * (the ones with features), so that it describes what the story is now about; every article it keeps,
 * sampled or not, stays listed. Keeps the story's id, title and start.
 */
export function rebuildFromSample(story: StoryProfile, keep: LshMember[], moved: ReadonlySet<string>, vocab: Vocabulary, maxTerms: number): StoryProfile {
  const rebuilt = rebuildStory(story.id, story.seq, keep.filter((m) => m.features !== undefined), vocab, maxTerms);
  rebuilt.title = story.title;
  rebuilt.titled = story.titled;
  rebuilt.documentIds = story.documentIds.filter((id) => !moved.has(id));
  rebuilt.firstDay = story.firstDay;
  rebuilt.checkedSize = story.checkedSize;
  rebuilt.members = keep;
  for (const m of keep) m.story = rebuilt;
  return rebuilt;
}

/** Fold story `from` into `into` (the older one keeps its id); `from` is left empty. */
export function mergeStories(into: StoryProfile, from: StoryProfile, vocab: Vocabulary, maxTerms: number): void {
  into.documentIds.push(...from.documentIds);
  forgetNorms(into);
  if (!into.titled && from.titled) {
    into.title = from.title;
    into.titled = true;
  }
  addAll(into.terms, from.terms);
  addAll(into.names, from.names);
  addAll(into.people, from.people);
  addAll(into.numbers, from.numbers);
  addAll(into.dates, from.dates);
  for (const t of from.titleTerms) if (into.titleTerms.size < 40) into.titleTerms.add(t);
  if (from.firstDay !== undefined) {
    into.firstDay = into.firstDay === undefined ? from.firstDay : Math.min(into.firstDay, from.firstDay);
    into.lastDay = into.lastDay === undefined ? from.lastDay : Math.max(into.lastDay, from.lastDay ?? from.firstDay);
  }
  into.lastSeq = Math.max(into.lastSeq, from.lastSeq);
  for (const m of from.members) m.story = into;
  into.members.push(...from.members);
  from.members = [];
  if (into.terms.size > maxTerms * 1.5) pruneTop(into.terms, maxTerms, vocab.idf);
  if (into.names.size > maxTerms) pruneTop(into.names, maxTerms, vocab.nameIdf);
}

function forgetNorms(story: StoryProfile): void {
  forgetNorm(story.terms);
  forgetNorm(story.names);
  forgetNorm(story.people);
}

function addAll(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

function pruneTop(map: Map<string, number>, keep: number, idf: (key: string) => number): void {
  if (map.size <= keep) return;
  const kept = new Set(strongestEntries(map, keep, idf).map(([k]) => k));
  for (const k of map.keys()) if (!kept.has(k)) map.delete(k);
}

/** The `keep` entries of highest weight × idf, strongest first (ties: key order). */
export function strongestEntries(map: Map<string, number>, keep: number, idf: (key: string) => number): [string, number][] {
  const ranked = [...map].map(([k, v]) => [k, v, v * idf(k)] as const).sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  return ranked.slice(0, keep).map(([k, v]) => [k, v]);
}

/** The public record of a story. */
export function toStory(story: StoryProfile): Story {
  const out: Story = { id: story.id, title: story.title, documentIds: [...story.documentIds] };
  if (story.firstDay !== undefined) {
    out.timeSpan = { start: isoDay(story.firstDay), end: isoDay(story.lastDay ?? story.firstDay) };
  }
  return out;
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
