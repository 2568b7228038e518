// The inverted index from key terms and names to the active stories posted under them, with capped
// posting lists, so finding candidate stories never scans all stories. It does not score them.
import type { StoryProfile } from './story-profile.ts';

export class StoryIndex {
  private readonly postings = new Map<string, StoryProfile[]>();

  constructor(private readonly maxPosting: number) {}

  /** Post `story` under `keys` (once per key); a full list drops its oldest story. */
  post(story: StoryProfile, keys: Iterable<string>): void {
    for (const key of keys) {
      if (story.posted.has(key)) continue;
      story.posted.add(key);
      const list = this.postings.get(key);
      if (!list) this.postings.set(key, [story]);
      else {
        list.push(story);
        if (list.length > this.maxPosting) list.shift()?.posted.delete(key);
      }
    }
  }

  /** Remove `story` from every list it is posted in. */
  unpost(story: StoryProfile): void {
    for (const key of story.posted) {
      const list = this.postings.get(key);
      if (!list) continue;
      const i = list.indexOf(story);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.postings.delete(key);
    }
    story.posted.clear();
  }

  /** Up to `max` stories sharing the most keys with `keys`, ties to the most recently updated. */
  candidates(keys: Iterable<string>, max: number, exclude?: StoryProfile): StoryProfile[] {
    const hits = new Map<StoryProfile, number>();
    for (const key of keys) {
      for (const story of this.postings.get(key) ?? []) if (story !== exclude) hits.set(story, (hits.get(story) ?? 0) + 1);
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1] || b[0].lastSeq - a[0].lastSeq || a[0].seq - b[0].seq)
      .slice(0, max)
      .map(([story]) => story);
  }

  get size(): number {
    return this.postings.size;
  }
}
