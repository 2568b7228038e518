// Reads a page's JSON-LD blocks into flat lists of typed objects (arrays and @graph unrolled),
// tolerating comments, trailing commas and raw line breaks as pages write them, and picks the
// article object. It does not decide trust between JSON-LD and other metadata.

export type JsonLdObject = Record<string, unknown>;

interface QueryRoot {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

/** Schema.org types that describe an article page's main item. */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|NewsArticle|WebPage|Posting|CreativeWork|Review|Recipe|VideoObject|DiscussionForumPosting|Blog|TechArticle|ScholarlyArticle|OpinionNewsArticle|AnalysisNewsArticle)$/i;
const STRONG_ARTICLE_TYPE = /(?:Article|BlogPosting|Posting|Report)$/i;
const MAX_DEPTH = 6;

/** Every JSON-LD object of the page with an @type, in document order (nested ones included). */
export function readJsonLd(root: QueryRoot): JsonLdObject[] {
  const out: JsonLdObject[] = [];
  const scripts = root.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const value = parseLoose(scripts[i]?.textContent ?? '');
    if (value !== undefined) collect(value, out, 0);
  }
  return out;
}

function parseLoose(source: string): unknown {
  const text = source.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/<!\[CDATA\[|\/\/\]\]>\s*$/g, '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(relaxJson(text));
    } catch {
      return undefined;
    }
  }
}

/** A string literal (possibly unterminated), a // or /* comment, or a run of anything else. */
const JSON_TOKEN = /"(?:[^"\\]|\\[\s\S])*"?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[^"/]+|\//g;
const CONTROL = /[\u0000-\u001f]+/g;

const isString = (token: string): boolean => token.startsWith('"');
const isComment = (token: string): boolean => token.startsWith('//') || token.startsWith('/*');

/**
 * JSON as pages write it, made strict: comments and raw control characters (common publishing slips)
 * become spaces, and commas before a closing bracket go, everywhere but inside strings.
 * @example JSON.parse(relaxJson('{"a": "b//c,}", // note\n"n": [1, 2,],}')) → { a: 'b//c,}', n: [1, 2] }
 */
function relaxJson(text: string): string {
  const uncommented = (text.match(JSON_TOKEN) ?? []).map((t) => (isComment(t) ? ' ' : t.replace(CONTROL, ' '))).join('');
  // With comments gone, a comma and the bracket after it sit in one run outside strings.
  return (uncommented.match(JSON_TOKEN) ?? []).map((t) => (isString(t) ? t : t.replace(/,(\s*[}\]])/g, '$1'))).join('');
}

function collect(value: unknown, out: JsonLdObject[], depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  const obj = value as JsonLdObject;
  if (obj['@type'] !== undefined) out.push(obj);
  for (const [key, child] of Object.entries(obj)) {
    if (key === '@graph' || key === 'mainEntity' || key === 'mainEntityOfPage' || key === 'itemListElement' || key === 'hasPart') collect(child, out, depth + 1);
  }
}

/** The @type of an object as a list of names. */
export function typesOf(obj: JsonLdObject): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** The object that describes the page's article: an Article-like type first, else a WebPage. */
export function pickArticle(objects: JsonLdObject[]): JsonLdObject | undefined {
  return objects.find((o) => typesOf(o).some((t) => STRONG_ARTICLE_TYPE.test(t))) ?? objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)));
}

/** A string field, or the `name` of an object field, or the first of a list. */
export function stringField(obj: JsonLdObject | undefined, key: string): string | undefined {
  if (!obj) return undefined;
  return asString(obj[key]);
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const names = value.map(asString).filter((x): x is string => !!x);
    return names.length ? [...new Set(names)].join(', ') : undefined;
  }
  if (value && typeof value === 'object') return asString((value as JsonLdObject)['name']);
  return undefined;
}
