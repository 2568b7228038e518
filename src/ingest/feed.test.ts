import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feedDate, feedItemInputs, looksLikeFeed, parseFeed } from './feed.ts';

const LONG = 'The ceasefire held overnight, officials said, as aid convoys crossed the border. '.repeat(10);

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Daily Wire Desk</title><link>https://desk.example/</link>
<item><title>Talks resume in Geneva</title><link>https://desk.example/2023/10/17/talks</link>
<pubDate>Tue, 17 Oct 2023 08:15:00 GMT</pubDate><dc:creator>Ana Ruiz</dc:creator>
<description>Short summary.</description><content:encoded><![CDATA[<p>${LONG}</p><p>Second paragraph &amp; more.</p>]]></content:encoded></item>
<item><title>Summary only</title><link>https://desk.example/2023/10/18/brief</link><pubDate>Wed, 18 Oct 2023 10:00:00 +0200</pubDate>
<description>&lt;p&gt;Only a teaser here.&lt;/p&gt;</description></item>
</channel></rss>`;

const RSS1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://old.example/"><title>Old Style News</title><link>https://old.example/</link></channel>
<item rdf:about="https://old.example/a1"><title>Bridge reopens</title><link>https://old.example/a1</link><dc:date>2023-10-19T07:00:00Z</dc:date><description>The bridge reopened.</description></item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title><link href="https://atom.example/"/>
<entry><title type="html">Vote count &lt;em&gt;delayed&lt;/em&gt;</title><link rel="alternate" href="https://atom.example/vote"/><id>urn:uuid:1</id>
<published>2023-10-20T12:00:00+01:00</published><updated>2023-10-21T09:00:00Z</updated><author><name>Lee Chen</name></author>
<content type="html">&lt;p&gt;${LONG}&lt;/p&gt;</content></entry>
</feed>`;

test('reads an RSS 2.0 item with its full content, link, date and author', () => {
  const feed = parseFeed(RSS2, 'desk.rss');
  assert.equal(feed.format, 'rss2');
  assert.equal(feed.title, 'Daily Wire Desk');
  const [first, second] = feed.items;
  assert.equal(first?.title, 'Talks resume in Geneva');
  assert.equal(first?.link, 'https://desk.example/2023/10/17/talks');
  assert.equal(first?.author, 'Ana Ruiz');
  assert.equal(first?.summaryOnly, false);
  assert.match(first?.content ?? '', /<p>Second paragraph &amp; more.<\/p>/);
  assert.equal(second?.summaryOnly, true);
  assert.equal(second?.content, '<p>Only a teaser here.</p>');
});

test('reads RSS 1.0 (RDF) and Atom feeds', () => {
  const rdf = parseFeed(RSS1, 'old.rdf');
  assert.equal(rdf.format, 'rss1');
  assert.deepEqual(rdf.items.map((i) => [i.title, i.link, i.publishedAt]), [['Bridge reopens', 'https://old.example/a1', '2023-10-19T07:00:00Z']]);
  const atom = parseFeed(ATOM, 'times.atom');
  assert.equal(atom.format, 'atom');
  assert.equal(atom.items[0]?.title, 'Vote count <em>delayed</em>');
  assert.equal(atom.items[0]?.link, 'https://atom.example/vote');
  assert.equal(atom.items[0]?.author, 'Lee Chen');
  assert.equal(atom.items[0]?.publishedAt, '2023-10-20T12:00:00+01:00');
});

test('turns items into inputs numbered in feed order, with the feed date and outlet as hints', () => {
  const inputs = feedItemInputs(parseFeed(RSS2, 'desk.rss'), { origin: 'feeds/desk.rss', name: 'desk.rss' });
  assert.deepEqual(inputs.map((i) => i.origin), ['feeds/desk.rss#1', 'feeds/desk.rss#2']);
  assert.deepEqual(inputs[0]?.hints, { title: 'Talks resume in Geneva', publishedAt: '2023-10-17T08:15:00Z', dateSource: 'feed', author: 'Ana Ruiz', outlet: 'Daily Wire Desk', url: 'https://desk.example/2023/10/17/talks' });
  assert.equal(inputs[1]?.hints?.publishedAt, '2023-10-18T08:00:00Z');
});

test('rejects text that is not a feed with FEED_INVALID', () => {
  assert.throws(() => parseFeed('<html><body>hello</body></html>', 'page.xml'), { code: 'FEED_INVALID' });
  assert.equal(looksLikeFeed(RSS2), true);
  assert.equal(looksLikeFeed('<!doctype html><html>'), false);
  assert.equal(feedDate('not a date'), undefined);
});
