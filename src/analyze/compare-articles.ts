// Two articles side by side as aligned claims: stated by both (same), stated by both with a slot
// that disagrees (conflict), or by one only — plus how the two are related (copy, rewrite,
// independent). Pure; built on the story analysis of the pair.
import type { AnnotatedDocument, Conflict, Evidence, ProvenanceRelation } from '../types.ts';
import { type AnalyzeOptions, analyzeStory } from './index.ts';

export type AlignedKind = 'same' | 'conflict' | 'only-a' | 'only-b';

export interface AlignedClaim {
  kind: AlignedKind;
  /** The sentence in A (absent for only-b). */
  a?: Evidence;
  /** The sentence in B (absent for only-a). */
  b?: Evidence;
  conflict?: Conflict;
  /** Planned in one article, done in the other: a development, not a conflict. */
  development?: boolean;
}

export interface ArticleComparison {
  a: string;
  b: string;
  relation: ProvenanceRelation;
  /** Rows in A's order, then B's own claims in B's order. */
  rows: AlignedClaim[];
  counts: Record<AlignedKind, number>;
}

/** Compare two annotated articles claim by claim. */
export function compareArticles(a: AnnotatedDocument, b: AnnotatedDocument, options: Partial<AnalyzeOptions> = {}): ArticleComparison {
  const story = analyzeStory({ id: 'compare', title: '', documentIds: [a.doc.id, b.doc.id] }, [a, b], options);
  const rows: AlignedClaim[] = [];
  for (const group of story.claims) {
    const inA = group.evidence.find((e) => e.documentId === a.doc.id);
    const inB = group.evidence.find((e) => e.documentId === b.doc.id);
    if (inA && inB) rows.push({ kind: group.status === 'conflicting' ? 'conflict' : 'same', a: inA, b: inB, ...(group.conflict ? { conflict: group.conflict } : {}), ...(group.development ? { development: true } : {}) });
    else if (inA) rows.push({ kind: 'only-a', a: inA });
    else if (inB) rows.push({ kind: 'only-b', b: inB });
  }
  rows.sort((x, y) => (x.a ? 0 : 1) - (y.a ? 0 : 1) || (x.a?.start ?? 0) - (y.a?.start ?? 0) || (x.b?.start ?? 0) - (y.b?.start ?? 0));
  const edge = story.provenance.find((e) => [e.from, e.to].includes(a.doc.id) && [e.from, e.to].includes(b.doc.id));
  const counts: Record<AlignedKind, number> = { same: 0, conflict: 0, 'only-a': 0, 'only-b': 0 };
  for (const r of rows) counts[r.kind]++;
  return { a: a.doc.id, b: b.doc.id, relation: edge?.relation ?? 'independent', rows, counts };
}
