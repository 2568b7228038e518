import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RenderCache } from './cache.ts';

test('keeps the most recently used bodies within its byte budget', () => {
  const cache = new RenderCache({ maxBytes: 40, maxEntries: 10 });
  cache.set('a', { body: 'x'.repeat(10), etag: '"a"' });
  cache.set('b', { body: 'y'.repeat(10), etag: '"b"' });
  cache.set('c', { body: 'z'.repeat(10), etag: '"c"' });
  assert.equal(cache.get('a')?.etag, '"a"');
  cache.set('d', { body: 'w'.repeat(10), etag: '"d"' });
  cache.set('e', { body: 'v'.repeat(10), etag: '"e"' });
  assert.equal(cache.get('b'), undefined, 'b was least recently used');
  assert.equal(cache.get('a')?.etag, '"a"');
  assert.equal(cache.size, 4);
  cache.set('huge', { body: 'h'.repeat(30), etag: '"h"' });
  assert.equal(cache.get('huge'), undefined, 'a body over a quarter of the budget is not cached');
});
