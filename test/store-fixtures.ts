// Small, realistic Documents and a StoryAnalysis built by hand for store, server and page tests,
// so those tests do not depend on the analysis pipeline. Evidence offsets are computed, not typed.
import { createHash } from 'node:crypto';
import type { ClaimGroup, Document, DocumentSignals, Evidence, StoryAnalysis } from '../src/types.ts';

export const HOSTILE = 'Officials said <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> nothing more.';

const TEXTS: Record<string, { title: string; outlet: string; publishedAt: string; text: string }> = {
  'wire-a': {
    title: 'Putin calls Middle East leaders',
    outlet: 'Wire A',
    publishedAt: '2023-10-17',
    text:
      'Russian President Vladimir Putin spoke by phone with Israeli Prime Minister Benjamin Netanyahu on Monday.\n\n' +
      'Putin offered condolences for the loss of over 1,300 Israeli lives in the attack.\n\n' +
      'He also spoke with Palestinian President Mahmoud Abbas.',
  },
  'rewrite-b': {
    title: 'Kremlin: Putin phoned Netanyahu',
    outlet: 'Daily B',
    publishedAt: '2023-11-05',
    text:
      'Vladimir Putin held a telephone conversation with Benjamin Netanyahu, the Kremlin said.\n\n' +
      'Putin expressed condolences over the tragic loss of over 1,400 lives.\n\n' +
      'Clearly, this demonstrates Moscow’s growing ambitions. ' + HOSTILE,
  },
  'other-c': {
    title: 'Putin speaks with Abbas',
    outlet: 'Agency C',
    publishedAt: '2023-10-16',
    text: 'Putin spoke with Mahmud Abbas about humanitarian aid to Gaza.\n\nThe Great Satan was mentioned by Raisi.',
  },
};

export function hashText(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').trim()).digest('hex').slice(0, 16);
}

/** A Document as extraction would make it. */
export function makeDocument(id: string, overrides: Partial<Document> = {}): Document {
  const base = TEXTS[id] ?? { title: `Article ${id}`, outlet: 'Outlet', publishedAt: '2023-10-20', text: `Text of article ${id} about Putin and Gaza.` };
  const text = overrides.text ?? base.text;
  let offset = 0;
  const paragraphs = text.split('\n\n').map((p) => {
    const span = { start: offset, end: offset + p.length };
    offset += p.length + 2;
    return span;
  });
  return {
    id,
    contentHash: hashText(text),
    origin: `seeds/${id}.txt`,
    outlet: base.outlet,
    title: base.title,
    text,
    paragraphs,
    publishedAt: base.publishedAt,
    dateSource: 'date-line',
    language: 'en',
    embeds: [],
    messages: [],
    ...overrides,
  };
}

/** Evidence for the sentence of `doc` that contains `needle`. */
export function evidenceOf(doc: Document, needle: string): Evidence {
  const at = doc.text.indexOf(needle);
  if (at < 0) throw new Error(`fixture: "${needle}" not in ${doc.id}`);
  let start = 0;
  let sentenceIndex = 0;
  const boundary = /[.!?]\s+|\n\n/g;
  for (let m = boundary.exec(doc.text); m && m.index + m[0].length <= at; m = boundary.exec(doc.text)) {
    start = m.index + m[0].length;
    sentenceIndex++;
  }
  const endDot = doc.text.slice(at).search(/[.!?](\s|$)/);
  const end = endDot < 0 ? doc.text.length : at + endDot + 1;
  return { documentId: doc.id, sentence: doc.text.slice(start, end), sentenceIndex, start, end };
}

function group(id: string, text: string, status: ClaimGroup['status'], evidence: Evidence[], extra: Partial<ClaimGroup> = {}): ClaimGroup {
  const documentIds = [...new Set(evidence.map((e) => e.documentId))];
  return { id, text, status, independentSources: status === 'single-source' ? 1 : 2, documentIds, evidence, claims: [], ...extra };
}

function signals(staleDays: number | null, editorializing: number, evidence: Evidence[] = []): DocumentSignals {
  return { staleDays, staleEvidence: [], editorializing, editorializingEvidence: evidence, unsupportedClaims: 0, completeness: 0.5 };
}

/** Three articles as one story: two lineages, one death-toll conflict, one single-source claim. */
export function makeStory(storyId = 'story-putin-calls'): { documents: Document[]; analysis: StoryAnalysis } {
  const [a, b, c] = ['wire-a', 'rewrite-b', 'other-c'].map((id) => makeDocument(id)) as [Document, Document, Document];
  const tollA = evidenceOf(a, 'over 1,300 Israeli lives');
  const tollB = evidenceOf(b, 'over 1,400 lives');
  const callA = evidenceOf(a, 'spoke by phone with Israeli Prime Minister');
  const callB = evidenceOf(b, 'telephone conversation with Benjamin Netanyahu');
  const abbasA = evidenceOf(a, 'Palestinian President Mahmoud Abbas');
  const abbasC = evidenceOf(c, 'Putin spoke with Mahmud Abbas');
  const satan = evidenceOf(c, 'Great Satan');
  const opinion = evidenceOf(b, 'Clearly, this demonstrates');
  const claims: ClaimGroup[] = [
    group('claim-toll', 'Putin offered condolences for the loss of over 1,300 Israeli lives in the attack.', 'conflicting', [tollA, tollB], {
      independentSources: 1,
      conflict: { slot: 'count of life', values: [
        { value: 'over 1,300', documentIds: ['wire-a'], evidence: [tollA] },
        { value: 'over 1,400', documentIds: ['rewrite-b'], evidence: [tollB] },
      ] },
    }),
    group('claim-call', 'Putin spoke by phone with Netanyahu.', 'corroborated', [callA, callB], { independentSources: 1 }),
    group('claim-abbas', 'Putin spoke with Mahmoud Abbas.', 'corroborated', [abbasA, abbasC]),
    group('claim-satan', 'The Great Satan was mentioned by Raisi.', 'single-source', [satan]),
  ];
  const analysis: StoryAnalysis = {
    story: { id: storyId, title: 'Putin calls Middle East leaders', documentIds: ['other-c', 'wire-a', 'rewrite-b'], timeSpan: { start: '2023-10-16', end: '2023-11-05' } },
    entities: [
      { id: 'e-putin', name: 'Vladimir Putin', type: 'person', aliases: ['Putin'], titles: ['Russian President'], documentIds: ['wire-a', 'rewrite-b', 'other-c'], mentionCount: 6, evidence: [callA] },
      { id: 'e-abbas', name: 'Mahmoud Abbas', type: 'person', aliases: ['Mahmud Abbas'], titles: ['Palestinian President'], documentIds: ['wire-a', 'other-c'], mentionCount: 2, evidence: [abbasA] },
      { id: 'e-netanyahu', name: 'Benjamin Netanyahu', type: 'person', aliases: [], titles: ['Israeli Prime Minister'], documentIds: ['wire-a', 'rewrite-b'], mentionCount: 2, evidence: [callA] },
    ],
    claims,
    events: [
      { actor: 'Vladimir Putin', action: 'phone call', target: 'Benjamin Netanyahu', date: '2023-10-16', modality: 'happened', documentIds: ['wire-a', 'rewrite-b'], evidence: [callA, callB] },
      { actor: 'Vladimir Putin', action: 'phone call', target: 'Mahmoud Abbas', date: '2023-10-16', modality: 'happened', documentIds: ['wire-a', 'other-c'], evidence: [abbasA, abbasC] },
    ],
    provenance: [
      { from: 'wire-a', to: 'rewrite-b', relation: 'rewrite', similarity: 0.62, sharedPassages: [{ fromStart: tollA.start, fromEnd: tollA.end, toStart: tollB.start, toEnd: tollB.end, similarity: 0.7 }] },
      { from: 'wire-a', to: 'other-c', relation: 'independent', similarity: 0.1, sharedPassages: [] },
    ],
    lineages: [
      { id: 'lineage-1', documentIds: ['wire-a', 'rewrite-b'], earliest: 'wire-a', mostComplete: 'wire-a' },
      { id: 'lineage-2', documentIds: ['other-c'], earliest: 'other-c', mostComplete: 'other-c' },
    ],
    timeline: [{ date: '2023-10-16', text: 'Putin phoned Netanyahu and Abbas.', documentIds: ['wire-a', 'other-c'], evidence: [callA, abbasC] }],
    summary: [
      { text: 'Putin spoke with Mahmoud Abbas.', kind: 'corroborated', documentIds: ['wire-a', 'other-c'], evidence: [abbasA, abbasC] },
      { text: 'The Israeli death toll is given as over 1,300 and over 1,400.', kind: 'disputed', documentIds: ['wire-a', 'rewrite-b'], evidence: [tollA, tollB] },
    ],
    signals: { 'wire-a': signals(1, 0), 'rewrite-b': signals(20, 0.25, [opinion]), 'other-c': signals(0, 0) },
  };
  return { documents: [c, a, b], analysis };
}
