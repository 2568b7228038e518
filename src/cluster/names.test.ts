// The fast path's people heuristic: a full name re-mentioned by its surname is a person; teams, places
// and sentence-opening words are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesFromCapitals } from './names.ts';
import { tokenizeFast } from './text.ts';

const names = (text: string) => namesFromCapitals(tokenizeFast(text));

test('takes Vincent Jackson for a person when "Jackson" later stands alone', () => {
  const { people, names: all } = names('San Diego Chargers receiver Vincent Jackson was arrested on Tuesday. Jackson failed a sobriety test.');
  assert.deepEqual([...people.keys()], ['jackson']);
  assert.ok(all.has('vincent jackson') && all.has('san diego chargers'));
});

test('does not take a team or a place for a person', () => {
  const { people } = names('The San Diego Chargers lost in San Diego. Fans of the Chargers left early.');
  assert.deepEqual([...people.keys()], []);
});

test('ignores a capitalised word that only opens a sentence', () => {
  const { names: all } = names('Police said the fire was out. Residents went home.');
  assert.deepEqual([...all.keys()], []);
});
