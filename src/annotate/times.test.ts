import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitSentences } from './nlp.ts';
import { findTimes } from './times.ts';
import type { TimeMention } from '../types.ts';
import { sharedPath, skipUnlessShared } from '../../test/shared-data.ts';

function times(text: string, publishedAt?: string): TimeMention[] {
  const found = findTimes(splitSentences(text), publishedAt);
  for (const t of found) assert.equal(text.slice(t.start, t.end), t.text, 'offsets point at the expression');
  return found;
}

function dates(text: string, publishedAt?: string): [string, string | undefined][] {
  return times(text, publishedAt).map((t) => [t.text, t.date]);
}

// 2023-10-18 is a Wednesday.
const WEDNESDAY = '2023-10-18';

test('a weekday in a past-tense sentence resolves backwards', () => {
  const [t] = times('Putin spoke with Netanyahu on Monday.', WEDNESDAY);
  assert.deepEqual(t, { start: 30, end: 36, text: 'Monday', sentence: 0, kind: 'date', relative: true, precision: 'day', date: '2023-10-16' });
});

test('a weekday after the publication weekday still resolves backwards in narration', () => {
  assert.deepEqual(dates('The ministry said on Friday that the border was closed.', WEDNESDAY), [['Friday', '2023-10-13']]);
});

test('a weekday in a planned or future clause resolves forwards', () => {
  assert.deepEqual(dates('Ushakov said that talks are set to take place on Monday.', WEDNESDAY), [['Monday', '2023-10-23']]);
  assert.deepEqual(dates('The envoy will arrive on Friday.', WEDNESDAY), [['Friday', '2023-10-20']]);
  assert.deepEqual(dates('On Monday, Putin plans to travel to Beijing.', WEDNESDAY), [['Monday', '2023-10-23']]);
});

test('the verb nearest before the date decides, not a modal elsewhere in the clause', () => {
  assert.deepEqual(dates('Her family will attend church in a school after a fire ripped through it on Friday evening.', WEDNESDAY), [['Friday evening', '2023-10-13']]);
  assert.deepEqual(dates('In a Monday morning interview, the nun pointed out that she would stay.', WEDNESDAY), [['Monday morning', '2023-10-16']]);
  assert.deepEqual(dates('He remains in jail pending his next court hearing on November 2.', WEDNESDAY), [['November 2', '2023-11-02']]);
  assert.deepEqual(dates('In May, thieves stole the jewels.', '2023-04-20'), [['May', '2022-05-01']]);
});

test('"is to blame" is no plan: the weekday still looks back', () => {
  assert.deepEqual(dates('Police suspect arson is to blame for Friday night\'s fire.', WEDNESDAY), [['Friday night', '2023-10-13']]);
});

test('the clause, not the whole sentence, decides the direction', () => {
  assert.deepEqual(dates('Putin, who will visit China, spoke with Netanyahu on Monday.', WEDNESDAY), [['Monday', '2023-10-16']]);
  assert.deepEqual(dates('He met them on December 25 and will meet again on January 3.', '2023-12-28'), [
    ['December 25', '2023-12-25'],
    ['January 3', '2024-01-03'],
  ]);
});

test('"last" and "next" weekdays never resolve to the publication day itself', () => {
  assert.deepEqual(dates('They met last Wednesday and meet again next Wednesday.', WEDNESDAY), [
    ['last Wednesday', '2023-10-11'],
    ['next Wednesday', '2023-10-25'],
  ]);
});

test('casual relative dates resolve against the publication date', () => {
  const found = times('He left yesterday, returned last week, and spoke earlier this month, two weeks ago, last month and this year.', WEDNESDAY);
  assert.deepEqual(found.map((t) => [t.text, t.date, t.precision, t.relative]), [
    ['yesterday', '2023-10-17', 'day', true],
    ['last week', '2023-10-11', 'day', true],
    ['earlier this month', '2023-10-01', 'month', true],
    ['two weeks ago', '2023-10-04', 'day', true],
    ['last month', '2023-09-01', 'month', true],
    ['this year', '2023-01-01', 'year', true],
  ]);
});

test('explicit dates keep their stated year and are not relative', () => {
  const [t] = times('Hamas attacked Israel on October 7, 2023.', '2024-03-01');
  assert.deepEqual([t?.text, t?.date, t?.precision, t?.relative], ['October 7, 2023', '2023-10-07', 'day', false]);
});

test('a yearless date takes the publication year', () => {
  assert.deepEqual(dates('Hamas launched the attacks on October 7.', '2023-11-12'), [['October 7', '2023-10-07']]);
  assert.deepEqual(dates('The siege began on 9 October.', '2023-11-12'), [['9 October', '2023-10-09']]);
});

test('a yearless date weeks after publication in a past-tense sentence moves back a year', () => {
  assert.deepEqual(dates('The treaty was signed on December 25.', '2023-11-05'), [['December 25', '2022-12-25']]);
  // a few days ahead stays in the publication year (time zones, late edits)
  assert.deepEqual(dates('The treaty was signed on November 10.', '2023-11-05'), [['November 10', '2023-11-10']]);
});

test('a month alone moves a year when a past sentence names a later month or a plan an earlier one', () => {
  assert.deepEqual(dates('The strike began in November.', '2023-10-18'), [['November', '2022-11-01']]);
  assert.deepEqual(dates('The strike began in October.', '2023-10-18'), [['October', '2023-10-01']]);
  assert.deepEqual(dates('Elections will be held in March.', '2023-10-18'), [['March', '2024-03-01']]);
});

test('a yearless date well before publication in a future sentence moves forward a year', () => {
  assert.deepEqual(dates('The summit will open on January 10.', '2023-12-20'), [['January 10', '2024-01-10']]);
});

test('months and years alone resolve with month and year precision', () => {
  const found = times('Prices rose in March, fell in 2022 and have climbed since 2019.', '2023-10-18');
  assert.deepEqual(found.map((t) => [t.text, t.date, t.precision]), [
    ['March', '2023-03-01', 'month'],
    ['2022', '2022-01-01', 'year'],
    ['2019', '2019-01-01', 'year'],
  ]);
});

test('without a publication date, relative expressions get no date but explicit ones do', () => {
  const found = times('Putin called Netanyahu on Monday, ten days after the October 7, 2023 attacks.');
  assert.deepEqual(found.map((t) => [t.text, t.date, t.relative]), [
    ['Monday', undefined, true],
    ['ten days', '2023-10-17', false],
    ['October 7, 2023', '2023-10-07', false],
  ]);
});

test('without a publication date, a yearless date borrows the year of a full date in the article', () => {
  const text = 'Hamas attacked on October 7.\nThe post was dated October 17, 2023.';
  assert.deepEqual(dates(text), [
    ['October 7', '2023-10-07'],
    ['October 17, 2023', '2023-10-17'],
  ]);
  assert.deepEqual(dates('Hamas attacked on October 7.'), [['October 7', undefined]]);
  const hinted = findTimes(splitSentences('Hamas attacked on October 7 and Putin called on Monday.'), undefined, { yearHint: 2023 });
  assert.deepEqual(hinted.map((t) => [t.text, t.date]), [['October 7', '2023-10-07'], ['Monday', undefined]]);
});

test('durations carry their length in days', () => {
  const found = times('Israel has conducted ten days of intensive bombing. The siege lasted two weeks, then a week, then 3 months.', WEDNESDAY);
  assert.deepEqual(found.map((t) => [t.text, t.kind, t.days]), [
    ['ten days', 'duration', 10],
    ['two weeks', 'duration', 14],
    ['a week', 'duration', 7],
    ['3 months', 'duration', 90],
  ]);
});

test('a duration in an ongoing present-perfect sentence ends at publication', () => {
  const [t] = times('Moscow has been dealing with its conflict in Ukraine for nearly 20 months.', WEDNESDAY);
  assert.deepEqual([t?.text, t?.kind, t?.days, t?.date, t?.relative], ['20 months', 'duration', 600, WEDNESDAY, true]);
  const [past] = times('Aid has stalled over the past ten days.', WEDNESDAY);
  assert.deepEqual([past?.text, past?.days, past?.date], ['the past ten days', 10, WEDNESDAY]);
});

test('a duration tied to a dated event in its sentence ends that many days later', () => {
  const found = times('Israel has conducted ten days of bombing since the October 7 attack.', '2023-10-20');
  assert.deepEqual(found.map((t) => [t.text, t.kind, t.date]), [
    ['ten days', 'duration', '2023-10-17'],
    ['October 7', 'date', '2023-10-07'],
  ]);
});

test('a duration in a sentence that refers back to an earlier dated event ends from that date', () => {
  const text = 'Hamas fighters attacked Israel on October 7.\nThe army mobilised.\nIn response to these attacks, Israel has conducted ten days of intensive bombing.';
  const found = times(text, '2023-10-20');
  assert.deepEqual(found.map((t) => [t.text, t.date]), [
    ['October 7', '2023-10-07'],
    ['ten days', '2023-10-17'],
  ]);
  const unrelated = times('Hamas fighters attacked Israel on October 7.\nTalks lasted ten days.', '2023-10-20');
  assert.equal(unrelated[1]?.date, undefined);
});

test('never reads a date from counts, verbs, ordinals or "now"', () => {
  assert.deepEqual(times('The loss of 1,400 lives and 2,750 people was confirmed.', WEDNESDAY), []);
  assert.deepEqual(times('Protesters may march on the capital; the second call is now over.', WEDNESDAY), []);
  assert.deepEqual(times('The meeting started at 5 pm.', WEDNESDAY), []);
});

test('keeps a capitalised month after a preposition but not the name May', () => {
  assert.deepEqual(dates('Elections were held in May.', WEDNESDAY), [['May', '2023-05-01']]);
  assert.deepEqual(times('May said the vote would pass.', WEDNESDAY), []);
});

test('"today" and "tonight" resolve to the publication date', () => {
  assert.deepEqual(dates('The minister resigned today and leaves tonight.', WEDNESDAY), [
    ['today', WEDNESDAY],
    ['tonight', WEDNESDAY],
  ]);
});

test('accepts a publication date-time and resolves against its day', () => {
  assert.deepEqual(dates('Putin spoke on Monday.', '2023-10-18T23:30:00+03:00'), [['Monday', '2023-10-16']]);
});

test('a length of time after "for" or "after" is a duration, not a date from publication', () => {
  const found = times('He had been in hospital for three weeks and was freed after four days of talks.', WEDNESDAY);
  assert.deepEqual(found.map((t) => [t.text, t.kind, t.days, t.date]), [
    ['three weeks', 'duration', 21, undefined],
    ['four days', 'duration', 4, undefined],
  ]);
});

test('"a year ago" keeps the day a year before publication with year precision', () => {
  const found = times('It happened a year ago and two months ago.', WEDNESDAY);
  assert.deepEqual(found.map((t) => [t.text, t.date, t.precision]), [
    ['a year ago', '2022-10-18', 'year'],
    ['two months ago', '2023-08-18', 'month'],
  ]);
});

test('a duration before a date with no "since/after" does not run from it', () => {
  const found = times('He was arrested on June 5 after a 12-day manhunt.', '2023-06-10');
  assert.deepEqual(found.map((t) => [t.text, t.kind, t.date]), [
    ['June 5', 'date', '2023-06-05'],
    ['12-day', 'duration', undefined],
  ]);
});

test('clock times are trimmed from dates and lower-case weekday words are not dates', () => {
  assert.deepEqual(dates('He died at 12:45 p.m. on Thursday. Posted July 25, 2005, 12: 18 AM ET.', WEDNESDAY), [
    ['Thursday', '2023-10-12'],
    ['July 25, 2005', '2005-07-25'],
  ]);
  assert.deepEqual(times('The deputy, who was wed in a small chapel, is here.', WEDNESDAY), []);
});

test('a weekday inside a name is no date: "Sunday Times", "Good Friday"; after "on" it is', () => {
  assert.deepEqual(times('The Sunday Times reported on the Good Friday deal.', WEDNESDAY), []);
  assert.deepEqual(dates('On Monday Times Square was empty.', WEDNESDAY), [['Monday', '2023-10-16']]);
});

test('week phrases resolve to a day of that week; "last May" keeps its modifier', () => {
  const found = times('Last May, he resigned, and it happened again earlier this week.', WEDNESDAY);
  assert.deepEqual(found.map((t) => [t.text, t.date, t.precision, t.relative]), [
    ['Last May', '2023-05-01', 'month', true],
    ['earlier this week', '2023-10-15', 'day', true],
  ]);
});

test('"since Monday" looks back even in a sentence about the future', () => {
  assert.deepEqual(dates('It will be the first convoy to cross since Monday.', WEDNESDAY), [['Monday', '2023-10-16']]);
});

test('slashed day/month pairs without a year are not dates; with a year they are', () => {
  assert.deepEqual(times('Since 9/11 the rules changed, and the office runs 24/7.', WEDNESDAY), []);
  assert.deepEqual(dates('On 10/7/2023 Hamas attacked.', WEDNESDAY), [['10/7/2023', '2023-10-07']]);
});

test('ordinal days read as dates: "Oct 7th", "the 7th of October"', () => {
  assert.deepEqual(dates('On Oct 7th and on the 7th of October fighting began.', WEDNESDAY), [
    ['Oct 7th', '2023-10-07'],
    ['7th of October', '2023-10-07'],
  ]);
});

test('"mid-October", "early November" and "late-March" are months with their modifier in the span', () => {
  // a past-tense November in an October article is last year's
  const found = times('In mid-October and early November talks stalled; by late-March they ended.', WEDNESDAY);
  assert.deepEqual(found.map((t) => [t.text, t.date, t.precision]), [
    ['mid-October', '2023-10-01', 'month'],
    ['early November', '2022-11-01', 'month'],
    ['late-March', '2023-03-01', 'month'],
  ]);
});

test('offsets from a narrated moment and clock lengths are not dates: "four seconds later", "every last minute"', () => {
  assert.deepEqual(times('Four seconds later he fired again, using every last minute of the raid.', WEDNESDAY), []);
});

test('parts of the day keep their date: "Monday night", "the night of October 7", "the evening of Monday"', () => {
  assert.deepEqual(dates('Rockets hit on Monday night. On the night of October 7 fighters crossed. On the evening of Monday, they met.', WEDNESDAY), [
    ['Monday night', '2023-10-16'],
    ['October 7', '2023-10-07'],
    ['Monday', '2023-10-16'],
  ]);
});

function seed(name: string): { text: string; publishedAt?: string } {
  const raw = readFileSync(sharedPath('seeds', name), 'utf8');
  const m = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(raw);
  return m ? { text: raw.slice(m[0].length), publishedAt: m[1] } : { text: raw };
}

test('the 2023-11-12 seed resolves "on Monday" to the Monday before publication, 2023-11-06', { skip: skipUnlessShared('seeds') }, () => {
  const { text, publishedAt } = seed('004_633da9eb73f0f851.txt');
  assert.equal(publishedAt, '2023-11-12');
  const mondays = times(text, publishedAt).filter((t) => t.text === 'Monday');
  assert.equal(mondays.length, 1);
  assert.equal(mondays[0]?.date, '2023-11-06');
});

test('a seed without a date line gets no date for "on Monday" but dates the bombing from October 7', { skip: skipUnlessShared('seeds') }, () => {
  const { text, publishedAt } = seed('001_db682bd04ab73019.txt');
  assert.equal(publishedAt, undefined);
  const found = times(text, publishedAt);
  const mondays = found.filter((t) => t.text === 'Monday');
  assert.equal(mondays.length, 2);
  assert.ok(mondays.every((t) => t.date === undefined && t.relative));
  // the embedded post's "October 17, 2023" lends its year to "October 7"
  assert.equal(found.find((t) => t.text === 'October 7')?.date, '2023-10-07');
  const bombing = found.find((t) => t.kind === 'duration');
  assert.deepEqual([bombing?.text, bombing?.days, bombing?.date], ['ten days', 10, '2023-10-17']);
});

test('the planned Monday talks of an undated seed stay undated, the 20 months stay a duration', { skip: skipUnlessShared('seeds') }, () => {
  const { text, publishedAt } = seed('002_0d00d21376ef4ec2.txt');
  const found = times(text, publishedAt);
  assert.deepEqual(found.map((t) => [t.text, t.kind, t.date, t.days]), [
    ['Monday', 'date', undefined, undefined],
    ['20 months', 'duration', undefined, 600],
  ]);
});

test('every date and duration found in shared news articles points into its sentence and is a valid ISO date', { skip: skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl') }, () => {
  const lines = readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8').split('\n').slice(0, 60).filter(Boolean);
  let count = 0;
  for (const line of lines) {
    const { text } = JSON.parse(line) as { text: string };
    const sentences = splitSentences(text);
    for (const t of findTimes(sentences, '2012-06-15')) {
      const s = sentences[t.sentence]!;
      assert.equal(text.slice(t.start, t.end), t.text);
      assert.ok(t.start >= s.start && t.end <= s.end, `${t.text} inside sentence ${t.sentence}`);
      if (t.date !== undefined) assert.match(t.date, /^\d{4}-\d{2}-\d{2}$/);
      if (t.date !== undefined) assert.equal(new Date(t.date + 'T00:00:00Z').toISOString().slice(0, 10), t.date);
      if (t.kind === 'duration') assert.ok((t.days ?? 0) > 0, `${t.text} has a length`);
      if (t.relative && t.kind === 'date') assert.ok(t.date !== undefined, `${t.text} resolved against publication`);
      count++;
    }
  }
  assert.ok(count > 50, `found ${count} expressions`);
});
