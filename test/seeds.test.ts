// The five seed articles end to end: what a careful reader finds in them must be in the report,
// with evidence offsets that point at the right sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocuments } from '../src/analyze/index.ts';
import { collectAll } from '../src/ingest/collect.ts';
import { toReportV1 } from '../src/report/json.ts';
import type { Analysis } from '../src/types.ts';
import { sharedPath, skipUnlessShared } from './shared-data.ts';

const skip = skipUnlessShared('seeds');
let cached: Analysis | undefined;
async function seeds(): Promise<Analysis> {
  if (!cached) {
    const { documents, errors } = await collectAll([sharedPath('seeds')]);
    cached = analyzeDocuments(documents, errors);
  }
  return cached;
}
const short = (id: string): string => id.slice(0, 3);

test('the five seed articles form one story with their ids and date lines', { skip }, async () => {
  const a = await seeds();
  assert.equal(a.stories.length, 1);
  assert.deepEqual(a.documents.map((d) => [short(d.id), d.publishedAt ?? null]).sort(), [
    ['000', '2023-11-05'],
    ['001', null],
    ['002', null],
    ['003', null],
    ['004', '2023-11-12'],
  ]);
  assert.equal(a.documents.find((d) => short(d.id) === '001')!.embeds[0]!.date, '2023-10-17');
});

test('finds the eight people once each, Mahmud and Mahmoud Abbas as one', { skip }, async () => {
  const story = (await seeds()).stories[0]!;
  const people = story.entities.filter((e) => e.type === 'person');
  assert.deepEqual(people.map((p) => p.name).sort(), [
    'Abdel Fattah al-Sisi',
    'Bashar al-Assad',
    'Benjamin Netanyahu',
    'Ebrahim Raisi',
    'Mahmoud Abbas',
    'Sergei Ryabkov',
    'Vladimir Putin',
    'Yuri Ushakov',
  ]);
  const abbas = people.find((p) => p.name === 'Mahmoud Abbas')!;
  assert.ok(abbas.aliases.includes('Mahmud Abbas'));
  assert.equal(abbas.documentIds.length, 5);
  const types = Object.fromEntries(story.entities.map((e) => [e.name, e.type]));
  assert.equal(types.Gaza, 'place');
  assert.equal(types.Kremlin, 'organization');
  assert.equal(types.Hamas, 'group');
});

test('reports the death toll as one conflict: over 1,300 from 001, over 1,400 from 002 and 003', { skip }, async () => {
  const story = (await seeds()).stories[0]!;
  const conflicts = story.claims.filter((c) => c.status === 'conflicting');
  assert.equal(conflicts.length, 1);
  const values = conflicts[0]!.conflict!.values.map((v) => [v.value, v.documentIds.map(short)]);
  assert.deepEqual(values, [
    ['over 1,300', ['001']],
    ['over 1,400', ['002', '003']],
  ]);
  for (const v of conflicts[0]!.conflict!.values) for (const e of v.evidence) assert.match(e.sentence, new RegExp(v.value.replace('over ', '')));
});

test('finds two lineages of text, so no claim counts more than two independent sources', { skip }, async () => {
  const story = (await seeds()).stories[0]!;
  assert.deepEqual(story.lineages.map((l) => l.documentIds.map(short)), [
    ['000', '001', '004'],
    ['002', '003'],
  ]);
  assert.ok(story.claims.every((c) => c.independentSources <= 2));
  assert.ok(story.claims.some((c) => c.status === 'corroborated' && c.independentSources === 2));
  const derived = story.provenance.filter((e) => e.relation !== 'independent').map((e) => [short(e.from), short(e.to)].sort().join('-'));
  assert.ok(derived.includes('002-003'));
  assert.ok(derived.includes('001-004'));
  for (const e of story.provenance.filter((x) => x.relation !== 'independent')) assert.ok(e.sharedPassages.length >= 2, `${e.from} → ${e.to} shows its shared passages`);
});

test('flags the two late articles as stale and not the others', { skip }, async () => {
  const a = await seeds();
  const stale = Object.fromEntries(a.documents.map((d) => [short(d.id), a.stories[0]!.signals[d.id]!.staleDays]));
  assert.ok(stale['000']! >= 14, `000 stale ${stale['000']}`);
  assert.ok(stale['004']! >= 14, `004 stale ${stale['004']}`);
  for (const id of ['001', '002', '003']) assert.ok(stale[id] === null || stale[id]! < 7, `${id} stale ${stale[id]}`);
});

test('the "Great Satan" claim is single-source, from 004 only', { skip }, async () => {
  const story = (await seeds()).stories[0]!;
  const satan = story.claims.filter((c) => /great satan/i.test(c.text));
  assert.equal(satan.length, 1);
  assert.equal(satan[0]!.status, 'single-source');
  assert.deepEqual(satan[0]!.documentIds.map(short), ['004']);
});

test('every evidence offset points at the sentence it quotes', { skip }, async () => {
  const a = await seeds();
  const text = new Map(a.documents.map((d) => [d.id, d.text]));
  const report = toReportV1(a);
  let checked = 0;
  for (const claim of report.stories[0]!.claims) {
    for (const e of claim.evidence) {
      assert.equal(text.get(e.documentId)!.slice(e.start, e.end), e.sentence);
      checked++;
    }
  }
  assert.ok(checked > 20);
});

test('dates the Putin–Netanyahu call 2023-10-16 and finds Putin’s calls with the five leaders', { skip }, async () => {
  const story = (await seeds()).stories[0]!;
  const calls = story.events.filter((e) => e.actor === 'Vladimir Putin' && e.action === 'consult' && e.modality === 'happened');
  assert.deepEqual([...new Set(calls.map((e) => e.target))].sort(), ['Abdel Fattah al-Sisi', 'Bashar al-Assad', 'Benjamin Netanyahu', 'Ebrahim Raisi', 'Mahmoud Abbas']);
  assert.equal(calls.find((e) => e.target === 'Benjamin Netanyahu')!.date, '2023-10-16');
  const planned = story.timeline.find((t) => t.approximate === 'before');
  assert.ok(planned, 'the planned call appears before the call');
  assert.deepEqual(planned.documentIds.map(short), ['002', '003']);
});

test('the editorial rewrite is the most editorializing article, and the summary cites its sources', { skip }, async () => {
  const a = await seeds();
  const signals = a.stories[0]!.signals;
  const ranked = a.documents.map((d) => [short(d.id), signals[d.id]!.editorializing] as const).sort((x, y) => y[1] - x[1]);
  assert.equal(ranked[0]![0], '000');
  assert.ok(signals[a.documents.find((d) => short(d.id) === '000')!.id]!.editorializingEvidence.some((e) => /it is clear that/.test(e.sentence)));
  const summary = a.stories[0]!.summary;
  assert.ok(summary.length >= 3);
  assert.ok(summary.every((s) => s.documentIds.length > 0));
  assert.ok(summary.some((s) => s.kind === 'disputed' && /1,300/.test(s.text) && /1,400/.test(s.text)));
});
