// The batch does not depend on the order its articles are given in: it clusters them in a canonical
// order (and reshuffles of its ties) and keeps the run the others agree with most.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JACKSON, WILLIAMS, article } from './arrests.test-data.ts';
import { clusterStories, MAX_ORDERS, type ClusterInput } from './index.ts';

/** Two arrests of one kind, eight articles each, all published the same day: every article ties with every other. */
const ARRESTS: ClusterInput[] = Array.from({ length: 8 }, (_, k) => [
  { id: `jackson-${k}`, publishedAt: '2026-02-03', text: article(JACKSON, k) },
  { id: `williams-${k}`, publishedAt: '2026-02-03', text: article(WILLIAMS, k) },
]).flat();

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Assignments keyed by article, so results of differently ordered inputs can be compared. */
function byArticle(result: ReturnType<typeof clusterStories>): Map<string, unknown> {
  return new Map(result.assignments.map((a) => [a.documentId, a]));
}

test('the same articles in any order give the same stories, story ids, scores and reasons', () => {
  const reference = clusterStories(ARRESTS);
  assert.equal(reference.stories.length, 2, 'the two arrests are two stories');
  for (const seed of [1, 2, 3]) {
    const other = clusterStories(shuffled(ARRESTS, seed));
    assert.deepEqual(other.stories, reference.stories, `stories after shuffle ${seed}`);
    assert.deepEqual(byArticle(other), byArticle(reference), `assignments after shuffle ${seed}`);
  }
  const reversed = clusterStories([...ARRESTS].reverse(), { orders: 1 });
  assert.deepEqual(reversed.stories, clusterStories(ARRESTS, { orders: 1 }).stories, 'one order: still the canonical one');
});

test('assignments stay in input order whatever order the articles were clustered in', () => {
  const input = shuffled(ARRESTS, 7);
  const { assignments } = clusterStories(input);
  assert.deepEqual(assignments.map((a) => a.documentId), input.map((d) => d.id));
});

test('ties are reshuffled into as many orders as asked; distinct dates leave one order to run', () => {
  const tied = clusterStories(ARRESTS, { orders: 4 });
  assert.equal(tied.ordering.tried, 4);
  assert.ok(tied.ordering.agreement > 0 && tied.ordering.agreement <= 1, `agreement ${tied.ordering.agreement}`);
  const dated = ARRESTS.map((doc, i) => ({ ...doc, publishedAt: `2026-02-03T${String(i).padStart(2, '0')}:00:00Z` }));
  assert.deepEqual(clusterStories(dated, { orders: 4 }).ordering, { tried: 1, agreement: 1 });
  assert.deepEqual(clusterStories(ARRESTS, { orders: 1 }).ordering, { tried: 1, agreement: 1 });
});

test('another order seed tries other orders and may keep other stories, still covering every article once', () => {
  for (const orderSeed of [1, 2]) {
    const { stories, assignments } = clusterStories(ARRESTS, { orderSeed });
    assert.deepEqual(stories.flatMap((s) => s.documentIds).sort(), ARRESTS.map((d) => d.id).sort());
    assert.equal(assignments.length, ARRESTS.length);
  }
});

test('refuses a number of orders that is not a whole number of 1 or more, naming the setting', () => {
  for (const orders of [0, 1.5, Number.NaN, MAX_ORDERS + 1]) {
    assert.throws(() => clusterStories(ARRESTS, { orders }), /orders must be a whole number, 1 or more/);
  }
});

test('tells how far it is, every 100 articles placed over all orders, ending at articles × orders', () => {
  const many: ClusterInput[] = Array.from({ length: 60 }, (_, k) => [
    { id: `jackson-${k}`, publishedAt: '2026-02-03', text: article(JACKSON, k) },
    { id: `williams-${k}`, publishedAt: '2026-02-03', text: article(WILLIAMS, k) },
  ]).flat();
  const calls: [number, number][] = [];
  const { ordering } = clusterStories(many, { orders: 2, onProgress: (done, total) => calls.push([done, total]) });
  assert.equal(ordering.tried, 2);
  assert.deepEqual(calls, [[100, 240], [220, 240], [240, 240]]);
});
