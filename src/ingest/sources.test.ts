import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDocuments } from './collect.ts';
import type { Document, InputError } from '../types.ts';

const STORY = 'Rescue teams reached the flooded valley on Sunday and evacuated more than 300 residents, the regional authority said in a statement.';
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<rss version="2.0"><channel><title>Valley News</title>
<item><title>Valley evacuated</title><link>${base}/2023/10/15/valley</link><pubDate>Sun, 15 Oct 2023 18:00:00 GMT</pubDate><description>Teams reached the valley.</description></item>
<item><title>Gone</title><link>${base}/missing</link><description>Missing page.</description></item>
</channel></rss>`);
    } else if (req.url === '/2023/10/15/valley') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><head><title>Valley evacuated | Valley News</title></head><body><article><h1>Valley evacuated</h1><p>${STORY}</p><p>${STORY}</p></article></body></html>`);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

async function collect(args: string[], fetchFeedItems: boolean, allowPrivate = true): Promise<{ docs: Document[]; errors: InputError[] }> {
  const docs: Document[] = [];
  const errors: InputError[] = [];
  for await (const event of collectDocuments(args, { fetchFeedItems, fetch: { allowPrivate, politenessDelayMs: 0, retries: 0 } })) {
    if (event.kind === 'document') docs.push(event.document);
    else errors.push(event.error);
  }
  return { docs, errors };
}

test('reads a feed URL item by item, fetching each summary-only item\'s page with --fetch', async () => {
  const { docs, errors } = await collect([`${base}/feed.xml`], true);
  assert.equal(docs.length, 1);
  assert.equal(docs[0]?.origin, `${base}/feed.xml#1`);
  assert.equal(docs[0]?.text, `${STORY}\n\n${STORY}`);
  assert.equal(docs[0]?.title, 'Valley evacuated');
  assert.equal(docs[0]?.outlet, 'Valley News');
  assert.equal(docs[0]?.publishedAt, '2023-10-15T18:00:00Z');
  assert.equal(docs[0]?.dateSource, 'feed');
  assert.deepEqual(errors.map((e) => [e.origin, e.code]), [[`${base}/feed.xml#2`, 'URL_FETCH_FAILED']]);
});

test('without --fetch, a feed gives its summaries, each flagged as a summary', async () => {
  const { docs } = await collect([`${base}/feed.xml`], false);
  assert.deepEqual(docs.map((d) => d.text), ['Teams reached the valley.', 'Missing page.']);
  assert.ok(docs[0]?.messages.some((m) => m.code === 'FEED_SUMMARY_ONLY'));
});

test('a URL on a loopback address is refused by default, and the other inputs are still read', async () => {
  const { docs, errors } = await collect([`${base}/2023/10/15/valley`], false, false);
  assert.equal(docs.length, 0);
  assert.deepEqual(errors.map((e) => e.code), ['URL_PRIVATE_ADDRESS']);
});
