// The self-contained HTML report and the shared views: one file, nothing fetched, scripts allowed by
// hash only, hostile text escaped, every claim's sentences marked in its articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderHtml } from './html.ts';
import { APP_CSS, APP_JS } from './html/assets.ts';
import { html, raw } from './html/escape.ts';
import { makeStory } from '../../test/store-fixtures.ts';
import type { Analysis } from '../types.ts';

function fixtureAnalysis(): Analysis {
  const { documents, analysis } = makeStory();
  return { documents, annotated: [], stories: [analysis], errors: [{ origin: 'scan.pdf', code: 'INPUT_BINARY', message: 'scan.pdf: looks like a binary file' }], duplicates: [] };
}

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('the html tag escapes interpolated text and keeps trusted fragments', () => {
  const hostile = '<img src=x onerror="alert(1)">&"\'';
  assert.equal(html`<p title="${hostile}">${hostile}</p>`.value, '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&quot;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&quot;&#39;</p>');
  assert.equal(html`<ul>${['a<b', html`<li>ok</li>`]}</ul>`.value, '<ul>a&lt;b<li>ok</li></ul>');
  assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
  assert.equal(html`${raw('<b>')}`.value, '<b>');
});

test('the report is one file that fetches nothing and allows only its own script and style by hash', () => {
  const out = renderHtml(fixtureAnalysis());
  assert.match(out, /^<!doctype html>/);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(out)?.[1]?.replace(/&#39;/g, "'");
  assert.ok(csp, 'a CSP meta tag');
  assert.match(csp, /default-src 'none'/);
  assert.ok(csp.includes(`script-src ${sha(APP_JS)}`), 'the script by hash');
  assert.ok(csp.includes(`style-src ${sha(APP_CSS)}`), 'the stylesheet by hash');
  assert.ok(out.includes(`<script>${APP_JS}</script>`) && out.includes(`<style>${APP_CSS}</style>`), 'inlined byte for byte as hashed');
  assert.doesNotMatch(out, /<(script|img|link|iframe)[^>]+(src|href)=/i, 'no element loads anything');
  assert.equal((out.match(/<script/g) ?? []).length, 1);
});

test('article text and titles are escaped: markup in an article stays text', () => {
  const out = renderHtml(fixtureAnalysis());
  assert.ok(out.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;'));
  assert.ok(out.includes('&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;'));
  assert.doesNotMatch(out, /<script>window/);
  assert.doesNotMatch(out, /<img src=x/);
});

test('the death-toll conflict shows both values with their sentences, and marks both in the articles', () => {
  const out = renderHtml(fixtureAnalysis());
  const block = /<li class="claim conflicting"[\s\S]*?<\/li>/.exec(out)?.[0] ?? '';
  assert.match(block, /Sources disagree on the count of life/);
  assert.match(block, /over 1,300[\s\S]*over 1,400/);
  assert.match(block, /Putin offered condolences for the loss of over 1,300 Israeli lives in the attack\./);
  assert.match(block, /Putin expressed condolences over the tragic loss of over 1,400 lives\./);
  const key = /data-show-claim="([^"]+)"/.exec(block)?.[1];
  assert.equal(key, 'story-putin-calls-claim-toll');
  const marks = [...out.matchAll(/<span class="mark[^"]*"[^>]*data-claims="([^"]*)"[^>]*>([^<]*)<\/span>/g)].filter((m) => m[1]!.split(' ').includes(key!));
  assert.deepEqual(marks.map((m) => m[2]), [
    'Putin offered condolences for the loss of over 1,300 Israeli lives in the attack.',
    'Putin expressed condolences over the tragic loss of over 1,400 lives.',
  ]);
});

test('the report names the story, its stale article, its lineages and the inputs it could not read', () => {
  const out = renderHtml(fixtureAnalysis());
  assert.match(out, /<h1>Putin calls Middle East leaders<\/h1>/);
  assert.match(out, /published 20 days after the events/);
  assert.match(out, /Lineages \(2\)/);
  assert.match(out, /<code>scan\.pdf<\/code>: scan\.pdf: looks like a binary file/);
  assert.match(out, /<svg[^>]+role="img"/);
});
