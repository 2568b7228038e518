import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { WARCRecord, WARCSerializer } from 'warcio';

const BIN = resolve('bin/crosscheck.js');
const PARAGRAPH = 'Negotiators from both sides met in Geneva on Tuesday for the first direct talks in three months, officials said on the record.';

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, 'extract', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function warcBytes(): Promise<Uint8Array> {
  const rec = WARCRecord.create(
    { url: 'https://desk.example/2023/10/17/geneva', date: '2023-10-18T09:30:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html' }, statusline: 'HTTP/1.1 200 OK' },
    (async function* () {
      yield new TextEncoder().encode(`<html><head><title>Geneva talks</title></head><body><article><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`);
    })(),
  );
  return WARCSerializer.serialize(rec, { gzip: true });
}

test('prints one JSON line per article in input order, with a line naming each failed input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-extract-'));
  const html = `<html><head><meta charset="windows-1252"><title>Café talks</title><meta property="article:published_time" content="2023-10-17"></head><body><article><p>Le café était plein. ${PARAGRAPH}</p></article></body></html>`;
  writeFileSync(join(dir, 'a.html.gz'), gzipSync(iconv.encode(html, 'windows-1252')));
  writeFileSync(join(dir, 'b.html'), '%PDF-1.5\u0000\u0001 binary');
  writeFileSync(join(dir, 'c.rss'), `<rss version="2.0"><channel><title>Desk</title><item><title>Bridge reopens</title><link>https://desk.example/bridge</link><pubDate>Thu, 19 Oct 2023 07:00:00 GMT</pubDate><description>${PARAGRAPH}</description></item></channel></rss>`);
  writeFileSync(join(dir, 'd.warc.gz'), await warcBytes());
  const { status, stdout, stderr } = run([join(dir, 'a.html.gz'), join(dir, 'b.html'), join(dir, 'c.rss'), join(dir, 'd.warc.gz'), '--format', 'jsonl']);
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(status, 1);
  assert.deepEqual(lines.map((l) => l['origin']), [join(dir, 'a.html.gz'), join(dir, 'b.html'), `${join(dir, 'c.rss')}#1`, `${join(dir, 'd.warc.gz')}#1`]);
  assert.equal(lines[0]?.['title'], 'Café talks');
  assert.match(String(lines[0]?.['text']), /^Le café était plein\./);
  assert.equal(lines[0]?.['publishedAt'], '2023-10-17');
  assert.equal(lines[0]?.['dateSource'], 'meta');
  assert.equal((lines[1]?.['error'] as { code: string }).code, 'INPUT_BINARY');
  assert.equal(lines[2]?.['title'], 'Bridge reopens');
  assert.equal(lines[2]?.['publishedAt'], '2023-10-19T07:00:00Z');
  assert.equal(lines[2]?.['dateSource'], 'feed');
  assert.equal(lines[2]?.['outlet'], 'Desk');
  assert.equal(lines[3]?.['url'], 'https://desk.example/2023/10/17/geneva');
  assert.equal(lines[3]?.['publishedAt'], '2023-10-17');
  assert.equal(lines[3]?.['language'], 'en');
  assert.match(stderr, /b\.html: looks like a binary file/);
});

test('prints a readable text block per article with --format text, and refuses an unknown format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-extract-'));
  writeFileSync(join(dir, 'a.html'), `<html><head><title>Geneva talks</title></head><body><article><p>${PARAGRAPH}</p></article></body></html>`);
  const { status, stdout } = run([join(dir, 'a.html'), '--format', 'text']);
  assert.equal(status, 0);
  assert.match(stdout, /^# Geneva talks\norigin: .*a\.html\nlanguage: en\n\nNegotiators from both sides/);
  assert.equal(run([join(dir, 'a.html'), '--format', 'yaml']).status, 2);
});

test('stops quietly when the reader of its output closes the pipe early', async () => {
  const child = spawn(process.execPath, [BIN, 'extract', ...Array(40).fill(resolve('examples')), '--format', 'jsonl']);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(status, 0);
});
