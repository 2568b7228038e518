// The one contract suite every Store implementation runs (SQLite, PostgreSQL): call
// `runStoreContract` from the implementation's test file with a factory for a fresh, empty store.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from './store.ts';
import { makeDocument, makeStory } from '../../test/store-fixtures.ts';
import type { StoryAssignment } from '../types.ts';

/** Makes a fresh, empty store; `now` is the clock the store must use for its timestamps. */
export type OpenStore = (options: { now: () => Date }) => Promise<Store>;

function ticking(startIso = '2024-01-01T00:00:00.000Z'): () => Date {
  let t = Date.parse(startIso);
  return () => new Date((t += 1000));
}

function assign(documentId: string, storyId: string): StoryAssignment {
  return { documentId, storyId, score: 0.8, reasons: [{ feature: 'minhash', value: 0.8 }] };
}

export function runStoreContract(name: string, open: OpenStore, skip: string | false = false): void {
  describe(`${name} store contract`, { skip }, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      const store = await open({ now: ticking() });
      opened.push(store);
      return store;
    };
    after(async () => {
      for (const s of opened) await s.close();
    });

    test('reads back an article exactly as it was stored, with its insertion time', async () => {
      const store = await fresh();
      const doc = makeDocument('wire-a');
      assert.deepEqual(await store.addDocument({ document: doc }), { status: 'added', id: 'wire-a' });
      const back = await store.getDocument('wire-a');
      assert.deepEqual(back?.document, doc);
      assert.equal(back?.ingestedAt, '2024-01-01T00:00:01.000Z');
      assert.equal(await store.getDocument('nope'), undefined);
    });

    test('stores the same text once, however often and under whatever id it arrives', async () => {
      const store = await fresh();
      await store.addDocument({ document: makeDocument('wire-a'), assignment: assign('wire-a', 's1') });
      const again = await store.addDocument({ document: { ...makeDocument('wire-a'), id: 'copy-of-a' }, assignment: assign('copy-of-a', 's1') });
      assert.deepEqual(again, { status: 'duplicate', id: 'copy-of-a', duplicateOf: 'wire-a' });
      assert.equal(await store.findByHash(makeDocument('wire-a').contentHash), 'wire-a');
      const stats = await store.stats();
      assert.equal(stats.documents, 1);
      assert.equal((await store.getStory('s1'))?.documentCount, 1);
    });

    test('keeps two different articles that share an id, renaming the later one by its hash', async () => {
      const store = await fresh();
      const first = makeDocument('article-1', { text: 'First text about Gaza.' });
      const second = makeDocument('article-1', { text: 'Second, different text about Gaza.' });
      await store.addDocument({ document: first });
      const result = await store.addDocument({ document: second });
      assert.equal(result.status, 'added');
      assert.equal(result.id, `article-1-${second.contentHash.slice(0, 8)}`);
      assert.equal((await store.getDocument(result.id))?.document.text, 'Second, different text about Gaza.');
      assert.equal((await store.getDocument('article-1'))?.document.text, 'First text about Gaza.');
    });

    test('opens a story with the first article and marks it stale until analysed', async () => {
      const store = await fresh();
      const { documents } = makeStory();
      for (const d of documents) await store.addDocument({ document: d, assignment: assign(d.id, 'story-putin-calls') });
      const story = await store.getStory('story-putin-calls');
      assert.equal(story?.documentCount, 3);
      assert.deepEqual(story?.documentIds, ['other-c', 'wire-a', 'rewrite-b'], 'ordered by publication date');
      assert.equal(story?.title, 'Putin speaks with Abbas', 'titled by its first article');
      assert.equal(story?.firstPublished, '2023-10-16');
      assert.equal(story?.lastPublished, '2023-11-05');
      assert.equal(story?.stale, true);
      assert.equal(story?.revision, 3);
      assert.equal(story?.independentSources, null);
      assert.deepEqual(await store.staleStories(10), [{ id: 'story-putin-calls', revision: 3 }]);
      assert.equal((await store.getDocument('wire-a'))?.storyId, 'story-putin-calls');
    });

    test('saves an analysis with its counts, and a story is current until another article joins', async () => {
      const store = await fresh();
      const { documents, analysis } = makeStory();
      for (const d of documents) await store.addDocument({ document: d, assignment: assign(d.id, analysis.story.id) });
      assert.deepEqual(await store.saveAnalysis(analysis, 3), { current: true });
      const story = await store.getStory(analysis.story.id);
      assert.deepEqual(story?.analysis, analysis);
      assert.equal(story?.title, 'Putin calls Middle East leaders');
      assert.equal(story?.independentSources, 2);
      assert.equal(story?.conflicts, 1);
      assert.equal(story?.claims, 4);
      assert.equal(story?.stale, false);
      assert.deepEqual(await store.staleStories(10), []);
      const meta = await store.getStoryMeta(analysis.story.id);
      assert.deepEqual({ revision: meta?.revision, conflicts: meta?.conflicts, stale: meta?.stale, analyzedAt: meta?.analyzedAt }, { revision: 3, conflicts: 1, stale: false, analyzedAt: story?.analyzedAt });
      assert.equal(await store.getStoryMeta('nope'), undefined);

      await store.addDocument({ document: makeDocument('late-d'), assignment: assign('late-d', analysis.story.id) });
      assert.equal((await store.getStory(analysis.story.id))?.stale, true);
      assert.deepEqual(await store.saveAnalysis(analysis, 3), { current: false }, 'an analysis of revision 3 is not current at revision 4');
      assert.equal((await store.getStory(analysis.story.id))?.stale, true);
    });

    test('never replaces a newer analysis with an older one', async () => {
      const store = await fresh();
      const { documents, analysis } = makeStory();
      for (const d of documents) await store.addDocument({ document: d, assignment: assign(d.id, analysis.story.id) });
      await store.saveAnalysis(analysis, 3);
      const older = { ...analysis, claims: [] };
      assert.deepEqual(await store.saveAnalysis(older, 2), { current: false });
      assert.equal((await store.getStory(analysis.story.id))?.claims, 4);
    });

    test('lists stories by last update or by conflicts, with paging and a total', async () => {
      const store = await fresh();
      const { documents, analysis } = makeStory('s-conflict');
      for (const d of documents) await store.addDocument({ document: d, assignment: assign(d.id, 's-conflict') });
      await store.saveAnalysis(analysis, 3);
      await store.addDocument({ document: makeDocument('x1'), assignment: assign('x1', 's-new') });
      await store.addDocument({ document: makeDocument('x2'), assignment: assign('x2', 's-newest') });

      const byUpdate = await store.listStories();
      assert.equal(byUpdate.total, 3);
      assert.deepEqual(byUpdate.items.map((s) => s.id), ['s-newest', 's-new', 's-conflict']);
      const byConflicts = await store.listStories({ sort: 'conflicts' });
      assert.equal(byConflicts.items[0]?.id, 's-conflict');
      assert.equal(byConflicts.items[0]?.conflicts, 1);
      const page2 = await store.listStories({ limit: 1, offset: 1 });
      assert.equal(page2.total, 3);
      assert.deepEqual(page2.items.map((s) => s.id), ['s-new']);
    });

    test('finds stories and articles by words of their text, ignoring case, accents and query syntax', async () => {
      const store = await fresh();
      const { documents } = makeStory();
      for (const d of documents) await store.addDocument({ document: d, assignment: assign(d.id, 's1') });
      await store.addDocument({ document: makeDocument('z', { text: 'Zürich hosts a summit on trade.' }), assignment: assign('z', 's2') });

      assert.deepEqual((await store.listStories({ q: 'NETANYAHU' })).items.map((s) => s.id), ['s1']);
      assert.deepEqual((await store.listStories({ q: 'zurich' })).items.map((s) => s.id), ['s2']);
      assert.deepEqual((await store.listStories({ q: 'summi' })).items.map((s) => s.id), ['s2'], 'prefixes match');
      assert.equal((await store.listStories({ q: 'netanyahu zurich' })).total, 0, 'all words must match');
      assert.deepEqual((await store.listStories({ q: 'netanyahu)*"(^' })).items.map((s) => s.id), ['s1'], 'query syntax is not interpreted');
      assert.equal((await store.listStories({ q: '"*)(' })).total, 0);

      const hits = await store.searchDocuments('Great Satan', 5);
      assert.equal(hits.length, 1);
      assert.equal(hits[0]?.id, 'other-c');
      assert.equal(hits[0]?.storyId, 's1');
      assert.match(hits[0]?.snippet ?? '', /The Great Satan was mentioned/);
    });

    test('moves articles between stories and drops a story left empty', async () => {
      const store = await fresh();
      await store.addDocument({ document: makeDocument('wire-a'), assignment: assign('wire-a', 's1') });
      await store.addDocument({ document: makeDocument('other-c'), assignment: assign('other-c', 's2') });
      await store.moveDocuments(['other-c'], 's1');
      assert.equal(await store.getStory('s2'), undefined);
      const s1 = await store.getStory('s1');
      assert.deepEqual(s1?.documentIds, ['other-c', 'wire-a']);
      assert.equal(s1?.stale, true);
      assert.equal((await store.getDocument('other-c'))?.storyId, 's1');
    });

    test('returns articles in the order asked, with annotations only when asked', async () => {
      const store = await fresh();
      const doc = makeDocument('wire-a');
      const annotated = { doc, sentences: [], mentions: [], numbers: [], times: [], quotes: [] };
      await store.addDocument({ document: doc, annotated });
      await store.addDocument({ document: makeDocument('other-c') });
      const both = await store.getDocuments(['other-c', 'missing', 'wire-a']);
      assert.deepEqual(both.map((d) => d.document.id), ['other-c', 'wire-a']);
      assert.equal(both[1]?.annotated, undefined);
      assert.deepEqual((await store.getDocuments(['wire-a'], true))[0]?.annotated, annotated);
      assert.equal(await store.maxSeq(), (await store.listDocuments(0, 10)).at(-1)!.seq);
      const firstPage = await store.listDocuments(0, 1);
      assert.deepEqual(firstPage.map((d) => d.document.id), ['wire-a']);
      const next = await store.listDocuments(firstPage[0]!.seq, 10);
      assert.deepEqual(next.map((d) => d.document.id), ['other-c']);
    });

    test('keeps rejected inputs, newest first, and small named state values', async () => {
      const store = await fresh();
      await store.recordError({ origin: 'a.pdf', code: 'INPUT_BINARY', message: 'a.pdf: looks like a binary file' });
      await store.recordError({ origin: 'b.txt', code: 'INPUT_EMPTY', message: 'b.txt: is empty' });
      assert.deepEqual((await store.listErrors(10)).map((e) => e.code), ['INPUT_EMPTY', 'INPUT_BINARY']);
      assert.equal(await store.getState('cluster'), undefined);
      await store.setState('cluster', { bands: 16, seen: [1, 2] });
      await store.setState('cluster', { bands: 16, seen: [1, 2, 3] });
      assert.deepEqual(await store.getState('cluster'), { bands: 16, seen: [1, 2, 3] });
    });

    test('reports its schema version and counts', async () => {
      const store = await fresh();
      assert.equal(await store.maxSeq(), 0);
      await store.addDocument({ document: makeDocument('wire-a'), assignment: assign('wire-a', 's1') });
      const stats = await store.stats();
      assert.deepEqual({ ...stats, schemaVersion: stats.schemaVersion > 0 }, { schemaVersion: true, documents: 1, stories: 1, staleStories: 1 });
    });
  });
}
