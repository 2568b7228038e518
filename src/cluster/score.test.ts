// How an article's dates score against a story: narrated dates are evidence, the year it was
// published in is not; being far in time from a story is evidence against, being close is none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFeatures } from './features.ts';
import { DEFAULT_CLUSTER_OPTIONS as options } from './options.ts';
import { storyFeatures, timeCloseness } from './score.ts';
import { addToStory, openStory } from './story-profile.ts';
import { Vocabulary } from './vocabulary.ts';

const features = (id: string, text: string, publishedAt?: string) => extractFeatures({ id, text, publishedAt }, 0, options.numPermutations, options.shingleSize);

test('the year an article was published in is no evidence for a story; a narrated year still is, and a different one counts against', () => {
  const vocab = new Vocabulary(1_000);
  const trade = features('trade', 'Tariffs rose again in 2019, after the first round of duties in 2016, officials said.', '2019-11-18');
  const story = openStory('story-1', 0, trade);
  addToStory(story, trade, vocab, options.maxStoryTerms);
  const dates = (id: string, text: string, publishedAt?: string) => {
    const f = storyFeatures(features(id, text, publishedAt), story, vocab, options, true);
    return { value: f.values.dates, shared: f.shared.dates };
  };
  // Published in 2019 and naming only 2019: every report of that week does.
  assert.deepEqual(dates('deals', 'The best deals of 2019 start early this year, shops said.', '2019-11-19'), { value: 0, shared: [] });
  // A past year both narrate is evidence, whenever the article was published.
  assert.equal(dates('history', 'The first duties of 2016 were the start, economists said.', '2019-11-19').value, 1);
  // The same 2019 in an undated article is a narrated year, as before.
  assert.equal(dates('undated', 'The best deals of 2019 start early this year, shops said.').value, 1);
  // Years named on both sides and none shared: against.
  assert.equal(dates('other', 'The plant closed in 2012 after a fire, workers said.', '2019-11-19').value, -1);
});

test('a day close to the publication day is no evidence for a story; a day further back still is', () => {
  const vocab = new Vocabulary(1_000);
  const strike = features('strike', 'Workers walked out on November 18, and the union said talks had failed on November 2.', '2019-11-19');
  const story = openStory('story-1', 0, strike);
  addToStory(story, strike, vocab, options.maxStoryTerms);
  const dates = (id: string, text: string, publishedAt?: string) => storyFeatures(features(id, text, publishedAt), story, vocab, options, true).values.dates;
  // "On November 18", a day before it was published: every report of those days names it.
  assert.equal(dates('plague', 'A hunter was taken to hospital on November 18, health officials said.', '2019-11-19'), 0);
  // A day two weeks back that both narrate is evidence.
  assert.equal(dates('talks', 'Talks between the union and the company failed on November 2, officials said.', '2019-11-19'), 1);
  // Undated, the same day is a narrated date, as before.
  assert.equal(dates('undated', 'A hunter was taken to hospital on November 18, health officials said.'), 1);
});

test('publication time: far from the story counts against it, close to it counts neither way', () => {
  const day = 18_000;
  assert.equal(timeCloseness(day, day, day, options.timeScaleDays), 0, 'same day: no bonus');
  assert.equal(timeCloseness(day + 1, day - 3, day, options.timeScaleDays), 0, 'a day after the story\'s last article: no bonus');
  assert.equal(timeCloseness(day - 2, day, day + 5, options.timeScaleDays), 0, 'inside the reach of its first day: none');
  assert.ok(timeCloseness(day + 10, day - 3, day, options.timeScaleDays) < -0.8, 'ten days later: strongly against');
  assert.ok(timeCloseness(day + 4, day, day, options.timeScaleDays) < 0, 'four days later: against');
  assert.equal(timeCloseness(undefined, day, day, options.timeScaleDays), 0, 'undated: no evidence');
});
