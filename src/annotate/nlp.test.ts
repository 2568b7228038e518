import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './nlp.ts';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

test('a quotation ending in a question or exclamation mark stays one sentence with its attribution', () => {
  assert.deepEqual(texts('"Why not us?" Colts interim coach Bruce Arians asked. The Colts won.'), ['"Why not us?" Colts interim coach Bruce Arians asked.', 'The Colts won.']);
  assert.deepEqual(texts('“Get out!” the officer shouted at the crowd.'), ['“Get out!” the officer shouted at the crowd.']);
  assert.deepEqual(texts('"Is this the end?" asked Smith, who had coached for 20 years.'), ['"Is this the end?" asked Smith, who had coached for 20 years.']);
  assert.deepEqual(texts("``Would we have done it without him? '' Colts coach Bruce Arians asked."), ["``Would we have done it without him? '' Colts coach Bruce Arians asked."]);
});

test('a closing quotation mark ends the sentence it closes, and a new sentence after a quotation stays apart', () => {
  assert.deepEqual(texts('"I told my son, \'I think I\'m shot.\'" She fell to the ground.'), ['"I told my son, \'I think I\'m shot.\'"', 'She fell to the ground.']);
  assert.deepEqual(texts('The crowd chanted "Resign now!" Police then cleared the square with tear gas.'), ['The crowd chanted "Resign now!"', 'Police then cleared the square with tear gas.']);
  assert.deepEqual(texts("He said: ''We are done. '' ''No. We are not,'' she replied."), ["He said: ''We are done. ''", "''No.", "We are not,'' she replied."]);
});

test('sentence offsets still point at the text after a quotation is joined', () => {
  const text = 'Officials spoke. "Why not us?" Arians asked. Then he left.';
  for (const s of splitSentences(text)) assert.equal(text.slice(s.start, s.end), s.text);
  assert.equal(splitSentences(text).length, 3);
});

test('on random runs of quotation marks and stops, every sentence is the text at its offsets, in order', () => {
  const parts = ['"', '”', '“', "''", '``', "'", '?', '!', '.', ' ', ' he said', ' Arians asked', 'Why not', ' The end', '\n', ',', 'x'];
  let seed = 7;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < 3000; n++) {
    let text = '';
    for (let i = 1 + Math.floor(random() * 14); i > 0; i--) text += parts[Math.floor(random() * parts.length)];
    let end = 0;
    for (const s of splitSentences(text)) {
      assert.equal(text.slice(s.start, s.end), s.text, JSON.stringify(text));
      assert.ok(s.start >= end && s.tokens.every((t) => t.start >= s.start && t.end <= s.end), JSON.stringify(text));
      end = s.end;
    }
  }
});
