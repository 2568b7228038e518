import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotateDocument } from '../annotate/index.ts';
import { buildDocument } from '../extract/document.ts';
import { compareArticles } from './compare-articles.ts';

const doc = (id: string, text: string) => annotateDocument(buildDocument({ origin: id, name: id, bytes: new Uint8Array() }, text));

test('aligns two reports of one flood claim by claim: same, conflict, only in one', () => {
  const a = doc('a', [
    'Floodwater forced the evacuation of 2,400 residents from the riverside district of Tarnow on Sunday, Mayor Ewa Lis said.',
    'The river rose above its banks after three days of heavy rain in the southern hills.',
    'Volunteers filled sandbags at the town hall through the night.',
  ].join('\n\n'));
  const b = doc('b', [
    'About 3,100 residents of Tarnow were evacuated from the riverside district on Sunday as floodwater rose, Mayor Ewa Lis said.',
    'The river burst its banks after three days of heavy rain fell in the southern hills.',
    'The regional governor promised emergency funds for damaged homes.',
  ].join('\n\n'));
  const c = compareArticles(a, b);
  assert.deepEqual(c.counts, { same: 1, conflict: 1, 'only-a': 1, 'only-b': 1 });
  const conflict = c.rows.find((r) => r.kind === 'conflict')!;
  assert.deepEqual(conflict.conflict!.values.map((v) => [v.value, v.documentIds]), [
    ['2,400', ['a']],
    ['about 3,100', ['b']],
  ]);
  assert.match(c.rows.find((r) => r.kind === 'only-a')!.a!.sentence, /sandbags/);
  assert.match(c.rows.find((r) => r.kind === 'only-b')!.b!.sentence, /emergency funds/);
  assert.equal(c.relation, 'independent');
});

const conflictOf = (textA: string, textB: string) => {
  const c = compareArticles(doc('a', textA), doc('b', textB));
  return c.rows.find((r) => r.kind === 'conflict')?.conflict;
};

test('"did" against "did not" is a polarity conflict', () => {
  const conflict = conflictOf('Police arrested the driver of the lorry at the scene on Friday evening.', 'Police did not arrest the driver of the lorry at the scene on Friday evening.');
  assert.equal(conflict?.slot, 'polarity');
  assert.deepEqual(conflict!.values.map((v) => [v.value, v.documentIds]), [['arrest', ['a']], ['not arrest', ['b']]]);
});

test('two dates written out for one event are a date conflict', () => {
  const conflict = conflictOf('The storm hit the island of Skye on 3 March 2024, the coastguard said.', 'The storm hit the island of Skye on 5 March 2024, the coastguard said.');
  assert.equal(conflict?.slot, 'date');
  assert.deepEqual(conflict!.values.map((v) => [v.value, v.documentIds]), [['2024-03-03', ['a']], ['2024-03-05', ['b']]]);
});

test('two places for one event are a place conflict', () => {
  const conflict = conflictOf('The health minister opened the new children’s hospital in Leeds on Friday morning.', 'The health minister opened the new children’s hospital in York on Friday morning.');
  assert.equal(conflict?.slot, 'place');
  assert.deepEqual(conflict!.values.map((v) => v.value), ['Leeds', 'York']);
});

test('the same statement twice is no conflict', () => {
  assert.equal(conflictOf('The health minister opened the new children’s hospital in Leeds on Friday morning.', 'On Friday morning the health minister opened the new children’s hospital in Leeds.'), undefined);
});
