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
