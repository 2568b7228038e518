// The streaming story clusterer: each article joins the best-fitting active story or opens one;
// near-duplicates join their original's story. Candidates come from LSH and an inverted index, never a scan.
import type { Story, StoryAssignment } from '../types.ts';
import { extractFeatures, type ClusterInput, type DocFeatures } from './features.ts';
import { estimateJaccard, LshIndex } from './minhash.ts';
import { resolveOptions, type ClusterOptions } from './options.ts';
import { combine, explain, storyFeatures, type ScoredStory } from './score.ts';
import { addToStory, openStory, toStory, type StoryProfile } from './story-profile.ts';
import { Vocabulary } from './vocabulary.ts';

export interface StoryClusterer {
  /** Place one article; returns its assignment at once (it never moves later). */
  add(input: ClusterInput): StoryAssignment;
  /** Stories so far: closed ones (unless handed to `onClose`) then active ones, in creation order. */
  stories(): Story[];
  /** Stories currently in the active set. */
  readonly activeCount: number;
}

export interface StreamOptions extends ClusterOptions {
  /** Called with each story that leaves the active set; when given, closed stories are not retained. */
  onClose?: (story: Story) => void;
}

interface ActiveDoc {
  id: string;
  story: StoryProfile;
  signature: Uint32Array;
}

/**
 * A streaming clusterer. Articles should arrive roughly in publication order; stories idle longer
 * than `idleDays` (or `idleArticles`) leave the active set and are handed to `onClose`.
 * @example
 * const c = createStoryClusterer({ idleDays: 3 });
 * for (const doc of docs) console.log(c.add(toClusterInput(doc)).storyId);
 */
export function createStoryClusterer(options: Partial<StreamOptions> = {}): StoryClusterer {
  const opts = resolveOptions(options);
  const onClose = options.onClose;
  const vocab = new Vocabulary(opts.maxVocabulary);
  const lsh = new LshIndex<ActiveDoc>(opts.lshBands, opts.lshRows);
  /** Active stories, least recently updated first (re-inserted on every update). */
  const active = new Map<string, StoryProfile>();
  const postings = new Map<string, StoryProfile[]>();
  const closed: Story[] = [];
  let seq = 0;
  let storySeq = 0;
  let today: number | undefined;

  function add(input: ClusterInput): StoryAssignment {
    const doc = extractFeatures(input, seq++, opts.numPermutations, opts.shingleSize);
    vocab.addDocument([...doc.terms.keys(), ...[...doc.names.keys()].map((n) => `@${n}`)]);
    if (doc.day !== undefined) today = today === undefined ? doc.day : Math.max(today, doc.day);
    evictIdle(doc.seq);

    const keys = lsh.keys(doc.signature);
    const duplicate = findDuplicate(doc, keys);
    let assignment: StoryAssignment;
    let story: StoryProfile;
    if (duplicate) {
      story = duplicate.doc.story;
      assignment = {
        documentId: doc.id,
        storyId: story.id,
        score: round(duplicate.similarity),
        duplicateOf: duplicate.doc.id,
        reasons: opts.explain ? [{ feature: 'duplicate', value: round(duplicate.similarity), detail: `near-duplicate of ${duplicate.doc.id}` }] : [],
      };
    } else {
      const best = bestStory(doc);
      if (best && best.score >= opts.threshold) {
        story = best.story;
        assignment = { documentId: doc.id, storyId: story.id, score: round(best.score), reasons: opts.explain ? explain(best.features, opts.weights) : [] };
      } else {
        story = openStory(`story-${++storySeq}`, storySeq, doc);
        assignment = {
          documentId: doc.id,
          storyId: story.id,
          score: 1,
          reasons: opts.explain ? [{ feature: 'new-story', value: best ? round(best.score) : 0, detail: best ? `best candidate ${best.story.id} scored below ${opts.threshold}` : 'no candidate story' }] : [],
        };
      }
    }
    addToStory(story, doc, vocab, opts.maxStoryTerms);
    active.delete(story.id);
    active.set(story.id, story);
    post(story, doc);
    const activeDoc: ActiveDoc = { id: doc.id, story, signature: doc.signature };
    lsh.insert(keys, activeDoc);
    story.lshKeys.push({ docId: doc.id, keys });
    return assignment;
  }

  function findDuplicate(doc: DocFeatures, keys: number[]): { doc: ActiveDoc; similarity: number } | undefined {
    let best: { doc: ActiveDoc; similarity: number } | undefined;
    for (const other of lsh.candidates(keys)) {
      const similarity = estimateJaccard(doc.signature, other.signature);
      if (similarity >= opts.duplicateThreshold && (!best || similarity > best.similarity)) best = { doc: other, similarity };
    }
    return best;
  }

  /** Top query terms of the article: highest tf × idf, names first-class. */
  function queryKeys(doc: DocFeatures): string[] {
    const ranked = [...doc.terms].map(([t, tf]) => [t, (1 + Math.log(tf)) * vocab.idf(t)] as const);
    ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const names = [...doc.names].map(([n, tf]) => [`@${n}`, (1 + Math.log(tf)) * vocab.idf(`@${n}`)] as const);
    names.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return [...ranked.slice(0, opts.queryTerms), ...names.slice(0, Math.ceil(opts.queryTerms / 2))].map(([k]) => k);
  }

  function bestStory(doc: DocFeatures): ScoredStory | undefined {
    const hits = new Map<StoryProfile, number>();
    for (const key of queryKeys(doc)) {
      for (const story of postings.get(key) ?? []) hits.set(story, (hits.get(story) ?? 0) + 1);
    }
    const candidates = [...hits]
      .sort((a, b) => b[1] - a[1] || b[0].lastSeq - a[0].lastSeq)
      .slice(0, opts.maxCandidates);
    let best: ScoredStory | undefined;
    for (const [story] of candidates) {
      const features = storyFeatures(doc, story, vocab, opts);
      const score = combine(features, opts.weights);
      if (!best || score > best.score || (score === best.score && story.seq < best.story.seq)) best = { story, score, features };
    }
    return best;
  }

  function post(story: StoryProfile, doc: DocFeatures): void {
    for (const key of queryKeys(doc)) {
      if (story.posted.has(key)) continue;
      story.posted.add(key);
      const list = postings.get(key);
      if (!list) postings.set(key, [story]);
      else {
        list.push(story);
        if (list.length > opts.maxPosting) list.shift()?.posted.delete(key);
      }
    }
  }

  function evictIdle(now: number): void {
    for (const story of active.values()) {
      const idleByDays = today !== undefined && story.lastDay !== undefined && today - story.lastDay > opts.idleDays;
      const idleByCount = now - story.lastSeq > opts.idleArticles;
      if (!idleByDays && !idleByCount) break; // least recently updated first: the rest are fresher
      close(story);
    }
  }

  function close(story: StoryProfile): void {
    active.delete(story.id);
    for (const key of story.posted) {
      const list = postings.get(key);
      if (!list) continue;
      const i = list.indexOf(story);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) postings.delete(key);
    }
    for (const { keys, docId } of story.lshKeys) {
      const item = lsh.candidates(keys).find((d) => d.id === docId && d.story === story);
      if (item) lsh.remove(keys, item);
    }
    const record = toStory(story);
    if (onClose) onClose(record);
    else closed.push(record);
  }

  function stories(): Story[] {
    const all = [...closed, ...[...active.values()].map(toStory)];
    return all.sort((a, b) => storyNumber(a.id) - storyNumber(b.id));
  }

  return {
    add,
    stories,
    get activeCount() {
      return active.size;
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function storyNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}
