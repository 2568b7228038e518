// The streaming story clusterer: each article joins the best-fitting active story or opens one;
// near-duplicates join their original's story, even one that has closed (late-copies.ts reopens it), and
// so does a follow-up that fits a closed story's kept profile (closed-stories.ts). Candidates come from
// LSH and inverted indexes, never a scan. Consolidation revisits the stories that changed: merges,
// splits by the cut of a story's own graph (spectral.ts) or when the graph's two sides could not have
// joined each other, regroups pairs of stories, and moves articles whose nearest articles are
// elsewhere (nearest-articles.ts); each change carries the figures that decided it.
import type { Story, StoryAssignment } from '../types.ts';
import { ClosedStoryMemory } from './closed-stories.ts';
import { extractFeatures, type ClusterInput, type DocFeatures } from './features.ts';
import { LateCopyIndex, type ClosedArticle, type ClosedStoryHeader } from './late-copies.ts';
import { estimateJaccard, LshIndex } from './minhash.ts';
import { resolveOptions, type StoryChange, type StreamOptions } from './options.ts';
import { combine, explain, storyFeatures, type ScoredStory } from './score.ts';
import { StoryIndex } from './story-index.ts';
import { bisectAgainst, lineages, spectralBisect } from './spectral.ts';
import { ArticleVectors, strayMoves, type PlacedArticle } from './nearest-articles.ts';
import { addToStory, mergeStories, openStory, profileOf, rebuildFromSample, rebuildStory, removeFromStory, toStory, type LshMember, type StoryProfile } from './story-profile.ts';
import { StringPool } from './text.ts';
import { Vocabulary } from './vocabulary.ts';

export type { StreamOptions, StoryChange } from './options.ts';

export interface StoryClusterer {
  /** Place one article; returns its assignment at once (its story may later merge into another). */
  add(input: ClusterInput): StoryAssignment;
  /**
   * Revisit the stories changed since the last call: merge two that turned out to be one (their
   * profiles score at least `mergeThreshold` and their union would not split), split one whose
   * articles form two groups (normalized cut below `splitCut`, or two sides whose profiles score
   * below `threshold` against each other).
   */
  consolidate(): StoryChange[];
  /** Stories so far: closed ones (unless handed to `onClose`) then active ones, in creation order. */
  stories(): Story[];
  /** Stories currently in the active set. */
  readonly activeCount: number;
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
  const { onClose, onChange } = options;
  const vocab = new Vocabulary(opts.maxVocabulary);
  const lsh = new LshIndex<LshMember>(opts.lshBands, opts.lshRows, LSH_BUCKET_SIZE);
  const index = new StoryIndex(opts.maxPosting);
  /** Active stories, least recently updated first (re-inserted on every update). */
  const active = new Map<string, StoryProfile>();
  const dirty = new Set<StoryProfile>();
  /** Articles whose place is checked at the next consolidation: new ones, and those of split stories. */
  const unchecked = new Set<LshMember>();
  const vectors = new ArticleVectors(vocab);
  /** Closed stories by id (kept only when there is no onClose), in closing order. */
  const closed = new Map<string, Story>();
  const lateCopies = new LateCopyIndex(opts.lshBands, opts.lshRows, LSH_BUCKET_SIZE, opts.lateCopyMemory);
  const closedProfiles = new ClosedStoryMemory(opts.maxPosting, opts.closedStoryMemory);
  /** Shared copies of the feature keys of the articles and profiles kept. */
  const keyPool = new StringPool();
  let seq = 0;
  let storySeq = 0;
  const clock = new StreamClock();

  function add(input: ClusterInput): StoryAssignment {
    const doc = extractFeatures(input, seq++, opts.numPermutations, opts.shingleSize, keyPool);
    vocab.addDocument(doc.terms.keys(), doc.names.keys());
    if (doc.day !== undefined) clock.see(doc.day);
    evictIdle(doc.seq);
    if (opts.consolidateEvery > 0 && doc.seq > 0 && doc.seq % opts.consolidateEvery === 0) consolidate();

    const keys = lsh.keys(doc.signature);
    const docKeys = queryKeys(doc);
    const duplicate = findDuplicate(doc, keys);
    const lateCopy = duplicate ? undefined : lateCopies.find(doc.signature, keys, opts.duplicateThreshold);
    let assignment: StoryAssignment;
    let story: StoryProfile;
    if (duplicate) {
      story = duplicate.member.story;
      assignment = duplicateAssignment(doc.id, story.id, duplicate.member.id, duplicate.similarity, `near-duplicate of ${duplicate.member.id}`);
    } else if (lateCopy) {
      story = active.get(lateCopy.article.story.id) ?? reopen(lateCopy.article.story, doc);
      assignment = duplicateAssignment(doc.id, story.id, lateCopy.article.id, lateCopy.similarity, lateCopyDetail(lateCopy.article, doc.day));
    } else {
      // The article's own top terms first; only when no story is posted under any of them, the top
      // terms it shares with other articles (lookupKeys: measured as the only lookup, they let more
      // unrelated articles of the same days join topical stories).
      const byOwnTerms = index.candidates(docKeys, opts.maxCandidates);
      const best = bestAmong(doc, byOwnTerms.length ? byOwnTerms : index.candidates(lookupKeys(doc), opts.maxCandidates));
      const closedBest = best && best.score >= opts.threshold ? undefined : bestAmong(doc, closedProfiles.candidates(docKeys, opts.maxCandidates));
      if (best && best.score >= opts.threshold) {
        story = best.story;
        const reasons = opts.explain ? explain(storyFeatures(doc, story, vocab, opts, true), opts.weights) : [];
        assignment = { documentId: doc.id, storyId: story.id, score: round(best.score), reasons };
      } else if (closedBest && closedBest.score >= opts.reopenThreshold) {
        story = reopenFollowUp(closedBest.story);
        const reasons = opts.explain ? [reopenReason(story, doc.day, closedBest.score), ...explain(storyFeatures(doc, story, vocab, opts, true), opts.weights)] : [];
        assignment = { documentId: doc.id, storyId: story.id, score: round(closedBest.score), reasons };
      } else {
        story = openStory(`story-${++storySeq}`, storySeq, doc);
        const detail = best ? `best candidate ${best.story.id} scored ${round(best.score)} < ${opts.threshold}` : 'no candidate story';
        assignment = { documentId: doc.id, storyId: story.id, score: 1, reasons: opts.explain ? [{ feature: 'new-story', value: 1, detail }] : [] };
      }
    }
    addToStory(story, doc, vocab, opts.maxStoryTerms);
    touch(story);
    index.post(story, docKeys);
    const member: LshMember = { id: doc.id, story, signature: doc.signature, keys, features: doc };
    lsh.insert(keys, member);
    admit(story, member);
    // A near-copy goes where its original goes; the others' place is checked at the next consolidation.
    if (!assignment.duplicateOf) unchecked.add(member);
    return assignment;
  }

  /** Append `member` to the story's members, keeping the bounds on what a story keeps. */
  function admit(story: StoryProfile, member: LshMember): void {
    story.members.push(member);
    // A long-running story keeps only its latest articles findable as originals: memory per story is bounded.
    if (story.members.length > MAX_LSH_MEMBERS) {
      const oldest = story.members.shift()!;
      lsh.remove(oldest.keys, oldest);
    }
    // Only the latest splitSample articles keep their features (arrival order: the one that fell out).
    const unsampled = story.members[story.members.length - opts.splitSample - 1];
    if (unsampled) delete unsampled.features;
  }

  /** The assignment of a near-copy of `originalId`, placed in `storyId`. */
  function duplicateAssignment(documentId: string, storyId: string, originalId: string, similarity: number, detail: string): StoryAssignment {
    const value = round(similarity);
    const reasons = opts.explain ? [{ feature: 'duplicate', value, detail }] : [];
    return { documentId, storyId, score: value, duplicateOf: originalId, reasons };
  }

  /**
   * A closed story made active again under its own id, for a late copy of one of its articles: a text
   * republished weeks later belongs with its original, and so do the articles that follow it. The
   * profile starts from the copy (the copy says what the original said), unless the story's profile
   * is still kept ({@link reopenFollowUp}).
   */
  function reopen(header: ClosedStoryHeader, doc: DocFeatures): StoryProfile {
    const kept = closedProfiles.take(header.id);
    if (kept) return reopenFollowUp(kept);
    const story = openStory(header.id, header.seq, doc);
    story.title = header.title;
    story.titled = header.titled;
    if (header.firstDay !== undefined) story.firstDay = header.firstDay;
    if (header.lastDay !== undefined) story.lastDay = header.lastDay;
    takeBackRecord(story);
    return story;
  }

  /**
   * A closed story made active again from its kept profile, for a follow-up article (or a late copy)
   * that fits it. The profile goes on from what the story was about when it closed.
   */
  function reopenFollowUp(kept: StoryProfile): StoryProfile {
    closedProfiles.take(kept.id);
    takeBackRecord(kept);
    kept.checkedSize = kept.documentIds.length;
    index.post(kept, queryKeys(storyAsDoc(kept), 2));
    return kept;
  }

  /**
   * Without `onClose`, a reopened story takes its closed record back, so it is listed once with all
   * its articles; with `onClose` it starts with none and is handed over again when it closes again,
   * listing the articles that joined after it reopened.
   */
  function takeBackRecord(story: StoryProfile): void {
    const record = closed.get(story.id);
    if (!record) return;
    story.documentIds = [...record.documentIds];
    closed.delete(story.id);
  }

  function touch(story: StoryProfile): void {
    active.delete(story.id);
    active.set(story.id, story);
    dirty.add(story);
  }

  function findDuplicate(doc: DocFeatures, keys: number[]): { member: LshMember; similarity: number } | undefined {
    let best: { member: LshMember; similarity: number } | undefined;
    for (const member of lsh.candidates(keys)) {
      const similarity = estimateJaccard(doc.signature, member.signature);
      if (similarity >= opts.duplicateThreshold && (!best || similarity > best.similarity)) best = { member, similarity };
    }
    return best;
  }

  /** Top terms of an article or story, to post it under: highest weight × idf, then its top names. */
  function queryKeys(doc: Pick<DocFeatures, 'terms' | 'names'>, scale = 1): string[] {
    return topKeys(doc, scale, vocab.idf, vocab.nameIdf);
  }

  /**
   * Top terms to look stories up by when its own find none: as `queryKeys`, but among terms and names
   * another article has too. A term only this article has is under no story, and in a small batch such
   * terms fill every place (a report's reporter, street and hospital), so an article naming the
   * story's suspect and company found no candidate at all.
   */
  function lookupKeys(doc: Pick<DocFeatures, 'terms' | 'names'>): string[] {
    return topKeys(doc, 1, vocab.sharedIdf, vocab.sharedNameIdf);
  }

  function topKeys(doc: Pick<DocFeatures, 'terms' | 'names'>, scale: number, idf: (term: string) => number, nameIdf: (name: string) => number): string[] {
    const n = opts.queryTerms * scale;
    const terms = topWeighted(doc.terms, idf, n);
    const names = topWeighted(doc.names, nameIdf, Math.ceil(n / 2));
    for (const name of names) terms.push(`@${name}`);
    return terms;
  }

  function bestAmong(doc: DocFeatures, candidates: StoryProfile[]): ScoredStory | undefined {
    let best: ScoredStory | undefined;
    for (const story of candidates) {
      const features = storyFeatures(doc, story, vocab, opts);
      const score = combine(features, opts.weights);
      if (!best || score > best.score || (score === best.score && story.seq < best.story.seq)) best = { story, score, features };
    }
    return best;
  }

  /** How well two stories fit each other: the lower of the two directions, so merging is never one-sided. */
  function storyPairScore(a: StoryProfile, b: StoryProfile): number {
    const ab = combine(storyFeatures(storyAsDoc(a), b, vocab, opts), opts.weights);
    const ba = combine(storyFeatures(storyAsDoc(b), a, vocab, opts), opts.weights);
    return Math.min(ab, ba);
  }

  function consolidate(): StoryChange[] {
    const queue = [...dirty].sort((a, b) => a.seq - b.seq);
    dirty.clear(); // stories changed below become dirty again, for the next call
    const changes = mergeAll(queue);
    const merged = changes.map((c) => active.get(c.into)).filter((x): x is StoryProfile => x !== undefined);
    for (const story of [...new Set([...queue, ...merged])].sort((a, b) => a.seq - b.seq)) {
      const checked = story.checkedSize;
      const change = trySplit(story);
      if (change) changes.push(change);
      else if (story.checkedSize !== checked) changes.push(...tryRegroup(story));
    }
    changes.push(...moveStrays());
    return changes;
  }

  /**
   * Move each unchecked article whose nearest articles (among its own story's and its candidate
   * stories' sampled articles) vote for another story more than `moveMargin` times as much as for
   * its own, the articles of its own story that lean to the same story counted for it
   * (nearest-articles.ts). All moves are decided first, then made, so the order of the articles does
   * not matter.
   */
  function moveStrays(): StoryChange[] {
    const members = [...unchecked].filter((m) => m.features !== undefined).sort((a, b) => a.features!.seq - b.features!.seq);
    unchecked.clear();
    if (opts.moveMargin <= 0) return [];
    vectors.refresh();
    // Built one at a time: strayMoves keeps the pools of the few articles that lean elsewhere only.
    function* placed(): Generator<PlacedArticle<StoryProfile, LshMember>> {
      for (const member of members) {
        const own = member.story;
        const doc = member.features;
        if (!doc || active.get(own.id) !== own) continue;
        const stories = [own, ...index.candidates(queryKeys(doc), MOVE_CANDIDATES, own)];
        const pool = stories.flatMap((story) =>
          story.members
            .filter((m) => m.features && m !== member)
            .slice(-MOVE_POOL_PER_STORY)
            .map((m) => ({ article: m, doc: m.features!, group: story })),
        );
        yield { article: member, doc, own, pool };
      }
    }
    const moves = strayMoves(vectors, placed(), opts.moveNeighbours, opts.moveMargin)
      // It moves only where it could have joined: a lone article of a new event stays on its own.
      .filter(({ placed: p, to }) => combine(storyFeatures(p.doc, to, vocab, opts), opts.weights) >= opts.threshold && !splitOffAgain(p.article, to))
      // The features go with the move as they were when it was decided: an earlier move into the
      // same story can push this article out of the story's latest `splitSample`, which drops them.
      .map(({ placed: p, to, votesFor, votesOwn }) => ({ member: p.article, doc: p.doc, to, votes: `${p.article.id} ${round(votesFor)} against ${round(votesOwn)}` }));
    // One change per pair of stories, with the vote that moved each of its articles.
    const moved = new Map<string, { from: StoryProfile; to: StoryProfile; documentIds: string[]; votes: string[] }>();
    for (const { member, doc, to, votes } of moves) {
      const from = member.story;
      if (active.get(to.id) !== to) continue;
      moveArticle(member, doc, to);
      const key = `${from.id}\u0000${to.id}`;
      const group = moved.get(key) ?? { from, to, documentIds: [], votes: [] };
      group.documentIds.push(member.id);
      group.votes.push(votes);
      moved.set(key, group);
    }
    const changes = [...moved.values()].map(({ from, to, documentIds, votes }): StoryChange => ({
      kind: 'move',
      from: from.id,
      into: to.id,
      documentIds,
      reason:
        `its ${opts.moveNeighbours} nearest articles vote for ${to.id} more than ${opts.moveMargin} times as much as for ${from.id}, ` +
        `and it could have joined ${to.id}; summed similarity ${votes.join('; ')}`,
    }));
    for (const change of changes) onChange?.(change);
    return changes;
  }

  /**
   * Would `to`, too small for the graph once `member` is in it, split `member` off again at once
   * (`splitSmall`)? A move into a small story must pass that check too, or a split and a move undo
   * each other round after round, and a story's articles drift apart one move at a time.
   */
  function splitOffAgain(member: LshMember, to: StoryProfile): boolean {
    if (to.documentIds.length + 1 >= 2 * opts.minSplitPart || !member.features) return false;
    return storyPairScore(profileOf(to.id, to.seq, [member.features], vocab, opts.maxStoryTerms), to) < opts.smallSplitScore;
  }

  /**
   * Take a sampled article (`doc`, its features) out of its story and into `to`, where it is the
   * latest article and keeps its features; a story left empty leaves the active set.
   */
  function moveArticle(member: LshMember, doc: DocFeatures, to: StoryProfile): void {
    const from = member.story;
    removeFromStory(from, doc);
    // Not listed when older than the story's latest MAX_LSH_MEMBERS, which a `splitSample` above that allows.
    const at = from.members.indexOf(member);
    if (at >= 0) from.members.splice(at, 1);
    if (from.documentIds.length === 0) {
      index.unpost(from);
      active.delete(from.id);
      dirty.delete(from);
    } else touch(from);
    addToStory(to, doc, vocab, opts.maxStoryTerms);
    member.story = to;
    member.features = doc;
    admit(to, member);
    index.post(to, queryKeys(doc));
    touch(to);
  }

  /**
   * Split `story` in two when its articles form two groups with few links between them (the
   * normalized cut of its nearest-neighbour graph is below `splitCut`; spectral.ts), or when the
   * two sides of the graph's best bisection could not have joined each other. The split is
   * decided on the story's latest `splitSample` articles (the ones with features): when they form two
   * groups, one group moves out; older articles stay in the original story, whose profile is rebuilt
   * from the sampled articles it keeps.
   */
  function trySplit(story: StoryProfile): StoryChange | undefined {
    const size = story.documentIds.length;
    if (active.get(story.id) !== story || size < nextSplitCheck(story.checkedSize, opts.splitSample)) return undefined;
    story.checkedSize = size;
    const sample = story.members.filter((m) => m.features !== undefined);
    const bisection = spectralBisect(sample.map((m) => m.features!), spectralOptions());
    if (!bisection) return sample.length === size && size < 2 * opts.minSplitPart ? splitSmall(story, sample) : undefined;
    // With few lineages every one links to every other and the cut says nothing; the two sides are
    // then judged as a join would judge them, by their profiles. With enough lineages a low cut
    // parts them, and so do profiles so unlike that neither side could have joined the other
    // (a pair score below the join threshold), whatever the cut: a few short reports of another
    // event that joined on common words and link to the rest for want of closer articles.
    const graphDecides = bisection.lineages >= MIN_GRAPH_LINEAGES;
    const cut = (): string => `normalized cut ${round(bisection.cut)}`;
    const apart = (kept: StoryProfile, out: StoryProfile): string | undefined => {
      if (graphDecides && bisection.cut < opts.splitCut) return `its story was split in two: its articles form two groups, ${cut()} < splitCut ${opts.splitCut}`;
      const score = storyPairScore(kept, out);
      if (graphDecides) return score < opts.threshold ? `its story was split in two: its two groups score ${round(score)} against each other, below the join threshold ${opts.threshold}; ${cut()}` : undefined;
      return score < opts.mergeThreshold ? `its story was split in two: its two groups score ${round(score)} against each other, below mergeThreshold ${opts.mergeThreshold}; ${bisection.lineages} lineages are too few for the graph` : undefined;
    };
    // A large lineage (many copies of one text) links only outside itself, so the cut cannot part it; judged by its profile.
    const lineageApart = (kept: StoryProfile, out: StoryProfile): string | undefined => {
      const score = storyPairScore(kept, out);
      return score < opts.mergeThreshold ? `its story was split in two: its largest lineage, ${bisection.largestLineage.length} copies and rewrites of one text, scores ${round(score)} against the rest, below mergeThreshold ${opts.mergeThreshold}` : undefined;
    };
    const split =
      divide(story, sample, new Set(bisection.parts[0].map((d) => d.id)), apart) ??
      (graphDecides && bisection.largestLineage.length >= opts.minSplitPart && sample.length - bisection.largestLineage.length >= opts.minSplitPart
        ? divide(story, sample, new Set(bisection.largestLineage.map((d) => d.id)), lineageApart)
        : undefined);
    return split ? applySplit(story, split) : undefined;
  }

  /** Replace `story` by the two stories `divide` made of it, and report the split. */
  function applySplit(story: StoryProfile, { kept, out, move, reason }: { kept: StoryProfile; out: StoryProfile; move: LshMember[]; reason: string }): StoryChange {
    index.unpost(story);
    active.delete(story.id);
    install(kept);
    install(out);
    const change: StoryChange = { kind: 'split', from: story.id, into: out.id, documentIds: move.map((m) => m.id), reason };
    onChange?.(change);
    return change;
  }

  /**
   * A story too small for the graph (fewer than 2 × `minSplitPart` articles) is judged by its two
   * sides' profiles: every way of dividing its lineages in two is scored (at most 15; copies and
   * rewrites of one text stay together), and the lowest is split off when its sides score below
   * `smallSplitScore` against each other. Two reports that joined on a topic at the join threshold
   * ("stages" of an online business, a MacBook review and a list of deals) part; a report and its
   * follow-up (a tram line approved, the shops on its route) stay.
   */
  function splitSmall(story: StoryProfile, sample: LshMember[]): StoryChange | undefined {
    const groups = lineages(sample.map((m) => m.features!), opts.lineageJaccard).map((g) => g.map((i) => sample[i]!));
    if (groups.length < 2) return undefined;
    const probe = (members: LshMember[]): StoryProfile => profileOf(story.id, story.seq, members.map((m) => m.features!), vocab, opts.maxStoryTerms);
    let lowest: { first: Set<string>; score: number } | undefined;
    // Each division once: the first lineage always stays on the second side.
    for (let mask = 2; mask < 1 << groups.length; mask += 2) {
      const first = groups.filter((_, g) => mask & (1 << g)).flat();
      const score = storyPairScore(probe(first), probe(groups.filter((_, g) => !(mask & (1 << g))).flat()));
      if (!lowest || score < lowest.score) lowest = { first: new Set(first.map((m) => m.id)), score };
    }
    if (!lowest || !(lowest.score < opts.smallSplitScore)) return undefined;
    const reason = (kept: StoryProfile, out: StoryProfile): string | undefined => {
      const score = storyPairScore(kept, out);
      return score < opts.smallSplitScore ? `its story was split in two: its two groups score ${round(score)} against each other, below smallSplitScore ${opts.smallSplitScore}; ${sample.length} articles are too few for the graph` : undefined;
    };
    const split = divide(story, sample, lowest.first, reason);
    return split ? applySplit(story, split) : undefined;
  }

  /**
   * The two stories `story` would become if the sampled articles in `first` and the others went
   * apart, or undefined (and `story` left as it was) when `apart` says they belong together (it
   * gives no reason to part them). The side holding the oldest sampled article keeps the story, and
   * the older, unsampled articles.
   */
  function divide(
    story: StoryProfile,
    sample: LshMember[],
    first: ReadonlySet<string>,
    apart: (kept: StoryProfile, out: StoryProfile) => string | undefined,
  ): { kept: StoryProfile; out: StoryProfile; move: LshMember[]; reason: string } | undefined {
    const oldest = oldestMember(sample);
    const move = sample.filter((m) => first.has(m.id) !== first.has(oldest.id));
    const moved = new Set(move.map((m) => m.id));
    const keep = story.members.filter((m) => !moved.has(m.id));
    const kept =
      sample.length === story.documentIds.length
        ? rebuildStory(story.id, story.seq, keep, vocab, opts.maxStoryTerms)
        : rebuildFromSample(story, keep, moved, vocab, opts.maxStoryTerms);
    const out = rebuildStory(`story-${++storySeq}`, storySeq, move, vocab, opts.maxStoryTerms);
    const reason = apart(kept, out);
    if (reason !== undefined) return { kept, out, move, reason };
    storySeq--;
    for (const m of story.members) m.story = story;
    return undefined;
  }

  /**
   * Divide `story` and its closest other story differently when the graph of their articles has a
   * bisection that cuts below `splitCut` and well below the line between them now (by
   * `regroupMargin`): an event torn in two, one half stuck with the other event of its kind,
   * comes together again. Only stories whose every article is sampled take part (so nothing unsampled
   * moves), and only when the pair could be joined (their profiles score at least `threshold`).
   */
  function tryRegroup(story: StoryProfile): StoryChange[] {
    if (active.get(story.id) !== story || !fullySampled(story)) return [];
    let other: { story: StoryProfile; score: number } | undefined;
    for (const candidate of index.candidates(queryKeys(storyAsDoc(story), 2), opts.maxCandidates, story)) {
      if (!fullySampled(candidate) || candidate.documentIds.length + story.documentIds.length > opts.splitSample) continue;
      const score = storyPairScore(story, candidate);
      if (!other || score > other.score || (score === other.score && candidate.seq < other.story.seq)) other = { story: candidate, score };
    }
    if (!other || other.score < opts.threshold) return [];
    const pair = [story, other.story];
    const members = pair.flatMap((s) => s.members).sort((a, b) => a.features!.seq - b.features!.seq);
    const { best, currentCut } = bisectAgainst(members.map((m) => m.features!), new Set(story.documentIds), spectralOptions());
    if (!best || best.lineages < MIN_GRAPH_LINEAGES || best.cut >= opts.splitCut || best.cut > currentCut - opts.regroupMargin) return [];
    // `story` keeps its id on the side that holds its oldest article; the other story takes the other side.
    const inFirst = new Set(best.parts[0].map((d) => d.id));
    const storyFirst = inFirst.has(oldestMember(story.members).id);
    const sides = storyFirst ? [best.parts[0], best.parts[1]] : [best.parts[1], best.parts[0]];
    const byId = new Map(members.map((m) => [m.id, m]));
    const before = new Map(members.map((m) => [m.id, m.story.id]));
    const rebuilt = pair.map((s, i) => rebuildStory(s.id, s.seq, sides[i]!.map((d) => byId.get(d.id)!), vocab, opts.maxStoryTerms));
    for (const s of pair) {
      index.unpost(s);
      active.delete(s.id);
      dirty.delete(s);
    }
    const reason =
      `${story.id} and ${other.story.id} were regrouped: their articles form two groups along another line, ` +
      `normalized cut ${round(best.cut)} against ${round(currentCut)} between the two stories`;
    const changes: StoryChange[] = [];
    rebuilt.forEach((s, i) => {
      install(s);
      const moved = s.members.filter((m) => before.get(m.id) !== s.id).map((m) => m.id);
      if (moved.length > 0) changes.push({ kind: 'move', from: pair[1 - i]!.id, into: s.id, documentIds: moved, reason });
    });
    for (const change of changes) onChange?.(change);
    return changes;
  }

  /**
   * Make a story rebuilt by a split or a regroup active: findable under its keys and its sampled
   * articles' keys, checked for a split at the next pass, its sampled articles' places checked again.
   */
  function install(story: StoryProfile): void {
    active.set(story.id, story);
    dirty.add(story);
    index.post(story, queryKeys(storyAsDoc(story), 2));
    for (const m of story.members) {
      if (!m.features) continue;
      index.post(story, queryKeys(m.features));
      unchecked.add(m);
    }
  }

  function fullySampled(story: StoryProfile): boolean {
    return story.members.length === story.documentIds.length && story.members.every((m) => m.features !== undefined);
  }

  function spectralOptions(): { neighbours: number; minPart: number; lineageJaccard: number } {
    return { neighbours: opts.splitNeighbours, minPart: opts.minSplitPart, lineageJaccard: opts.lineageJaccard };
  }

  function mergeAll(queue: StoryProfile[]): StoryChange[] {
    const merges: StoryChange[] = [];
    for (const story of queue) {
      if (active.get(story.id) !== story || story.documentIds.length === 0) continue;
      let best: { story: StoryProfile; score: number } | undefined;
      for (const other of index.candidates(queryKeys(storyAsDoc(story), 2), opts.maxCandidates, story)) {
        const score = storyPairScore(story, other);
        if (!best || score > best.score || (score === best.score && other.seq < best.story.seq)) best = { story: other, score };
      }
      if (!best || best.score < opts.mergeThreshold || wouldSplit(story, best.story)) continue;
      const [into, from] = best.story.seq < story.seq ? [best.story, story] : [story, best.story];
      index.unpost(from);
      active.delete(from.id);
      dirty.delete(from);
      const posted = [...queryKeys(storyAsDoc(from), 2)];
      mergeStories(into, from, vocab, opts.maxStoryTerms);
      index.post(into, posted);
      touch(into);
      keepLatestFeatures(into, opts.splitSample);
      const reason = `its story merged with ${into.id}: the two stories' profiles score ${round(best.score)} against each other, at least mergeThreshold ${opts.mergeThreshold}, and their union does not split`;
      const change: StoryChange = { kind: 'merge', from: from.id, into: into.id, documentIds: [...from.documentIds], reason };
      merges.push(change);
      onChange?.(change);
    }
    return merges;
  }

  /**
   * Whether the union of two stories would be split again at once (its latest articles form two
   * groups): such a merge is refused, so that merging and splitting never undo each other.
   */
  function wouldSplit(a: StoryProfile, b: StoryProfile): boolean {
    const sample = [...a.members, ...b.members]
      .flatMap((m) => (m.features ? [m.features] : []))
      .sort((x, y) => y.seq - x.seq)
      .slice(0, opts.splitSample);
    const bisection = spectralBisect(sample, spectralOptions());
    return bisection !== undefined && bisection.cut < opts.splitCut;
  }

  function evictIdle(now: number): void {
    const today = clock.today;
    for (const story of active.values()) {
      const idleByDays = today !== undefined && story.lastDay !== undefined && today - story.lastDay > opts.idleDays;
      const idleByCount = now - story.lastSeq > opts.idleArticles;
      if (!idleByDays && !idleByCount) break; // least recently updated first: the rest are fresher
      close(story);
    }
  }

  function close(story: StoryProfile): void {
    active.delete(story.id);
    dirty.delete(story);
    index.unpost(story);
    for (const member of story.members) lsh.remove(member.keys, member);
    lateCopies.addClosed(story);
    story.members = [];
    const record = toStory(story);
    if (opts.closedStoryMemory > 0) closedProfiles.add(story, queryKeys(storyAsDoc(story), 2), vocab);
    if (onClose) onClose(record);
    else closed.set(record.id, record);
  }

  function stories(): Story[] {
    const all = [...closed.values(), ...[...active.values()].map(toStory)];
    return all.sort((a, b) => storyNumber(a.id) - storyNumber(b.id));
  }

  return {
    add,
    consolidate,
    stories,
    get activeCount() {
      return active.size;
    },
  };
}

/**
 * The stream's idea of today, which decides when stories close: the latest day that at least
 * {@link CLOCK_CONFIRMATIONS} of the last {@link CLOCK_WINDOW} dated articles reach, never moving back.
 * One article with a wrong date (a year typed as 2062, a feed's epoch default) therefore cannot close
 * every active story at once, and a stream that resumes after a pause moves on at its second article.
 */
class StreamClock {
  private readonly recent: number[] = [];
  private next = 0;
  today: number | undefined;

  see(day: number): void {
    if (this.recent.length < CLOCK_WINDOW) this.recent.push(day);
    else this.recent[this.next] = day;
    this.next = (this.next + 1) % CLOCK_WINDOW;
    const confirmed = nthHighest(this.recent, CLOCK_CONFIRMATIONS);
    if (confirmed !== undefined && (this.today === undefined || confirmed > this.today)) this.today = confirmed;
  }
}

/** The n-th highest of `values` (1: the highest), undefined when there are fewer than n. */
function nthHighest(values: number[], n: number): number | undefined {
  if (values.length < n) return undefined;
  const top: number[] = [];
  for (const v of values) {
    let at = top.length;
    while (at > 0 && top[at - 1]! < v) at--;
    if (at < n) {
      top.splice(at, 0, v);
      if (top.length > n) top.pop();
    }
  }
  return top[n - 1];
}

/** Dated articles that must reach a day before the stream's clock moves to it. */
const CLOCK_CONFIRMATIONS = 2;

/** Latest dated articles the clock looks at. */
const CLOCK_WINDOW = 64;

/** Drop the features of all but the story's latest `sample` articles (after a merge mixed two lists). */
function keepLatestFeatures(story: StoryProfile, sample: number): void {
  const featured = story.members.filter((m) => m.features !== undefined);
  if (featured.length <= sample) return;
  featured.sort((a, b) => b.features!.seq - a.features!.seq);
  for (const m of featured.slice(sample)) delete m.features;
}

/**
 * Size at which a story checked at `checked` articles is checked again: after growing by half, and
 * at the latest once a whole new sample has arrived (amortised O(1) checks per article at any size).
 */
function nextSplitCheck(checked: number, sample: number): number {
  return checked + Math.max(1, Math.min(Math.ceil(checked * (SPLIT_RECHECK_GROWTH - 1)), sample));
}

/** A story's profile seen as one article, to score it against another story. */
function storyAsDoc(story: StoryProfile): DocFeatures {
  return {
    id: story.id,
    seq: story.seq,
    lead: story.title,
    day: story.lastDay,
    terms: story.terms,
    names: story.names,
    people: story.people,
    numbers: new Set(story.numbers.keys()),
    dates: new Set(story.dates.keys()),
    titleTerms: story.titleTerms,
    signature: new Uint32Array(0),
  };
}

/** Articles kept per LSH bucket (most recent): a copy is found among the latest 16 sharing a band. */
const LSH_BUCKET_SIZE = 16;

/** Articles per story kept in the near-duplicate index (the most recent). */
const MAX_LSH_MEMBERS = 500;

/** The member that arrived first, among members that all keep their features. */
function oldestMember(members: LshMember[]): LshMember {
  return members.reduce((a, b) => (b.features!.seq < a.features!.seq ? b : a));
}

/** Candidate stories, besides its own, among whose articles an article's nearest are looked for. */
const MOVE_CANDIDATES = 4;

/** Latest sampled articles of each candidate story that take part in the vote (bounds its cost). */
const MOVE_POOL_PER_STORY = 40;

/** Lineages a story needs before the cut of its graph decides a split (below: its profiles do). */
const MIN_GRAPH_LINEAGES = 6;

/** A story is checked for a split again once it has grown by half: amortised O(1) checks per article. */
const SPLIT_RECHECK_GROWTH = 1.5;

function reopenReason(story: StoryProfile, day: number | undefined, score: number): { feature: string; value: number; detail: string } {
  const last = story.lastDay;
  const idle = day !== undefined && last !== undefined && day > last ? `, ${daysText(day - last)} after its last article` : '';
  return { feature: 'reopened', value: round(score), detail: `follow-up of closed ${story.id}; its story reopened${idle}` };
}

function daysText(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

function lateCopyDetail(original: ClosedArticle, day: number | undefined): string {
  const last = original.story.lastDay;
  const idle = day !== undefined && last !== undefined && day > last ? `, ${daysText(day - last)} after its last article` : '';
  return `near-duplicate of ${original.id}; its closed story reopened${idle}`;
}

/**
 * The `k` keys of highest weight × idf, best first (ties: key order). A running top-k, not a sort of
 * the whole vector: this runs for every article, and its vectors hold 100–450 keys.
 */
function topWeighted(vector: Map<string, number>, idf: (key: string) => number, k: number): string[] {
  const keys: string[] = [];
  const scores: number[] = [];
  for (const [key, w] of vector) {
    const score = w * idf(key);
    if (keys.length === k && !ranksBefore(score, key, scores[k - 1]!, keys[k - 1]!)) continue;
    let at = keys.length === k ? k - 1 : keys.length;
    while (at > 0 && ranksBefore(score, key, scores[at - 1]!, keys[at - 1]!)) {
      keys[at] = keys[at - 1]!;
      scores[at] = scores[at - 1]!;
      at--;
    }
    keys[at] = key;
    scores[at] = score;
  }
  return keys;
}

function ranksBefore(score: number, key: string, otherScore: number, otherKey: string): boolean {
  return score > otherScore || (score === otherScore && key < otherKey);
}

function storyNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
