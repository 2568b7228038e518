// The near-duplicate memory of closed stories: the MinHash signatures of their latest articles, so that
// a copy republished after its story left the active set can reopen that story instead of opening a
// new one. It keeps signatures and a story header only (no term profile), and at most `capacity`
// articles, oldest out first, so memory stays bounded however long the stream runs. It does not score
// stories; reopening is the stream's (stream.ts).
import { estimateJaccard, LshIndex } from './minhash.ts';
import type { StoryProfile } from './story-profile.ts';

/** What is needed to reopen a closed story under its own id. */
export interface ClosedStoryHeader {
  id: string;
  seq: number;
  title: string;
  titled: boolean;
  firstDay?: number;
  lastDay?: number;
}

/** An article of a closed story, findable as the original of a late copy. */
export interface ClosedArticle {
  id: string;
  story: ClosedStoryHeader;
  signature: Uint32Array;
  keys: number[];
}

export class LateCopyIndex {
  private readonly lsh: LshIndex<ClosedArticle>;
  /** Articles in arrival order; `head` is the oldest still indexed. */
  private queue: ClosedArticle[] = [];
  private head = 0;

  constructor(
    bands: number,
    rows: number,
    bucketSize: number,
    /** Articles remembered at most; 0 turns late-copy detection off. */
    private readonly capacity: number,
  ) {
    this.lsh = new LshIndex(bands, rows, bucketSize);
  }

  /** Remember the articles `story` still holds in its near-duplicate index, as it closes. */
  addClosed(story: StoryProfile): void {
    if (this.capacity <= 0 || story.members.length === 0) return;
    const header: ClosedStoryHeader = { id: story.id, seq: story.seq, title: story.title, titled: story.titled };
    if (story.firstDay !== undefined) header.firstDay = story.firstDay;
    if (story.lastDay !== undefined) header.lastDay = story.lastDay;
    for (const member of story.members) this.add({ id: member.id, story: header, signature: member.signature, keys: member.keys });
  }

  private add(article: ClosedArticle): void {
    this.lsh.insert(article.keys, article);
    this.queue.push(article);
    this.evictOldest();
  }

  /** The closed article most similar to `signature`, when its estimated Jaccard reaches `threshold`. */
  find(signature: Uint32Array, keys: number[], threshold: number): { article: ClosedArticle; similarity: number } | undefined {
    if (this.size === 0) return undefined;
    let best: { article: ClosedArticle; similarity: number } | undefined;
    for (const article of this.lsh.candidates(keys)) {
      const similarity = estimateJaccard(signature, article.signature);
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { article, similarity };
    }
    return best;
  }

  /** Articles currently remembered. */
  get size(): number {
    return this.queue.length - this.head;
  }

  private evictOldest(): void {
    while (this.size > this.capacity) {
      const oldest = this.queue[this.head]!;
      this.lsh.remove(oldest.keys, oldest);
      this.head++;
    }
    // Compact once the dead prefix is as long as the live part: amortised O(1) per article.
    if (this.head > 1024 && this.head >= this.queue.length - this.head) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
