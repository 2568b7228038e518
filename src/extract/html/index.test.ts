import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractHtml } from './index.ts';
import { collectDocuments } from '../../ingest/collect.ts';
import type { RawInput } from '../../types.ts';

const raw = (name = 'page.html', url?: string): RawInput => ({ origin: name, name, bytes: new Uint8Array(), ...(url ? { url } : {}) });

const PARAGRAPHS = [
  'Negotiators from both sides met in Geneva on Tuesday for the first direct talks in three months, officials said.',
  'The talks focused on a prisoner exchange and on reopening the border crossing to aid convoys, according to two diplomats.',
  'A spokesman for the mediators said progress had been made but that several questions remained open after the first day.',
  'Further meetings are planned for later this week, with delegations expected to report back to their capitals on Friday.',
];

const PAGE = `<!doctype html><html lang="en"><head><title>Talks resume in Geneva | Daily Desk</title>
<meta property="og:site_name" content="Daily Desk"><meta name="author" content="Ana Ruiz">
<link rel="canonical" href="https://desk.example/world/talks-resume">
<meta property="article:published_time" content="2023-10-17T08:15:00Z">
<meta property="article:modified_time" content="2023-10-18T10:00:00Z">
</head><body>
<nav><a href="/">Home</a><a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<article><h1>Talks resume in Geneva</h1>
<div class="share-bar"><a>Share on Facebook</a><a>Share on Twitter</a></div>
<figure><img src="a.jpg"><figcaption>Delegates arrive at the venue. Photo: Agency</figcaption></figure>
<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>
<h2>What comes next</h2>
<p>${PARAGRAPHS[2]}</p>
<ul><li>Prisoner exchange lists are to be finalised by the mediators.</li><li>Aid convoys would cross at the northern checkpoint first.</li></ul>
<p>${PARAGRAPHS[3]}</p>
<p>Read more: Ceasefire holds for a second night</p>
</article>
<div class="related-articles"><h3>Related</h3><ul><li><a>Ceasefire holds</a></li><li><a>Aid convoy reaches city</a></li></ul></div>
<footer>© 2023 Daily Desk. All rights reserved.</footer>
</body></html>`;

test('extracts the article text with headings and list items kept, and share bars, captions and read-more dropped', () => {
  const doc = extractHtml(raw(), PAGE);
  for (const p of PARAGRAPHS) assert.ok(doc.text.includes(p), p);
  assert.match(doc.text, /\n\nWhat comes next\n\n/);
  assert.match(doc.text, /Prisoner exchange lists are to be finalised by the mediators\.\n\nAid convoys would cross/);
  assert.doesNotMatch(doc.text, /Share on|Photo: Agency|Read more|cookies|Ceasefire holds|All rights reserved/);
});

test('reads title, author, outlet, canonical URL, language and the publication and update dates', () => {
  const doc = extractHtml(raw(), PAGE);
  assert.equal(doc.title, 'Talks resume in Geneva');
  assert.equal(doc.author, 'Ana Ruiz');
  assert.equal(doc.outlet, 'Daily Desk');
  assert.equal(doc.url, 'https://desk.example/world/talks-resume');
  assert.equal(doc.language, 'en');
  assert.equal(doc.publishedAt, '2023-10-17T08:15:00Z');
  assert.equal(doc.dateSource, 'meta');
  assert.equal(doc.updatedAt, '2023-10-18T10:00:00Z');
});

test('takes the article from JSON-LD articleBody when the page markup hides it', () => {
  const body = `${PARAGRAPHS.join('\n\n')}`;
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Talks resume', datePublished: '2023-10-17', articleBody: body })}</script></head>
<body><div id="app">Loading…</div><p>Subscribe to our newsletter for daily updates on world news and more from our team.</p></body></html>`;
  const doc = extractHtml(raw(), html);
  assert.equal(doc.text, PARAGRAPHS.join('\n\n'));
  assert.equal(doc.title, 'Talks resume');
  assert.equal(doc.publishedAt, '2023-10-17');
  assert.equal(doc.dateSource, 'json-ld');
});

test('reads what survives of a truncated page', () => {
  const cut = PAGE.slice(0, PAGE.indexOf(PARAGRAPHS[2]!) + 40);
  const doc = extractHtml(raw(), cut);
  assert.ok(doc.text.includes(PARAGRAPHS[0]!));
  assert.ok(doc.text.includes(PARAGRAPHS[1]!));
});

test('refuses a page of a million <div>s or 100,000 levels of nesting quickly with HTML_TOO_COMPLEX', () => {
  assert.throws(() => extractHtml(raw(), `<html><body>${'<div>x</div>'.repeat(1_000_000)}</body></html>`), { code: 'HTML_TOO_COMPLEX' });
  assert.throws(() => extractHtml(raw(), `<html><body>${'<div>'.repeat(100_000)}<p>deep</p></body></html>`), { code: 'HTML_TOO_COMPLEX' });
  assert.throws(() => extractHtml(raw(), 'x'.repeat(100), { maxChars: 50 }), { code: 'INPUT_TOO_LARGE' });
});

test('refuses a page nested too deep, too deep in all, or with too many siblings once parsed, and reads one nested 120 deep', () => {
  const article = `<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
  const chains = (count: number, depth: number): string => `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`.repeat(count);
  assert.throws(() => extractHtml(raw(), `<html><body>${'<div>'.repeat(250)}${article}${'</div>'.repeat(250)}</body></html>`), { code: 'HTML_TOO_COMPLEX', message: /nested more than 200 deep/ });
  assert.throws(() => extractHtml(raw(), `<html><body>${article}${chains(250, 100)}</body></html>`), { code: 'HTML_TOO_COMPLEX', message: /depths add up/ });
  assert.throws(() => extractHtml(raw(), `<html><body>${article}${'<br>'.repeat(60_000)}</body></html>`), { code: 'HTML_TOO_COMPLEX', message: /child nodes/ });
  const deep = extractHtml(raw(), `<html><body>${'<div>'.repeat(120)}${article}${'</div>'.repeat(120)}</body></html>`);
  assert.equal(deep.text, PARAGRAPHS.join('\n\n'));
});

test('drops a 5,000-link tag cloud with post counts ("politics (12), sport (3)") and keeps the article', () => {
  const cloud = Array.from({ length: 5_000 }, (_, i) => `<a href="/tag/${i}" rel="tag">topic ${i}</a> (${i % 97})`).join(', ');
  const doc = extractHtml(raw(), `<html><body><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article><div class="cloud">${cloud}</div></body></html>`);
  assert.equal(doc.text, PARAGRAPHS.join('\n\n'));
});

test('gives a named error for a page with no article text and for a PDF renamed .html', async () => {
  assert.throws(() => extractHtml(raw(), '<html><body><nav><a>Home</a></nav></body></html>'), { code: 'HTML_NOT_ARTICLE' });
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-html-'));
  writeFileSync(join(dir, 'report.html'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe])]));
  const events = [];
  for await (const event of collectDocuments([join(dir, 'report.html')])) events.push(event);
  assert.equal(events.length, 1);
  assert.equal(events[0]?.kind === 'error' && events[0].error.code, 'INPUT_BINARY');
});

test('detects the language of a non-English article', () => {
  const german = 'Die Verhandlungen zwischen beiden Seiten wurden am Dienstag in Genf wieder aufgenommen, wie Diplomaten mitteilten. Im Mittelpunkt standen ein Gefangenenaustausch und die Öffnung des Grenzübergangs für Hilfskonvois.';
  const doc = extractHtml(raw(), `<html><body><article><p>${german}</p><p>${german}</p></article></body></html>`);
  assert.equal(doc.language, 'de');
});

test('lists an embedded social post as an embed with its author, handle, date and link, not as article text', () => {
  const tweet = `<blockquote class="twitter-tweet"><p lang="en">Convoy of 20 trucks crossing now.</p>&mdash; Relief Desk (@reliefdesk) <a href="https://twitter.com/reliefdesk/status/1714">October 21, 2023</a></blockquote>`;
  const doc = extractHtml(raw(), `<html><body><article><p>${PARAGRAPHS[0]}</p>${tweet}<p>${PARAGRAPHS[1]}</p></article></body></html>`);
  assert.deepEqual(doc.embeds, [{ kind: 'social-post', text: 'Convoy of 20 trucks crossing now.', author: 'Relief Desk', handle: '@reliefdesk', date: '2023-10-21', url: 'https://twitter.com/reliefdesk/status/1714' }]);
  assert.equal(doc.text, `${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`);
});

test('keeps a Blogger-style post whose template wraps it in a "widget" block', () => {
  const body = PARAGRAPHS.map((p) => `<div><span>${p}<br></span></div>`).join('');
  const doc = extractHtml(raw(), `<html><body><div class="widget Blog"><div class="post-body post-content">${body}</div></div><div class="widget Followers">Followers 120</div></body></html>`);
  for (const p of PARAGRAPHS) assert.ok(doc.text.includes(p), p);
});

test('reads a table row as one line, keeping one-character cells such as ranks and counts', () => {
  const table = '<table><tr><th>Pos.</th><th>Driver</th><th>Points</th><th>Wins</th></tr><tr><td>1</td><td>Kyle Busch</td><td>5040</td><td>5</td></tr><tr><td>2</td><td>Martin Truex Jr</td><td>5035</td><td>7</td></tr></table>';
  const doc = extractHtml(raw(), `<html><body><article><p>${PARAGRAPHS[0]}</p>${table}<p>${PARAGRAPHS[1]}</p></article></body></html>`);
  assert.match(doc.text, /\n\nPos\. Driver Points Wins\n\n1 Kyle Busch 5040 5\n\n2 Martin Truex Jr 5035 7\n\n/);
});

test('drops a list of rel="tag" links but keeps a tag link inside a sentence', () => {
  const tagged = 'Radiation is a key hazard of deep <a href="/tags/space-travel" rel="tag">space travel</a>, but shielding can be concentrated around the pods the crew sleep in.';
  const tags = '<p><strong>Tags: <a rel="tag" href="/tag/a">stock car brasil</a>, <a rel="tag" href="/tag/b">stock car interlagos</a>, <a rel="category tag" href="/c">Motorsport</a></strong></p>';
  const doc = extractHtml(raw(), `<html><body><article><p>${PARAGRAPHS[0]}</p><p>${tagged}</p><p>${PARAGRAPHS[1]}</p>${tags}</article></body></html>`);
  assert.match(doc.text, /hazard of deep space travel, but shielding/);
  assert.doesNotMatch(doc.text, /Tags|stock car|Motorsport/);
});

test('drops a newsletter box or caption whose class names the article and the furniture ("article-body__newsletter")', () => {
  const box = '<div class="article-body__newsletter"><h2>Breaking News Emails</h2><div>Get breaking news alerts and special reports, delivered weekday mornings.</div></div>';
  const caption = '<div class="story-image-caption">Delegates arrive at the venue on Tuesday, seen from the press gallery.</div>';
  const doc = extractHtml(raw(), `<html><body><div class="article-body"><p>${PARAGRAPHS[0]}</p>${box}<p>${PARAGRAPHS[1]}</p>${caption}<p>${PARAGRAPHS[2]}</p></div></body></html>`);
  assert.equal(doc.text, PARAGRAPHS.slice(0, 3).join('\n\n'));
});

test('drops a section that a heading labels as related posts or comments, however much text its teasers hold', () => {
  const teaser = (n: number): string => `<article><h2><a href="/p${n}">Teaser ${n}</a></h2><p>Another story from the archive, number ${n}, whose summary runs on for a while, with commas, clauses, and enough words to look like text.</p></article>`;
  const related = `<section><h3>You may also like</h3>${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</section>`;
  const comments = '<div><h2>Comments</h2><p>Great piece, thanks for writing it, I learned a lot from it today.</p></div>';
  const doc = extractHtml(raw(), `<html><body><main><article><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p></article>${related}${comments}</main></body></html>`);
  assert.equal(doc.text, PARAGRAPHS.slice(0, 3).join('\n\n'));
});

test('with embedsInText, keeps an embedded post whose wrapper is named like a share bar ("social-media-embed")', () => {
  const tweet = '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">Convoy of 20 trucks crossing now.</p>&mdash; Relief Desk (@reliefdesk) <a href="https://twitter.com/reliefdesk/status/1714">October 21, 2023</a></blockquote></div>';
  const html = `<html><body><article><p>${PARAGRAPHS[0]}</p>${tweet}<p>${PARAGRAPHS[1]}</p></article></body></html>`;
  assert.match(extractHtml(raw(), html, { embedsInText: true }).text, /Convoy of 20 trucks crossing now\./);
  assert.doesNotMatch(extractHtml(raw(), html).text, /Convoy/);
});

test('drops a pop-up card hidden in a sentence (photo, name and headline links) but keeps the linked name', () => {
  const card = '<span class="person"><a href="/people/ana-ruiz">Ana Ruiz</a><span class="person-card"><span><img src="ana.jpg"><a href="/people/ana-ruiz">Ana Ruiz</a><a href="/p/1">Mediator says talks will resume next week</a> <a href="/people/ana-ruiz">MORE</a></span></span></span>';
  const sentence = `<p><span style="font-weight: 400">The chief mediator, ${card}, said on Wednesday that both delegations had agreed to a second round of talks in Geneva.</span></p>`;
  const inline = '<p><span><img src="flag.png"> Delegations from <a href="/a">Norway</a> and <a href="/b">Qatar</a> joined the talks as observers on the second day.</span></p>';
  const doc = extractHtml(raw(), `<html><body><article><p>${PARAGRAPHS[0]}</p>${sentence}${inline}<p>${PARAGRAPHS[1]}</p></article></body></html>`);
  assert.match(doc.text, /The chief mediator, Ana Ruiz, said on Wednesday/);
  assert.match(doc.text, /Delegations from Norway and Qatar joined/);
  assert.doesNotMatch(doc.text, /will resume next week|MORE/);
});

test('drops teasers for other stories printed inside the article: kickers in capitals over headlines, three or more in a row', () => {
  const teasers = [
    ['RANDY ANDY', 'Prince parties in unearthed pictures despite his denials'],
    ['TIME TRAVELLER', 'Conspiracy theorists spot a climate activist in a 120-year-old photograph'],
    ['EYE POPPING', 'Bodybuilder has a rotting muscle removed after injecting oil'],
  ].map(([kicker, headline]) => `<p><strong>${kicker}</strong></p><p><a href="/x">${headline}</a></p>`);
  const body = `<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>${teasers.join('<p>Warning</p>')}<p>${PARAGRAPHS[2]}</p><p>${PARAGRAPHS[3]}</p>`;
  const doc = extractHtml(raw(), `<html><body><article>${body}</article></body></html>`);
  assert.equal(doc.text, PARAGRAPHS.join('\n\n'));
  // A single subhead in capitals over a paragraph is the article's own.
  const subhead = extractHtml(raw(), `<html><body><article><p>${PARAGRAPHS[0]}</p><p>SCORES QUARANTINED</p><p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p></article></body></html>`);
  assert.match(subhead.text, /SCORES QUARANTINED/);
});
