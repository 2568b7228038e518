import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { describeSkipped, isWarc, newWarcStats, readWarc } from './warc.ts';

async function record(type: 'response' | 'request' | 'warcinfo', url: string, contentType: string, body: string, status = '200 OK'): Promise<Uint8Array> {
  const rec = WARCRecord.create(
    { url, date: '2023-10-18T09:30:00Z', type, warcVersion: 'WARC/1.1', httpHeaders: type === 'warcinfo' ? undefined : { 'Content-Type': contentType }, statusline: type === 'request' ? 'GET / HTTP/1.1' : `HTTP/1.1 ${status}` },
    (async function* () {
      yield new TextEncoder().encode(body);
    })(),
  );
  return WARCSerializer.serialize(rec, { gzip: true });
}

async function* chunks(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

test('reads each HTML response of a gzipped WARC as an article with its target URI and capture date', async () => {
  const parts = [
    await record('request', 'https://news.example/2023/10/17/talks', '', ''),
    await record('response', 'https://news.example/2023/10/17/talks', 'text/html; charset=utf-8', '<html><body><p>Talks resumed in Geneva on Tuesday.</p></body></html>'),
    await record('response', 'https://news.example/logo.png', 'image/png', 'PNG'),
    await record('response', 'https://news.example/missing', 'text/html', 'gone', '404 Not Found'),
    await record('response', 'https://news.example/world/ceasefire', 'text/html', '<p>The ceasefire held overnight.</p>'),
  ];
  const stats = newWarcStats();
  const pages = [];
  for await (const page of readWarc(chunks(parts), 'crawl.warc.gz', stats)) pages.push(page);
  assert.deepEqual(pages.map((p) => p.url), ['https://news.example/2023/10/17/talks', 'https://news.example/world/ceasefire']);
  assert.equal(Buffer.from(pages[0]!.bytes).toString(), '<html><body><p>Talks resumed in Geneva on Tuesday.</p></body></html>');
  assert.equal(pages[0]!.capturedAt, '2023-10-18T09:30:00Z');
  assert.equal(pages[0]!.origin, 'crawl.warc.gz#2');
  assert.equal(pages[1]!.name, 'ceasefire.html');
  assert.equal(describeSkipped(stats), '3 records skipped: 1 request, 1 image/png, 1 status 404');
});

test('rejects a file that is not a web archive with WARC_INVALID', async () => {
  const read = async (): Promise<void> => {
    for await (const _ of readWarc(chunks([new TextEncoder().encode('<html>not an archive</html>')]), 'fake.warc')) void _;
  };
  await assert.rejects(read(), { code: 'WARC_INVALID' });
});

test('recognises web archives by name or by their first bytes', () => {
  assert.equal(isWarc('crawl.warc.gz'), true);
  assert.equal(isWarc('dump.bin', new TextEncoder().encode('WARC/1.0\r\n')), true);
  assert.equal(isWarc('page.html', new TextEncoder().encode('<html>')), false);
  assert.equal(isWarc('dump.bin', gzipSync('WARC/1.1\r\nWARC-Type: warcinfo\r\n')), true);
  assert.equal(isWarc('page.bin', gzipSync('<html><body>WARC/1.1</body></html>')), false);
  assert.equal(isWarc('damaged.bin', Uint8Array.from([0x1f, 0x8b, 0, 0])), false);
});
