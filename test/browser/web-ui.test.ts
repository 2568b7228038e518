// The web UI in a real headless Chromium over the seeds: the story list, the story page, clicking the
// death-toll conflict highlights both sentences, keyboard use, hostile article text runs nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { analyzeDocuments } from '../../src/analyze/index.ts';
import { collectAll } from '../../src/ingest/collect.ts';
import { renderHtml } from '../../src/report/html.ts';
import { createApp } from '../../src/server/app.ts';
import { listen, type RunningServer } from '../../src/server/serve.ts';
import { Ingestor } from '../../src/store/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { sharedPath, skipUnlessShared } from '../shared-data.ts';
import { launchChromium, skipUnlessChromium, type Session } from './chromium.ts';

const skip = skipUnlessChromium() || skipUnlessShared('seeds');
const TOKEN = 'browser-test-token';
export const SCREENSHOTS = process.env.CROSSCHECK_SCREENSHOTS ?? join(tmpdir(), 'crosscheck-screenshots');

const HOSTILE_TEXT =
  'Vladimir Putin spoke with Benjamin Netanyahu by phone, the Kremlin said. <script>window.__pwned = "script"</script> ' +
  'Officials shared a photo <img src="http://203.0.113.9/x.png" onerror="window.__pwned = \'onerror\'"> of the call. ' +
  'Putin offered condolences for the loss of over 1,300 Israeli lives.';

describe('web UI in Chromium', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let session: Session;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-web-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    store = openSqliteStore(join(dir, 'web.db'));
    const ingestor = await Ingestor.open(store);
    const { documents } = await collectAll([sharedPath('seeds')]);
    await ingestor.addDocuments(documents);
    await ingestor.reanalyze();
    const { app } = createApp({ store, token: TOKEN, log: () => {} });
    server = await listen(app, { host: '127.0.0.1', port: 0 });
    const res = await fetch(`${server.url}/api/articles?wait=true`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ id: 'hostile', title: 'Putin <b>phones</b> <script>window.__pwned="title"</script>', outlet: 'Hostile Daily', publishedAt: '2023-10-17', text: HOSTILE_TEXT }),
    });
    assert.equal(res.status, 201);
    session = await launchChromium();
    page = await session.browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await session?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function seedStoryId(): Promise<string> {
    const stories = (await (await fetch(`${server.url}/api/stories?q=netanyahu&sort=size`)).json()) as { items: { id: string; documentCount: number }[] };
    const story = stories.items.find((s) => s.documentCount >= 5);
    assert.ok(story, 'the seeds form one story of at least five articles');
    return story.id;
  }

  test('the story list shows the seeds story with its articles, sources and conflicts', async () => {
    await page.goto(`${server.url}/`);
    assert.equal(await page.title(), 'Stories · crosscheck');
    const id = await seedStoryId();
    const row = page.locator('table.stories tbody tr', { has: page.locator(`a[href="/stories/${id}"]`) });
    assert.equal(await row.count(), 1);
    const cells = await row.locator('td.num').allInnerTexts();
    assert.ok(Number(cells[0]) >= 5, `articles: ${cells[0]}`);
    assert.ok(Number(cells[2]) >= 1, `conflicts: ${cells[2]}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'story-list.png') });

    await page.fill('input[name=q]', 'zanzibar');
    await page.press('input[name=q]', 'Enter');
    await page.waitForURL(/q=zanzibar/);
    assert.match(await page.locator('main').innerText(), /No story matches/);
  });

  test('clicking the death-toll conflict highlights the 1,300 and the 1,400 sentences in the articles', async () => {
    const id = await seedStoryId();
    await page.goto(`${server.url}/`);
    await page.click(`a[href="/stories/${id}"]`);
    await page.waitForURL(new RegExp(`/stories/${id}$`));
    const conflict = page.locator('li.claim.conflicting', { hasText: '1,300' }).filter({ hasText: '1,400' });
    assert.equal(await conflict.count(), 1, 'one death-toll conflict');
    await page.screenshot({ path: join(SCREENSHOTS, 'story-page.png') });
    assert.equal(await page.locator('.mark.hl').count(), 0);

    await conflict.locator('[data-show-claim]').click();
    const lit = await page.locator('.articles .mark.hl').allInnerTexts();
    assert.ok(lit.some((t) => /over 1,300 Israeli lives/.test(t)), `highlighted: ${lit.join(' | ')}`);
    assert.ok(lit.some((t) => /over 1,400/.test(t)), `highlighted: ${lit.join(' | ')}`);
    assert.equal(await conflict.locator('[data-show-claim]').getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('[data-status]').first().innerText(), /Highlighted in \d+ sentences/);
    const first = page.locator('.articles .mark.hl').first();
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'story-conflict-highlighted.png') });
  });

  test('the conflict can be shown from the keyboard alone', async () => {
    const id = await seedStoryId();
    await page.goto(`${server.url}/stories/${id}`);
    const button = page.locator('li.claim.conflicting', { hasText: '1,300' }).locator('[data-show-claim]');
    await button.focus();
    await page.keyboard.press('Enter');
    assert.ok((await page.locator('.articles .mark.hl').count()) >= 2);
    await page.keyboard.press(' ');
    assert.equal(await page.locator('.articles .mark.hl').count(), 0, 'Space toggles it off again, as on a button');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
  });

  test('an article with <script> and onerror= shows the markup as text and runs nothing', async () => {
    requests.length = 0;
    await page.goto(`${server.url}/documents/hostile`);
    assert.match(await page.locator('h1').innerText(), /<script>window.__pwned="title"<\/script>/);
    assert.match(await page.locator('.doc-text').innerText(), /<img src="http:\/\/203\.0\.113\.9\/x\.png" onerror=/);
    const storyHref = await page.locator('a[href^="/stories/"]').first().getAttribute('href');
    await page.goto(`${server.url}${storyHref}`);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script element');
    assert.equal(await page.locator('main img').count(), 0, 'no image element from article text');
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), [], 'no request leaves the machine');
    assert.deepEqual(pageErrors, []);
  });

  test('the self-contained report works from a file under its own CSP: the conflict highlights, nothing is fetched', async () => {
    const { documents, errors } = await collectAll([sharedPath('seeds')]);
    const hostile = { ...documents[0]!, id: 'hostile-copy', contentHash: 'hostile', text: `${documents[0]!.text}\n\n${HOSTILE_TEXT}` };
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(analyzeDocuments([...documents, hostile], errors)));
    // A fresh tab: Chromium does not navigate an http tab to a file: URL.
    const tab = await session.browser.newPage();
    const fetched: string[] = [];
    tab.on('request', (r) => fetched.push(r.url()));
    const violations: string[] = [];
    tab.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await tab.goto(pathToFileURL(file).href);
    const conflict = tab.locator('li.claim.conflicting', { hasText: '1,300' }).filter({ hasText: '1,400' }).first();
    await conflict.locator('[data-show-claim]').click();
    const lit = await tab.locator('.articles .mark.hl').allInnerTexts();
    assert.ok(lit.some((t) => /over 1,300 Israeli lives/.test(t)) && lit.some((t) => /over 1,400/.test(t)), `highlighted: ${lit.join(' | ')}`);
    assert.equal(await tab.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.deepEqual(fetched.filter((u) => !u.startsWith('file:')), [], 'the report fetches nothing');
    assert.deepEqual(violations, [], 'the inlined script and style match their hashes');
    await tab.screenshot({ path: join(SCREENSHOTS, 'report-file.png') });
    await tab.close();
  });

  test('the story page is readable on a phone: no sideways scrolling of the page itself', async () => {
    const id = await seedStoryId();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/stories/${id}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page overflows by ${overflow}px`);
    await page.screenshot({ path: join(SCREENSHOTS, 'story-phone.png') });
    await page.goto(`${server.url}/`);
    await page.screenshot({ path: join(SCREENSHOTS, 'list-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
