// Story clustering, batch entry: orders the articles by publication date and runs them through the
// streaming clusterer, so batch and stream share one engine. Re-exports the module's public API.
import type { Story, StoryAssignment } from '../types.ts';
import type { ClusterInput } from './features.ts';
import type { ClusterOptions, StoryChange } from './options.ts';
import { createStoryClusterer } from './stream.ts';

export { createStoryClusterer, type StoryClusterer } from './stream.ts';
export { toClusterInput, fromAnnotated, type ClusterInput } from './features.ts';
export { DEFAULT_CLUSTER_OPTIONS, resolveOptions, type ClusterOptions, type ClusterWeights, type StoryChange, type StreamOptions } from './options.ts';

const MAX_CONSOLIDATION_ROUNDS = 8;

export interface ClusterResult {
  stories: Story[];
  /** One per input article, in input order. */
  assignments: StoryAssignment[];
}

/**
 * Group articles into stories. Deterministic: the same articles in the same order give the same
 * stories. Articles are taken in publication order (undated ones first, in input order); unlike the
 * stream, batch keeps every story open to the end (idleDays and idleArticles default to Infinity).
 * @example
 * const { stories } = clusterStories(documents.map(toClusterInput));
 */
export function clusterStories(docs: ClusterInput[], options: Partial<ClusterOptions> = {}): ClusterResult {
  // Everything is in memory already, so no story is closed for idleness: an article republished
  // weeks later still joins its story (as a near-duplicate, and stale for the analysis).
  const lastChange = new Map<string, StoryChange['kind']>();
  const clusterer = createStoryClusterer({
    idleDays: Infinity,
    idleArticles: Infinity,
    ...options,
    onChange: (change) => {
      for (const id of change.documentIds) lastChange.set(id, change.kind);
    },
  });
  const order = docs.map((doc, index) => ({ doc, index, key: publicationKey(doc.publishedAt) }));
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  const assignments: StoryAssignment[] = new Array(docs.length);
  for (const { doc, index } of order) assignments[index] = clusterer.add(doc);
  // Consolidate until nothing changes: a split's halves may split again, or merge elsewhere.
  for (let round = 0; round < MAX_CONSOLIDATION_ROUNDS && clusterer.consolidate().length > 0; round++);
  const stories = clusterer.stories();
  const storyOf = new Map(stories.flatMap((s) => s.documentIds.map((id) => [id, s.id] as const)));
  for (const a of assignments) {
    const final = storyOf.get(a.documentId);
    if (final && final !== a.storyId) {
      a.reasons.push({ feature: 'consolidated', value: 1, detail: `moved from ${a.storyId}: ${CHANGE_DETAIL[lastChange.get(a.documentId) ?? 'merge']}` });
      a.storyId = final;
    }
  }
  return { stories, assignments };
}

/** Why an article ended in another story than the one it joined, by the last change that moved it. */
const CHANGE_DETAIL: Record<StoryChange['kind'], string> = {
  merge: 'its story merged with another',
  split: 'its story was split in two',
  move: 'its nearest articles are in this story',
};

function publicationKey(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}
