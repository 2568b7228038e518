// The web pages: story list, story, article, the stylesheet and script, and error pages. Each route
// reads the store and hands the data to the shared views in report/html; no markup is built here.
import type { Context, Hono } from 'hono';
import { createError } from '../errors.ts';
import { renderHtml } from '../report/html.ts';
import { APP_CSS, APP_CSS_HASH, APP_JS, APP_JS_HASH, FILE_CSP } from '../report/html/assets.ts';
import { renderDocumentBody } from '../report/html/document-view.ts';
import { html } from '../report/html/escape.ts';
import { SERVER_LINKS, renderPage } from '../report/html/layout.ts';
import { renderStoryList } from '../report/html/list-view.ts';
import { formatDate, plural } from '../report/html/parts.ts';
import { renderStoryBody } from '../report/html/story-view.ts';
import type { ServerDeps } from './app.ts';
import { cachedBody, etagOf, storyCacheKey } from './cache.ts';
import { storyListQuery } from './schemas.ts';

/** An error as a page, for browsers (the API answers JSON). */
export function renderErrorPage(status: number, message: string): string {
  const title = status === 404 ? 'Not found' : status >= 500 ? 'Something went wrong' : 'Bad request';
  return renderPage({ title, links: SERVER_LINKS, body: html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the stories</a></p>` });
}

function asset(c: Context, body: string, type: string, hash: string): Response {
  const etag = `"${hash.slice(8, 30)}"`;
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
  c.header('Content-Type', type);
  c.header('Cache-Control', 'public, max-age=3600');
  c.header('ETag', etag);
  return c.body(body);
}

/** Answer from the render cache (or 304) when the story has not changed since it was rendered. */
export async function cachedStory(c: Context, deps: ServerDeps, kind: 'page' | 'json', render: () => Promise<string | undefined>): Promise<Response> {
  const id = c.req.param('id')!;
  const meta = await deps.store.getStoryMeta(id);
  if (!meta) throw createError('NOT_FOUND', `story ${id}`);
  const key = storyCacheKey(kind, meta);
  const type = kind === 'page' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
  // An unanalysed story's page changes without a new revision once analysed: do not keep it.
  const hit = await deps.cache.getOrRender(key, async () => {
    const body = await render();
    if (body === undefined) throw createError('NOT_FOUND', `story ${id}`);
    return cachedBody(body, etagOf(key));
  }, meta.analyzedAt !== undefined);
  c.header('ETag', hit.etag);
  c.header('Cache-Control', 'no-cache');
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('If-None-Match') === hit.etag) return c.body(null, 304);
  c.header('Content-Type', type);
  if (hit.gzip && /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip');
    return c.body(hit.gzip as Uint8Array<ArrayBuffer>);
  }
  return c.body(hit.body as Uint8Array<ArrayBuffer>);
}

async function storyPage(c: Context, deps: ServerDeps): Promise<string | undefined> {
  const id = c.req.param('id')!;
  const story = await deps.store.getStory(id);
  if (!story) return undefined;
  const documents = (await deps.store.getDocuments(story.documentIds)).map((s) => s.document);
  if (!story.analysis) {
    deps.analyzeSoon();
    const body = html`<h1>${story.title}</h1><p role="status">This story is being analysed; the page reloads itself in a few seconds.</p>
<ul>${documents.map((d) => html`<li><a href="${SERVER_LINKS.document(d.id)}">${d.title ?? d.id}</a> <span class="meta">${d.outlet ?? ''} ${formatDate(d.publishedAt)}</span></li>`)}</ul>`;
    return renderPage({ title: story.title, body, links: SERVER_LINKS, refreshSeconds: 5 });
  }
  const body = renderStoryBody({ analysis: story.analysis, documents, stale: story.stale }, SERVER_LINKS);
  return renderPage({ title: story.analysis.story.title || story.title, body, links: SERVER_LINKS, note: story.stale ? 'updating' : undefined });
}

export function registerPages(app: Hono, deps: ServerDeps): void {
  app.get('/assets/app.css', (c) => asset(c, APP_CSS, 'text/css; charset=utf-8', APP_CSS_HASH));
  app.get('/assets/app.js', (c) => asset(c, APP_JS, 'text/javascript; charset=utf-8', APP_JS_HASH));
  app.get('/', async (c) => {
    const parsed = storyListQuery.safeParse(c.req.query());
    const query = parsed.success ? parsed.data : storyListQuery.parse({});
    const page = await deps.store.listStories(query);
    const stats = await deps.store.stats();
    const note = `${plural(stats.documents, 'article')} in ${plural(stats.stories, 'story', 'stories')}`;
    return c.html(renderPage({ title: 'Stories', links: SERVER_LINKS, note, body: renderStoryList({ page, q: query.q, sort: query.sort, limit: query.limit, offset: query.offset }, SERVER_LINKS) }));
  });
  app.get('/stories/:id', (c) => cachedStory(c, deps, 'page', () => storyPage(c, deps)));
  app.get('/stories/:id/report.html', async (c) => {
    const id = c.req.param('id');
    const story = await deps.store.getStory(id);
    if (!story?.analysis) throw createError('NOT_FOUND', `analysed story ${id}`);
    const documents = (await deps.store.getDocuments(story.documentIds)).map((s) => s.document);
    c.header('Content-Security-Policy', FILE_CSP);
    c.header('Content-Disposition', `attachment; filename="crosscheck-${id.replace(/[^A-Za-z0-9_-]/g, '_')}.html"`);
    return c.html(renderHtml({ documents, annotated: [], stories: [story.analysis], errors: [], duplicates: [] }));
  });
  app.get('/documents/:id', async (c) => {
    const id = c.req.param('id');
    const stored = await deps.store.getDocument(id);
    if (!stored) throw createError('NOT_FOUND', `article ${id}`);
    const analysis = stored.storyId ? (await deps.store.getStory(stored.storyId))?.analysis : undefined;
    const body = renderDocumentBody({ document: stored.document, ingestedAt: stored.ingestedAt, ...(analysis ? { analysis } : {}) }, SERVER_LINKS);
    return c.html(renderPage({ title: stored.document.title ?? id, body, links: SERVER_LINKS }));
  });
}
