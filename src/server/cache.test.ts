import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { RenderCache, cachedBody } from './cache.ts';

test('keeps the most recently used bodies within its byte budget', () => {
  const cache = new RenderCache({ maxBytes: 40, maxEntries: 10 });
  cache.set('a', { body: Buffer.from('x'.repeat(10)), etag: '"a"' });
  cache.set('b', { body: Buffer.from('y'.repeat(10)), etag: '"b"' });
  cache.set('c', { body: Buffer.from('z'.repeat(10)), etag: '"c"' });
  assert.equal(cache.get('a')?.etag, '"a"');
  cache.set('d', { body: Buffer.from('w'.repeat(10)), etag: '"d"' });
  cache.set('e', { body: Buffer.from('v'.repeat(10)), etag: '"e"' });
  assert.equal(cache.get('b'), undefined, 'b was least recently used');
  assert.equal(cache.get('a')?.etag, '"a"');
  assert.equal(cache.size, 4);
  cache.set('huge', { body: Buffer.from('h'.repeat(30)), etag: '"h"' });
  assert.equal(cache.get('huge'), undefined, 'a body over a quarter of the budget is not cached');
});

test('gzips a large body once and keeps a small one plain', () => {
  const big = cachedBody('<p>Putin spoke with Abbas.</p>'.repeat(1000), '"t"');
  assert.ok(big.gzip && big.gzip.length < big.body.length / 10);
  assert.equal(gunzipSync(big.gzip!).toString('utf8'), '<p>Putin spoke with Abbas.</p>'.repeat(1000));
  assert.equal(cachedBody('<p>short</p>', '"s"').gzip, undefined);
});

test('renders a missing body once for many requests at the same time', async () => {
  const cache = new RenderCache();
  let renders = 0;
  const render = async () => {
    renders++;
    await new Promise((r) => setTimeout(r, 10));
    return cachedBody('<p>story</p>', '"x"');
  };
  const bodies = await Promise.all(Array.from({ length: 20 }, () => cache.getOrRender('story', render)));
  assert.equal(renders, 1);
  assert.ok(bodies.every((b) => b === bodies[0]));
  await cache.getOrRender('story', render);
  assert.equal(renders, 1, 'then served from the cache');
});
