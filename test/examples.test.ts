// The sample stories in examples/ (invented by the team, see examples/README.md): what a careful
// reader finds in them must be in the report. They run in every checkout, with no shared data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeDocuments } from '../src/analyze/index.ts';
import { collectAll } from '../src/ingest/collect.ts';
import type { Analysis, StoryAnalysis } from '../src/types.ts';
import { REPO_ROOT } from './shared-data.ts';

let cached: Analysis | undefined;
async function examples(): Promise<Analysis> {
  if (!cached) {
    const { documents, errors } = await collectAll([join(REPO_ROOT, 'examples')]);
    assert.deepEqual(errors, []);
    cached = analyzeDocuments(documents, errors);
  }
  return cached;
}
const FIRE = ['brennock-gazette', 'brennock-observer', 'county-courier', 'lakeshore-herald', 'valley-news', 'wexley-radio'];
const storyOf = (a: Analysis, id: string): StoryAnalysis => a.stories.find((s) => s.story.documentIds.includes(id))!;

test('the eight articles form two stories: six about the fire, two about the tram', async () => {
  const a = await examples();
  assert.equal(a.documents.length, 8);
  assert.deepEqual(storyOf(a, 'brennock-gazette').story.documentIds.slice().sort(), FIRE);
  assert.deepEqual(storyOf(a, 'saltmere-post').story.documentIds.slice().sort(), ['harbour-road-weekly', 'saltmere-post']);
  assert.equal(a.stories.length, 2);
});

test('the injury count is one conflict: at least 12 against nine, each with its articles', async () => {
  const fire = storyOf(await examples(), 'brennock-gazette');
  const conflicts = fire.claims.filter((c) => c.status === 'conflicting');
  assert.equal(conflicts.length, 1);
  const values = Object.fromEntries(conflicts[0]!.conflict!.values.map((v) => [v.value, v.documentIds]));
  assert.ok(values['at least 12']!.includes('brennock-gazette'));
  assert.ok(values['at least 12']!.includes('wexley-radio'));
  const nine = Object.entries(values).find(([v]) => v.replace(/\D/g, '') === '9')!;
  assert.ok(nine[1].includes('county-courier'));
});

test('valley-news rewrites brennock-gazette; the other reports are independent lineages', async () => {
  const fire = storyOf(await examples(), 'brennock-gazette');
  const lineage = (id: string) => fire.lineages.find((l) => l.documentIds.includes(id))!.documentIds.slice().sort();
  assert.deepEqual(lineage('valley-news'), ['brennock-gazette', 'valley-news']);
  assert.deepEqual(lineage('wexley-radio'), ['wexley-radio']);
  assert.deepEqual(lineage('brennock-observer'), ['brennock-observer']);
  assert.ok(!lineage('county-courier').includes('brennock-gazette'));
  assert.ok(fire.claims.every((c) => c.independentSources <= 4));
});

test('a claim only one lineage makes is single-source: the faulty valve (county-courier)', async () => {
  const fire = storyOf(await examples(), 'brennock-gazette');
  const valve = fire.claims.filter((c) => /faulty pressure valve/.test(c.text));
  assert.equal(valve.length, 1);
  assert.equal(valve[0]!.status, 'single-source');
  assert.ok(valve[0]!.documentIds.includes('county-courier'));
});

test('the opinion piece scores highest for editorializing; the news reports score low', async () => {
  const a = await examples();
  const fire = storyOf(a, 'brennock-gazette');
  const share = (id: string) => fire.signals[id]!.editorializing;
  for (const id of FIRE.filter((d) => d !== 'brennock-observer')) assert.ok(share('brennock-observer') > share(id) + 0.2, `${id} ${share(id)}`);
  assert.ok(share('brennock-gazette') < 0.1);
});

test('people keep their titles and are not confused with organisations or places', async () => {
  const a = await examples();
  const fire = storyOf(a, 'brennock-gazette');
  const byName = new Map(fire.entities.map((e) => [e.name, e]));
  assert.equal(byName.get('Daniel Okafor')?.type, 'person');
  assert.ok(byName.get('Daniel Okafor')!.titles.some((t) => /Fire Chief/.test(t)));
  assert.equal(byName.get('Helen Strand')?.type, 'person');
  for (const org of ['Veldmark Chemicals', 'Brennock Fire and Rescue Service', 'Regional Environment Agency', 'Holm Industrial Group']) assert.equal(byName.get(org)?.type, 'organization', org);
  for (const place of ['Brennock', 'Millbank', 'Ostra River']) assert.equal(byName.get(place)?.type, 'place', place);
  const tram = storyOf(a, 'saltmere-post');
  assert.equal(tram.entities.find((e) => e.name === 'Saltmere Transit')?.type, 'organization');
});

test('Katarzyna and Katarzina Nowak are one person', async () => {
  const fire = storyOf(await examples(), 'brennock-gazette');
  const nowak = fire.entities.filter((e) => e.type === 'person' && /nowak/i.test([e.name, ...e.aliases].join(' ')));
  assert.equal(nowak.length, 1);
  assert.ok([nowak[0]!.name, ...nowak[0]!.aliases].includes('Katarzina Nowak'));
  assert.ok([nowak[0]!.name, ...nowak[0]!.aliases].includes('Katarzyna Nowak'));
});

test('the late copy is stale by about three weeks; the others are not', async () => {
  const a = await examples();
  const fire = storyOf(a, 'brennock-gazette');
  const stale = (id: string) => fire.signals[id]!.staleDays;
  assert.ok((stale('lakeshore-herald') ?? 0) >= 14, `lakeshore-herald ${stale('lakeshore-herald')}`);
  for (const id of FIRE.filter((d) => d !== 'lakeshore-herald')) assert.ok((stale(id) ?? 0) < 7, `${id} ${stale(id)}`);
});
