// A small, realistic Analysis built by hand for the renderer tests: four articles on a plant fire
// (a figure conflict, a rewrite, a stale republication, a single-source claim) and a one-article story.
// Test data only; it runs no analysis and every offset is computed from the texts below.
import type { Analysis, Document, DocumentSignals, Evidence } from '../types.ts';

const GAZETTE_SENTENCES = [
  'A fire at the Veldmark Chemicals plant in Brennock injured at least 12 workers on Tuesday evening.',
  'Fire Chief Daniel Okafor said about 40 firefighters fought the blaze for six hours.',
  'Around 300 residents near the Ostra River were evacuated.',
  '"We do not yet know what caused the fire," said plant director Katarzyna Nowak.',
];

const VALLEY_SENTENCES = [
  'At least 12 workers were hurt when fire swept through the Veldmark Chemicals plant in Brennock on Tuesday evening.',
  'About 40 firefighters battled the flames for six hours, according to Fire Chief Daniel Okafor.',
  'Some 300 people living by the Ostra River had to leave their homes.',
];

const COURIER_SENTENCES = [
  'Nine workers were injured in a fire at the Veldmark Chemicals plant in Brennock on Tuesday.',
  'An inspection report (ref. #VC-2025_17) had flagged a *faulty* pressure valve in Unit 4 last November.',
  'Around 300 residents were evacuated, plant director Katarzina Nowak said.',
  'Officials will lift the shelter-in-place order on Wednesday.',
];

const RIVER_POST_SENTENCES = [
  'Nine workers were injured in a fire at the Veldmark Chemicals plant in Brennock on Tuesday, March 10.',
  'Around 300 residents were evacuated, plant director Katarzina Nowak said.',
  'The shelter-in-place order was lifted on Wednesday.',
  'It is shameful that the company has said so little.',
];

const TRAM = 'Saltmere city council approved the eastern tram extension by 31 votes to 14 on Monday.';

const SENTENCES: Record<string, string[]> = {
  'brennock-gazette': GAZETTE_SENTENCES,
  'valley-news': VALLEY_SENTENCES,
  'county-courier': COURIER_SENTENCES,
  'river-post': RIVER_POST_SENTENCES,
  'saltmere-tram': [TRAM],
};

function doc(id: string, fields: Partial<Document>): Document {
  const text = SENTENCES[id]!.join(' ');
  return {
    id,
    contentHash: `${id.replace(/[^a-z]/g, '').slice(0, 8).padEnd(8, '0')}a1b2c3d4`,
    origin: `examples/${id}.txt`,
    text,
    paragraphs: [{ start: 0, end: text.length }],
    embeds: [],
    messages: [],
    ...fields,
  };
}

export const DOCUMENTS: Document[] = [
  doc('brennock-gazette', { title: 'Fire at Veldmark plant injures at least 12', outlet: 'Brennock Gazette', publishedAt: '2026-03-11', dateSource: 'date-line', language: 'en' }),
  doc('valley-news', { title: 'Twelve hurt in Brennock chemical fire', outlet: 'Valley News | Regional', publishedAt: '2026-03-11', dateSource: 'date-line', language: 'en' }),
  doc('county-courier', { title: 'Nine injured in Brennock plant fire', outlet: 'County Courier', publishedAt: '2026-03-11', dateSource: 'date-line', language: 'en' }),
  doc('river-post', { title: 'Brennock plant fire: nine injured', outlet: 'River Post', publishedAt: '2026-04-02', dateSource: 'date-line', language: 'en' }),
  doc('saltmere-tram', { title: 'Saltmere approves eastern tram line', publishedAt: '2026-02-17', dateSource: 'date-line', language: 'en' }),
];

const byId = new Map(DOCUMENTS.map((d) => [d.id, d]));

/** Evidence for the sentence at `sentenceIndex` of a document, with its offsets in the text. */
export function ev(documentId: string, sentenceIndex: number): Evidence {
  const sentences = SENTENCES[documentId]!;
  const sentence = sentences[sentenceIndex]!;
  const start = sentences.slice(0, sentenceIndex).reduce((n, x) => n + x.length + 1, 0);
  if (byId.get(documentId)!.text.slice(start, start + sentence.length) !== sentence) throw new Error(`fixture: bad offsets in ${documentId}`);
  return { documentId, sentence, sentenceIndex, start, end: start + sentence.length };
}

function signals(staleDays: number | null, editorializing: number, extra: Partial<DocumentSignals> = {}): DocumentSignals {
  return { staleDays, staleEvidence: [], editorializing, editorializingEvidence: [], unsupportedClaims: 0, completeness: 1, ...extra };
}

const injured = {
  g: ev('brennock-gazette', 0),
  v: ev('valley-news', 0),
  c: ev('county-courier', 0),
  r: ev('river-post', 0),
};
const evac = {
  g: ev('brennock-gazette', 2),
  v: ev('valley-news', 2),
  c: ev('county-courier', 2),
  r: ev('river-post', 1),
};
const valve = ev('county-courier', 1);
const shelterPlanned = ev('county-courier', 3);
const shelterDone = ev('river-post', 2);
const okafor = ev('brennock-gazette', 1);
const okaforV = ev('valley-news', 1);
const shameful = ev('river-post', 3);
const tram = ev('saltmere-tram', 0);

export const FIRE_STORY = 'story-1';

/** The analysis a run over the five articles above could give. */
export function fixtureAnalysis(): Analysis {
  const fireDocs = ['brennock-gazette', 'valley-news', 'county-courier', 'river-post'];
  return {
    documents: DOCUMENTS.map((d) => ({ ...d })),
    annotated: [],
    stories: [
      {
        story: { id: FIRE_STORY, title: 'Fire at Veldmark Chemicals plant in Brennock', documentIds: fireDocs, timeSpan: { start: '2026-03-11', end: '2026-04-02' } },
        entities: [
          { id: 'e1', name: 'Daniel Okafor', type: 'person', aliases: ['Okafor'], titles: ['Fire Chief'], documentIds: ['brennock-gazette', 'valley-news'], mentionCount: 2, evidence: [okafor] },
          { id: 'e2', name: 'Katarzyna Nowak', type: 'person', aliases: ['Katarzina Nowak'], titles: ['plant director'], documentIds: ['brennock-gazette', 'county-courier', 'river-post'], mentionCount: 3, evidence: [] },
          { id: 'e3', name: 'Veldmark Chemicals', type: 'organization', aliases: [], titles: [], documentIds: fireDocs, mentionCount: 4, evidence: [] },
          { id: 'e4', name: 'Brennock', type: 'place', aliases: [], titles: [], documentIds: fireDocs, mentionCount: 4, evidence: [] },
          { id: 'e5', name: 'Ostra River', type: 'place', aliases: [], titles: [], documentIds: ['brennock-gazette', 'valley-news'], mentionCount: 2, evidence: [] },
        ],
        claims: [
          {
            id: 'g2',
            text: 'A fire at the Veldmark Chemicals plant in Brennock injured at least 12 workers on Tuesday evening.',
            status: 'conflicting',
            independentSources: 2,
            documentIds: fireDocs,
            evidence: [injured.g, injured.v, injured.c, injured.r],
            conflict: {
              slot: 'number of worker',
              values: [
                { value: 'at least 12', documentIds: ['brennock-gazette', 'valley-news'], evidence: [injured.g, injured.v] },
                { value: '9', documentIds: ['county-courier', 'river-post'], evidence: [injured.c, injured.r] },
              ],
            },
            claims: [
              claim('g2a', injured.g, [{ value: 12, qualifier: 'at least', counted: 'worker', text: 'at least 12 workers' }]),
              claim('g2b', injured.v, [{ value: 12, qualifier: 'at least', counted: 'worker', text: 'At least 12 workers' }]),
              claim('g2c', injured.c, [{ value: 9, qualifier: 'exact', counted: 'worker', text: 'Nine workers' }]),
              claim('g2d', injured.r, [{ value: 9, qualifier: 'exact', counted: 'worker', text: 'Nine workers' }]),
            ],
          },
          {
            id: 'g3',
            text: valve.sentence,
            status: 'single-source',
            independentSources: 1,
            documentIds: ['county-courier'],
            evidence: [valve],
            claims: [],
          },
          {
            id: 'g4',
            text: evac.g.sentence,
            status: 'corroborated',
            independentSources: 2,
            documentIds: fireDocs,
            evidence: [evac.g, evac.v, evac.c, evac.r],
            claims: [claim('g4a', evac.g, [{ value: 300, qualifier: 'about', counted: 'resident', text: 'Around 300 residents' }])],
          },
          {
            id: 'g5',
            text: shelterDone.sentence,
            status: 'single-source',
            independentSources: 1,
            documentIds: ['county-courier', 'river-post'],
            evidence: [shelterPlanned, shelterDone],
            development: { from: 'planned', to: 'happened' },
            claims: [],
          },
          {
            id: 'g6',
            text: okafor.sentence,
            status: 'single-source',
            independentSources: 1,
            documentIds: ['brennock-gazette', 'valley-news'],
            evidence: [okafor, okaforV],
            claims: [claim('g6a', okafor, [{ value: 40, qualifier: 'about', counted: 'firefighter', text: 'about 40 firefighters' }])],
          },
        ],
        events: [
          { actor: 'Daniel Okafor', action: 'statement', modality: 'happened', date: '2026-03-10', place: 'Brennock', documentIds: ['brennock-gazette', 'valley-news'], evidence: [okafor, okaforV] },
          { actor: 'Veldmark Chemicals', action: 'aid', target: 'Brennock', modality: 'happened', date: '2026-03-10', documentIds: fireDocs, evidence: [evac.g] },
        ],
        provenance: [
          { from: 'brennock-gazette', to: 'valley-news', relation: 'rewrite', similarity: 0.71234, sharedPassages: [{ fromStart: injured.g.start, fromEnd: injured.g.end, toStart: injured.v.start, toEnd: injured.v.end, similarity: 0.68 }] },
          { from: 'county-courier', to: 'river-post', relation: 'copy', similarity: 0.9, sharedPassages: [{ fromStart: evac.c.start, fromEnd: evac.c.end, toStart: evac.r.start, toEnd: evac.r.end, similarity: 1 }] },
          { from: 'brennock-gazette', to: 'county-courier', relation: 'independent', similarity: 0.21, sharedPassages: [] },
        ],
        lineages: [
          { id: 'L1', documentIds: ['brennock-gazette', 'valley-news'], earliest: 'brennock-gazette', mostComplete: 'brennock-gazette' },
          { id: 'L2', documentIds: ['county-courier', 'river-post'], earliest: 'county-courier', mostComplete: 'county-courier' },
        ],
        timeline: [
          { date: '2026-03-10', text: injured.g.sentence, documentIds: fireDocs, evidence: [injured.g, injured.c] },
          { date: '2026-03-11', text: shelterDone.sentence, documentIds: ['county-courier', 'river-post'], evidence: [shelterPlanned, shelterDone] },
        ],
        summary: [
          { text: evac.g.sentence, kind: 'corroborated', documentIds: fireDocs, evidence: [evac.g, evac.c] },
          { text: 'Sources disagree on the number of workers injured: at least 12 or 9.', kind: 'disputed', documentIds: fireDocs, evidence: [injured.g, injured.c] },
          { text: valve.sentence, kind: 'single-source', documentIds: ['county-courier'], evidence: [valve] },
        ],
        signals: {
          'brennock-gazette': signals(1, 0, { narratedDate: '2026-03-10', completeness: 1 }),
          'valley-news': signals(1, 0, { narratedDate: '2026-03-10', completeness: 0.5 }),
          'county-courier': signals(1, 0, { narratedDate: '2026-03-10', unsupportedClaims: 1, completeness: 0.5 }),
          'river-post': signals(23, 0.25, { narratedDate: '2026-03-10', staleEvidence: [injured.r], editorializingEvidence: [shameful], completeness: 0.5 }),
        },
      },
      {
        story: { id: 'story-2', title: 'Saltmere approves eastern tram line', documentIds: ['saltmere-tram'], timeSpan: { start: '2026-02-17', end: '2026-02-17' } },
        entities: [{ id: 'e6', name: 'Saltmere', type: 'place', aliases: [], titles: [], documentIds: ['saltmere-tram'], mentionCount: 1, evidence: [tram] }],
        claims: [{ id: 'g7', text: TRAM, status: 'single-source', independentSources: 1, documentIds: ['saltmere-tram'], evidence: [tram], claims: [] }],
        events: [],
        provenance: [],
        lineages: [],
        timeline: [],
        summary: [],
        signals: { 'saltmere-tram': signals(null, 0) },
      },
    ],
    errors: [{ origin: 'examples/broken.json', code: 'INPUT_JSON_INVALID', message: 'examples/broken.json: is not valid JSON (ends at line 3)' }],
    duplicates: [{ id: 'gazette-copy', origin: 'examples/gazette-copy.txt', duplicateOf: 'brennock-gazette' }],
  };
}

function claim(id: string, e: Evidence, quantities: Analysis['stories'][number]['claims'][number]['claims'][number]['quantities']) {
  return {
    id,
    documentId: e.documentId,
    sentenceIndex: e.sentenceIndex,
    text: e.sentence,
    evidence: e,
    quantities,
    dates: [],
    timeRefs: [],
    modality: 'happened' as const,
    negated: false,
    opinion: false,
    entityIds: [],
    lemmas: [],
  };
}
