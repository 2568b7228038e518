import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quantity } from '../types.ts';
import { countClass, figureText, figuresDisagree, sameCount } from './figures.ts';

const q = (value: number, qualifier: Quantity['qualifier'], counted?: string): Quantity => ({ value, qualifier, counted, text: String(value) });

test('"over 1,300" and "over 1,400" lives disagree', () => {
  assert.equal(sameCount(q(1300, 'over', 'life'), q(1400, 'over', 'individual')), true);
  assert.equal(figuresDisagree(q(1300, 'over', 'life'), q(1400, 'over', 'life')), true);
});

test('"at least 2,750" and "2,750" people agree', () => {
  assert.equal(figuresDisagree(q(2750, 'at least', 'people'), q(2750, 'exact', 'people')), false);
});

test('figures of a different magnitude count different things', () => {
  assert.equal(sameCount(q(1400, 'over', 'life'), q(2750, 'at least', 'people')), false);
});

test('different counted things never meet', () => {
  assert.equal(sameCount(q(12, 'exact', 'truck'), q(12, 'exact', 'people')), false);
  assert.equal(countClass(q(9, 'exact', 'worker')), 'people');
});

test('rounding is not disagreement', () => {
  assert.equal(figuresDisagree(q(1403, 'exact', 'people'), q(1400, 'exact', 'people')), false);
  assert.equal(figuresDisagree(q(12, 'exact', 'worker'), q(9, 'exact', 'worker')), true);
});

test('figures read as a reader writes them', () => {
  assert.equal(figureText(q(1300, 'over', 'life')), 'over 1,300');
  assert.equal(figureText(q(2750, 'exact', 'people')), '2,750');
});

test('a bound agrees with an exact figure on its side of it, and with a bound that meets it', () => {
  assert.equal(figuresDisagree(q(30, 'over', 'year'), q(34, 'exact', 'year')), false);
  assert.equal(figuresDisagree(q(2, 'at least', 'truck'), q(3, 'exact', 'truck')), false);
  assert.equal(figuresDisagree(q(12, 'over', 'people'), q(10, 'exact', 'people')), true);
  assert.equal(figuresDisagree(q(55, 'up to', 'year'), q(50, 'exact', 'year')), false);
  assert.equal(figuresDisagree(q(55, 'up to', 'year'), q(60, 'exact', 'year')), true);
  assert.equal(figuresDisagree(q(100, 'over', 'mph'), q(120, 'up to', 'mph')), false);
  assert.equal(figuresDisagree(q(130, 'over', 'mph'), q(120, 'up to', 'mph')), true);
});

test('an approximate figure wholly on the open side of a bound agrees with it', () => {
  assert.equal(figuresDisagree(q(100, 'over', 'people'), q(130, 'about', 'people')), false);
  assert.equal(figuresDisagree(q(235000, 'nearly', 'comment'), q(200000, 'over', 'comment')), false);
  assert.equal(figuresDisagree(q(100, 'over', 'people'), q(80, 'about', 'people')), true);
});

test('a count of one kind of people meets only a count of the same kind; general counts meet each other', () => {
  assert.equal(sameCount(q(1300, 'over', 'life'), q(1400, 'over', 'individual')), true);
  assert.equal(sameCount(q(3, 'exact', 'victim'), q(4, 'exact', 'people')), true);
  assert.equal(sameCount(q(12, 'exact', 'worker'), q(9, 'exact', 'worker')), true);
  assert.equal(sameCount(q(3, 'exact', 'victim'), q(2, 'exact', 'woman')), false);
  assert.equal(sameCount(q(3, 'exact', 'man'), q(2, 'exact', 'woman')), false);
});

test('a range agrees with a figure or a range it meets, and disagrees with one beyond it', () => {
  const range = (value: number, ends: [number, number]): Quantity => ({ ...q(value, 'exact', 'firefighter'), range: ends });
  assert.equal(figuresDisagree(range(35, [35, 40]), range(30, [30, 40])), false);
  assert.equal(figuresDisagree(range(2, [2, 3]), q(3, 'exact', 'firefighter')), false);
  assert.equal(figuresDisagree(range(2, [2, 3]), q(5, 'exact', 'firefighter')), true);
  assert.equal(figuresDisagree(range(10, [10, 15]), range(20, [20, 25])), true);
});
