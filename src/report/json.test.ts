import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENTS, fixtureAnalysis } from './fixture.test-data.ts';
import { renderJson, reportV1Schema, toReportV1 } from './json.ts';

const json = renderJson(fixtureAnalysis());
const report = JSON.parse(json);

test('validates against the version 1 schema', () => {
  const parsed = reportV1Schema.safeParse(report);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  assert.equal(report.version, 1);
});

test('puts each document with the signals of its story', () => {
  assert.deepEqual(report.documents.map((d: { id: string }) => d.id), DOCUMENTS.map((d) => d.id));
  const river = report.documents.find((d: { id: string }) => d.id === 'river-post');
  assert.equal(river.storyId, 'story-1');
  assert.equal(river.publishedAt, '2026-04-02');
  assert.equal(river.dateSource, 'date-line');
  assert.equal(river.signals.staleDays, 23);
  assert.equal(river.signals.narratedDate, '2026-03-10');
  assert.equal(river.signals.editorializing, 0.25);
  assert.equal(river.signals.editorializingSentences[0].sentence, 'It is shameful that the company has said so little.');
  const tram = report.documents.find((d: { id: string }) => d.id === 'saltmere-tram');
  assert.equal(tram.storyId, 'story-2');
  assert.equal(tram.signals.staleDays, null);
  assert.equal(tram.outlet, null);
});

test('gives the conflict each value with its documents and evidence offsets into the text', () => {
  const claim = report.stories[0].claims.find((c: { status: string }) => c.status === 'conflicting');
  assert.equal(claim.conflict.slot, 'number of worker');
  assert.deepEqual(
    claim.conflict.values.map((v: { value: string; documentIds: string[] }) => [v.value, v.documentIds]),
    [['at least 12', ['brennock-gazette', 'valley-news']], ['9', ['county-courier', 'river-post']]],
  );
  for (const v of claim.conflict.values) {
    for (const e of v.evidence) {
      const text = DOCUMENTS.find((d) => d.id === e.documentId)!.text;
      assert.equal(text.slice(e.start, e.end), e.sentence);
    }
  }
  assert.equal(claim.independentSources, 2);
});

test('keeps the claim fields in contract order and omits conflict and development when absent', () => {
  const claims = report.stories[0].claims;
  assert.deepEqual(Object.keys(claims[0]), ['id', 'text', 'status', 'independentSources', 'documentIds', 'evidence', 'conflict']);
  const single = claims.find((c: { id: string }) => c.id === 'g3');
  assert.deepEqual(Object.keys(single), ['id', 'text', 'status', 'independentSources', 'documentIds', 'evidence']);
  assert.deepEqual(claims.find((c: { id: string }) => c.id === 'g5').development, { from: 'planned', to: 'happened' });
  assert.deepEqual(Object.keys(single.evidence[0]), ['documentId', 'sentence', 'start', 'end', 'sentenceIndex']);
});

test('reports entities, provenance, lineages, events, timeline and summary of a story', () => {
  const s = report.stories[0];
  assert.deepEqual(Object.keys(s), ['id', 'title', 'documentIds', 'timeSpan', 'entities', 'claims', 'events', 'provenance', 'lineages', 'timeline', 'summary']);
  const nowak = s.entities.find((e: { name: string }) => e.name === 'Katarzyna Nowak');
  assert.deepEqual(nowak.aliases, ['Katarzina Nowak']);
  assert.equal('evidence' in nowak, false);
  assert.deepEqual(s.provenance[0], {
    from: 'brennock-gazette',
    to: 'valley-news',
    relation: 'rewrite',
    similarity: 0.712,
    sharedPassages: [{ fromStart: 0, fromEnd: 98, toStart: 0, toEnd: 114, similarity: 0.68 }],
  });
  assert.deepEqual(s.lineages[1], { id: 'L2', documentIds: ['county-courier', 'river-post'], earliest: 'county-courier', mostComplete: 'county-courier' });
  assert.equal(s.events[0].target, null);
  assert.equal(s.events[1].target, 'Brennock');
  assert.equal(s.timeline[0].date, '2026-03-10');
  assert.equal(s.summary[1].kind, 'disputed');
});

test('lists errors with their code and the dropped duplicates', () => {
  assert.deepEqual(report.errors, [{ origin: 'examples/broken.json', code: 'INPUT_JSON_INVALID', message: 'examples/broken.json: is not valid JSON (ends at line 3)' }]);
  assert.deepEqual(report.duplicates, [{ id: 'gazette-copy', origin: 'examples/gazette-copy.txt', duplicateOf: 'brennock-gazette' }]);
});

test('gives the same bytes when rendered twice, indented, with a final newline', () => {
  assert.equal(renderJson(fixtureAnalysis()), json);
  assert.ok(json.startsWith('{\n  "version": 1,\n  "documents": ['));
  assert.ok(json.endsWith('}\n'));
});

test('does not share arrays with the analysis it came from', () => {
  const analysis = fixtureAnalysis();
  const r = toReportV1(analysis);
  r.stories[0]!.documentIds.push('x');
  assert.equal(analysis.stories[0]!.story.documentIds.length, 4);
});
