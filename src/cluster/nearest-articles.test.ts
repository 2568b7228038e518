// Article-to-article similarity and the vote of an article's nearest articles: an article of one arrest
// finds the other reports of that arrest, not those of the other arrest of the same kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, JACKSON, WILLIAMS } from './arrests.test-data.ts';
import { extractFeatures, type DocFeatures } from './features.ts';
import { ArticleVectors, strayMoves, type PlacedArticle } from './nearest-articles.ts';
import { Vocabulary } from './vocabulary.ts';

function corpus(perArrest = 6): { vocab: Vocabulary; jackson: DocFeatures[]; williams: DocFeatures[] } {
  const vocab = new Vocabulary(100_000);
  const make = (pool: string[], prefix: string, from: number): DocFeatures[] =>
    Array.from({ length: perArrest }, (_, k) => {
      const doc = extractFeatures({ id: `${prefix}-${k}`, text: article(pool, k) }, from + k, 64, 4);
      vocab.addDocument(doc.terms.keys(), doc.names.keys());
      return doc;
    });
  return { vocab, jackson: make(JACKSON, 'jackson', 0), williams: make(WILLIAMS, 'williams', perArrest) };
}

test('an article is most similar to itself, and more to its own arrest than to the other', () => {
  const { vocab, jackson, williams } = corpus();
  const vectors = new ArticleVectors(vocab);
  assert.ok(Math.abs(vectors.similarity(jackson[0]!, jackson[0]!) - 1) < 1e-9);
  const own = vectors.similarity(jackson[0]!, jackson[1]!);
  const other = vectors.similarity(jackson[0]!, williams[1]!);
  assert.ok(own > other, `${own} > ${other}`);
  assert.ok(other >= 0 && own <= 1);
  assert.equal(vectors.similarity(jackson[2]!, williams[3]!), vectors.similarity(williams[3]!, jackson[2]!));
});

test('the nearest articles of a Williams report vote for the Williams story', () => {
  const { vocab, jackson, williams } = corpus();
  const vectors = new ArticleVectors(vocab);
  const pool = [...jackson.map((doc) => ({ doc, group: 'jackson' })), ...williams.slice(1).map((doc) => ({ doc, group: 'williams' }))];
  const votes = vectors.votes(williams[0]!, pool, 5);
  assert.ok((votes.get('williams') ?? 0) > 2 * (votes.get('jackson') ?? 0), JSON.stringify([...votes]));
});

test('only the k nearest vote, and an article sharing nothing gets no vote', () => {
  const { vocab, jackson } = corpus();
  const vectors = new ArticleVectors(vocab);
  const unrelated = extractFeatures({ id: 'tram', text: 'The Brennock city council approved the eastern tram extension after a three year debate.' }, 99, 64, 4);
  const votes = vectors.votes(jackson[0]!, [...jackson.slice(1).map((doc) => ({ doc, group: 'jackson' })), { doc: unrelated, group: 'tram' }], 3);
  assert.deepEqual([...votes.keys()], ['jackson']);
  assert.ok(votes.get('jackson')! <= 3);
});

interface TestStory {
  id: string;
  seq: number;
}

/** Every article of `stories` placed in its story, with all the others as its pool. */
function placeAll(stories: [TestStory, DocFeatures[]][]): PlacedArticle<TestStory, string>[] {
  const all = stories.flatMap(([story, docs]) => docs.map((doc) => ({ article: doc.id, doc, group: story })));
  return all.map(({ article, doc, group }) => ({ article, doc, own: group, pool: all.filter((q) => q.article !== article) }));
}

const moved = (moves: { placed: PlacedArticle<TestStory, string>; to: TestStory }[]): string[] => moves.map((m) => `${m.placed.article}>${m.to.id}`).sort();

test('three Williams reports stuck in the Jackson story move to the Williams story together, and no Jackson report moves', () => {
  const { vocab, jackson, williams } = corpus(8);
  // Three more Williams reports that also quote his agent: they are each other's nearest articles.
  const strays = Array.from({ length: 3 }, (_, k) => {
    const text = `${article(WILLIAMS, k + 1)} Agent Drew Rosenhaus told the Union-Tribune that Williams regretted the night and would meet Goodell.`;
    const doc = extractFeatures({ id: `stray-${k}`, text }, 100 + k, 64, 4);
    vocab.addDocument(doc.terms.keys(), doc.names.keys());
    return doc;
  });
  const vectors = new ArticleVectors(vocab);
  const jacksonStory = { id: 'jackson-story', seq: 1 };
  const williamsStory = { id: 'williams-story', seq: 2 };
  const placed = placeAll([
    [jacksonStory, [...jackson, ...strays]],
    [williamsStory, williams],
  ]);
  // With 5 voting, the plain vote alone would keep each stray where it is.
  for (const stray of strays) {
    const p = placed.find((x) => x.article === stray.id)!;
    const votes = vectors.votes(p.doc, p.pool, 5);
    assert.ok(votes.get(williamsStory)! < 2 * votes.get(jacksonStory)!, `${stray.id}: ${JSON.stringify([...votes].map(([story, v]) => [story.id, v]))}`);
  }
  assert.deepEqual(moved(strayMoves(vectors, placed, 5, 2)), ['stray-0>williams-story', 'stray-1>williams-story', 'stray-2>williams-story']);
});

test('articles in the right stories stay, and an event split evenly between two stories is not swapped across', () => {
  const { vocab, jackson, williams } = corpus(8);
  const vectors = new ArticleVectors(vocab);
  const jacksonStory = { id: 'jackson-story', seq: 1 };
  const williamsStory = { id: 'williams-story', seq: 2 };
  assert.deepEqual(moved(strayMoves(vectors, placeAll([[jacksonStory, jackson], [williamsStory, williams]]), 7, 2)), []);
  // Williams reports on both sides, 4 and 4: each side leans to the other, and neither may move
  // on the strength of the other side's leaning articles.
  const even = placeAll([
    [jacksonStory, [...jackson, ...williams.slice(0, 4)]],
    [williamsStory, williams.slice(4)],
  ]);
  assert.deepEqual(moved(strayMoves(vectors, even, 7, 2)), []);
});
