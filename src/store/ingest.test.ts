// The write path over a real SQLite store with the real annotator and clusterer (analysis stubbed):
// idempotence, story placement across sessions (a follow-up weeks later too), and re-analysis of only
// the stories that changed.
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

test('a follow-up weeks later, in a later session, joins the stored story its closed story came from', async () => {
  const store = openSqliteStore(join(dir, 'follow-up.db'));
  const first = await Ingestor.open(store, { analyze });
  const out = await first.addDocuments([gaza('a', 'He also spoke with Mahmoud Abbas.'), gaza('b', 'The call lasted an hour.'), other]);
  const gazaStory = (out[0] as { storyId: string }).storyId;

  const later = await Ingestor.open(store, { analyze });
  const cricket = (id: string) =>
    makeDocument(id, { title: `Kohli on the final ${id}`, publishedAt: '2023-11-10', text: `Virat Kohli said the world cup final in Mumbai was the best match of his career, three weeks after India beat Australia by six wickets. ${id}` });
  // Two articles dated three weeks on move the clusterer's clock: the Gaza story leaves its active set.
  await later.addDocuments([cricket('k1'), cricket('k2')]);
  const [followUp] = await later.addDocuments([
    makeDocument('follow-up', {
      title: 'Putin and Netanyahu speak again',
      publishedAt: '2023-11-10',
      text: 'Vladimir Putin and Benjamin Netanyahu spoke by phone again about Gaza, the Kremlin said, weeks after their first call. Putin repeated his offer of humanitarian aid for Gaza.',
    }),
  ]);
  assert.equal(followUp!.status, 'added');
  assert.equal((followUp as { storyId: string }).storyId, gazaStory);
  assert.deepEqual((await store.getStory(gazaStory))?.documentIds.sort(), ['a', 'b', 'follow-up']);
  await store.close();
});
