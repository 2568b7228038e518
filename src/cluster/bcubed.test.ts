// B-cubed scoring on hand-checked cases: a perfect clustering, two events merged, every article alone;
// and the breakdown of the loss into mixed clusters and split events.
// The metric itself, not any data set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed, bcubedErrors } from './bcubed.ts';

const gold = new Map([['a', 'quake-1'], ['b', 'quake-1'], ['c', 'quake-2'], ['d', 'quake-2']]);

test('a perfect clustering scores precision, recall and F1 of 1', () => {
  assert.deepEqual(bcubed(new Map([['a', 1], ['b', 1], ['c', 2], ['d', 2]]), gold), { precision: 1, recall: 1, f1: 1 });
});

test('merging two earthquakes into one story halves precision and keeps recall', () => {
  const r = bcubed(new Map([['a', 1], ['b', 1], ['c', 1], ['d', 1]]), gold);
  assert.equal(r.precision, 0.5);
  assert.equal(r.recall, 1);
  assert.equal(Math.round(r.f1 * 1000) / 1000, 0.667);
});

test('splitting every article into its own story halves recall and keeps precision', () => {
  const r = bcubed(new Map([['a', 1], ['b', 2], ['c', 3], ['d', 4]]), gold);
  assert.equal(r.precision, 1);
  assert.equal(r.recall, 0.5);
});

test('the error breakdown names the mixed story and the split event, and their losses add up to the B³ loss', () => {
  // quake-1 split over stories 1 and 2; story 2 also holds both quake-2 articles.
  const gold5 = new Map([...gold, ['e', 'quake-1']]);
  const predicted = new Map([['a', 1], ['b', 1], ['e', 2], ['c', 2], ['d', 2]]);
  const { mixed, split } = bcubedErrors(predicted, gold5);
  assert.deepEqual(mixed.map((m) => [m.cluster, m.parts]), [[2, [{ label: 'quake-2', count: 2 }, { label: 'quake-1', count: 1 }]]]);
  assert.deepEqual(split.map((s) => [s.label, s.parts]), [['quake-1', [{ cluster: 1, count: 2 }, { cluster: 2, count: 1 }]]]);
  const r = bcubed(predicted, gold5);
  assert.ok(Math.abs(mixed[0]!.precisionLoss - (1 - r.precision)) < 1e-12);
  assert.ok(Math.abs(split[0]!.recallLoss - (1 - r.recall)) < 1e-12);
});

test('a perfect clustering has no errors to list', () => {
  assert.deepEqual(bcubedErrors(new Map([['a', 1], ['b', 1], ['c', 2], ['d', 2]]), gold), { mixed: [], split: [] });
});
