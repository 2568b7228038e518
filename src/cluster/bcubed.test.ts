// B-cubed scoring on hand-checked cases: a perfect clustering, two events merged, every article alone.
// The metric itself, not any data set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed } from './bcubed.ts';

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
