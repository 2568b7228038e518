// The API in-process (app.request): every endpoint, the token, the size limit, bad JSON, headers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { makeStory } from '../../test/store-fixtures.ts';
import type { AnnotatedDocument, StoryAnalysis } from '../types.ts';

const TOKEN = 'test-token-123';
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-api-'));
let store: Store;
let app: ReturnType<typeof createApp>['app'];

/** A stand-in analysis so these tests do not depend on the analysis stages. */
function stubAnalyze(story: StoryAnalysis['story'], docs: AnnotatedDocument[]): StoryAnalysis {
  return { story, entities: [], claims: [], events: [], provenance: [], lineages: [{ id: 'l1', documentIds: docs.map((d) => d.doc.id) }], timeline: [], summary: [], signals: {} };
}

before(async () => {
  store = openSqliteStore(join(dir, 'api.db'));
  const { documents, analysis } = makeStory();
  for (const d of documents) await store.addDocument({ document: d, assignment: { documentId: d.id, storyId: analysis.story.id, score: 1, reasons: [] } });
  await store.saveAnalysis(analysis, 3);
  app = createApp({ store, token: TOKEN, bodyLimitBytes: 64 * 1024, ingest: { analyze: stubAnalyze }, log: () => {} }).app;
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: string, type = 'application/json', headers: Record<string, string> = {}) =>
  app.request('/api/articles?wait=true', { method: 'POST', body, headers: { 'Content-Type': type, Authorization: `Bearer ${TOKEN}`, ...headers } });

describe('reading', () => {
  test('describes itself in OpenAPI 3.1, listing every endpoint', async () => {
    const res = await app.request('/api/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/api/articles', '/api/stories', '/api/stories/{id}', '/api/documents/{id}', '/api/export', '/api/health']) assert.ok(doc.paths[p], p);
    for (const p of Object.keys(doc.paths).filter((p) => !p.includes('{') && p !== '/api/articles')) assert.equal((await app.request(p)).status, 200, p);
  });

  test('lists stories with their counts, searchable and sortable', async () => {
    const res = await app.request('/api/stories?sort=conflicts&limit=10');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { total: number; items: { id: string; conflicts: number; independentSources: number; documentCount: number }[] };
    assert.equal(body.total, 1);
    assert.deepEqual(body.items.map((s) => [s.id, s.documentCount, s.independentSources, s.conflicts]), [['story-putin-calls', 3, 2, 1]]);
    const found = (await (await app.request('/api/stories?q=netanyahu')).json()) as { total: number };
    assert.equal(found.total, 1);
    const none = (await (await app.request('/api/stories?q=zanzibar')).json()) as { total: number };
    assert.equal(none.total, 0);
  });

  test('refuses a bad query with USAGE and says which parameter', async () => {
    const res = await app.request('/api/stories?limit=100000');
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'USAGE');
    assert.match(body.error.message, /limit/);
  });

  test('returns a story as a version-1 report with its conflict and evidence offsets', async () => {
    const res = await app.request('/api/stories/story-putin-calls');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { version: number; documents: { id: string }[]; stories: { claims: { status: string; evidence: { documentId: string; start: number; end: number; sentence: string }[]; conflict?: { values: { value: string }[] } }[] }[]; store: { stale: boolean } };
    assert.equal(body.version, 1);
    assert.equal(body.documents.length, 3);
    assert.equal(body.store.stale, false);
    const conflict = body.stories[0]!.claims.find((c) => c.status === 'conflicting')!;
    assert.deepEqual(conflict.conflict!.values.map((v) => v.value), ['over 1,300', 'over 1,400']);
    const { documents } = makeStory();
    for (const e of conflict.evidence) assert.equal(documents.find((d) => d.id === e.documentId)!.text.slice(e.start, e.end), e.sentence);
  });

  test('answers 304 for an unchanged story, and a new tag once the story changes', async () => {
    const first = await app.request('/stories/story-putin-calls');
    const tag = first.headers.get('ETag')!;
    assert.ok(tag);
    assert.equal((await app.request('/stories/story-putin-calls', { headers: { 'If-None-Match': tag } })).status, 304);
    const json = await app.request('/api/stories/story-putin-calls');
    assert.notEqual(json.headers.get('ETag'), tag, 'the page and the JSON have their own tags');
    await store.saveAnalysis(makeStory().analysis, 3);
    const after = await app.request('/stories/story-putin-calls', { headers: { 'If-None-Match': tag } });
    assert.equal(after.status, 200, 'a new analysis changes the tag');
    assert.match(await after.text(), /Sources disagree on the count of life/);
  });

  test('returns an article with its story and signals, and 404 with NOT_FOUND for an unknown one', async () => {
    const res = await app.request('/api/documents/rewrite-b');
    const body = (await res.json()) as { document: { title: string }; storyId: string; signals: { staleDays: number } };
    assert.equal(body.document.title, 'Kremlin: Putin phoned Netanyahu');
    assert.equal(body.storyId, 'story-putin-calls');
    assert.equal(body.signals.staleDays, 20);
    const missing = await app.request('/api/documents/nope');
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { error: { code: 'NOT_FOUND', message: 'document nope: not found' } });
    assert.equal((await app.request('/api/stories/nope')).status, 404);
    assert.equal((await app.request('/api/nothing-here')).status, 404);
  });

  test('searches articles by words, with a snippet around the match', async () => {
    const body = (await (await app.request('/api/search?q=great%20satan')).json()) as { items: { id: string; storyId: string; snippet: string }[] };
    assert.deepEqual(body.items.map((h) => [h.id, h.storyId]), [['other-c', 'story-putin-calls']]);
    assert.match(body.items[0]!.snippet, /The Great Satan was mentioned by Raisi/);
  });

  test('exports claims as CSV and documents as JSON Lines', async () => {
    const csv = await (await app.request('/api/export?format=csv&what=claims')).text();
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], 'storyId,claimId,status,independentSources,documentIds,text,conflictSlot,conflictValues');
    assert.ok(lines.some((l) => l.startsWith('story-putin-calls,claim-toll,conflicting,1,') && l.includes('over 1,300 (wire-a); over 1,400 (rewrite-b)')));
    const jsonl = (await (await app.request('/api/export?what=documents')).text()).trim().split('\n').map((l) => JSON.parse(l) as { id: string; staleDays: number });
    assert.deepEqual(jsonl.map((d) => d.id).sort(), ['other-c', 'rewrite-b', 'wire-a']);
    assert.equal(jsonl.find((d) => d.id === 'rewrite-b')!.staleDays, 20);
    assert.equal((await app.request('/api/export?format=xml')).status, 400);
  });

  test('sends a strict Content-Security-Policy and no-sniff on every response', async () => {
    for (const path of ['/api/stories', '/', '/stories/story-putin-calls', '/api/nothing']) {
      const res = await app.request(path);
      assert.match(res.headers.get('Content-Security-Policy') ?? '', /default-src 'none'; script-src 'self'/, path);
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
    }
  });

  test('offers the story as a self-contained HTML file that allows its own inlined script', async () => {
    const res = await app.request('/stories/story-putin-calls/report.html');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Disposition') ?? '', /attachment; filename="crosscheck-story-putin-calls\.html"/);
    assert.match(res.headers.get('Content-Security-Policy') ?? '', /script-src 'sha256-/);
    const body = await res.text();
    assert.match(body, /<meta http-equiv="Content-Security-Policy"/);
    assert.match(body, /Sources disagree on the count of life/);
    assert.match(await (await app.request('/stories/story-putin-calls')).text(), /href="\/stories\/story-putin-calls\/report\.html"/);
  });
});

describe('writing', () => {
  test('refuses writes without the token, with a wrong token, and on a read-only server', async () => {
    const noToken = await app.request('/api/articles', { method: 'POST', body: '{"text":"x"}', headers: { 'Content-Type': 'application/json' } });
    assert.equal(noToken.status, 401);
    assert.equal(((await noToken.json()) as { error: { code: string } }).error.code, 'UNAUTHORIZED');
    const wrong = await post('{"text":"x"}', 'application/json', { Authorization: 'Bearer nope' });
    assert.equal(wrong.status, 401);
    const readOnly = createApp({ store, log: () => {} }).app;
    const res = await readOnly.request('/api/articles', { method: 'POST', body: '{"text":"x"}', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer anything' } });
    assert.equal(res.status, 401);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /read-only; start it with --token/);
  });

  test('rejects bad JSON, an article without text, an unknown body type and an oversized body', async () => {
    const bad = await post('{"text": "unterminated');
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'INPUT_JSON_INVALID');
    const noText = await post('{"title":"Only a title"}');
    assert.equal(noText.status, 422);
    assert.equal(((await noText.json()) as { error: { code: string } }).error.code, 'INPUT_JSON_NO_TEXT');
    const pdf = await post('%PDF-1.4', 'application/pdf');
    assert.equal(pdf.status, 415);
    const big = await post(JSON.stringify({ text: 'word '.repeat(20_000) }));
    assert.equal(big.status, 413);
    const body = (await big.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'BODY_TOO_LARGE');
    assert.match(body.error.message, /65536 bytes/);
  });

  test('adds a JSON article once: 201 the first time, 200 with duplicateOf the second', async () => {
    const article = { id: 'api-1', title: 'Egypt opens Rafah crossing', text: 'Egypt opened the Rafah crossing on Saturday for aid trucks bound for Gaza, officials said.', publishedAt: '2023-10-21', outlet: 'Wire Z' };
    const first = await post(JSON.stringify(article));
    assert.equal(first.status, 201);
    const added = (await first.json()) as { documents: { status: string; id: string; storyId: string }[] };
    assert.equal(added.documents[0]!.status, 'added');
    assert.equal(added.documents[0]!.id, 'api-1');
    const again = await post(JSON.stringify({ ...article, id: 'api-1-again' }));
    assert.equal(again.status, 200);
    assert.deepEqual(((await again.json()) as { documents: unknown[] }).documents, [{ status: 'duplicate', id: 'api-1-again', duplicateOf: 'api-1', origin: 'POST /api/articles#1' }]);
    const story = (await (await app.request(`/api/stories/${added.documents[0]!.storyId}`)).json()) as { store: { stale: boolean }; stories: unknown[] };
    assert.equal(story.store.stale, false, 'wait=true waited for the analysis');
    assert.equal(story.stories.length, 1);
  });

  test('adds an array of articles and an HTML body titled by its headers', async () => {
    const res = await post(JSON.stringify([{ text: 'First article on the Rafah crossing and aid trucks.' }, { text: 'Second article about a ceasefire vote at the United Nations.' }]));
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { documents: unknown[] }).documents.length, 2);
    const page = await post('<html><body><article><p>Aid convoys entered Gaza through Rafah on Saturday morning, the UN said.</p></article></body></html>', 'text/html', {
      'X-Article-Title': encodeURIComponent('Convoys enter Gaza — UN'),
      'X-Article-URL': 'https://example.org/convoys',
      'X-Article-Id': 'html-1',
    });
    assert.equal(page.status, 201);
    const doc = (await (await app.request('/api/documents/html-1')).json()) as { document: { title: string; url: string; text: string } };
    assert.equal(doc.document.title, 'Convoys enter Gaza — UN');
    assert.equal(doc.document.url, 'https://example.org/convoys');
    assert.match(doc.document.text, /Aid convoys entered Gaza/);
  });

  test('a story not yet analysed shows its articles and reloads itself until it is', async () => {
    const doc = makeStory().documents[0]!;
    await store.addDocument({ document: { ...doc, id: 'pending-1', contentHash: 'pending-hash', text: `${doc.text} Pending.` }, assignment: { documentId: 'pending-1', storyId: 'pending-story', score: 1, reasons: [] } });
    const res = await app.request('/stories/pending-story');
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /<meta http-equiv="refresh" content="5">/);
    assert.match(page, /This story is being analysed/);
    assert.match(page, /href="\/documents\/pending-1"/);
  });

  test('an unexpected failure is a JSON INTERNAL error without a stack trace', async () => {
    const broken = { ...store, listStories: async () => { throw new Error('disk on fire at /var/secret'); } } as unknown as Store;
    const res = await createApp({ store: broken, log: () => {} }).app.request('/api/stories');
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.doesNotMatch(text, /disk on fire|secret|at .*\.ts/);
    assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'INTERNAL');
  });
});
