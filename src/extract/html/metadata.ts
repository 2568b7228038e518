// Page metadata other than dates: title, author, outlet, canonical URL, declared language, from
// JSON-LD, Open Graph / Twitter / Dublin Core meta tags and <link rel=canonical>. No article text here.
import { asString, pickArticle, stringField, type JsonLdObject } from './json-ld.ts';

export interface PageMetadata {
  title?: string;
  author?: string;
  outlet?: string;
  url?: string;
  language?: string;
  description?: string;
  /** JSON-LD `articleBody`, when the page declares one. */
  jsonLdBody?: string;
}

interface MetaRoot {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
  documentElement?: { getAttribute(name: string): string | null } | null;
}

/** Content of the first meta tag whose name, property or itemprop is one of `keys` (case-insensitive). */
export function metaContent(root: MetaRoot, keys: string[]): string | undefined {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const metas = root.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i];
    if (!meta) continue;
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv') ?? '').toLowerCase().trim();
    if (!wanted.has(key)) continue;
    const content = (meta.getAttribute('content') ?? meta.getAttribute('datetime') ?? '').trim();
    if (content) return content;
  }
  return undefined;
}

/** Title, author, outlet, canonical URL and language of a page. */
export function readMetadata(root: MetaRoot, jsonLd: JsonLdObject[], pageUrl?: string): PageMetadata {
  const article = pickArticle(jsonLd);
  const org = jsonLd.find((o) => o['@type'] === 'Organization' || o['@type'] === 'NewsMediaOrganization' || o['@type'] === 'WebSite');
  const title =
    stringField(article, 'headline') ??
    metaContent(root, ['og:title', 'twitter:title', 'dc.title', 'dcterms.title']) ??
    root.querySelector('title')?.textContent?.trim() ??
    undefined;
  const author = cleanAuthor(
    asString(article?.['author']) ?? metaContent(root, ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl']),
  );
  const outlet = asString((article?.['publisher'] as JsonLdObject | undefined)) ?? metaContent(root, ['og:site_name', 'application-name', 'publisher', 'dc.publisher']) ?? stringField(org, 'name');
  const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(root, ['og:url']);
  const body = stringField(article, 'articleBody') ?? stringField(article, 'text');
  const lang = root.documentElement?.getAttribute('lang') ?? metaContent(root, ['og:locale', 'content-language', 'language', 'dc.language']);
  const h1 = root.querySelector('h1')?.textContent ?? undefined;
  return {
    title: cleanTitle(title, outlet, h1),
    author,
    outlet: outlet?.trim() || undefined,
    url: absoluteUrl(canonical, pageUrl),
    language: lang ? lang.slice(0, 2).toLowerCase() : undefined,
    description: metaContent(root, ['description', 'og:description']),
    jsonLdBody: body ? decodeEntities(body) : undefined,
  };
}

const TITLE_SEPARATOR = /\s+[|–—·•:»-]\s+/;

/** "Headline | Outlet" → "Headline", when the other part is the outlet or the page's <h1> is the headline alone. */
export function cleanTitle(title: string | undefined, outlet?: string, h1?: string): string | undefined {
  const text = title?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const heading = h1?.replace(/\s+/g, ' ').trim();
  if (heading && heading.length > 10 && text.startsWith(heading)) return heading;
  const parts = text.split(TITLE_SEPARATOR);
  if (parts.length < 2) return text;
  const site = outlet?.toLowerCase().trim();
  const kept = parts.filter((p) => p.toLowerCase().trim() !== site);
  if (kept.length < parts.length) return kept.join(' | ');
  return text;
}

function cleanAuthor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim();
  return text && !/^https?:/.test(text) && text.length < 200 ? text : undefined;
}

function absoluteUrl(href: string | null | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** JSON-LD bodies sometimes carry HTML entities and tags; fold them to text. */
export function decodeEntities(text: string): string {
  return text
    .replace(/<[^>]{0,500}>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    });
}
