// The reference story: the five seed articles (two reports, five rewrites, weeks apart) form one
// story, in batch and in a stream, and the examples/ sample keeps its two stories apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocuments } from '../extract/index.ts';
import { REPO_ROOT, sharedPath, skipUnlessShared } from '../../test/shared-data.ts';
import { clusterStories, createStoryClusterer, toClusterInput, type ClusterInput } from './index.ts';

function readFolder(dir: string): ClusterInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((name) => extractDocuments({ origin: join(dir, name), name, bytes: readFileSync(join(dir, name)) }).documents)
    .map(toClusterInput);
}

test('the five seed articles form one story in batch', { skip: skipUnlessShared('seeds') }, () => {
  const { stories } = clusterStories(readFolder(sharedPath('seeds')));
  assert.equal(stories.length, 1);
  assert.equal(stories[0]?.documentIds.length, 5);
  assert.deepEqual(stories[0]?.timeSpan, { start: '2023-11-05', end: '2023-11-12' });
});

test('the five seed articles form one story when streamed in file order', { skip: skipUnlessShared('seeds') }, () => {
  const c = createStoryClusterer();
  const ids = new Set(readFolder(sharedPath('seeds')).map((doc) => c.add(doc).storyId));
  c.consolidate();
  assert.equal(ids.size, 1);
  assert.equal(c.stories().length, 1);
});

test('the examples keep the fire story and the tram story apart, the late republication included', () => {
  const { stories, assignments } = clusterStories(readFolder(join(REPO_ROOT, 'examples')));
  const groups = stories.map((s) => [...s.documentIds].sort()).sort((a, b) => b.length - a.length);
  assert.deepEqual(groups, [
    ['brennock-gazette', 'brennock-observer', 'county-courier', 'lakeshore-herald', 'valley-news', 'wexley-radio'],
    ['harbour-road-weekly', 'saltmere-post'],
  ]);
  assert.equal(assignments.find((a) => a.documentId === 'lakeshore-herald')?.duplicateOf, 'county-courier');
});
