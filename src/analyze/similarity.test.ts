import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../annotate/nlp.ts';
import { bagKeys, bagSimilarity, compareSentences, countsSameThing, idfFromCounts, quantitiesAgree, readSlots, sentenceBag, termKeys, type SlotQuantity } from './similarity.ts';

const s = (text: string) => ({ tokens: tokenize(text) });
const compare = (a: string, b: string) => compareSentences(s(a), s(b));
const figure = (value: number, qualifier: SlotQuantity['qualifier']): SlotQuantity => ({ value, qualifier, text: String(value), start: 0, end: 0, counted: 'life' });

test('calls a paraphrase through synonyms and derived forms the same statement', () => {
  const r = compare('The catastrophe forced thousands to evacuate.', 'The disaster forced the evacuation of thousands.');
  assert.equal(r.same, true);
  assert.equal(r.conflict, false);
  assert.deepEqual(r.reasons.filter((x) => x.kind === 'concept').map((x) => `${x.a}~${x.b}`), ['catastrophe~disaster', 'evacuate~evacuation']);
});

test('matches spelling variants of a name', () => {
  const r = compare('Mahmud Abbas met Putin in Moscow.', 'Mahmoud Abbas met Putin in Moscow.');
  assert.equal(r.same, true);
  assert.deepEqual(r.reasons.filter((x) => x.kind === 'spelling').map((x) => `${x.a}~${x.b}`), ['Mahmud~Mahmoud']);
});

test('matches a demonym with its country and a short name with the full one', () => {
  const r = compare('Israeli troops entered Gaza.', 'Troops from Israel entered the Gaza Strip.');
  assert.equal(r.same, true);
  assert.deepEqual(r.reasons.filter((x) => x.kind === 'concept').map((x) => `${x.a}~${x.b}`), ['Israeli~Israel']);
});

test('scores unrelated sentences zero', () => {
  assert.deepEqual(compare('Stocks fell sharply in Tokyo.', 'The president declared war on Monday.'), { score: 0, same: false, conflict: false, slotScore: 0, reasons: [] });
});

test('judges a sentence with no content words as matching nothing, itself included', () => {
  assert.deepEqual(compare('It was.', 'It was.'), { score: 0, same: false, conflict: false, slotScore: 0, reasons: [] });
  assert.equal(compareSentences({ tokens: [] }, s('Putin spoke.')).score, 0);
});

test('reads figures with their qualifier and what they count', () => {
  const slots = readSlots(tokenize('Over 1,300 Israeli lives were lost and nearly 2.5 million people fled on October 7, 2023.'));
  assert.deepEqual(slots.quantities.map((q) => [q.value, q.qualifier, q.counted]), [[1300, 'over', 'life'], [2500000, 'nearly', 'people']]);
  assert.deepEqual(slots.dates.map((d) => `${d.kind}:${d.value}`), ['month-day:10-7', 'year:2023']);
});

test('reads "more than", "at least" and "up to" as qualifiers, and percentages as a unit', () => {
  const slots = readSlots(tokenize('More than 200 hostages, at least 40 children and up to 30 percent of homes.'));
  assert.deepEqual(slots.quantities.map((q) => [q.value, q.qualifier, q.unit ?? q.counted]), [[200, 'over', 'hostage'], [40, 'at least', 'child'], [30, 'up to', 'percent']]);
});

test('finds a conflict between "over 1,300 lives" and "over 1,400 lives"', () => {
  const r = compare('Hamas attacks claimed over 1,300 Israeli lives.', 'Hamas attacks claimed over 1,400 Israeli lives.');
  assert.equal(r.conflict, true);
  assert.equal(r.same, false);
  assert.deepEqual(r.reasons[0], { kind: 'figure-conflict', a: 'over 1,300', b: 'over 1,400', slot: 'count of life', spans: { a: { start: 22, end: 32 }, b: { start: 22, end: 32 } } });
});

test('sees no conflict between "at least 2,750" and "2,750"', () => {
  const r = compare('At least 2,750 people were killed in Gaza.', '2,750 people were killed in Gaza.');
  assert.equal(r.conflict, false);
  assert.equal(r.same, true);
});

test('judges qualified figures by the ranges they allow', () => {
  assert.equal(quantitiesAgree(figure(1300, 'over'), figure(1400, 'over')), false);
  assert.equal(quantitiesAgree(figure(2750, 'at least'), figure(2750, 'exact')), true);
  assert.equal(quantitiesAgree(figure(1300, 'over'), figure(1400, 'exact')), true);
  assert.equal(quantitiesAgree(figure(1300, 'exact'), figure(1400, 'exact')), false);
  assert.equal(quantitiesAgree(figure(1000, 'about'), figure(1050, 'exact')), true);
  assert.equal(quantitiesAgree(figure(1000, 'nearly'), figure(1050, 'exact')), false);
  assert.equal(quantitiesAgree(figure(100, 'under'), figure(150, 'exact')), false);
});

test('does not compare figures that count different things', () => {
  const r = compare('Israel said 1,300 people were killed.', 'Israel said 200 hostages were taken.');
  assert.equal(r.reasons.some((x) => x.kind === 'figure-conflict'), false);
});

test('counts lives, people and individuals as the same thing, soldiers and civilians not', () => {
  assert.equal(countsSameThing('life', 'individual'), true);
  assert.equal(countsSameThing('people', 'life'), true);
  assert.equal(countsSameThing('soldier', 'civilian'), false);
  const r = compare('The attacks killed over 1,300 Israeli lives.', 'The attacks killed over 1,400 individuals.');
  assert.deepEqual(r.reasons[0], { kind: 'figure-conflict', a: 'over 1,300', b: 'over 1,400', slot: 'count of life', spans: { a: { start: 19, end: 29 }, b: { start: 19, end: 29 } } });
});

test('finds a conflict between "did" and "did not"', () => {
  const r = compare('The minister visited the hospital on Monday.', 'The minister did not visit the hospital on Monday.');
  assert.equal(r.conflict, true);
  assert.deepEqual(r.reasons[0], { kind: 'polarity-conflict', a: 'visited', b: 'not visit', slot: 'polarity', spans: { a: { start: 13, end: 20 }, b: { start: 21, end: 26 } } });
});

test('takes "failed to" as a denial and "not injured" / "unharmed" as no contradiction', () => {
  assert.equal(compare('Police failed to address the scandal.', 'Police addressed the scandal.').conflict, true);
  assert.equal(compare('The other 18 people escaped unharmed.', 'The other 18 people were not injured.').conflict, false);
  assert.equal(compare('He did not visit Gaza.', 'He never visited Gaza.').conflict, false);
  assert.equal(compare('Not only did he visit Gaza, he stayed.', 'He visited Gaza and stayed.').conflict, false);
});

test('finds a conflict between two dates of the same event', () => {
  const r = compare('Putin spoke with Netanyahu on October 16.', 'Putin spoke with Netanyahu on October 17.');
  assert.equal(r.conflict, true);
  assert.deepEqual(r.reasons[0], { kind: 'date-conflict', a: 'October 16', b: 'October 17', slot: 'date', spans: { a: { start: 30, end: 40 }, b: { start: 30, end: 40 } } });
  assert.equal(compare('Putin called Abbas on Monday.', 'Putin called Abbas on Tuesday.').conflict, true);
});

test('joins hyphenated words and WordNet compounds', () => {
  assert.equal(compare('The cease-fire held overnight.', 'The ceasefire held overnight.').score, 1);
  assert.equal(compare('The prime minister resigned.', 'The premier resigned.').same, true);
});

test('weights terms by the IDF the caller supplies', () => {
  const sentences = ['The army said the strike hit Gaza.', 'The army said troops moved.', 'The army said the strike hit Rafah.'];
  const df = new Map<string, number>();
  for (const text of sentences) for (const k of termKeys(s(text))) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = idfFromCounts(df, sentences.length);
  assert.equal(idf.get('army'), 1);
  assert.equal(idf.get('gaza'), Math.log(4 / 2) + 1);
  const score = (o: { idf: Map<string, number>; idfUnseen?: number }): number =>
    bagSimilarity(sentenceBag(s(sentences[0]!), o), sentenceBag(s(sentences[2]!), o), o).score;
  const flat = score({ idf: new Map(), idfUnseen: 1 });
  const weighted = score({ idf });
  assert.ok(weighted < flat, `the differing rare names weigh more with IDF (${weighted} < ${flat})`);
});

test('lists lemma and concept keys of a bag for candidate blocking', () => {
  const keys = bagKeys(sentenceBag(s('The disaster hit 20 towns.')));
  assert.ok(keys.includes('disaster') && keys.includes('n07329438') && keys.includes('#20'));
});
