// Finds the article's paragraphs: Readability on the cleaned page, paragraph-level boilerplate
// filtering, and the page's JSON-LD articleBody as a check (it trims paragraphs the publisher
// did not count as the article) or a fallback (when Readability missed most of it).
import { Readability } from '@mozilla/readability';
import { blocksOf, type Block } from './blocks.ts';
import { findDates } from '../date-parse.ts';
import { isBoilerplateParagraph, trimEdges } from './boilerplate.ts';
import type { HtmlOptions } from './options.ts';

export interface ArticleBody {
  paragraphs: string[];
  /** Which method produced the text, for messages and the evaluation. */
  method: 'readability' | 'readability+json-ld' | 'json-ld' | 'page';
  title?: string;
  byline?: string;
  siteName?: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Share of `text`'s words that occur in `vocabulary`. */
function coverage(text: string, vocabulary: Set<string>): number {
  const list = words(text);
  if (list.length === 0) return 1;
  let hit = 0;
  for (const w of list) if (vocabulary.has(w)) hit++;
  return hit / list.length;
}

/** Run Readability on `document` (which it mutates) and return the article's blocks. */
function readabilityBlocks(document: unknown, options: HtmlOptions): { blocks: Block[]; title?: string; byline?: string; siteName?: string } {
  let article;
  try {
    const reader = new Readability(document as globalThis.Document, { serializer: (node: Node) => node });
    article = reader.parse();
  } catch {
    return { blocks: [] };
  }
  if (!article?.content) return { blocks: [] };
  return { blocks: blocksOf(article.content), title: article.title ?? undefined, byline: article.byline ?? undefined, siteName: article.siteName ?? undefined };
}

/** Runs of short blocks that are almost all link text (related stories, tag lists) are not the article. */
function dropLinkLists(blocks: Block[], options: HtmlOptions): Block[] {
  const isLink = (b: Block): boolean => b.linkShare >= options.maxLinkShare && b.text.length <= options.shortParagraph;
  const keep = blocks.map(() => true);
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length && isLink(blocks[j]!)) j++;
    if (j - i >= options.minLinkListRun) for (let k = i; k < j; k++) keep[k] = false;
    i = j > i ? j : i + 1;
  }
  return blocks.filter((_, i) => keep[i]);
}

/**
 * Teasers for other stories: a kicker in capitals ("RANDY ANDY", "TIME TRAVELLER") over a headline
 * with no closing stop, three or more in a row, with at most a one-word label between ("Warning").
 * Pages print them inside the article body, where their links are too few for `dropLinkLists`.
 */
function dropTeaserRuns(blocks: Block[], options: HtmlOptions): Block[] {
  const isKicker = (text: string): boolean => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && text.split(/\s+/).length <= 6;
  const isHeadline = (text: string): boolean => text.length <= options.shortParagraph && /\p{Ll}/u.test(text) && !/[.!?:]["'’”]?\s*$/.test(text);
  const isLabel = (text: string): boolean => /^\p{Lu}\p{Ll}+$/u.test(text.trim());
  const keep = blocks.map(() => true);
  for (let i = 0; i < blocks.length; ) {
    // Units of kicker, optional label, headline, from i on.
    let j = i;
    let units = 0;
    for (;;) {
      let k = j;
      if (!blocks[k] || !isKicker(blocks[k]!.text)) break;
      k++;
      if (blocks[k] && isLabel(blocks[k]!.text) && blocks[k + 1] && isHeadline(blocks[k + 1]!.text)) k++;
      if (!blocks[k] || !isHeadline(blocks[k]!.text)) break;
      j = k + 1;
      units++;
      if (blocks[j] && isLabel(blocks[j]!.text) && blocks[j + 1] && isKicker(blocks[j + 1]!.text)) j++;
    }
    if (units >= options.minLinkListRun) for (let k = i; k < j; k++) keep[k] = false;
    i = units > 0 ? j : i + 1;
  }
  return blocks.filter((_, i) => keep[i]);
}

/** A paragraph that is only a date stamp ("Friday, 22 October 2010 at 20:13"), not article text. */
function isDateLine(text: string, options: HtmlOptions): boolean {
  if (text.length > options.dateLineChars || text.split(/\s+/).length > options.dateLineWords) return false;
  return findDates(text).length > 0;
}

/** Split a JSON-LD body into paragraphs on its line breaks. */
function jsonLdParagraphs(body: string): string[] {
  return body.split(/\n\s*\n|\r?\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * The article's paragraphs from a cleaned page (mutated by Readability) and its JSON-LD body.
 * @example extractBody(document, undefined, HTML_DEFAULTS).paragraphs[0]
 */
export function extractBody(document: unknown, jsonLdBody: string | undefined, options: HtmlOptions): ArticleBody {
  const found = readabilityBlocks(document, options);
  const meta = { title: found.title, byline: found.byline, siteName: found.siteName };
  let paragraphs = trimEdges(
    dropTeaserRuns(dropLinkLists(found.blocks, options), options)
      .map((b) => b.text)
      .filter((p) => !isBoilerplateParagraph(p, options) && !isDateLine(p, options)),
  );
  const ld = jsonLdBody && jsonLdBody.length >= options.minJsonLdBody ? jsonLdBody : undefined;
  if (!ld) return { ...meta, paragraphs, method: 'readability' };

  const ldWords = new Set(words(ld));
  const pageWords = new Set(paragraphs.flatMap(words));
  const ldCovered = coverage(ld, pageWords);
  if (ldCovered < options.jsonLdCoverage) return { ...meta, paragraphs: jsonLdParagraphs(ld), method: 'json-ld' };
  const kept = paragraphs.filter((p) => coverage(p, ldWords) >= options.jsonLdParagraphOverlap);
  // A teaser body (the first paragraphs only) must not cut the rest of the article.
  const keptShare = kept.join('').length / Math.max(1, paragraphs.join('').length);
  if (keptShare < options.jsonLdMinKeptShare) return { ...meta, paragraphs, method: 'readability' };
  return { ...meta, paragraphs: kept, method: 'readability+json-ld' };
}
