// JSON Lines as a stream: batches of whole lines whatever the chunking, records and errors that keep
// the line numbers of the whole input, over-long lines reported and skipped, and the sniff for stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocuments } from '../extract/index.ts';
import type { Document, InputError } from '../types.ts';
import { looksLikeJsonLines, readJsonLines } from './json-lines.ts';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/** `text` as chunks of `size` bytes: lines and even characters cut anywhere. */
async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(text: string, options: { maxBytes: number; batchBytes: number; chunk: number }): Promise<{ batches: number; documents: Document[]; errors: InputError[] }> {
  const documents: Document[] = [];
  const errors: InputError[] = [];
  let batches = 0;
  for await (const result of readJsonLines('big.jsonl', 'big.jsonl', chunked(text, options.chunk), options)) {
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    batches++;
    const extracted = extractDocuments(result.input);
    documents.push(...extracted.documents);
    errors.push(...extracted.errors);
  }
  return { batches, documents, errors };
}

const record = (i: number): string => JSON.stringify({ text: `Report ${i}: the river rose by ${i} centimetres at Zürich on Monday, the water board said.` });

test('records read in many small batches keep the line numbers of the whole input', async () => {
  const lines = [record(1), '', record(3), '{"text": ', record(5), '   ', record(7), record(8)];
  const { batches, documents, errors } = await readAll(lines.join('\n') + '\n', { maxBytes: 10_000, batchBytes: 150, chunk: 7 });
  assert.ok(batches >= 3, `${batches} batches`);
  assert.deepEqual(documents.map((d) => d.id), ['big-1', 'big-3', 'big-5', 'big-7', 'big-8']);
  assert.deepEqual(documents.map((d) => d.origin), ['big.jsonl#1', 'big.jsonl#3', 'big.jsonl#5', 'big.jsonl#7', 'big.jsonl#8']);
  assert.match(documents[1]!.text, /^Report 3: the river rose by 3 centimetres at Zürich/);
  assert.deepEqual(errors.map((e) => [e.code, e.origin]), [['INPUT_JSON_INVALID', 'big.jsonl:4']]);
});

test('the same records come out whatever the chunk and batch sizes', async () => {
  const text = Array.from({ length: 40 }, (_, i) => record(i + 1)).join('\n');
  const reference = await readAll(text, { maxBytes: 10_000, batchBytes: 1 << 20, chunk: 1 << 16 });
  assert.equal(reference.documents.length, 40);
  for (const [batchBytes, chunk] of [[1, 1], [100, 3], [1000, 4096]] as const) {
    const { documents } = await readAll(text, { maxBytes: 10_000, batchBytes, chunk });
    assert.deepEqual(documents.map((d) => [d.id, d.text]), reference.documents.map((d) => [d.id, d.text]), `batch ${batchBytes}, chunk ${chunk}`);
  }
});

test('a line longer than the limit is reported with its number and the lines after it are still read', async () => {
  const long = JSON.stringify({ text: 'word '.repeat(500) });
  const { documents, errors } = await readAll([record(1), long, record(3)].join('\n'), { maxBytes: 1000, batchBytes: 100, chunk: 64 });
  assert.deepEqual(documents.map((d) => d.id), ['big-1', 'big-3']);
  assert.deepEqual(errors.map((e) => [e.code, e.origin]), [['INPUT_TOO_LARGE', 'big.jsonl:2']]);
  assert.match(errors[0]!.message, /each line must be one article/);
});

test('a stream of blank lines gives no batch', async () => {
  assert.equal((await readAll('\n\n  \n', { maxBytes: 1000, batchBytes: 1, chunk: 2 })).batches, 0);
});

test('recognises JSON Lines by a first line that is a whole object with more after it', () => {
  assert.equal(looksLikeJsonLines(encode(`${record(1)}\n${record(2)}`)), true);
  assert.equal(looksLikeJsonLines(encode(`\ufeff  ${record(1)}\n${record(2)}`)), true);
  assert.equal(looksLikeJsonLines(encode('{\n  "text": "pretty-printed JSON"\n}')), false);
  assert.equal(looksLikeJsonLines(encode('[{"text": "an array"}]\n')), false);
  assert.equal(looksLikeJsonLines(encode('Plain text about a storm.\nMore text.')), false);
  assert.equal(looksLikeJsonLines(encode('{"text": "a first line not yet ended')), undefined);
  assert.equal(looksLikeJsonLines(encode(`${record(1)}\n`)), undefined);
});
