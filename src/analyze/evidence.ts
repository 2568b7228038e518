// Evidence records: which sentence of which document a finding rests on, with its offsets.
// Every claim, conflict, event and flag in a report is built from these.
import type { AnnotatedDocument, Evidence } from '../types.ts';

/** The evidence for sentence `index` of `doc`, or undefined when there is no such sentence. */
export function evidenceFor(doc: AnnotatedDocument, index: number): Evidence | undefined {
  const s = doc.sentences[index];
  if (!s) return undefined;
  return { documentId: doc.doc.id, sentence: s.text, sentenceIndex: s.index, start: s.start, end: s.end };
}

/** Evidence sorted by document id, then position; one record per sentence. */
export function sortEvidence(items: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return [...items]
    .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start)
    .filter((e) => {
      const key = `${e.documentId}:${e.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
