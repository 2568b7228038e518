import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createFetcher, isPublicAddress, type FetchOptions } from './url.ts';

let server: Server;
let base = '';
const hits = new Map<string, number>();
const seenAgents: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    seenAgents.push(String(req.headers['user-agent']));
    if (path === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>Talks resumed in Geneva.</p></body></html>');
    } else if (path === '/gzipped') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync('<p>Compressed article</p>'));
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.split('/')[2]);
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/article' });
      res.end();
    } else if (path === '/to-private') {
      res.writeHead(301, { location: 'http://10.1.2.3/secret' });
      res.end();
    } else if (path === '/to-intranet') {
      res.writeHead(301, { location: 'http://intranet.example/secret' });
      res.end();
    } else if (path === '/busy') {
      const count = hits.get(path) ?? 0;
      if (count < 3) {
        res.writeHead(503, { 'retry-after': '0' });
        res.end('busy');
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ready now');
      }
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<div>'.repeat(20_000));
    } else if (path === '/slow') {
      setTimeout(() => res.end('late'), 2_000).unref();
    } else {
      res.writeHead(404);
      res.end('missing');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

/** The test server is on loopback; these options treat 127.0.0.1 alone as public, so redirects elsewhere are checked for real. */
const localAsPublic: Partial<FetchOptions> = {
  isPublicAddress: (address) => address === '127.0.0.1' || isPublicAddress(address),
  resolve: async (host) => (host === 'intranet.example' ? [{ address: '10.0.0.7', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]),
  politenessDelayMs: 0,
  backoffMs: 1,
};

test('fetches a page with its content type, final URL, capture time and a clear user agent', async () => {
  const page = await createFetcher(localAsPublic).fetch(`${base}/article`);
  assert.equal(Buffer.from(page.bytes).toString(), '<html><body><p>Talks resumed in Geneva.</p></body></html>');
  assert.equal(page.contentType, 'text/html; charset=utf-8');
  assert.equal(page.url, `${base}/article`);
  assert.equal(page.origin, `${base}/article`);
  assert.match(page.capturedAt ?? '', /^\d{4}-\d\d-\d\dT/);
  assert.match(seenAgents.at(-1) ?? '', /^crosscheck\//);
});

test('decompresses a gzip-encoded answer', async () => {
  const page = await createFetcher(localAsPublic).fetch(`${base}/gzipped`);
  assert.equal(Buffer.from(page.bytes).toString(), '<p>Compressed article</p>');
});

test('follows up to five redirects and refuses a sixth', async () => {
  const page = await createFetcher(localAsPublic).fetch(`${base}/hop/4`);
  assert.equal(page.url, `${base}/article`);
  await assert.rejects(createFetcher(localAsPublic).fetch(`${base}/hop/5`), { code: 'URL_TOO_MANY_REDIRECTS' });
});

test('refuses a loopback address unless private addresses are allowed', async () => {
  await assert.rejects(createFetcher({ politenessDelayMs: 0 }).fetch(`${base}/article`), { code: 'URL_PRIVATE_ADDRESS' });
  const page = await createFetcher({ allowPrivate: true, politenessDelayMs: 0 }).fetch(`${base}/article`);
  assert.match(Buffer.from(page.bytes).toString(), /Geneva/);
});

test('refuses a redirect to a private address, by literal address or by what the name resolves to', async () => {
  await assert.rejects(createFetcher(localAsPublic).fetch(`${base}/to-private`), { code: 'URL_PRIVATE_ADDRESS' });
  await assert.rejects(createFetcher(localAsPublic).fetch(`${base}/to-intranet`), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'URL_PRIVATE_ADDRESS');
    assert.match(error.message, /intranet\.example → 10\.0\.0\.7/);
    return true;
  });
});

test('retries a 503 answer with backoff and returns the page once the host is ready', async () => {
  const page = await createFetcher(localAsPublic).fetch(`${base}/busy`);
  assert.equal(Buffer.from(page.bytes).toString(), 'ready now');
  assert.equal(hits.get('/busy'), 3);
});

test('rejects non-http schemes, oversized bodies, HTTP errors and slow servers with named errors', async () => {
  await assert.rejects(createFetcher(localAsPublic).fetch('file:///etc/passwd'), { code: 'URL_INVALID' });
  await assert.rejects(createFetcher({ ...localAsPublic, maxBytes: 10_000 }).fetch(`${base}/huge`), { code: 'INPUT_TOO_LARGE' });
  await assert.rejects(createFetcher({ ...localAsPublic, retries: 0 }).fetch(`${base}/nowhere`), (error: Error & { code?: string }) => error.code === 'URL_FETCH_FAILED' && /HTTP 404/.test(error.message));
  await assert.rejects(createFetcher({ ...localAsPublic, timeoutMs: 200, retries: 0 }).fetch(`${base}/slow`), (error: Error & { code?: string }) => error.code === 'URL_FETCH_FAILED' && /timed out/.test(error.message));
});

test('keeps a politeness delay between requests to the same host', async () => {
  const fetcher = createFetcher({ ...localAsPublic, politenessDelayMs: 150, perHostConcurrency: 1 });
  const started = Date.now();
  await Promise.all([fetcher.fetch(`${base}/article`), fetcher.fetch(`${base}/article`), fetcher.fetch(`${base}/article`)]);
  assert.ok(Date.now() - started >= 290, 'three requests to one host take at least two delays');
});

test('classifies private, loopback, link-local and mapped addresses as not public', () => {
  for (const address of ['127.0.0.1', '10.2.3.4', '172.16.9.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::2', '::ffff:127.0.0.1', '0.0.0.0']) {
    assert.equal(isPublicAddress(address), false, address);
  }
  assert.equal(isPublicAddress('93.184.216.34'), true);
  assert.equal(isPublicAddress('2606:4700::1111'), true);
});
