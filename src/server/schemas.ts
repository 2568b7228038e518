// The API's request shapes as zod schemas: an article as JSON, the story-list query, export query.
// Validation only; the routes turn what passes into RawInputs and store calls.
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_KINDS } from '../store/export.ts';

const text = z.string().trim().min(1);

/** One article as JSON: `text` (or `body`/`content`/`html`) and optional metadata. Unknown fields are kept. */
export const articleSchema = z
  .object({
    id: z.union([text.max(200), z.number().int()]).optional(),
    title: z.string().max(1000).optional(),
    text: z.string().optional(),
    body: z.string().optional(),
    content: z.string().optional(),
    html: z.string().optional(),
    url: z.string().max(4000).optional(),
    outlet: z.string().max(300).optional(),
    source: z.union([z.string().max(300), z.object({ name: z.string() }).loose()]).optional(),
    publishedAt: z.string().max(64).optional(),
    date: z.string().max(64).optional(),
    author: z.union([z.string().max(300), z.object({ name: z.string() }).loose()]).optional(),
    language: z.string().max(16).optional(),
  })
  .loose()
  .refine((a) => [a.text, a.body, a.content, a.html].some((t) => typeof t === 'string' && t.trim() !== ''), {
    message: 'an article needs a non-empty "text", "body", "content" or "html" field',
  });

export const articlesSchema = z.union([articleSchema, z.array(articleSchema).min(1).max(1000)]);
export type ArticleJson = z.infer<typeof articleSchema>;

const intParam = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const storyListQuery = z.object({
  q: z.string().max(200).optional(),
  sort: z.enum(['updated', 'conflicts', 'size']).default('updated'),
  limit: intParam(1, 500).default(50),
  offset: intParam(0, 10_000_000).default(0),
});

export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('jsonl'),
  what: z.enum(EXPORT_KINDS).default('documents'),
});

/** The first problem zod found, as one readable sentence. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const path = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue.message}`;
}
