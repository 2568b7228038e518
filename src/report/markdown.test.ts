import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureAnalysis } from './fixture.test-data.ts';
import { md, renderMarkdown } from './markdown.ts';
import { renderText } from './text.ts';

const out = renderMarkdown(fixtureAnalysis());
const story1 = out.slice(0, out.indexOf('## Story 2:'));

test('opens with a heading per story and an articles table with the stale flag', () => {
  assert.match(out, /^# crosscheck report\n\n5 articles in 2 stories\.\n\n## Story 1: Fire at Veldmark Chemicals plant in Brennock\n/);
  assert.match(story1, /\| `river-post`<br>Brennock plant fire: nine injured \| River Post \| 2026-04-02 \| \*\*stale\*\*: 23 days after the events of 2026-03-10; editorializing 25% \|/);
  assert.match(story1, /\| `brennock-gazette`<br>Fire at Veldmark plant injures at least 12 \| Brennock Gazette \| 2026-03-11 \| {3}\|/);
});

test('puts conflicts before single-source and corroborated claims', () => {
  const c = story1.indexOf('### Conflicts (1)');
  assert.ok(c > 0 && c < story1.indexOf('### Single-source claims (3)'));
  assert.ok(story1.indexOf('### Single-source claims (3)') < story1.indexOf('### Corroborated claims (1)'));
});

test('gives both conflict values with their sources, and quotes the sentences', () => {
  assert.match(story1, /#### number of worker\n\n\| Value \| Sources \|\n\| --- \| --- \|\n\| \*\*at least 12\*\* \| `brennock-gazette`, `valley-news` \|\n\| \*\*9\*\* \| `county-courier`, `river-post` \|/);
  assert.match(story1, /> Nine workers were injured in a fire at the Veldmark Chemicals plant in Brennock on Tuesday\.\n>\n> — `county-courier`/);
});

test('escapes Markdown in article text so it renders as written', () => {
  assert.match(story1, /> An inspection report \(ref\. #VC-2025\\_17\) had flagged a \\\*faulty\\\* pressure valve in Unit 4 last November\.\n>\n> — only `county-courier`\n/);
  assert.match(story1, /\| Valley News \\\| Regional \|/);
});

test('escapes every inline mark, entities, and block marks at the start of a line', () => {
  assert.equal(md('a *b* _c_ `d` [e](f) <g> h|i ~j~ \\k'), 'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> h\\|i \\~j\\~ \\\\k');
  assert.equal(md('# not a heading'), '\\# not a heading');
  assert.equal(md('- not a list'), '\\- not a list');
  assert.equal(md('2026. Not a list'), '2026\\. Not a list');
  assert.equal(md('AT&amp;T and &copy;'), 'AT&amp;amp;T and &amp;copy;');
  assert.equal(md('shelter-in-place, (c) 2026'), 'shelter-in-place, (c) 2026');
  assert.equal(md('two\nlines'), 'two lines');
});

test('lists corroborated claims with independent sources, rewrites, people, figures and timeline', () => {
  assert.match(story1, /\| Around 300 residents near the Ostra River were evacuated\. \| 2 \| `brennock-gazette`, `valley-news`, `county-courier`, `river-post` \|/);
  assert.match(story1, /\| `brennock-gazette` ⇄ `valley-news` \| rewrite \| 0\.71 \| 1 \|/);
  assert.match(story1, /\| Katarzyna Nowak \| person \| plant director \| Katarzina Nowak \| 3 \|/);
  assert.match(story1, /\| worker ✗ \| at least 12 \(`brennock-gazette`, `valley-news`\); 9 \(`county-courier`, `river-post`\) \|/);
  assert.match(story1, /- \*\*2026-03-10\*\* — A fire at the Veldmark/);
  assert.match(story1, /- \*\*Disputed:\*\* Sources disagree on the number of workers injured/);
});

test('ends with duplicates and input errors, naming each origin once', () => {
  assert.match(out, /## Input errors \(1\)\n\n- examples\/broken\.json: is not valid JSON \(ends at line 3\) \(`INPUT_JSON_INVALID`\)\n$/);
  assert.match(out, /- `gazette-copy` \(`examples\/gazette-copy\.txt`\) has the same text as `brennock-gazette`/);
});

test('cannot be broken out of a table by an article title', () => {
  const analysis = fixtureAnalysis();
  analysis.documents[0] = { ...analysis.documents[0]!, title: 'Fire | injured\n| --- |' };
  const table = renderMarkdown(analysis).split('\n').find((l) => l.startsWith('| `brennock-gazette`'))!;
  assert.equal(table.split(/(?<!\\)\|/).length - 2, 4);
});

test('gives the same bytes when rendered twice', () => {
  assert.equal(renderMarkdown(fixtureAnalysis()), out);
});

test('a document named by a long hash is shown by its prefix, in Markdown as in the terminal report', () => {
  const long = `9f3c2a71${'e'.repeat(56)}`;
  const analysis = JSON.parse(JSON.stringify(fixtureAnalysis()).replaceAll('river-post', long)) as ReturnType<typeof fixtureAnalysis>;
  for (const rendered of [renderMarkdown(analysis), renderText(analysis, { color: false, width: 100 })]) {
    assert.ok(rendered.includes('9f3c2a71…'), 'the prefix is shown');
    assert.ok(!rendered.includes(long), 'the 64-character id is not');
  }
});
