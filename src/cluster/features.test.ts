// What clustering reads from an annotated article: the figures as written (not annotation's scaled
// values beside them), and annotation's resolved dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotateDocument } from '../annotate/index.ts';
import { extractDocuments } from '../extract/index.ts';
import { extractFeatures, fromAnnotated, toClusterInput } from './features.ts';

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
