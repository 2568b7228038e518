import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotateDocument } from '../annotate/index.ts';
import { buildDocument } from '../extract/document.ts';
import type { StoryAnalysis } from '../types.ts';
import { analyzeStory } from './index.ts';

function story(articles: Record<string, string>): StoryAnalysis {
  const annotated = Object.entries(articles).map(([id, text]) => annotateDocument({ ...buildDocument({ origin: id, name: id, bytes: new Uint8Array() }, text), id }));
  return analyzeStory({ id: 's', title: 't', documentIds: annotated.map((a) => a.doc.id) }, annotated);
}

const figureConflicts = (s: StoryAnalysis) => s.claims.filter((c) => c.conflict && c.conflict.slot !== 'date' && c.conflict.slot !== 'polarity').map((c) => ({ slot: c.conflict!.slot, values: c.conflict!.values.map((v) => `${v.value} (${v.documentIds.join(', ')})`).sort() }));

test('two articles that give different counts of the injured conflict, each value with its article', () => {
  const s = story({
    gazette: 'Twelve workers were injured when a fire broke out at the Veldmark Chemicals plant in Brennock on Tuesday evening.',
    courier: 'Nine workers were injured when fire tore through the Veldmark Chemicals plant in Brennock on Tuesday evening.',
  });
  assert.deepEqual(figureConflicts(s), [{ slot: 'number of workers', values: ['12 (gazette)', '9 (courier)'] }]);
});

test('a range given by both articles is not a disagreement between them', () => {
  const s = story({
    herald: 'The quarterback tore a knee ligament in Sunday\'s loss and is expected to be out six to eight months after surgery.',
    tribune: 'The quarterback tore a knee ligament in Sunday\'s loss and was expected to be out six to eight months after surgery.',
  });
  assert.deepEqual(figureConflicts(s), []);
});

test('the ages of two different people do not conflict; two ages given for one person do', () => {
  const apart = story({
    wire: 'Riots spread across Greece on Monday after the police shooting of 15-year-old Alexandros Grigoropoulos in Athens.',
    daily: 'Riots spread across Greece on Monday after the police shooting, and a 16-year-old student, Veatriki Kanellou, marched in Athens.',
  });
  assert.deepEqual(figureConflicts(apart), []);
  const same = story({
    wire: 'Police arrested 60-year-old Sharron Crawford Smith on Friday and charged her with two counts of murder in Staunton.',
    daily: 'Police arrested 61-year-old Sharron Crawford Smith on Friday and charged her with two counts of murder in Staunton.',
  });
  assert.deepEqual(figureConflicts(same), [{ slot: 'amount in years', values: ['60 (wire)', '61 (daily)'] }]);
});

test('a floor and a figure above it agree; a figure below the floor does not', () => {
  const agree = story({
    post: 'Deputies chased the suspect at speeds of more than 100 mph before he pulled over on Interstate 75.',
    news: 'Deputies chased the suspect at speeds of 120 mph before he pulled over on Interstate 75.',
  });
  assert.deepEqual(figureConflicts(agree), []);
  const disagree = story({
    post: 'More than a dozen people were killed when the quake struck the island on Sunday, officials said.',
    news: 'Ten people were killed when the quake struck the island on Sunday, officials said.',
  });
  assert.deepEqual(figureConflicts(disagree), [{ slot: 'number of people', values: ['10 (news)', 'over 12 (post)'] }]);
});
