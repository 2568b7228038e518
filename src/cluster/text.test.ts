// The fast tokenizer and stemmer: spacing variants of hyphenated words agree, possessives drop,
// sentence starts are marked, inflected forms share a key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem, tokenizeFast } from './text.ts';

test('reads "15-year-old" and "15 - year - old" as the same words', () => {
  const a = tokenizeFast('a 15-year-old boy').map((t) => t.lower);
  const b = tokenizeFast('a 15 - year - old boy').map((t) => t.lower);
  assert.deepEqual(a, b);
});

test('drops a possessive and marks the word after a full stop as a sentence start', () => {
  const tokens = tokenizeFast("Reid's lawyer spoke. Police came.");
  assert.deepEqual(tokens.map((t) => t.raw), ['Reid', 'lawyer', 'spoke', 'Police', 'came']);
  assert.deepEqual(tokens.map((t) => t.sentenceStart), [true, false, false, true, false]);
});

test('stems plural, past and -ing forms to one key', () => {
  assert.equal(stem('quakes'), stem('quake'));
  assert.equal(stem('killed'), stem('kill'));
  assert.equal(stem('shooting'), stem('shoot'));
  assert.equal(stem('injuries'), 'injury');
});

test('keeps a dot inside abbreviations and decimals, and splits a month from its day at a dot', () => {
  assert.deepEqual(tokenizeFast('U.S. quake of 5.6 on Dec.14').map((t) => t.raw), ['U.S', 'quake', 'of', '5.6', 'on', 'Dec', '14']);
});
