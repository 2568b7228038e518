// Spectral bisection: two events of one kind come apart along their own names, places and figures;
// one event told in many ways, or by many copies of two texts, stays whole; lineages are never divided.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFeatures, type DocFeatures } from './features.ts';
import { clusterStories } from './index.ts';
import { DEFAULT_CLUSTER_OPTIONS } from './options.ts';
import { bisectAgainst, lineages, spectralBisect } from './spectral.ts';
import { article, JACKSON, WILLIAMS } from './arrests.test-data.ts';

function features(texts: string[], prefix: string, from = 0): DocFeatures[] {
  return texts.map((text, i) => extractFeatures({ id: `${prefix}-${i}`, text }, from + i, 64, 4));
}

const OPTIONS = { neighbours: DEFAULT_CLUSTER_OPTIONS.splitNeighbours, minPart: 3, lineageJaccard: DEFAULT_CLUSTER_OPTIONS.lineageJaccard };
const CUT = DEFAULT_CLUSTER_OPTIONS.splitCut;

const ids = (docs: DocFeatures[]): string[] => docs.map((d) => d.id).sort();

test('two arrests of one kind split along their own names, roads and days, with a low cut', () => {
  const jackson = features(Array.from({ length: 8 }, (_, k) => article(JACKSON, k)), 'jackson');
  const williams = features(Array.from({ length: 8 }, (_, k) => article(WILLIAMS, k)), 'williams', 8);
  const mixed = [...jackson, ...williams].sort((a, b) => (a.seq % 8) - (b.seq % 8) || a.seq - b.seq);
  const bisection = spectralBisect(mixed, OPTIONS);
  assert.ok(bisection, 'a bisection');
  assert.ok(bisection.cut < CUT, `cut ${bisection.cut} is below ${CUT}`);
  const sides = bisection.parts.map(ids).sort();
  assert.deepEqual(sides, [ids(jackson), ids(williams)]);
});

test('one arrest told in many ways does not split', () => {
  const jackson = features(Array.from({ length: 16 }, (_, k) => article(JACKSON, k)), 'jackson');
  const bisection = spectralBisect(jackson, OPTIONS);
  assert.ok(bisection, 'a bisection to judge');
  assert.ok(bisection.cut >= CUT, `cut ${bisection.cut} stays at or above ${CUT}`);
});

test('many copies of two reports of one event are two lineages, not two events', () => {
  const wire = article(JACKSON, 0);
  const rewrite = article(JACKSON, 5);
  const copies = [
    ...Array.from({ length: 8 }, (_, k) => `${['Update:', 'From the wire:', 'Sports desk:', ''][k % 4]} ${wire}`),
    ...Array.from({ length: 8 }, (_, k) => `${rewrite} ${['More soon.', 'Developing.', '', 'Corrected.'][k % 4]}`),
  ];
  const docs = features(copies, 'copy');
  const groups = lineages(docs, OPTIONS.lineageJaccard);
  assert.deepEqual(groups, [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15]]);
  const bisection = spectralBisect(docs, OPTIONS);
  assert.ok(bisection, 'a bisection to judge');
  assert.ok(bisection.cut >= CUT, `cut ${bisection.cut} stays at or above ${CUT}`);
  // Copies of one text are never divided between the sides.
  const sideOf = new Map(bisection.parts.flatMap((side, s) => side.map((d) => [d.id, s] as const)));
  for (const group of groups) assert.equal(new Set(group.map((i) => sideOf.get(docs[i]!.id))).size, 1);
});

test('the same articles in the same order give the same bisection', () => {
  const docs = [...features(Array.from({ length: 7 }, (_, k) => article(JACKSON, k)), 'j'), ...features(Array.from({ length: 7 }, (_, k) => article(WILLIAMS, k)), 'w', 7)];
  const a = spectralBisect(docs, OPTIONS);
  const b = spectralBisect(docs, OPTIONS);
  assert.deepEqual(a?.parts.map(ids), b?.parts.map(ids));
  assert.equal(a?.cut, b?.cut);
});

test('two stories that each hold half of both arrests are better divided by player: the new cut is far below the current line', () => {
  const jackson = features(Array.from({ length: 8 }, (_, k) => article(JACKSON, k)), 'jackson');
  const williams = features(Array.from({ length: 8 }, (_, k) => article(WILLIAMS, k)), 'williams', 8);
  const storyA = new Set([...jackson.slice(0, 4), ...williams.slice(0, 4)].map((d) => d.id));
  const { best, currentCut } = bisectAgainst([...jackson, ...williams], storyA, OPTIONS);
  assert.ok(best, 'a bisection');
  assert.ok(best.cut < CUT && best.cut < currentCut - 0.5, `best ${best.cut} against current ${currentCut}`);
  assert.deepEqual(best.parts.map(ids).sort(), [ids(jackson), ids(williams)]);
  // The line between the two arrests is already the best one: nothing to gain.
  const byPlayer = bisectAgainst([...jackson, ...williams], new Set(jackson.map((d) => d.id)), OPTIONS);
  assert.ok(Math.abs(byPlayer.currentCut - byPlayer.best!.cut) < 1e-9);
});

test('too few articles for two sides of minPart: no bisection', () => {
  assert.equal(spectralBisect(features([article(JACKSON, 0), article(WILLIAMS, 0), article(JACKSON, 1)], 'few'), OPTIONS), undefined);
});

test('the clusterer ends with one story per arrest even when the articles arrive interleaved', () => {
  const inputs = Array.from({ length: 8 }, (_, k) => [
    { id: `jackson-${k}`, text: article(JACKSON, k) },
    { id: `williams-${k}`, text: article(WILLIAMS, k) },
  ]).flat();
  const { stories } = clusterStories(inputs);
  const groups = stories.map((s) => [...s.documentIds].sort()).sort();
  assert.deepEqual(groups, [inputs.filter((d) => d.id.startsWith('jackson')).map((d) => d.id).sort(), inputs.filter((d) => d.id.startsWith('williams')).map((d) => d.id).sort()]);
});
