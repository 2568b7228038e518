// Annotates one Document: sentences and tokens, entity mentions, numbers, dates and durations
// resolved against the publication date, and quotes. Pure; one document at a time.
import type { AnnotatedDocument, Document } from '../types.ts';
import { findEntityMentions } from './entities.ts';
import { splitSentences } from './nlp.ts';
import { findNumbers } from './numbers.ts';
import { findQuotes } from './quotes.ts';
import { findTimes } from './times.ts';
import { ANALYSED_LANGUAGE } from '../extract/language.ts';

/** True when the document is in the language the analysis reads (or its language is unknown). */
export function isAnalysedLanguage(doc: Document): boolean {
  return !doc.language || doc.language === ANALYSED_LANGUAGE;
}

/**
 * Annotate a document for the analysis stages.
 * @example annotateDocument(doc).mentions.filter((m) => m.type === 'person')
 */
export function annotateDocument(doc: Document): AnnotatedDocument {
  const sentences = splitSentences(doc.text, doc.paragraphs);
  const referenceDate = referenceDateOf(doc);
  // The entity, number, date and quote readers know English only; other articles keep their
  // sentences (and their LANGUAGE_NOT_ANALYSED note) but no layers that would be nonsense.
  if (!isAnalysedLanguage(doc)) return { doc, ...(referenceDate ? { referenceDate } : {}), sentences, mentions: [], numbers: [], times: [], quotes: [] };
  return {
    doc,
    ...(referenceDate ? { referenceDate } : {}),
    sentences,
    mentions: findEntityMentions(sentences, doc.text),
    numbers: findNumbers(sentences),
    times: findTimes(sentences, referenceDate?.date),
    quotes: findQuotes(sentences, doc.text),
  };
}

/** The publication date, else the newest dated embed (the article is at least that recent). */
export function referenceDateOf(doc: Document): AnnotatedDocument['referenceDate'] {
  if (doc.publishedAt) return { date: doc.publishedAt.slice(0, 10), source: 'published' };
  const embedded = doc.embeds.map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
  const newest = embedded[embedded.length - 1];
  return newest ? { date: newest, source: 'embed' } : undefined;
}
