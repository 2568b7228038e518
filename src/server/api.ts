// The JSON API: articles in (token, size limit, validation), stories, documents and exports out.
// Routes parse and validate, call the store or the ingest session, and shape the answer; no logic of their own.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { stream } from 'hono/streaming';
import { createError } from '../errors.ts';
import { toReportV1 } from '../report/json.ts';
import { exportLines } from '../store/export.ts';
import type { DocumentOutcome } from '../store/ingest.ts';
import type { InputError, RawInput } from '../types.ts';
import type { ServerDeps } from './app.ts';
import { openApiDocument } from './openapi.ts';
import { cachedStory } from './pages.ts';
import { articlesSchema, describeIssue, exportQuery, storyListQuery, type ArticleJson } from './schemas.ts';

function assertToken(c: Context, token: string | undefined): void {
  if (!token) throw createError('UNAUTHORIZED', c.req.path, 'this server is read-only; start it with --token or CROSSCHECK_TOKEN to accept articles');
  const given = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim() ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  if (!given || !timingSafeEqual(a, b)) throw createError('UNAUTHORIZED', c.req.path, 'send the header "Authorization: Bearer <token>"');
}

function parseQuery<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, c: Context): T {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw createError('USAGE', `${c.req.path} query`, describeIssue(result.error));
  return result.data;
}

function sha8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** A header value, percent-decoded when it was sent encoded (headers are ASCII). */
function header(c: Context, name: string): string | undefined {
  const v = c.req.header(name)?.trim();
  if (!v) return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function jsonInputs(body: string): RawInput[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw createError('INPUT_JSON_INVALID', 'request body', (error as Error).message);
  }
  const parsed = articlesSchema.safeParse(value);
  if (!parsed.success) {
    const missingText = parsed.error.issues.some((i) => i.message.includes('non-empty "text"'));
    throw createError(missingText ? 'INPUT_JSON_NO_TEXT' : 'USAGE', 'request body', describeIssue(parsed.error));
  }
  const list: ArticleJson[] = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  return list.map((article, i) => {
    const { html, ...rest } = article;
    const record = html && !rest.text && !rest.body && !rest.content ? { ...rest, body: html } : rest;
    const textOf = String(record.text ?? record.body ?? record.content ?? '');
    const name = `${article.id ?? `article-${sha8(textOf)}`}.json`;
    return { origin: `POST /api/articles#${i + 1}`, name, bytes: Buffer.from(JSON.stringify(record)), contentType: 'application/json' };
  });
}

function bodyInput(c: Context, body: string, kind: 'html' | 'txt' | 'md'): RawInput {
  const id = header(c, 'X-Article-Id');
  const hints: RawInput['hints'] = {};
  const title = header(c, 'X-Article-Title');
  const url = header(c, 'X-Article-URL');
  const published = header(c, 'X-Article-Published');
  const outlet = header(c, 'X-Article-Outlet');
  if (title) hints.title = title;
  if (url) hints.url = url;
  if (outlet) hints.outlet = outlet;
  if (published) Object.assign(hints, { publishedAt: published, dateSource: 'http-header' as const });
  if (id) hints.id = id;
  return {
    origin: 'POST /api/articles',
    name: `${(id ?? `article-${sha8(body)}`).replace(/[/\\]/g, '_')}.${kind}`,
    bytes: Buffer.from(body),
    contentType: c.req.header('Content-Type') ?? '',
    ...(url ? { url } : {}),
    hints,
  };
}

async function postArticles(c: Context, deps: ServerDeps): Promise<Response> {
  assertToken(c, deps.options.token);
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  const body = await c.req.text();
  if (body.trim() === '') throw createError('INPUT_EMPTY', 'request body');
  let inputs: RawInput[];
  if (type === 'application/json' || type.endsWith('+json')) inputs = jsonInputs(body);
  else if (type === 'text/html' || type === 'application/xhtml+xml') inputs = [bodyInput(c, body, 'html')];
  else if (type === 'text/plain') inputs = [bodyInput(c, body, 'txt')];
  else if (type === 'text/markdown') inputs = [bodyInput(c, body, 'md')];
  else throw createError('INPUT_UNSUPPORTED', `Content-Type "${type || 'none'}"`, 'send application/json, text/html, text/plain or text/markdown');
  const ingestor = await deps.ingestor();
  const documents: DocumentOutcome[] = [];
  const errors: InputError[] = [];
  for (const raw of inputs) {
    const r = await ingestor.addRaw(raw);
    documents.push(...r.documents);
    errors.push(...r.errors);
  }
  deps.analyzeSoon();
  if (c.req.query('wait') === 'true') await deps.idle();
  const added = documents.filter((d) => d.status === 'added').length;
  if (documents.length === 0) {
    const first = errors[0];
    return c.json({ error: { code: first?.code ?? 'INPUT_NO_ARTICLES', message: first?.message ?? 'no article could be read' }, documents, errors }, 422);
  }
  return c.json({ documents, errors }, added > 0 ? 201 : 200);
}

async function storyJson(c: Context, deps: ServerDeps): Promise<string | undefined> {
  const id = c.req.param('id')!;
  const story = await deps.store.getStory(id);
  if (!story) return undefined;
  const docs = (await deps.store.getDocuments(story.documentIds)).map((s) => s.document);
  const report = toReportV1({ documents: docs, annotated: [], stories: story.analysis ? [story.analysis] : [], errors: [], duplicates: [] });
  const meta = { id: story.id, title: story.title, revision: story.revision, stale: story.stale, updatedAt: story.updatedAt, analyzedAt: story.analyzedAt ?? null };
  return JSON.stringify({ ...report, store: meta });
}

export function registerApi(app: Hono, deps: ServerDeps): void {
  const limit = bodyLimit({
    maxSize: deps.options.bodyLimitBytes,
    onError: () => {
      throw createError('BODY_TOO_LARGE', 'request body', `the limit is ${deps.options.bodyLimitBytes} bytes`);
    },
  });
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/health', async (c) => c.json({ ok: true, ...(await deps.store.stats()) }));
  app.post('/api/articles', limit, (c) => postArticles(c, deps));
  app.get('/api/stories', async (c) => {
    const q = parseQuery(storyListQuery, c);
    const page = await deps.store.listStories(q);
    return c.json({ total: page.total, limit: q.limit, offset: q.offset, items: page.items });
  });
  app.get('/api/stories/:id', (c) => cachedStory(c, deps, 'json', () => storyJson(c, deps)));
  app.get('/api/documents/:id', async (c) => {
    const id = c.req.param('id');
    const stored = await deps.store.getDocument(id);
    if (!stored) throw createError('NOT_FOUND', `document ${id}`);
    const analysis = stored.storyId ? (await deps.store.getStory(stored.storyId))?.analysis : undefined;
    return c.json({ document: stored.document, storyId: stored.storyId ?? null, ingestedAt: stored.ingestedAt, signals: analysis?.signals[id] ?? null });
  });
  app.get('/api/search', async (c) => {
    const q = c.req.query('q') ?? '';
    return c.json({ q, items: await deps.store.searchDocuments(q, 50) });
  });
  app.get('/api/errors', async (c) => c.json({ items: await deps.store.listErrors(100) }));
  app.get('/api/export', (c) => {
    const { format, what } = parseQuery(exportQuery, c);
    c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="crosscheck-${what}.${format}"`);
    return stream(c, async (s) => {
      for await (const line of exportLines(deps.store, format, what)) await s.write(line);
    });
  });
}
