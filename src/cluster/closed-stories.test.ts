// The profile memory of closed stories: candidates by shared keys, compact profiles, a story taken
// back once, and the oldest forgotten beyond the capacity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSED_PROFILE_LIMITS, ClosedStoryMemory } from './closed-stories.ts';
import { openStory, type StoryProfile } from './story-profile.ts';
import { Vocabulary } from './vocabulary.ts';

const vocab = new Vocabulary(1000);

function story(id: string, seq: number, terms: string[]): StoryProfile {
  const s = openStory(id, seq, { id: `${id}-a`, seq, lead: id, terms: new Map(), names: new Map(), people: new Map(), numbers: new Set(), dates: new Set(), titleTerms: new Set(), signature: new Uint32Array(0) });
  s.documentIds = [`${id}-a`, `${id}-b`];
  for (const [i, t] of terms.entries()) s.terms.set(t, terms.length - i);
  return s;
}

test('finds closed stories by shared keys, best match first, and hands each back once', () => {
  const memory = new ClosedStoryMemory(64, 10);
  memory.add(story('story-1', 1, ['qeshm', 'quake']), ['qeshm', 'quake'], vocab);
  memory.add(story('story-2', 2, ['tram', 'council']), ['tram', 'council'], vocab);
  assert.deepEqual(memory.candidates(['quake', 'qeshm', 'tabl'], 5).map((s) => s.id), ['story-1']);
  const taken = memory.take('story-1');
  assert.equal(taken?.id, 'story-1');
  assert.equal(memory.take('story-1'), undefined);
  assert.deepEqual(memory.candidates(['quake'], 5), []);
  assert.equal(memory.size, 1);
});

test('keeps a compact profile: the strongest terms only, no article list', () => {
  const memory = new ClosedStoryMemory(64, 10);
  const terms = Array.from({ length: CLOSED_PROFILE_LIMITS.terms + 50 }, (_, i) => `term${i}`);
  memory.add(story('story-1', 1, terms), ['term0'], vocab);
  const kept = memory.take('story-1')!;
  assert.equal(kept.terms.size, CLOSED_PROFILE_LIMITS.terms);
  assert.ok(kept.terms.has('term0') && !kept.terms.has(`term${terms.length - 1}`));
  assert.deepEqual(kept.documentIds, []);
});

test('forgets the story closed first beyond its capacity, and remembers nothing at capacity 0', () => {
  const memory = new ClosedStoryMemory(64, 2);
  for (let i = 1; i <= 3; i++) memory.add(story(`story-${i}`, i, ['quake']), ['quake'], vocab);
  assert.equal(memory.size, 2);
  assert.deepEqual(memory.candidates(['quake'], 5).map((s) => s.id).sort(), ['story-2', 'story-3']);
  const off = new ClosedStoryMemory(64, 0);
  off.add(story('story-1', 1, ['quake']), ['quake'], vocab);
  assert.equal(off.size, 0);
  assert.deepEqual(off.candidates(['quake'], 5), []);
});
