import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { splitSentences } from './nlp.ts';
import { findNumbers, parseNumeral, wordToNumber } from './numbers.ts';
import type { NumberMention } from '../types.ts';
import { sharedPath, skipUnlessShared } from '../../test/shared-data.ts';

function numbers(text: string): NumberMention[] {
  const found = findNumbers(splitSentences(text));
  for (const n of found) assert.equal(text.slice(n.start, n.end), n.text, 'offsets point at the figure');
  return found;
}

function only(text: string): NumberMention {
  const found = numbers(text);
  assert.equal(found.length, 1, `one figure in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((n) => n.text))}`);
  return found[0]!;
}

test('reads "over 1,300 Israeli lives" as over 1300, counting lives past the demonym', () => {
  const n = only('Putin conveyed his condolences regarding the loss of over 1,300 Israeli lives in attacks.');
  assert.deepEqual(
    { text: n.text, value: n.value, qualifier: n.qualifier, counted: n.counted, countedText: n.countedText, unit: n.unit },
    { text: 'over 1,300', value: 1300, qualifier: 'over', counted: 'life', countedText: 'Israeli lives', unit: undefined },
  );
});

test('reads "the deaths of at least 2,750 people" as at least 2750 people', () => {
  const n = only('Israel has bombed Gaza, resulting in the reported deaths of at least 2,750 people, primarily civilians.');
  assert.equal(n.text, 'at least 2,750');
  assert.equal(n.value, 2750);
  assert.equal(n.qualifier, 'at least');
  assert.equal(n.counted, 'people');
});

test('lemmatises the counted noun: "1,400 individuals" counts individual', () => {
  const n = only('The attack resulted in the tragic deaths of over 1,400 individuals, a majority being civilians.');
  assert.equal(n.counted, 'individual');
  assert.equal(n.countedText, 'individuals');
  assert.equal(n.qualifier, 'over');
});

test('maps each qualifier phrase to its qualifier', () => {
  const cases: [string, string][] = [
    ['More than 200 people were hurt.', 'over'],
    ['Above 50 trucks crossed.', 'over'],
    ['At least 12 soldiers died.', 'at least'],
    ['Nearly 300 homes burned.', 'nearly'],
    ['Almost 40 villages were emptied.', 'nearly'],
    ['About 600 fighters surrendered.', 'about'],
    ['Around 70 journalists attended.', 'about'],
    ['Some 300 fighters crossed.', 'about'],
    ['Approximately 90 ships waited.', 'about'],
    ['Roughly 15 towns lost power.', 'about'],
    ['An estimated 5,000 people fled.', 'about'],
    ['Up to 80 aircraft took part.', 'up to'],
    ['Fewer than 10 patients remain.', 'under'],
    ['Less than 20 trucks arrived.', 'under'],
    ['Under 30 doctors are left.', 'under'],
    ['Below 40 beds were free.', 'under'],
    ['At most 25 hostages were freed.', 'at most'],
    ['Exactly 25 hostages were freed.', 'exact'],
  ];
  for (const [sentence, qualifier] of cases) {
    assert.equal(only(sentence).qualifier, qualifier, sentence);
  }
});

test('the span covers qualifier and figure: "An estimated 5,000"', () => {
  assert.equal(only('An estimated 5,000 people fled the city.').text, 'An estimated 5,000');
});

test('reads scale words and abbreviations: "2.5 million", "1.2bn", "$5m"', () => {
  assert.equal(only('The city has 2.5 million residents.').value, 2_500_000);
  assert.equal(only('The city has 2.5 million residents.').counted, 'resident');
  const bn = only('The bank lent 1.2bn to the state.');
  assert.equal(bn.value, 1_200_000_000);
  assert.equal(bn.text, '1.2bn');
  const m = only('They pledged $5m in aid.');
  assert.equal(m.value, 5_000_000);
  assert.equal(m.unit, 'USD');
});

test('reads currency before and after the figure', () => {
  const usd = only('Washington approved $5 million for the shelters.');
  assert.deepEqual([usd.text, usd.value, usd.unit], ['$5 million', 5_000_000, 'USD']);
  const gbp = only('The fund holds £3.5bn today.');
  assert.deepEqual([gbp.text, gbp.value, gbp.unit], ['£3.5bn', 3_500_000_000, 'GBP']);
  const eur = only('Brussels offered 25 million euros to the agency.');
  assert.deepEqual([eur.text, eur.value, eur.unit], ['25 million euros', 25_000_000, 'EUR']);
  const us = only('The loan is worth US$ 20 million.');
  assert.deepEqual([us.text, us.unit], ['US$ 20 million', 'USD']);
});

test('reads percentages written with a sign, "percent" and "per cent"', () => {
  assert.deepEqual(numbers('Prices rose 2.5% in May, 3.5 percent in June and 4 per cent in July.').map((n) => [n.text, n.value, n.unit]), [
    ['2.5%', 2.5, 'percent'],
    ['3.5 percent', 3.5, 'percent'],
    ['4 per cent', 4, 'percent'],
  ]);
});

test('reads measurement units and does not count what they measure', () => {
  const found = numbers('The convoy drove 40 miles, then 10km more, carrying 12 tonnes of flour.');
  assert.deepEqual(found.map((n) => [n.text, n.value, n.unit, n.counted]), [
    ['40 miles', 40, 'miles', undefined],
    ['10km', 10, 'km', undefined],
    ['12 tonnes', 12, 'tonnes', undefined],
  ]);
});

test('reads number words: "twenty-five", "a dozen", "five hundred and twenty"', () => {
  const found = numbers('Twenty-five soldiers, a dozen tanks and five hundred and twenty civilians were seen.');
  assert.deepEqual(found.map((n) => [n.text, n.value, n.counted]), [
    ['Twenty-five', 25, 'soldier'],
    ['a dozen', 12, 'tank'],
    ['five hundred and twenty', 520, 'civilian'],
  ]);
});

test('reads "ten days of intensive bombing" as ten days', () => {
  const n = only('Israel has conducted ten days of intensive bombing.');
  assert.deepEqual([n.text, n.value, n.unit], ['ten days', 10, 'days']);
});

test('counts "1,300 of the victims" as victims and a plural demonym as the counted noun', () => {
  assert.equal(only('Officials named 1,300 of the victims.').counted, 'victim');
  assert.equal(only('Some 1,300 Israelis were killed.').counted, 'israeli');
});

test('ignores years, days of the month and times of day', () => {
  assert.deepEqual(numbers('Hamas attacked on October 7, 2023, at 6:30 a.m., and again in 2024.'), []);
  assert.deepEqual(numbers('The talks began on 7 October and ended on the 9th of October at 5 pm.'), []);
  assert.deepEqual(numbers('The 1990 treaty still holds since 1994.'), []);
});

test('keeps a four-digit figure that counts a plural noun: "1500 people"', () => {
  const n = only('About 1500 people gathered outside.');
  assert.deepEqual([n.value, n.qualifier, n.counted], [1500, 'about', 'people']);
});

test('ignores numbers inside URLs and handles', () => {
  assert.deepEqual(numbers('See https://t.co/Z7Vd2023 — NEWSMAX (@NEWSMAX99) October 17, 2023'), []);
  assert.deepEqual(numbers('Write to desk2024@example.com for details.'), []);
});

test('ignores "one of the", "no one" and identifiers such as "No. 1" and "Resolution 2334"', () => {
  assert.deepEqual(numbers('He is one of the leaders, and no one objected.'), []);
  assert.deepEqual(numbers('The No. 1 seed lost, as Resolution 2334 and Covid-19 were debated.'), []);
  assert.deepEqual(numbers('A two-state solution is needed.'), []);
  assert.equal(only('Only one soldier survived.').counted, 'soldier');
});

test('ignores vague plurals such as "thousands of troops"', () => {
  assert.deepEqual(numbers('Thousands of troops and dozens of tanks massed at the border.'), []);
});

test('gives each figure the index of its sentence', () => {
  const found = numbers('Talks failed. Then 40 trucks entered. Later 12 more trucks followed.');
  assert.deepEqual(found.map((n) => [n.sentence, n.value, n.counted]), [
    [1, 40, 'truck'],
    [2, 12, 'truck'],
  ]);
});

test('ignores clock times, scores, slashed dates and acronym identifiers', () => {
  assert.deepEqual(numbers('Updated 9:31 AM, or 9: 31 AM, and at 3 p. m. on 11 / 09 / 2010.'), []);
  assert.deepEqual(numbers('Creighton (25 - 7) went on a 7-0 run.'), []);
  assert.equal(only('Police seized 14 AK 47 rifles.').value, 14);
});

test('a scale word alone is no figure, but a hyphenated scale joins its number', () => {
  assert.deepEqual(numbers('Robbers stole e80 million in jewels.').map((n) => n.value), []);
  const bid = only('The club made a $140-million bid.');
  assert.deepEqual([bid.text, bid.value, bid.unit], ['$140-million', 140_000_000, 'USD']);
});

test('a token named like an object property is no number word', () => {
  assert.deepEqual(numbers('The constructor and toString hasOwnProperty valueOf people met.'), []);
});

test('the first figure of a range counts what the second counts', () => {
  const found = numbers('Militants fired two or three rockets, killing between 10 and 15 people over 3 to 4 days.');
  assert.deepEqual(found.map((n) => [n.text, n.value, n.counted ?? n.unit]), [
    ['two', 2, 'rocket'],
    ['three', 3, 'rocket'],
    ['10', 10, 'people'],
    ['15', 15, 'people'],
    ['over 3', 3, 'days'],
    ['4 days', 4, 'days'],
  ]);
});

test('ignores ordinals, decades, fractions and compound modifiers', () => {
  assert.deepEqual(numbers('In the 1990s, his 3rd term, 1st place, a 200-strong force and 2/3 of voters defined the 21st century.'), []);
});

test('wordToNumber reads compound number words', () => {
  assert.equal(wordToNumber('twenty-five'), 25);
  assert.equal(wordToNumber(['one', 'hundred', 'and', 'twenty']), 120);
  assert.equal(wordToNumber('two thousand five hundred'), 2500);
  assert.equal(wordToNumber('a dozen'), 12);
  assert.equal(wordToNumber('three million'), 3_000_000);
  assert.equal(wordToNumber('many'), undefined);
});

test('parseNumeral reads separators and rejects malformed numerals', () => {
  assert.equal(parseNumeral('1,300'), 1300);
  assert.equal(parseNumeral('2.5'), 2.5);
  assert.equal(parseNumeral('1,234,567.5'), 1234567.5);
  assert.equal(parseNumeral('12,34'), undefined);
  assert.equal(parseNumeral('2-1'), undefined);
});

test('finds the death tolls of the seed articles, with their qualifiers', { skip: skipUnlessShared('seeds') }, () => {
  const dir = sharedPath('seeds');
  const tolls: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(`${dir}/${name}`, 'utf8');
    for (const n of numbers(text)) tolls.push(`${name.slice(0, 3)} ${n.text} = ${n.qualifier} ${n.value} ${n.counted ?? n.unit}`);
  }
  // no figure from the date lines, the embedded post's date or its t.co link
  assert.deepEqual(tolls, [
    '001 over 1,300 = over 1300 life',
    '001 ten days = exact 10 days',
    '001 at least 2,750 = at least 2750 people',
    '002 over 1,400 = over 1400 life',
    '002 nearly 20 months = nearly 20 months',
    '003 over 1,400 = over 1400 individual',
  ]);
});

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Reference speller, British style ("one hundred and twenty-five"), for the property test. */
function spell(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? '-' + ONES[n % 10] : '');
  if (n < 1000) return ONES[Math.floor(n / 100)] + ' hundred' + (n % 100 ? ' and ' + spell(n % 100) : '');
  for (const [size, word] of [[1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']] as const) {
    if (n >= size) return spell(Math.floor(n / size)) + ' ' + word + (n % size ? ' ' + spell(n % size) : '');
  }
  return String(n);
}

test('wordToNumber reads back every spelled-out number below ten billion', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (n) => wordToNumber(spell(n)) === n),
    { numRuns: 2000 },
  );
});

test('findNumbers reads spelled-out figures in a sentence with their counted noun', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 999_999 }), (n) => {
      const text = `Officials said ${spell(n)} people were evacuated.`;
      const found = findNumbers(splitSentences(text));
      return found.length === 1 && found[0]!.value === n && found[0]!.counted === 'people' && text.slice(found[0]!.start, found[0]!.end) === found[0]!.text;
    }),
    { numRuns: 150 },
  );
});

test('every figure found in shared news articles points into its own sentence', { skip: skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl') }, () => {
  const lines = readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8').split('\n').slice(0, 60).filter(Boolean);
  let count = 0;
  for (const line of lines) {
    const { text } = JSON.parse(line) as { text: string };
    const sentences = splitSentences(text);
    for (const n of findNumbers(sentences)) {
      const s = sentences[n.sentence]!;
      assert.equal(text.slice(n.start, n.end), n.text);
      assert.ok(n.start >= s.start && n.end <= s.end, `${n.text} inside sentence ${n.sentence}`);
      assert.ok(Number.isFinite(n.value) && n.value >= 0);
      count++;
    }
  }
  assert.ok(count > 100, `found ${count} figures`);
});

test('reads a calibre glued to its unit as a measure, not a count of what follows', () => {
  const n = only('Commandos seized a 7.62mm rifle from the boat.');
  assert.deepEqual({ text: n.text, value: n.value, unit: n.unit, counted: n.counted }, { text: '7.62mm', value: 7.62, unit: 'mm', counted: undefined });
});

test('reads "$US1 million" as a million US dollars, beside the converted figure', () => {
  const found = numbers('Damage was estimated at $US1 million ($1.52 million), authorities said.');
  assert.deepEqual(found.map((n) => [n.text, n.value, n.unit]), [['$US1 million', 1000000, 'USD'], ['$1.52 million', 1520000, 'USD']]);
});

test('reads "1230 hours" as a time of day, and "48 hours" as a duration', () => {
  assert.deepEqual(numbers('Marine commandos boarded the dhow at 1230 hours and apprehended the pirates.'), []);
  assert.deepEqual(numbers('The ship was held for 48 hours.').map((n) => [n.value, n.unit]), [[48, 'hours']]);
});

test('reads "a 911 dispatcher" as a telephone number, not 911 dispatchers', () => {
  assert.deepEqual(numbers('Janice Leader, a 911 dispatcher, said Hiller called 911 and reported two shootings.').map((n) => n.value), [2]);
});

test('a part of a whole counts what the whole counts: "28 of 41 passes", "10 of the team\'s first 17 points"', () => {
  const counted = (text: string) => numbers(text).map((n) => `${n.value} ${n.counted ?? '-'}`);
  assert.deepEqual(counted('Garrard completed 28 of 41 passes for 329 yards.'), ['28 pass', '41 pass', '329 yard']);
  assert.deepEqual(counted('McDermott scored 10 of the team’s first 17 points.'), ['10 point', '17 point']);
  // A clause between the two figures is no part and whole.
  assert.deepEqual(counted('Two of them were killed and 12 people were hurt.'), ['2 -', '12 people']);
  // The whole is marked: it is the team's count, not the player's.
  assert.deepEqual(numbers('McDermott scored 10 of the team’s first 17 points.').map((n) => n.whole ?? false), [false, true]);
  assert.deepEqual(numbers('Two of them were killed and 12 people were hurt.').map((n) => n.whole ?? false), [false, false]);
});

test('a singular noun joined by "and" to a plural one modifies it: the plural is what is counted', () => {
  const counted = (text: string) => numbers(text).map((n) => `${n.value} ${n.counted ?? '-'}`);
  assert.deepEqual(counted('It follows the testimony of four national security and diplomatic officials.'), ['4 official']);
  assert.deepEqual(counted('Three fire and rescue crews attended the blaze.'), ['3 crew']);
  assert.deepEqual(counted('Two women and a man were hurt.'), ['2 woman']);
});

test('reads both ends of a range on each end: "35 to 40", "between 10 and 15", "two or three"', () => {
  const ranges = (text: string) => numbers(text).map((n) => [n.value, n.range ?? null]);
  assert.deepEqual(ranges('Steele said as many as 35 to 40 volunteer firefighters came.'), [[35, [35, 40]], [40, [35, 40]]]);
  assert.deepEqual(ranges('Between 10 and 15 people died in the crash.'), [[10, [10, 15]], [15, [10, 15]]]);
  assert.deepEqual(ranges('Two or three rockets hit the town.'), [[2, [2, 3]], [3, [2, 3]]]);
  // A change is not a range; nor are two figures of which the first lost its scale ("$140 to $150 million").
  assert.deepEqual(ranges('The toll rose from 10 to 15 people.'), [[10, null], [15, null]]);
  assert.deepEqual(ranges('Bids ran from $140 to $150 million.').map(([, r]) => r), [null, null]);
  assert.deepEqual(ranges('Five killed and 40 injured.'), [[5, null], [40, null]]);
});
