import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WARCRecord, WARCSerializer } from 'warcio';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { collectAll } from './collect.ts';
import { readInputs } from './read-inputs.ts';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-read-'));
  writeFileSync(join(dir, 'good.txt'), 'The council approved the budget on Monday, the mayor said.');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
  writeFileSync(join(dir, 'truncated.json'), '{"id": "x", "text": "The council appro');
  writeFileSync(join(dir, 'report.pdf.html'), '%PDF-1.4 binary stuff');
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'two.txt.gz'), gzipSync('Rescue teams reached the village on Tuesday, officials said.'));
  writeFileSync(join(dir, 'notes.bin'), 'ignored: not an article file name');
  writeFileSync(join(dir, 'README.md'), '# About this folder\n\nThese are test articles.');
  return dir;
}

test('reads good files (also nested and gzipped) and names every bad one with its reason', async () => {
  const dir = folder();
  const { documents, errors } = await collectAll([dir, join(dir, 'missing.txt')]);
  assert.deepEqual(documents.map((d) => d.id).sort(), ['good', 'two']);
  const byFile = Object.fromEntries(errors.map((e) => [e.origin.split('/').pop(), e.code]));
  assert.deepEqual(byFile, {
    'binary.txt': 'INPUT_BINARY',
    'empty.txt': 'INPUT_EMPTY',
    'missing.txt': 'INPUT_NOT_FOUND',
    'report.pdf.html': 'INPUT_BINARY',
    'truncated.json': 'INPUT_JSON_INVALID',
  });
  assert.match(errors.find((e) => e.code === 'INPUT_BINARY' && e.origin.endsWith('report.pdf.html'))!.message, /PDF/);
});

test('rejects an input larger than the limit without reading it whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-big-'));
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(4096));
  const results = [];
  for await (const r of readInputs([dir], { maxBytes: 1024 })) results.push(r);
  assert.equal(results.length, 1);
  assert.equal(results[0]!.ok, false);
  assert.equal(!results[0]!.ok && results[0]!.error.code, 'INPUT_TOO_LARGE');
});

test('a folder with no article files is an error, not silence', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-none-'));
  writeFileSync(join(dir, 'image.png'), 'x');
  const { documents, errors } = await collectAll([dir]);
  assert.equal(documents.length, 0);
  assert.equal(errors[0]?.code, 'INPUT_NO_ARTICLES');
});

async function* stream(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

test('reads standard input for -', async () => {
  const { documents } = await collectAll(['-'], { readStdin: () => stream('Storm Warning ', 'Issued\n\nForecasters warned of a storm on Friday.') });
  assert.equal(documents[0]?.title, 'Storm Warning Issued');
  assert.equal(documents[0]?.id, 'stdin');
});

test('standard input larger than the limit is INPUT_TOO_LARGE, read no further than the limit', async () => {
  let chunksRead = 0;
  async function* endless(): AsyncGenerator<Uint8Array> {
    for (;;) {
      chunksRead++;
      yield new TextEncoder().encode('word '.repeat(200));
    }
  }
  const { documents, errors } = await collectAll(['-'], { readStdin: endless, maxBytes: 10_000 });
  assert.equal(documents.length, 0);
  assert.equal(errors[0]?.code, 'INPUT_TOO_LARGE');
  assert.ok(chunksRead <= 12, `read ${chunksRead} chunks`);
});

async function gzippedWarc(): Promise<Uint8Array> {
  const rec = WARCRecord.create(
    { url: 'https://news.example/2024/03/04/dam-opens', date: '2024-03-05T08:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html' }, statusline: 'HTTP/1.1 200 OK' },
    stream('<html><head><title>Dam Opens</title></head><body><article><p>The new dam on the Veld river opened on Monday after six years of work, the water board said.</p></article></body></html>'),
  );
  return WARCSerializer.serialize(rec, { gzip: true });
}

test('a web archive piped to standard input is read record by record', async () => {
  const warc = await gzippedWarc();
  const { documents, errors } = await collectAll(['-'], { readStdin: () => stream(warc.subarray(0, 10), warc.subarray(10)) });
  assert.deepEqual(errors, []);
  assert.equal(documents.length, 1);
  assert.equal(documents[0]!.url, 'https://news.example/2024/03/04/dam-opens');
  assert.match(documents[0]!.text, /dam on the Veld river opened on Monday/);
});

test('a web archive saved under another name is recognised by its first bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-warcname-'));
  writeFileSync(join(dir, 'crawl-00001.dat'), await gzippedWarc());
  const { documents, errors } = await collectAll([join(dir, 'crawl-00001.dat')]);
  assert.deepEqual(errors, []);
  assert.equal(documents[0]?.url, 'https://news.example/2024/03/04/dam-opens');
  assert.equal(documents[0]?.title, 'Dam Opens');
});

test('decodes windows-1252 text without mojibake', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-enc-'));
  // "Café owner José said prices rose 5% in Zürich." in windows-1252
  writeFileSync(join(dir, 'latin.txt'), Buffer.from('Caf\xe9 owner Jos\xe9 said prices rose 5% in Z\xfcrich, and the caf\xe9 stayed open.', 'latin1'));
  const { documents, errors } = await collectAll([dir]);
  assert.deepEqual(errors, []);
  assert.match(documents[0]!.text, /Café owner José said prices rose 5% in Zürich/);
});

test('reads JSON Lines records, keeps unknown fields and reports a bad line without losing the others', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-jsonl-'));
  writeFileSync(join(dir, 'feed.jsonl'), [
    JSON.stringify({ id: 'a1', title: 'Dam Opens', body: 'The dam opened on Monday.', date: '2024-03-04', source: 'River Times', section: 'local' }),
    '{"id": "a2", "text": ',
    JSON.stringify({ id: 'a3', text: 'Water levels fell by Tuesday.', publishedAt: '2024-03-05T10:00:00Z' }),
  ].join('\n'));
  const { documents, errors } = await collectAll([dir]);
  assert.deepEqual(documents.map((d) => [d.id, d.title, d.outlet, d.publishedAt]), [
    ['a1', 'Dam Opens', 'River Times', '2024-03-04'],
    ['a3', undefined, undefined, '2024-03-05T10:00:00.000Z'],
  ]);
  assert.deepEqual(documents[0]!.extra, { section: 'local' });
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.code, 'INPUT_JSON_INVALID');
  assert.match(errors[0]!.origin, /feed\.jsonl:2$/);
});

test('a JSON Lines file larger than the size limit is read record by record, gzipped or not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bigjsonl-'));
  const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `r${i + 1}`, text: `Report ${i + 1}: the river rose by ${i + 1} centimetres on Monday, the water board said.` }));
  writeFileSync(join(dir, 'wire.jsonl'), lines.join('\n'));
  writeFileSync(join(dir, 'wire-copy.ndjson.gz'), gzipSync(lines.join('\n')));
  const { documents, errors } = await collectAll([join(dir, 'wire.jsonl'), join(dir, 'wire-copy.ndjson.gz')], { maxBytes: 4_000 });
  assert.deepEqual(errors, []);
  assert.equal(documents.length, 600);
  assert.equal(documents[299]!.id, 'r300');
  assert.match(documents[599]!.text, /^Report 300: the river rose by 300 centimetres/);
});

test('JSON Lines piped to standard input is read record by record, even with a first line longer than the sniff', async () => {
  const long = JSON.stringify({ id: 'long', text: `A long wire report. ${'The storm moved north overnight. '.repeat(300)}` });
  const short = JSON.stringify({ id: 'short', text: 'The storm reached the coast on Friday.' });
  const { documents, errors } = await collectAll(['-'], { readStdin: () => stream(long.slice(0, 3000), `${long.slice(3000)}\n`, `${short}\n`) });
  assert.deepEqual(errors, []);
  assert.deepEqual(documents.map((d) => [d.id, d.origin]), [['long', '-#1'], ['short', '-#2']]);
});

test('an empty or binary JSON Lines file is one named error, not silence or an error per line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-badjsonl-'));
  writeFileSync(join(dir, 'empty.jsonl'), '\n\n');
  writeFileSync(join(dir, 'binary.jsonl'), Buffer.concat([Buffer.from([0x00, 0x01, 0x02, 0x0a]), Buffer.alloc(5000, 0x0a)]));
  const { documents, errors } = await collectAll([dir]);
  assert.equal(documents.length, 0);
  assert.deepEqual(errors.map((e) => [e.code, e.origin.split('/').pop()]), [['INPUT_BINARY', 'binary.jsonl'], ['INPUT_EMPTY', 'empty.jsonl']]);
});

test('a .jsonl file that is not JSON Lines gives a few named errors, not one per line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-notjsonl-'));
  writeFileSync(join(dir, 'prose.jsonl'), 'The council met on Monday.\n'.repeat(5000));
  writeFileSync(join(dir, 'one-line.jsonl'), `{"text": "${'word '.repeat(3000)}`);
  const prose = await collectAll([join(dir, 'prose.jsonl')], { maxBytes: 10_000 });
  assert.equal(prose.documents.length, 0);
  assert.ok(prose.errors.length >= 1 && prose.errors.length <= 2, `${prose.errors.length} errors`);
  assert.match(prose.errors[0]!.origin, /prose\.jsonl:1-\d+$/);
  assert.match(prose.errors[0]!.message, /none of these \d+ lines is a JSON record/);
  const long = await collectAll([join(dir, 'one-line.jsonl')], { maxBytes: 10_000 });
  assert.deepEqual(long.errors.map((e) => [e.code, e.origin.split('/').pop()]), [['INPUT_TOO_LARGE', 'one-line.jsonl:1']]);
});

test('a cut-off gzipped JSON Lines file is named as damaged, with where the reading stopped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-badgz-'));
  const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `r${i + 1}`, text: `Report ${i + 1} ${Math.sin(i)}: the river rose on Monday, the water board said.` }));
  const gz = gzipSync(lines.join('\n'));
  writeFileSync(join(dir, 'wire.jsonl.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
  const { documents, errors } = await collectAll([join(dir, 'wire.jsonl.gz')]);
  assert.ok(documents.length > 0, 'the lines before the damage are read');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.code, 'INPUT_BINARY');
  assert.match(errors[0]!.message, /wire\.jsonl\.gz: .*\(damaged gzip data; stopped at line \d+\)/);
});
