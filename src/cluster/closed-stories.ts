// The profile memory of closed stories: a compact copy of each closed story's profile (its strongest
// terms, names, people, figures and dates), posted in an inverted index of its own, so that a follow-up
// article that arrives after its story left the active set can reopen that story instead of opening a
// new one. At most `capacity` stories, oldest closed out first, so memory stays bounded however long the
// stream runs. It finds candidates only; scoring them and deciding to reopen is the stream's (stream.ts).
import { StoryIndex } from './story-index.ts';
import { strongestEntries, type StoryProfile } from './story-profile.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Entries kept per profile field of a closed story: about 10 KB a story. */
export const CLOSED_PROFILE_LIMITS = { terms: 120, names: 60, people: 20, numbers: 40, dates: 40 } as const;

export class ClosedStoryMemory {
  private readonly index: StoryIndex;
  private readonly byId = new Map<string, StoryProfile>();

  constructor(
    maxPosting: number,
    /** Closed stories remembered at most; 0 turns follow-up reopening off. */
    private readonly capacity: number,
  ) {
    this.index = new StoryIndex(maxPosting);
  }

  /**
   * Remember `story` as it closes, posted under `keys`. The profile is pruned to
   * {@link CLOSED_PROFILE_LIMITS} and loses its article list and members (the closed record keeps them).
   */
  add(story: StoryProfile, keys: Iterable<string>, vocab: Vocabulary): void {
    if (this.capacity <= 0) return;
    this.take(story.id); // a story that closes again replaces its earlier closure
    compact(story, vocab);
    this.byId.set(story.id, story);
    this.index.post(story, keys);
    for (const oldest of this.byId.values()) {
      if (this.byId.size <= this.capacity) break;
      this.take(oldest.id);
    }
  }

  /** Up to `max` closed stories sharing the most keys with `keys`. */
  candidates(keys: Iterable<string>, max: number): StoryProfile[] {
    return this.byId.size === 0 ? [] : this.index.candidates(keys, max);
  }

  /** Remove and return the remembered profile of story `id` (to reopen it), if still remembered. */
  take(id: string): StoryProfile | undefined {
    const story = this.byId.get(id);
    if (!story) return undefined;
    this.byId.delete(id);
    this.index.unpost(story);
    return story;
  }

  /** Closed stories currently remembered. */
  get size(): number {
    return this.byId.size;
  }
}

function compact(story: StoryProfile, vocab: Vocabulary): void {
  story.documentIds = [];
  story.members = [];
  story.terms = topOf(story.terms, CLOSED_PROFILE_LIMITS.terms, vocab.idf);
  story.names = topOf(story.names, CLOSED_PROFILE_LIMITS.names, vocab.nameIdf);
  story.people = topOf(story.people, CLOSED_PROFILE_LIMITS.people, vocab.nameIdf);
  story.numbers = topOf(story.numbers, CLOSED_PROFILE_LIMITS.numbers, () => 1);
  story.dates = topOf(story.dates, CLOSED_PROFILE_LIMITS.dates, () => 1);
}

/**
 * The `keep` entries of highest weight × idf (ties: key order), as a new map: a pruned Map would keep
 * its allocated table, and a new object carries no cached norm of the old one (score.ts caches by map).
 */
function topOf(map: Map<string, number>, keep: number, idf: (key: string) => number): Map<string, number> {
  return map.size <= keep ? new Map(map) : new Map(strongestEntries(map, keep, idf));
}
