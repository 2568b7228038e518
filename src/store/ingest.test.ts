// The write path over a real SQLite store with the real annotator and clusterer (analysis stubbed):
// idempotence, story placement across sessions, and re-analysis of only the stories that changed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ingestor, leadOf } from './ingest.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import { makeDocument } from '../../test/store-fixtures.ts';
import type { AnnotatedDocument, StoryAnalysis } from '../types.ts';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const analysed: string[][] = [];
function analyze(story: StoryAnalysis['story'], docs: AnnotatedDocument[]): StoryAnalysis {
  analysed.push(docs.map((d) => d.doc.id));
  return { story, entities: [], claims: [], events: [], provenance: [], lineages: [], timeline: [], summary: [], signals: {} };
}

const gaza = (id: string, extra: string) =>
  makeDocument(id, {
    title: `Putin calls Netanyahu over Gaza ${id}`,
    publishedAt: '2023-10-17',
    text: `Russian President Vladimir Putin spoke by phone with Israeli Prime Minister Benjamin Netanyahu about the war in Gaza on Monday, the Kremlin said. Putin offered condolences for the Israeli victims and discussed humanitarian aid for Gaza. ${extra}`,
  });
const other = makeDocument('cricket', { title: 'Cricket final in Mumbai', publishedAt: '2023-10-17', text: 'India beat Australia by six wickets in the cricket world cup final in Mumbai on Sunday, with Virat Kohli scoring a century before a crowd of ninety thousand.' });

test('stores each text once, joins related articles into one story across sessions, and re-analyses only what changed', async () => {
  const store = openSqliteStore(join(dir, 'ingest.db'));
  const first = await Ingestor.open(store, { analyze });
  const out = await first.addDocuments([gaza('a', 'He also spoke with Mahmoud Abbas.'), gaza('b', 'The call lasted an hour.'), other]);
  assert.deepEqual(out.map((o) => o.status), ['added', 'added', 'added']);
  const storyOf = (id: string) => (out.find((o) => o.id === id) as { storyId: string }).storyId;
  assert.equal(storyOf('a'), storyOf('b'), 'the two Gaza calls are one story');
  assert.notEqual(storyOf('a'), storyOf('cricket'));
  assert.equal((await first.reanalyze()).length, 2);

  // A new session (a later `ingest` run) rebuilds the clusterer from the store.
  const second = await Ingestor.open(store, { analyze });
  const again = await second.addDocuments([gaza('a', 'He also spoke with Mahmoud Abbas.'), gaza('c', 'Abbas asked for a ceasefire.')]);
  assert.deepEqual(again[0], { status: 'duplicate', id: 'a', duplicateOf: 'a', origin: 'seeds/a.txt' });
  assert.equal(again[1]!.status, 'added');
  assert.equal((again[1] as { storyId: string }).storyId, storyOf('a'), 'the new article joins the stored story');
  analysed.length = 0;
  assert.deepEqual(await second.reanalyze(), [storyOf('a')], 'only the story that gained an article');
  assert.deepEqual(analysed[0]!.sort(), ['a', 'b', 'c']);
  assert.equal((await store.getStory(storyOf('cricket')))?.stale, false);
  await store.close();
});

test('an untitled article gives its story a title from its first words', () => {
  assert.equal(leadOf('Amidst the ongoing Middle East crisis, Russian President Vladimir Putin has emerged as an influential player. More.'), 'Amidst the ongoing Middle East crisis, Russian President Vladimir Putin has emerged as an…');
  assert.equal(leadOf('Short one. Second.'), 'Short one.');
});
