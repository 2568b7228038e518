import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryAnalysis } from '../types.ts';
import { storyOf } from './story.test-data.ts';

const story = (articles: Record<string, { text: string; publishedAt: string }>): StoryAnalysis =>
  storyOf(Object.fromEntries(Object.entries(articles).map(([id, a]) => [id, a.text])), Object.fromEntries(Object.entries(articles).map(([id, a]) => [id, a.publishedAt])));

const stale = (s: StoryAnalysis) => Object.fromEntries(Object.entries(s.signals).map(([id, x]) => [id, x.staleDays]));

test('a copy published weeks later is stale by the date the original gives its news; the original is not', () => {
  const report = 'Nine workers were injured when fire tore through a storage hall at the Veldmark Chemicals plant in Brennock on Tuesday evening, the company said. Plant director Katarzina Nowak said all nine had been taken to hospital. Police moved some 300 people out of their homes overnight.';
  const s = story({ courier: { text: report, publishedAt: '2026-03-11T08:00:00Z' }, herald: { text: report.replace('the company said', 'the company told reporters'), publishedAt: '2026-04-03T08:00:00Z' } });
  assert.deepEqual(stale(s), { courier: 0, herald: 24 });
  assert.equal(s.signals.herald!.narratedDate, '2026-03-10');
  assert.ok(s.signals.herald!.staleEvidence.some((e) => e.documentId === 'courier'), 'the evidence is the other article’s dated sentence');
});

test('background dates in a fresh article do not make it stale', () => {
  const s = story({
    austria: { text: 'Austria will turn the house where Adolf Hitler was born into a police station, the interior ministry said on Tuesday. Hitler was born in the house in Braunau in 1889. The government took control of the building in 2016 after a long legal battle.', publishedAt: '2019-11-20T09:00:00Z' },
    disney: { text: 'Kevin Mayer, who was named chairman of the direct-to-consumer division in March 2018, said demand for the new service was overwhelming. The service launched last week in three countries. Disney shares rose this month.', publishedAt: '2019-11-19T09:00:00Z' },
  });
  assert.deepEqual(stale(s), { austria: null, disney: null });
});
