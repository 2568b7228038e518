import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from './text.ts';

const raw = (name: string) => ({ origin: `in/${name}`, name, bytes: new Uint8Array() });

test('reads a leading date line as the publication date and keeps the rest of that line as text', () => {
  const doc = extractText(raw('a.txt'), ' date 2023-11-05 Amidst the crisis, leaders talked.\n\nA second paragraph follows here.');
  assert.equal(doc.publishedAt, '2023-11-05');
  assert.equal(doc.dateSource, 'date-line');
  assert.equal(doc.text, 'Amidst the crisis, leaders talked.\n\nA second paragraph follows here.');
  assert.equal(doc.id, 'a');
});

test('takes a headline first line as the title and drops a repeated headline', () => {
  const doc = extractText(raw('b.txt'), 'Fire Closes Harbour Bridge\n\nFire Closes Harbour Bridge\n\nA fire closed the bridge on Tuesday, officials said.');
  assert.equal(doc.title, 'Fire Closes Harbour Bridge');
  assert.equal(doc.text, 'A fire closed the bridge on Tuesday, officials said.');
});

test('does not take a first sentence as a title', () => {
  const doc = extractText(raw('c.txt'), '\nThe mayor spoke with reporters on Monday about the flooding in the valley.\nShe said more rain was expected.');
  assert.equal(doc.title, undefined);
  assert.equal(doc.paragraphs.length, 2);
});

test('keeps an embedded social post as an embed with its own date, not as article text', () => {
  const text = 'Officials met on Monday.\nThe minister said the talks went well. https://t.co/abc123\n— CITY NEWS (@citynews) October 17, 2023\nThe talks resume next week.';
  const doc = extractText(raw('d.txt'), text);
  assert.equal(doc.embeds.length, 1);
  assert.deepEqual(
    { author: doc.embeds[0]!.author, handle: doc.embeds[0]!.handle, date: doc.embeds[0]!.date, text: doc.embeds[0]!.text, url: doc.embeds[0]!.url },
    { author: 'CITY NEWS', handle: 'citynews', date: '2023-10-17', text: 'The minister said the talks went well.', url: 'https://t.co/abc123' },
  );
  assert.ok(!doc.text.includes('t.co'));
  assert.ok(!doc.text.includes('@citynews'));
  assert.ok(doc.text.includes('The talks resume next week.'));
});

test('joins hard-wrapped lines of one paragraph and strips Markdown marks', () => {
  const md = '# Storm Hits Coast\n\nThe storm reached the coast early on Sunday and forced the\nevacuation of **two thousand** residents from [low-lying areas](http://x).';
  const doc = extractText(raw('e.md'), md);
  assert.equal(doc.title, 'Storm Hits Coast');
  assert.equal(doc.text, 'The storm reached the coast early on Sunday and forced the evacuation of two thousand residents from low-lying areas.');
});

test('cuts a text far longer than any article at a paragraph break and says so', async () => {
  const { MAX_TEXT_CHARS } = await import('./document.ts');
  const paragraph = 'The council met again on Monday and talked about the bridge. '.repeat(50);
  const huge = Array.from({ length: Math.ceil((MAX_TEXT_CHARS * 1.5) / paragraph.length) }, () => paragraph).join('\n\n');
  const doc = extractText(raw('huge.txt'), huge);
  assert.ok(doc.text.length <= MAX_TEXT_CHARS);
  assert.ok(doc.text.length > MAX_TEXT_CHARS / 2);
  assert.ok(doc.text.endsWith('bridge.'));
  assert.equal(doc.messages[0]?.code, 'TEXT_TRUNCATED');
});
