import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { findDates, parseDate } from './date-parse.ts';
import { dateFromUrl, findPageDates } from './dates.ts';

const page = (head: string, body: string): Parameters<typeof findPageDates>[0] => parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as never;
const NOW = { now: '2024-01-01T00:00:00Z' };

test('prefers JSON-LD datePublished, and reports dateModified as the update', () => {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Desk' }, { '@type': 'NewsArticle', datePublished: '2023-10-17T08:15:00+02:00', dateModified: '2023-10-19T09:00:00Z' }] });
  const dates = findPageDates(page(`<script type="application/ld+json">${ld}</script><meta property="article:published_time" content="2023-10-16">`, '<p>Text</p>'), {}, NOW);
  assert.deepEqual(dates, { publishedAt: '2023-10-17T08:15:00+02:00', dateSource: 'json-ld', updatedAt: '2023-10-19T09:00:00Z' });
});

test('reads Open Graph, Dublin Core and itemprop meta tags', () => {
  assert.equal(findPageDates(page('<meta property="article:published_time" content="2023-10-17">', ''), {}, NOW).publishedAt, '2023-10-17');
  assert.equal(findPageDates(page('<meta name="DC.date.issued" content="2023-10-16">', ''), {}, NOW).dateSource, 'meta');
  assert.equal(findPageDates(page('', '<span itemprop="datePublished" content="2023-10-15">15 Oct</span>'), {}, NOW).publishedAt, '2023-10-15');
});

test('reads a <time> element outside the comments', () => {
  const body = '<article><time datetime="2023-10-14T10:00">14 October</time><p>Text</p></article><section class="comments"><time datetime="2023-12-01">Dec 1</time></section>';
  assert.deepEqual(findPageDates(page('', body), {}, NOW), { publishedAt: '2023-10-14T10:00:00', dateSource: 'time-element' });
});

test('takes the date of the URL, which also overrides markup that disagrees with it', () => {
  assert.deepEqual(findPageDates(page('', '<p>No date here.</p>'), { url: 'https://desk.example/2023/10/17/talks-resume' }, NOW), { publishedAt: '2023-10-17', dateSource: 'url' });
  const touched = findPageDates(page('<meta property="article:published_time" content="2023-11-02">', ''), { url: 'https://desk.example/2023/10/17/talks' }, NOW);
  assert.equal(touched.publishedAt, '2023-10-17');
  assert.equal(dateFromUrl('https://desk.example/news/20231017-talks.html')?.date, '2023-10-17');
  assert.equal(dateFromUrl('https://desk.example/news/2023/10/talks'), undefined);
});

test('reads a date written in the visible text near the title, in English or German', () => {
  assert.equal(findPageDates(page('', '<h1>Talks</h1><div class="byline">By Ana Ruiz, October 17, 2023</div><p>Text</p>'), {}, NOW).publishedAt, '2023-10-17');
  assert.equal(findPageDates(page('', '<h1>Gespräche</h1><p class="meta">Veröffentlicht am 17. Oktober 2023</p>'), { language: 'de' }, NOW).publishedAt, '2023-10-17');
});

test('rejects future dates, dates before the web and copyright years', () => {
  assert.equal(findPageDates(page('<meta property="article:published_time" content="2031-05-01">', ''), {}, NOW).publishedAt, undefined);
  assert.equal(findPageDates(page('<meta name="date" content="1970-01-01">', ''), {}, NOW).publishedAt, undefined);
  assert.equal(findPageDates(page('', '<footer>© 2023 Desk</footer><p>Copyright 2022-2023</p>'), {}, NOW).publishedAt, undefined);
});

test('parses the forms pages write dates in', () => {
  const cases: [string, string][] = [
    ['2023-10-17T08:15:00Z', '2023-10-17'],
    ['17.10.2023', '2023-10-17'],
    ['17. Oktober 2023', '2023-10-17'],
    ['le 17 octobre 2023', '2023-10-17'],
    ['Oct. 17th, 2023', '2023-10-17'],
    ['2023/10/17', '2023-10-17'],
    ['20231017', '2023-10-17'],
    ['1697530500', '2023-10-17'],
  ];
  for (const [text, iso] of cases) assert.equal(parseDate(text)?.date, iso, text);
  assert.equal(parseDate('10/17/2023', { slashOrder: 'mdy' })?.date, '2023-10-17');
  assert.equal(parseDate('17/10/2023', { slashOrder: 'mdy' })?.date, '2023-10-17');
  assert.equal(parseDate('05/04/2023', { slashOrder: 'dmy' })?.date, '2023-04-05');
  assert.equal(parseDate('2023-02-30'), undefined);
  assert.deepEqual(findDates('on 05/04/2023 and 17/10/2023'), [{ index: 3, date: '2023-05-04', otherReading: '2023-04-05' }, { index: 18, date: '2023-10-17' }]);
});

test('a UTC time yields the day printed by the headline only when a real time zone reaches it', () => {
  const ld = (published: string): string => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: published })}</script>`;
  const evening = page(ld('2023-11-09T03:28:35Z'), `<p>Thursday, November 9, 2023</p><ul>${'<li>Section</li>'.repeat(40)}</ul><h1>Mayor elected in a close race</h1><p>By Staff, November 8, 2023 at 10:28 p.m.</p>`);
  assert.deepEqual(findPageDates(evening, {}, NOW), { publishedAt: '2023-11-08', dateSource: 'json-ld' });
  const midday = page(ld('2023-11-06T13:10:22Z'), '<h1>Motorway closed after an accident</h1><p>Sonntag, 5. November 2023: earlier report</p>');
  assert.equal(findPageDates(midday, {}, NOW).publishedAt, '2023-11-06T13:10:22Z');
});

test('takes the update day when the page prints only that day by the headline', () => {
  const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', datePublished: '2019-10-15T16:59:59Z', dateModified: '2020-03-12T14:42:17Z' })}</script>`;
  const printed = page(ld, '<h1>Are dead skin cells a good thing?</h1><p>Updated March 12, 2020</p><p>Text</p>');
  assert.deepEqual(findPageDates(printed, {}, NOW), { publishedAt: '2020-03-12T14:42:17Z', dateSource: 'json-ld' });
  const both = page(ld, '<h1>Are dead skin cells a good thing?</h1><p>October 15, 2019, updated March 12, 2020</p>');
  assert.deepEqual(findPageDates(both, {}, NOW), { publishedAt: '2019-10-15T16:59:59Z', dateSource: 'json-ld', updatedAt: '2020-03-12T14:42:17Z' });
  const neither = page(ld, '<h1>Are dead skin cells a good thing?</h1><p>Text</p>');
  assert.equal(findPageDates(neither, {}, NOW).publishedAt, '2019-10-15T16:59:59Z');
});

test("reads the byline in an article's own footer, but not the page footer or quoted posts", () => {
  const byline = '<article><h1>Parsing JSON fast</h1><p>Text</p><footer class="entry-footer">Posted on <time class="entry-date published" datetime="2019-08-02">August 2, 2019</time></footer></article>';
  assert.deepEqual(findPageDates(page('', byline), {}, NOW), { publishedAt: '2019-08-02', dateSource: 'time-element' });
  const pageFooter = '<h1>Parsing JSON fast</h1><p>May 3, 2019</p><footer><time datetime="2019-12-14">December 14, 2019</time></footer>';
  assert.deepEqual(findPageDates(page('', pageFooter), {}, NOW), { publishedAt: '2019-05-03', dateSource: 'visible-text' });
  const embedded = '<h1>What the ruling changes</h1><p>29.01.2019</p><blockquote class="instagram-media"><time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></blockquote>';
  assert.deepEqual(findPageDates(page('', embedded), {}, NOW), { publishedAt: '2019-01-29', dateSource: 'visible-text' });
});

test('several <time>s marked published on different days are a list of other stories', () => {
  const body = '<article><h1>Closer to the disposable than to the notable</h1><p>Le <time datetime="2019-06-28T13:49:45+02:00">28 juin 2019</time></p></article>'
    + '<div class="more"><p>Le <time datetime="2019-09-22T07:30:29+02:00" pubdate>22 septembre</time></p><p>Le <time datetime="2019-09-20T19:01:28+02:00" pubdate>20 septembre</time></p></div>';
  assert.equal(findPageDates(page('', body), {}, NOW).publishedAt, '2019-06-28T13:49:45+02:00');
});

test("a <time>'s printed text settles the day and month order of its attribute", () => {
  const body = '<h1>Festival trips cost the state 57,000 euros</h1><time datetime="01-11-2023 10:29">1. November 2023 10:29</time>';
  assert.deepEqual(findPageDates(page('', body), {}, { now: '2024-01-01' }), { publishedAt: '2023-11-01', dateSource: 'time-element' });
});

test('a generic date tag yields to the <time> and to another day printed by the headline', () => {
  const generic = '<meta name="date" content="2020-04-30">';
  assert.deepEqual(findPageDates(page(generic, '<h1>No money left for the rent</h1><time>29.04.2020, 12:01 Uhr</time>'), {}, NOW), { publishedAt: '2020-04-29', dateSource: 'time-element' });
  assert.deepEqual(findPageDates(page(generic, '<h1>No money left for the rent</h1><p>Stand: 28.04.2020 18:00 Uhr</p>'), {}, NOW), { publishedAt: '2020-04-28', dateSource: 'visible-text' });
  assert.deepEqual(findPageDates(page(generic, '<h1>No money left for the rent</h1><p>Text</p>'), {}, NOW), { publishedAt: '2020-04-30', dateSource: 'meta' });
});

test('reads the date of the address the page declares when no URL is given', () => {
  const head = '<link rel="canonical" href="https://desk.example/2023/11/08/mayor-elected/"><meta property="article:published_time" content="2023-11-09T05:30:59Z">';
  assert.deepEqual(findPageDates(page(head, '<h1>Mayor elected</h1>'), {}, NOW), { publishedAt: '2023-11-08', dateSource: 'url' });
  assert.equal(findPageDates(page('<meta property="og:url" content="https://desk.example/news/29-10-2021">', ''), {}, NOW).publishedAt, '2021-10-29');
});

test('reads a day-month-year URL date only when its order is certain', () => {
  assert.equal(dateFromUrl('https://desk.example/meldungen/29-10-2021')?.date, '2021-10-29');
  assert.equal(dateFromUrl('https://desk.example/news/10-29-2021/story')?.date, '2021-10-29');
  assert.equal(dateFromUrl('https://desk.example/news/05-06-2021/story'), undefined);
});

test('of the dates around the headline, the nearest one is the article date', () => {
  const body = '<p>lun. 5 août 2019 Édition du matin</p><h1>Violences policières: une bombe à retardement</h1><p>27 juin 2019 Par Elba</p>';
  assert.deepEqual(findPageDates(page('', body), {}, NOW), { publishedAt: '2019-06-27', dateSource: 'visible-text' });
});

test('when markup sources disagree, the one giving the day printed by the headline wins', () => {
  const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', datePublished: '2022-01-04T07:29:00Z' })}</script>`;
  const head = `${ld}<meta property="article:published_time" content="2022-01-06T08:29:34">`;
  assert.deepEqual(findPageDates(page(head, '<h1>Vanlife in Schweden</h1><p>06.01.2022</p>'), {}, NOW), { publishedAt: '2022-01-06T08:29:34', dateSource: 'meta' });
  assert.deepEqual(findPageDates(page(head, '<h1>Vanlife in Schweden</h1><p>Text</p>'), {}, NOW), { publishedAt: '2022-01-04T07:29:00Z', dateSource: 'json-ld' });
  // 02/11/2023 may be read day first: it does not contradict the JSON-LD day.
  const gaza = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: '2023-11-02T10:00:00+01:00' })}</script>`;
  assert.equal(findPageDates(page(gaza, '<h1>Talks on the crossing resume</h1><time datetime="2023-02-11">02/11/2023</time>'), {}, NOW).publishedAt, '2023-11-02T10:00:00+01:00');
});

test('skips BEM-named teaser blocks but not a layout that merely has a sidebar', () => {
  const teaser = '<h1>Italien: Reise- und Sicherheitshinweise</h1><ul class="teaser__news-list"><li><em class="teaser__subline-pubdate">04.11.2021</em></li></ul><p>Stand 12.11.2021</p>';
  assert.deepEqual(findPageDates(page('', teaser), {}, NOW), { publishedAt: '2021-11-12', dateSource: 'visible-text' });
  const layout = `<p>Trending since September 4, 2016: ${'gadgets '.repeat(50)}</p><section class="gallery--wrapper__with-sidebar"><h1>Items we never knew we wanted</h1><p>September 21, 2020</p></section>`;
  assert.deepEqual(findPageDates(page('', layout), {}, { now: '2021-01-01' }), { publishedAt: '2020-09-21', dateSource: 'visible-text' });
});

test("a <time>'s printed day wins over its attribute unless the print reads both ways", () => {
  const stale = '<h1>Quand on comprend</h1><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>';
  assert.deepEqual(findPageDates(page('', stale), {}, NOW), { publishedAt: '2019-06-29', dateSource: 'time-element' });
  const ambiguous = '<h1>Talks on the crossing resume</h1><time datetime="2023-11-02T10:00:00+01:00">02/11/2023</time>';
  assert.equal(findPageDates(page('', ambiguous), {}, NOW).publishedAt, '2023-11-02T10:00:00+01:00');
});

test('finds the headline by the page title when another <h1> comes first', () => {
  const head = '<title>Faire Lieferketten | Jugendwerk</title><meta name="date" content="2020-02-12">';
  const body = `<div class="overlay"><h1>Liebe Besucherinnen und Besucher</h1></div><p>${'Menü '.repeat(400)}</p><h1>Faire Lieferketten</h1><p>05.02.2020</p>`;
  assert.deepEqual(findPageDates(page(head, body), {}, NOW), { publishedAt: '2020-02-05', dateSource: 'visible-text' });
});
