import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyOf } from '../analyze/story.test-data.ts';
import { fixtureAnalysis } from './fixture.test-data.ts';
import { idLabels, renderText, storyFigures, wrap } from './text.ts';

const plain = renderText(fixtureAnalysis(), { color: false, width: 80 });
const story1 = plain.slice(0, plain.indexOf('Story 2:'));

test('lists the conflict before single-source and corroborated claims', () => {
  const conflicts = story1.indexOf('Conflicts (1)');
  assert.ok(conflicts > 0);
  assert.ok(conflicts < story1.indexOf('Single-source claims (3)'));
  assert.ok(story1.indexOf('Single-source claims (3)') < story1.indexOf('Corroborated claims (1)'));
});

test('shows both values of the conflict with their sources and quoted sentences', () => {
  const block = story1.slice(story1.indexOf('Conflicts'), story1.indexOf('Single-source'));
  assert.match(block, /number of worker/);
  assert.match(block, /at least 12 {2}from brennock-gazette, valley-news/);
  assert.match(block, /9 {12}from county-courier, river-post/);
  assert.match(block, /“Nine workers were injured in a fire at the Veldmark Chemicals plant in\n\s+Brennock on Tuesday\.” — county-courier/);
  assert.ok(block.indexOf('— brennock-gazette') < block.indexOf('— county-courier'));
});

test('quotes a single-source claim with its one source, and names a lineage as one source', () => {
  assert.match(story1, /• “An inspection report \(ref\. #VC-2025_17\) had flagged a \*faulty\* pressure\n {4}valve in Unit 4 last November\.”\n {4}— only county-courier\n/);
  assert.match(story1, /— only brennock-gazette, valley-news \(one lineage\)/);
  assert.match(story1, /development: planned →\s+happened/);
});

test('counts independent sources, not articles, for a corroborated claim', () => {
  assert.match(story1, /✓ Around 300 residents near the Ostra River were evacuated\.\n {4}2 independent sources in 4 articles: brennock-gazette/);
});

test('flags the stale article with its days and the narrated date, and only that one', () => {
  assert.match(story1, /river-post {8}River Post {14}2026-04-02\n {6}STALE: 23 days after the events of 2026-03-10 · editorializing 25%/);
  assert.equal(story1.match(/STALE/g)?.length, 1);
});

test('shows rewrites as pairs, people with titles and spelling variants, and differing figures', () => {
  assert.match(story1, /brennock-gazette ⇄ valley-news {2}rewrite {2}similarity 0\.71/);
  assert.match(story1, /county-courier ⇄ river-post {5}copy/);
  assert.match(story1, /Katarzyna Nowak \(plant director\), person — also “Katarzina Nowak” · 3 articles/);
  assert.match(story1, /Daniel Okafor \(Fire Chief\), person/);
  assert.match(story1, /Places: Brennock, Ostra River/);
  assert.match(story1, /✗ worker {7}at least 12 \(brennock-gazette, valley-news\); 9 \(county-courier,/);
});

test('orders the timeline by date and marks disputed summary sentences', () => {
  assert.ok(story1.indexOf('2026-03-10  A fire at') < story1.indexOf('2026-03-11  The shelter-in-place'));
  assert.match(story1, /• Disputed: Sources disagree on the number of workers injured/);
});

test('ends with the dropped duplicate and the input errors', () => {
  const tail = plain.slice(plain.indexOf('Story 2:'));
  assert.match(tail, /gazette-copy \(examples\/gazette-copy\.txt\) has the same text as brennock-gazette/);
  assert.match(tail, /Input errors \(1\)\n {2}examples\/broken\.json: is not valid JSON \(ends at line 3\) \[INPUT_JSON_INVALID\]\n$/);
});

test('writes no ANSI codes when colour is off, and colours conflicts when it is on', () => {
  assert.doesNotMatch(plain, /\u001b/);
  const coloured = renderText(fixtureAnalysis(), { color: true });
  assert.match(coloured, /\u001b\[31mConflicts \(1\)\u001b\[0m/);
  assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), plain);
});

test('keeps every line within the width, except single words longer than it', () => {
  for (const width of [50, 80, 120]) {
    const out = renderText(fixtureAnalysis(), { color: false, width });
    for (const line of out.split('\n')) assert.ok(line.length <= width || !line.trim().includes(' '), `${width}: ${line}`);
  }
});

test('strips control characters an article could use to drive the terminal', () => {
  const analysis = fixtureAnalysis();
  analysis.stories[1]!.story.title = 'Tram\u001b[2J line';
  const out = renderText(analysis, { color: false });
  assert.match(out, /Story 2: Tram \[2J line/);
  assert.doesNotMatch(out, /\u001b/);
});

test('gives the same bytes when rendered twice', () => {
  assert.equal(renderText(fixtureAnalysis(), { color: false, width: 80 }), plain);
});

test('wraps with a hanging indent', () => {
  assert.deepEqual(wrap('one two three four', 12, '- ', '  '), ['- one two', '  three four']);
});

test('drops the outlet column when no article of the story names its outlet', () => {
  assert.match(plain, /Articles\n {2}saltmere-tram {2}2026-02-17\n/);
});

test('marks a figure as disputed only when a conflict is about it', () => {
  assert.match(story1, /\n {4}resident {5}about 300 \(brennock-gazette\)\n/);
  assert.match(story1, /\n {2}✗ worker/);
});

test('marks only the count a conflict is about, not the other counts its sentences give', () => {
  const texts = {
    gazette: 'Twelve workers were injured and 40 firefighters fought the fire at the Veldmark Chemicals plant on Tuesday.',
    courier: 'Nine workers were injured and 40 firefighters fought the fire at the Veldmark Chemicals plant on Tuesday.',
  };
  const story = storyOf(texts);
  assert.equal(story.claims.filter((c) => c.status === 'conflicting').length, 1);
  const marks = Object.fromEntries(storyFigures(story).map((f) => [f.label, f.disputed]));
  assert.deepEqual(marks, { worker: true, firefighter: false });
});

test('long document ids are shown by their shortest unique prefix of at least 8 characters; short ones as written', () => {
  const a = `8b194530${'a'.repeat(56)}`;
  const b = `8b194530f${'b'.repeat(55)}`;
  const c = `ea25dd7e${'c'.repeat(56)}`;
  const label = idLabels([a, b, c, 'county-courier']);
  assert.deepEqual([a, b, c, 'county-courier'].map(label), ['8b194530a…', '8b194530f…', 'ea25dd7e…', 'county-courier']);
});
