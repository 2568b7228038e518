// The late-copy memory: a closed story's articles are found again by their signature, only above the
// threshold, and the oldest are forgotten once the capacity is reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LateCopyIndex } from './late-copies.ts';
import { bandKeys, minhashSignature, shingleHashes } from './minhash.ts';
import { DEFAULT_CLUSTER_OPTIONS as D } from './options.ts';
import { openStory, type LshMember, type StoryProfile } from './story-profile.ts';

const signature = (text: string): Uint32Array => minhashSignature(shingleHashes(text.toLowerCase().split(/\s+/), D.shingleSize), D.numPermutations);
const keys = (sig: Uint32Array): number[] => bandKeys(sig, D.lshBands, D.lshRows);

const TEXTS = [
  'Rescue teams on Qeshm island searched collapsed mud brick houses after the magnitude 5.6 earthquake on Sunday',
  'The city council approved the eastern tram extension after a three year debate over its cost and its route',
  'Microsoft released an emergency patch for a flaw in Internet Explorer that hackers used to steal passwords',
];

function closedStory(id: string, texts: string[]): StoryProfile {
  const story = openStory(id, 1, { id: `${id}-0`, seq: 0, lead: texts[0]!, terms: new Map(), names: new Map(), people: new Map(), numbers: new Set(), dates: new Set(), titleTerms: new Set(), signature: new Uint32Array(0) });
  story.lastDay = 100;
  story.members = texts.map((text, i): LshMember => {
    const sig = signature(text);
    return { id: `${id}-${i}`, story, signature: sig, keys: keys(sig) };
  });
  return story;
}

test('finds the closed article a copy was made from, with its story', () => {
  const index = new LateCopyIndex(D.lshBands, D.lshRows, 16, 100);
  index.addClosed(closedStory('story-7', TEXTS));
  const copy = signature(`${TEXTS[2]} reprinted`);
  const found = index.find(copy, keys(copy), D.duplicateThreshold);
  assert.equal(found?.article.id, 'story-7-2');
  assert.equal(found?.article.story.id, 'story-7');
  assert.equal(found?.article.story.lastDay, 100);
  assert.ok(found!.similarity >= D.duplicateThreshold);
});

test('does not take an article on the same subject for a copy', () => {
  const index = new LateCopyIndex(D.lshBands, D.lshRows, 16, 100);
  index.addClosed(closedStory('story-7', TEXTS));
  const other = signature('Aid reached Qeshm island a week after the earthquake, the Red Crescent said on Monday, and tents were set up in Tabl');
  assert.equal(index.find(other, keys(other), D.duplicateThreshold), undefined);
});

test('forgets the oldest articles beyond its capacity, and remembers nothing at capacity 0', () => {
  const index = new LateCopyIndex(D.lshBands, D.lshRows, 16, 2);
  index.addClosed(closedStory('story-7', TEXTS));
  assert.equal(index.size, 2);
  const first = signature(TEXTS[0]!);
  assert.equal(index.find(first, keys(first), D.duplicateThreshold), undefined);
  const last = signature(TEXTS[2]!);
  assert.equal(index.find(last, keys(last), D.duplicateThreshold)?.article.id, 'story-7-2');

  const off = new LateCopyIndex(D.lshBands, D.lshRows, 16, 0);
  off.addClosed(closedStory('story-8', TEXTS));
  assert.equal(off.size, 0);
  assert.equal(off.find(last, keys(last), D.duplicateThreshold), undefined);
});
