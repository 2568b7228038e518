// The OpenAPI 3.1 description served at /api/openapi.json. Written by hand to match api.ts and
// schemas.ts; the API test checks that every route listed here answers.
import { ERROR_CODES } from '../errors.ts';

const error = { $ref: '#/components/responses/Error' };
const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `The ${what}'s id` });

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'crosscheck',
      version: '1',
      description:
        'Stores news articles, groups them into stories and reports, claim by claim, what sources agree on, where they disagree and which articles copy others. Story bodies follow the JSON report contract v1.',
    },
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'The token given to `crosscheck serve --token` or CROSSCHECK_TOKEN.' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: Object.keys(ERROR_CODES) }, message: { type: 'string' } } } },
        },
        Article: {
          type: 'object',
          description: 'One article. One of text, body, content or html is required; other fields are kept as they came.',
          properties: {
            id: { type: 'string' }, title: { type: 'string' }, text: { type: 'string' }, body: { type: 'string' }, content: { type: 'string' }, html: { type: 'string' },
            url: { type: 'string' }, outlet: { type: 'string' }, publishedAt: { type: 'string', description: 'ISO date or date-time' }, author: { type: 'string' }, language: { type: 'string' },
          },
        },
        StorySummary: {
          type: 'object',
          properties: {
            id: { type: 'string' }, title: { type: 'string' }, documentCount: { type: 'integer' }, independentSources: { type: ['integer', 'null'] },
            conflicts: { type: ['integer', 'null'] }, claims: { type: ['integer', 'null'] }, firstPublished: { type: 'string' }, lastPublished: { type: 'string' },
            updatedAt: { type: 'string' }, analyzedAt: { type: 'string' }, stale: { type: 'boolean' },
          },
        },
      },
      responses: { Error: { description: 'An error with a stable code', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    },
    paths: {
      '/api/health': { get: { summary: 'Store counts and schema version', responses: { 200: { description: 'OK' } } } },
      '/api/articles': {
        post: {
          summary: 'Add articles',
          description: 'A JSON article or an array of them, or an HTML, plain-text or Markdown body with X-Article-Title, X-Article-URL, X-Article-Id, X-Article-Published and X-Article-Outlet headers. The same text sent twice is stored once. Stories that change are re-analysed in the background; add ?wait=true to wait for it.',
          security: [{ token: [] }],
          parameters: [{ name: 'wait', in: 'query', schema: { type: 'boolean' } }],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Article' }, { type: 'array', items: { $ref: '#/components/schemas/Article' } }] } },
              'text/html': { schema: { type: 'string' } },
              'text/plain': { schema: { type: 'string' } },
              'text/markdown': { schema: { type: 'string' } },
            },
          },
          responses: { 200: { description: 'Every article was already stored' }, 201: { description: 'At least one article was added' }, 400: error, 401: error, 413: error, 415: error, 422: error },
        },
      },
      '/api/stories': {
        get: {
          summary: 'List stories',
          parameters: [
            { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Words that must all occur in an article of the story' },
            { name: 'sort', in: 'query', schema: { type: 'string', enum: ['updated', 'conflicts', 'size'], default: 'updated' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: { 200: { description: '{ total, limit, offset, items: StorySummary[] }' }, 400: error },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story as a JSON report (contract v1) with a `store` block (revision, stale, updatedAt, analyzedAt)',
          parameters: [idParam('story')],
          responses: { 200: { description: 'The report; `stories` is empty until the first analysis is done' }, 404: error },
        },
      },
      '/api/documents/{id}': { get: { summary: 'One stored article with its story and signals', parameters: [idParam('article')], responses: { 200: { description: 'OK' }, 404: error } } },
      '/api/search': { get: { summary: 'Articles matching words', parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'OK' } } } },
      '/api/errors': { get: { summary: 'The latest rejected inputs', responses: { 200: { description: 'OK' } } } },
      '/api/export': {
        get: {
          summary: 'Export documents, claims or events',
          parameters: [
            { name: 'format', in: 'query', schema: { type: 'string', enum: ['jsonl', 'csv'], default: 'jsonl' } },
            { name: 'what', in: 'query', schema: { type: 'string', enum: ['documents', 'claims', 'events'], default: 'documents' } },
          ],
          responses: { 200: { description: 'JSON Lines or CSV, streamed', content: { 'application/x-ndjson': {}, 'text/csv': {} } }, 400: error },
        },
      },
      '/api/openapi.json': { get: { summary: 'This description', responses: { 200: { description: 'OK' } } } },
    },
  };
}
