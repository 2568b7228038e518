import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelineDates, extractText } from './text.ts';

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

test('reads a printed dateline below the headline as the publication date, and keeps it out of the text', () => {
  const doc = extractText(
    raw('e.txt'),
    'Fire Closes Harbour Bridge\nPUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM\nUPDATED: TUESDAY, MARCH 12, 2013, 9: 36 AM\nA fire closed the bridge on Monday, officials said.\nIt reopened at dawn.',
  );
  assert.equal(doc.title, 'Fire Closes Harbour Bridge');
  assert.equal(doc.publishedAt, '2013-03-11', 'the publication, not the update');
  assert.equal(doc.dateSource, 'visible-text');
  assert.equal(doc.text, 'A fire closed the bridge on Monday, officials said.\n\nIt reopened at dawn.');
});

test('reads a dateline above the headline, in day-month and numeric forms', () => {
  const above = extractText(raw('f.txt'), '9 September 2013 Last updated at 14:39 GMT\nRobbers Ram Car Into Paris Jewellery Shop\nFour men drove a car through the window of a shop in central Paris.');
  assert.equal(above.title, 'Robbers Ram Car Into Paris Jewellery Shop');
  assert.equal(above.publishedAt, '2013-09-09');
  const numeric = extractText(raw('g.txt'), 'Quake Hits Qeshm Island\nPosted 12 / 19 / 2005 3: 36 PM\nA strong earthquake hit the island on Sunday.');
  assert.equal(numeric.publishedAt, '2005-12-19');
});

test('does not take a sentence that mentions a date, or a numeric date that reads both ways, for a dateline', () => {
  const sentence = extractText(raw('h.txt'), 'Actress Enters Rehab\nReid checked herself in on Tuesday, December 9, 2008.\nHer spokesman confirmed it.');
  assert.equal(sentence.publishedAt, undefined);
  assert.match(sentence.text, /^Reid checked herself in on Tuesday, December 9, 2008\./);
  const ambiguous = extractText(raw('i.txt'), 'Council Backs Tram\n05/04/2023\nThe council approved the tram line.');
  assert.equal(ambiguous.publishedAt, undefined);
  assert.equal(datelineDates('05/04/2023'), undefined);
  assert.deepEqual(datelineDates('4: 31 pm January 5, 2011'), ['2011-01-05']);
});

test('a leading date line wins over a printed dateline; a headline with only a dateline under it stays as text', () => {
  const both = extractText(raw('j.txt'), 'date 2023-11-05\nTalks Resume\nPublished: November 4, 2023\nThe talks resumed on Sunday.');
  assert.equal(both.publishedAt, '2023-11-05');
  assert.equal(both.dateSource, 'date-line');
  const short = extractText(raw('k.txt'), 'June 06, 2013\nEsther Williams, swimming star, dies at 91');
  assert.equal(short.publishedAt, '2013-06-06');
  assert.equal(short.text, 'Esther Williams, swimming star, dies at 91');
  assert.equal(short.title, undefined);
});

test('a headline first line is not joined with the sentence under it; a hard-wrapped first line still is', () => {
  const headed = extractText(raw('l.txt'), 'Robbers Ram Car Into Paris Jewellery Shop\nFour men drove a car through the window of a shop in central Paris.');
  assert.equal(headed.title, 'Robbers Ram Car Into Paris Jewellery Shop');
  assert.equal(headed.text, 'Four men drove a car through the window of a shop in central Paris.');
  const wrapped = extractText(raw('m.txt'), 'The mayor spoke with reporters on Monday about the flooding in the\nBrennock valley, where more rain is expected this week.');
  assert.equal(wrapped.title, undefined);
  assert.equal(wrapped.text, 'The mayor spoke with reporters on Monday about the flooding in the Brennock valley, where more rain is expected this week.');
});

test('drops a wire footer and a credit line at the end, keeps a last paragraph that only mentions copyright', () => {
  const body = 'Fire Closes Harbour Bridge\n\nA fire closed the bridge on Tuesday, officials said.\n\nCopyright law was not at issue, the mayor added.';
  const footer = '\n\n(Reporting by Jane Doe; Editing by John Roe)\n\nCopyright 2009 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.';
  const doc = extractText(raw('f.txt'), body + footer);
  assert.equal(doc.text, 'A fire closed the bridge on Tuesday, officials said.\n\nCopyright law was not at issue, the mayor added.');
  assert.equal(doc.title, 'Fire Closes Harbour Bridge');
  // A text that is nothing but a notice is kept as it is: there is nothing else to read.
  assert.equal(extractText(raw('g.txt'), '© 2023 Reuters. All rights reserved.').text, '© 2023 Reuters. All rights reserved.');
});
