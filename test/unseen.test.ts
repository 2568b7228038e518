// The analysis on stories it was not built on: ECB+ news stories (../shared/data/stories) with one
// figure changed, or one article duplicated with light edits. The stories are picked by rule (the
// first gold event with enough articles and a shared figure), never by id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { annotateDocument } from '../src/annotate/index.ts';
import { analyzeStory } from '../src/analyze/index.ts';
import { buildDocument } from '../src/extract/document.ts';
import type { AnnotatedDocument, Document, StoryAnalysis } from '../src/types.ts';
import { sharedPath, skipUnlessShared } from './shared-data.ts';

const skip = skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl');

function events(): Document[][] {
  const gold = JSON.parse(readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.gold.json'), 'utf8')) as Record<string, string>;
  const byEvent = new Map<string, Document[]>();
  for (const line of readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { id: string; text: string };
    const doc = buildDocument({ origin: rec.id, name: rec.id, bytes: new Uint8Array() }, rec.text.replace(/\n/g, '\n\n'));
    const event = gold[rec.id]!;
    byEvent.set(event, [...(byEvent.get(event) ?? []), doc]);
  }
  return [...byEvent.values()].filter((docs) => docs.length >= 4 && docs.length <= 12);
}

function analyze(docs: Document[]): { story: StoryAnalysis; annotated: AnnotatedDocument[] } {
  const annotated = docs.map((d) => annotateDocument(d));
  const story = analyzeStory({ id: 's', title: 't', documentIds: docs.map((d) => d.id) }, annotated);
  return { story, annotated };
}

test('changing a figure that two articles agree on makes a conflict that names both values and their articles', { skip }, () => {
  let tried = 0;
  for (const docs of events()) {
    const { annotated } = analyze(docs);
    // A counted figure (not a year or a day) given by two articles.
    const figures = annotated.flatMap((a) => a.numbers.filter((n) => n.counted && n.value >= 5 && n.value < 1e6 && Number.isInteger(n.value) && /^\d[\d,]*$/.test(n.text)).map((n) => ({ a, n })));
    const shared = figures.find((f) => figures.some((g) => g.a !== f.a && g.n.value === f.n.value && g.n.counted === f.n.counted));
    if (!shared) continue;
    tried++;
    const changedValue = Math.round(shared.n.value * 1.4);
    const target = shared.a.doc;
    const edited = buildDocument({ origin: target.origin, name: target.id, bytes: new Uint8Array() }, target.text.slice(0, shared.n.start) + String(changedValue) + target.text.slice(shared.n.end));
    const before = analyze(docs).story;
    const after = analyze(docs.map((d) => (d.id === target.id ? edited : d))).story;
    const conflicts = after.claims.filter((c) => c.status === 'conflicting' && c.conflict!.values.some((v) => v.value.replace(/\D/g, '') === String(changedValue)));
    assert.equal(conflicts.length, 1, `a conflict with ${changedValue} (was ${shared.n.value}) in ${target.id}`);
    const values = conflicts[0]!.conflict!.values;
    assert.ok(values.find((v) => v.value.replace(/\D/g, '') === String(changedValue))!.documentIds.includes(target.id), 'the changed article gives the new value');
    assert.ok(values.some((v) => v.value.replace(/\D/g, '') === String(shared.n.value) && v.documentIds.some((d) => d !== target.id)), 'another article gives the old value');
    const hasValue = (story: StoryAnalysis, value: number): boolean => story.claims.some((c) => c.status === 'conflicting' && c.conflict!.values.some((v) => v.value.replace(/\D/g, '') === String(value)));
    assert.equal(hasValue(before, changedValue), false, 'no such conflict before the change');
    return;
  }
  assert.fail(`no ECB+ event with a shared figure among ${tried} tried`);
});

test('an article duplicated with light edits joins its original’s lineage and adds no independent source', { skip }, () => {
  const docs = events()[0]!;
  const original = docs[0]!;
  const sentences = original.text.split(/(?<=[.!?])\s+/);
  const light = sentences
    .filter((_, i) => i !== 1)
    .map((s) => s.replace(/\bsaid\b/g, 'stated').replace(/\bon\b/g, 'upon'))
    .join(' ');
  const copy = buildDocument({ origin: 'copy', name: `${original.id}-copy`, bytes: new Uint8Array() }, light);
  const before = analyze(docs).story;
  const after = analyze([...docs, copy]).story;
  const edge = after.provenance.find((e) => [e.from, e.to].includes(copy.id) && [e.from, e.to].includes(original.id));
  assert.ok(edge && edge.relation !== 'independent', `copy ↔ original is ${edge?.relation ?? 'not compared'}`);
  const lineage = after.lineages.find((l) => l.documentIds.includes(original.id))!;
  assert.ok(lineage.documentIds.includes(copy.id));
  assert.equal(after.lineages.length, before.lineages.length);
  const maxBefore = Math.max(...before.claims.map((c) => c.independentSources));
  const maxAfter = Math.max(...after.claims.map((c) => c.independentSources));
  assert.ok(maxAfter <= maxBefore, `the copy raised the most independent sources of a claim from ${maxBefore} to ${maxAfter}`);
  for (const claim of after.claims.filter((c) => c.documentIds.includes(copy.id))) {
    assert.ok(claim.documentIds.includes(original.id) || claim.independentSources === 1, `"${claim.text}" counts the copy as its own source`);
  }
});
