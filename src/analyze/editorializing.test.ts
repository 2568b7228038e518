import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../annotate/nlp.ts';
import { judgeSentence } from './editorializing.ts';

const judge = (text: string) => judgeSentence(splitSentences(text)[0]!);

test('a meta-judgement is editorializing, with the phrase as its cue', () => {
  const j = judge('As the crisis unfolds, it is clear that Moscow’s involvement will have a lasting impact on the region.');
  assert.equal(j.judges, true);
  assert.ok(j.cues.includes('it is clear'));
});

test('evaluative words without a source are editorializing', () => {
  assert.equal(judge('In this complex and volatile situation, the proactive diplomacy of the leader shows strength.').judges, true);
});

test('plain reporting is not editorializing', () => {
  assert.equal(judge('The minister met the governor on Monday and discussed the evacuation of 300 residents.').judges, false);
});

test('evaluative words in an attributed statement are reporting', () => {
  assert.equal(judge('The governor said the flooding was a tragic and devastating blow to the town.').judges, false);
});

test('an unattributed prediction is editorializing', () => {
  const j = judge('The new bridge will transform the economy of the whole valley.');
  assert.equal(j.judges, true);
  assert.ok(j.cues.includes('unattributed prediction'));
});

test('a verdict stated with "to be" is editorializing', () => {
  assert.equal(judge('That is a shameful record for a firm that boasted of its safety culture.').judges, true);
  assert.equal(judge('The plant is a large site on the edge of the town.').judges, false);
});

test('"worth" before an amount is a measure, and a characterisation attributed with "described by" is reporting', () => {
  assert.equal(judge('Armed robbers stole gems worth 85 million euros from a jeweller in the heart of Paris, during a raid described by French media as the most lucrative heist in French history.').judges, false);
  assert.equal(judge('It was a worthy and brilliant effort by the whole team.').judges, true);
});
