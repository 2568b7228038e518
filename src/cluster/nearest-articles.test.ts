// Article-to-article similarity and the vote of an article's nearest articles: an article of one arrest
// finds the other reports of that arrest, not those of the other arrest of the same kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, JACKSON, WILLIAMS } from './arrests.test-data.ts';
import { extractFeatures, type DocFeatures } from './features.ts';
import { ArticleVectors } from './nearest-articles.ts';
import { Vocabulary } from './vocabulary.ts';

function corpus(): { vocab: Vocabulary; jackson: DocFeatures[]; williams: DocFeatures[] } {
  const vocab = new Vocabulary(100_000);
  const make = (pool: string[], prefix: string, from: number): DocFeatures[] =>
    Array.from({ length: 6 }, (_, k) => {
      const doc = extractFeatures({ id: `${prefix}-${k}`, text: article(pool, k) }, from + k, 64, 4);
      vocab.addDocument(doc.terms.keys(), doc.names.keys());
      return doc;
    });
  return { vocab, jackson: make(JACKSON, 'jackson', 0), williams: make(WILLIAMS, 'williams', 6) };
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
