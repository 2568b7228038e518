import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryAnalysis } from '../types.ts';
import { storyOf } from './story.test-data.ts';

const story = (text: string): StoryAnalysis => storyOf({ a: text });

const roles = (s: StoryAnalysis, pattern: RegExp) =>
  s.claims.flatMap((g) => g.claims).filter((c) => pattern.test(c.text)).map((c) => ({ actor: c.actor, action: c.action, target: c.target }));

test('in a passive sentence the subject undergoes the action, and the agent after "by" does it', () => {
  const s = story('Yvonne Hiller opened fire at the Kraft plant in Philadelphia on Thursday. Tanya Wilson was shot by Yvonne Hiller in the break room. Yvonne Hiller is charged with two counts of murder.');
  assert.deepEqual(roles(s, /^Tanya Wilson was shot/), [{ actor: 'Yvonne Hiller', action: 'shoot', target: 'Tanya Wilson' }]);
  assert.deepEqual(roles(s, /is charged/), [{ actor: undefined, action: 'charge', target: 'Yvonne Hiller' }]);
  const events = s.events.map((e) => `${e.actor} ${e.action} ${e.target ?? ''}`.trim());
  assert.ok(events.includes('Yvonne Hiller attack Tanya Wilson'), events.join('; '));
  assert.ok(!events.some((e) => e.startsWith('Tanya Wilson') || e === 'Yvonne Hiller arrest'), events.join('; '));
});

test('a name after a preposition and an article is where it happened, not who did it', () => {
  const s = story('In a sad reversal, a disgruntled woman opened fire at a Kraft Foods plant in Philadelphia last night, killing two workers and wounding two others. Kraft Foods said the plant would stay closed.');
  assert.ok(!s.events.some((e) => e.actor === 'Kraft Foods' && e.action === 'attack'), s.events.map((e) => `${e.actor} ${e.action}`).join('; '));
});

test('a participle in apposition is passive: the person named is accused, not accusing', () => {
  const s = story('Yvonne Hiller, accused in the Kraft Foods shooting, appeared in court in Philadelphia on Tuesday.');
  assert.ok(!s.events.some((e) => e.actor === 'Yvonne Hiller' && e.action === 'accusation'), s.events.map((e) => `${e.actor} ${e.action}`).join('; '));
});

test('among undated events, what was done comes before what was said about it', () => {
  const s = story('Police chief Joe Sullivan said the plant was closed. Yvonne Hiller killed Tanya Wilson in the break room on Thursday. Joe Sullivan said the suspect surrendered.');
  const actions = s.events.map((e) => e.action);
  assert.ok(actions.includes('attack') && actions.includes('statement'), actions.join(', '));
  assert.ok(actions.indexOf('attack') < actions.indexOf('statement'), actions.join(', '));
});

test('a verb inside a quotation is not done by the speaker named outside it', () => {
  const s = story('“She returned like a grim reaper,” says prosecutor Gail Fairman, “and she only shot the ones that she held responsible for her suspension.”');
  assert.ok(!s.events.some((e) => e.actor === 'Gail Fairman' && e.action === 'attack'), s.events.map((e) => `${e.actor} ${e.action}`).join('; '));
});
