import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderStoryBody, STORY_VIEW_OPTIONS } from './story-view.ts';
import { FILE_LINKS, SERVER_LINKS } from './layout.ts';
import { makeDocument, makeStory } from '../../../test/store-fixtures.ts';
import type { StoryAnalysis } from '../../types.ts';

function bigStory(n: number): { analysis: StoryAnalysis; documents: ReturnType<typeof makeDocument>[] } {
  const { analysis, documents } = makeStory();
  const extra = Array.from({ length: n - documents.length }, (_, i) => makeDocument(`more-${i}`, { publishedAt: `2023-10-${String(10 + (i % 9)).padStart(2, '0')}` }));
  const all = [...extra, ...documents];
  return { analysis: { ...analysis, story: { ...analysis.story, documentIds: all.map((d) => d.id) } }, documents: all };
}

test('a large story shows its conflicting articles side by side first and links the rest', () => {
  const { analysis, documents } = bigStory(STORY_VIEW_OPTIONS.maxArticleColumns + 5);
  const out = renderStoryBody({ analysis, documents }, SERVER_LINKS).value;
  assert.equal((out.match(/<article class="article/g) ?? []).length, STORY_VIEW_OPTIONS.maxArticleColumns);
  assert.match(out, /5 more articles, not shown side by side/);
  for (const id of ['wire-a', 'rewrite-b']) assert.match(out, new RegExp(`<article class="article[^"]*" id="story-putin-calls-doc-${id}"`), `${id} carries the conflict`);
  assert.match(out, /<a class="cite" href="\/documents\/more-\d+"/, 'citations of hidden articles link to their page');
});

test('the report file shows every article of a large story', () => {
  const { analysis, documents } = bigStory(STORY_VIEW_OPTIONS.maxArticleColumns + 5);
  const out = renderStoryBody({ analysis, documents }, FILE_LINKS).value;
  assert.equal((out.match(/<article class="article/g) ?? []).length, STORY_VIEW_OPTIONS.maxArticleColumns + 5);
  assert.doesNotMatch(out, /not shown side by side/);
});
