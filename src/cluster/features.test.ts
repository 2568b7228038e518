// What clustering reads from an article: the figures as written (not annotation's scaled values beside
// them), annotation's resolved dates, and the same features whether or not their keys come from a pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotateDocument } from '../annotate/index.ts';
import { extractDocuments } from '../extract/index.ts';
import { extractFeatures, fromAnnotated, toClusterInput, type DocFeatures } from './features.ts';
import { StringPool } from './text.ts';

function annotated(text: string) {
  const doc = extractDocuments({ origin: 'offer.json', name: 'offer.json', bytes: Buffer.from(JSON.stringify({ id: 'offer', text, publishedAt: '2008-12-12' })) }).documents[0]!;
  return annotateDocument(doc);
}

test('an annotated article counts each figure once, as written: "$160 million" is 160, not also 160000000', () => {
  const a = annotated('The Angels offered Mark Teixeira an eight-year deal worth at least $160 million on Friday. Windows 2000 users were told to update.');
  const numbers = [...extractFeatures(fromAnnotated(a), 0, 64, 4).numbers];
  assert.deepEqual(numbers, [...extractFeatures(toClusterInput(a.doc), 0, 64, 4).numbers]);
  assert.ok(numbers.includes('160'), `figures: ${numbers.join(', ')}`);
  assert.ok(!numbers.includes('160000000') && !numbers.includes('2000'), `figures: ${numbers.join(', ')}`);
});

test('an annotated article carries the dates annotation resolved against its publication date', () => {
  const a = annotated('The Angels withdrew their offer to Mark Teixeira on Sunday, a team spokesman said.');
  const dates = [...extractFeatures(fromAnnotated(a), 0, 64, 4).dates];
  assert.ok(dates.includes('md:12-07'), `dates: ${dates.join(', ')}`);
});

test('an annotated year or month is a year or a month, not the first day of it', () => {
  const a = annotated('The Angels said in 2020 they would bid again, and that talks began in October 2008.');
  const dates = [...extractFeatures(fromAnnotated(a), 0, 64, 4).dates];
  assert.ok(dates.includes('y:2020') && dates.includes('ym:2008-10'), `dates: ${dates.join(', ')}`);
  assert.ok(!dates.includes('md:01-01') && !dates.includes('md:10-01'), `dates: ${dates.join(', ')}`);
});

test('features whose keys come from a string pool are the same features, in the same order, even once the pool starts again', () => {
  const texts = [
    'Wide receiver Vincent Jackson of the San Diego Chargers was arrested early Tuesday on state Route 52, police said. Jackson was released on $15,000 bail on January 13, 2009.',
    'The Chargers said Jackson, 25, was booked at 2:30 a.m. on Route 52. Coach Norv Turner said on January 13 the team would wait for the facts.',
    'Quake of magnitude 5.9 hits Qeshm island in Iran; 10 villages damaged, officials said on November 27, 2005.',
  ];
  // Capacity 5 makes the pool forget what it holds several times within one article.
  for (const pool of [new StringPool(), new StringPool(5)]) {
    for (const [i, text] of texts.entries()) {
      const input = { id: `a${i}`, title: 'Chargers receiver arrested', text, publishedAt: '2009-01-13' };
      const plain = extractFeatures(input, i, 64, 4);
      const pooled = extractFeatures(input, i, 64, 4, pool);
      for (const field of ['terms', 'names', 'people', 'numbers', 'dates', 'titleTerms'] as const) {
        assert.deepEqual(entriesOf(pooled[field]), entriesOf(plain[field]), field);
      }
      assert.equal(pooled.lead, plain.lead);
      assert.ok(text.startsWith(plain.lead.replace(/…$/, '')) && plain.lead.length <= 90, `lead: ${plain.lead}`);
      assert.deepEqual(pooled.signature, plain.signature);
    }
  }
});

function entriesOf(x: DocFeatures['terms'] | DocFeatures['numbers']): unknown[] {
  return [...x.entries()];
}

test('a story is named by the first line that is more than a date line', () => {
  const f = extractFeatures({ id: 'a', text: 'Jan 05, 2011\nPUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM\nSaints place Pierre Thomas on injured reserve\nThe Saints placed running back Pierre Thomas on injured reserve.' }, 0, 64, 4);
  assert.equal(f.lead, 'Saints place Pierre Thomas on injured reserve');
  assert.equal(extractFeatures({ id: 'b', text: 'Monday March 9\nMay I have a word?' }, 1, 64, 4).lead, 'May I have a word?');
});
