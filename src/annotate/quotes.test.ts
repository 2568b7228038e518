import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { splitSentences } from './nlp.ts';
import { findQuotes } from './quotes.ts';
import type { Quote } from '../types.ts';
import { sharedPath, skipUnlessShared } from '../../test/shared-data.ts';

function quotes(text: string): Quote[] {
  const found = findQuotes(splitSentences(text), text);
  for (const q of found) assert.equal(text.slice(q.start, q.end), q.text, 'offsets point at the quoted words');
  return found;
}

function speakers(text: string): [string, string | undefined][] {
  return quotes(text).map((q) => [q.text, q.speaker]);
}

test('"X said" attributes a quote to the name before the verb', () => {
  const text = 'Foreign Minister Sergei Lavrov said "the West is to blame for the crisis."';
  const [q] = quotes(text);
  assert.deepEqual(q, { start: 37, end: 72, text: 'the West is to blame for the crisis', sentence: 0, speaker: 'Foreign Minister Sergei Lavrov' });
});

test('"said X" after the quote attributes it to the name after the verb', () => {
  assert.deepEqual(speakers('"We will win this war," said Prime Minister Benjamin Netanyahu.'), [['We will win this war', 'Prime Minister Benjamin Netanyahu']]);
});

test('a title phrase with an article is a speaker: "the spokesman told reporters"', () => {
  assert.deepEqual(speakers('"The crossing is closed," the army spokesman told reporters.'), [['The crossing is closed', 'the army spokesman']]);
});

test('"according to X" attributes the quote to X, hyphenated titles included', () => {
  assert.deepEqual(speakers('The ceasefire is "a good first step toward peace," according to UN Secretary-General António Guterres.'), [
    ['a good first step toward peace', 'UN Secretary-General António Guterres'],
  ]);
});

test('"X was quoted by an outlet, stating" attributes the quote to X, not the outlet', () => {
  const text = 'Kremlin aide Yuri Ushakov was quoted by the Interfax news agency, stating, “The president has already spoken to the president of Syria.”';
  assert.deepEqual(speakers(text), [['The president has already spoken to the president of Syria.', 'Kremlin aide Yuri Ushakov']]);
});

test('"X\'s office issued a statement" attributes the quote to the office, as written', () => {
  const text = 'In response to the call, Netanyahu’s office issued a statement affirming Israel’s determination to protect its citizens from “despicable and cruel murderers.”';
  const [q] = quotes(text);
  assert.equal(q?.speaker, 'Netanyahu’s office');
  assert.equal(q?.text, 'despicable and cruel murderers');
  assert.equal(q?.scare, undefined);
});

test('a reporting verb of conveying attributes the quote to its subject', () => {
  const text = 'President Putin conveyed Russia’s dedication to “ending the confrontation through political and diplomatic means.”';
  assert.deepEqual(speakers(text), [['ending the confrontation through political and diplomatic means', 'President Putin']]);
});

test('a quote that spans two sentences of one paragraph is one quote', () => {
  const text = 'Abbas spoke after the meeting. "We are ready. We will talk to anyone," Abbas said.';
  const found = quotes(text);
  assert.equal(found.length, 1);
  assert.deepEqual([found[0]?.text, found[0]?.sentence, found[0]?.speaker], ['We are ready. We will talk to anyone', 1, 'Abbas']);
});

test('quotes never pair across paragraphs', () => {
  const text = 'He said "we will stay.\n\nThe army said "withdrawal is not an option" on Sunday.';
  assert.deepEqual(speakers(text), [['withdrawal is not an option', 'The army']]);
});

test('scare quotes of one to three words are kept and marked', () => {
  const text = 'However, he noted that “resistance” groups made independent decisions. Russia has accused the United States of being the “Great Satan” and Israel the “Little Satan.”';
  const found = quotes(text);
  assert.deepEqual(found.map((q) => [q.text, q.scare, q.sentence]), [
    ['resistance', true, 0],
    ['Great Satan', true, 1],
    ['Little Satan', true, 1],
  ]);
});

test('a short quote that opens the sentence is speech, not a scare quote', () => {
  const [q] = quotes('"We will win," said Foreign Minister Sergei Lavrov.');
  assert.equal(q?.scare, undefined);
  assert.equal(q?.speaker, 'Foreign Minister Sergei Lavrov');
});

test('a pronoun is not given as a speaker', () => {
  const [q] = quotes('He warned of a "catastrophic increase" in casualties.');
  assert.deepEqual([q?.text, q?.speaker, q?.scare], ['catastrophic increase', undefined, true]);
});

test('ignores inch marks and unmatched quotation marks', () => {
  assert.deepEqual(quotes('The player is 6\'2" tall and the screen is 55" wide.'), []);
  assert.deepEqual(quotes('He said “we will stay and never closed the quote.'), []);
});

test('after "told" stands the listener: the speaker is the subject, past an apposition', () => {
  assert.deepEqual(speakers('"We will not retreat," the minister told parliament.'), [['We will not retreat', 'the minister']]);
  assert.deepEqual(speakers('"They are not afraid of anything," Gérard Bénézat, the store\'s insurer, told France Info.'), [
    ['They are not afraid of anything', 'Gérard Bénézat'],
  ]);
  assert.deepEqual(speakers('“Oh man, she was bad,” one man told Schuck.'), [['Oh man, she was bad', undefined]]);
});

test('"X concurred, saying" attributes the quote to the subject of the sentence', () => {
  assert.deepEqual(speakers('Mr. Cerar concurred, saying, “It appears to be a justified shooting.”'), [['It appears to be a justified shooting.', 'Mr. Cerar']]);
});

test('the attribution may follow in the next sentence when the quote closes its own', () => {
  assert.deepEqual(speakers('"We are at a fork in the road." Brown said.'), [['We are at a fork in the road.', 'Brown']]);
});

test('a quote attributed to a pronoun gets no speaker, even with a name elsewhere in the sentence', () => {
  assert.deepEqual(speakers('"No comment," she said after meeting Abbas.'), [['No comment', undefined]]);
});

test('a name governed by a preposition is not the speaker of a participle clause', () => {
  const text = 'In a statement, President Vladimir Putin voiced concern over casualties in Gaza, cautioning that they could see a "catastrophic increase" soon.';
  assert.deepEqual(speakers(text), [['catastrophic increase', 'President Vladimir Putin']]);
});

test('a role linked to its organisation is one speaker: "A spokesman for Waitrose said:"', () => {
  assert.deepEqual(speakers('A spokesman for Waitrose said: "Luckily no one has been hurt."'), [['Luckily no one has been hurt.', 'A spokesman for Waitrose']]);
});

test('single quotation marks hold a quote when they pair around several words, not apostrophes', () => {
  const text = "'The man is an emotional wreck,' Judge Vincent Del Giudice said. The players' union said it wasn't 'fair'.";
  assert.deepEqual(speakers(text), [['The man is an emotional wreck', 'Judge Vincent Del Giudice']]);
});

test('a paragraph that is only a quote continues the previous paragraph\'s named speaker', () => {
  const text = '"The man is petrified," Judge Vincent DelGiudice said.\n"The man is an emotional wreck."\n"He will not testify," he said.\n"Never."';
  assert.deepEqual(speakers(text), [
    ['The man is petrified', 'Judge Vincent DelGiudice'],
    ['The man is an emotional wreck.', 'Judge Vincent DelGiudice'],
    ['He will not testify', undefined],
    ['Never.', undefined],
  ]);
});

test('a pronoun subject stops the search even when a name follows the verb', () => {
  assert.deepEqual(speakers('"We all have limits," he wrote the AP on Wednesday.'), [['We all have limits', undefined]]);
});

test('organisations speak as title phrases: "the ministry said", "the army said"', () => {
  assert.deepEqual(speakers('In a statement, the ministry said "the strikes will continue."'), [['the strikes will continue', 'the ministry']]);
  assert.deepEqual(speakers('"We are ready," the army said in a statement.'), [['We are ready', 'the army']]);
});

test('a short quoted clause is speech, not a scare quote', () => {
  const [q] = quotes('The police said the suspect "acted alone."');
  assert.deepEqual([q?.text, q?.speaker, q?.scare], ['acted alone', 'The police', undefined]);
});

test('"X responded, stating" and "X told Y:" attribute the quote to X', () => {
  assert.deepEqual(speakers('Israeli Prime Minister Benjamin Netanyahu responded on Sunday, stating, “We will win this war.”'), [
    ['We will win this war.', 'Israeli Prime Minister Benjamin Netanyahu'],
  ]);
  assert.deepEqual(speakers('Hamas told Al Jazeera: "The occupation bears full responsibility."'), [['The occupation bears full responsibility.', 'Hamas']]);
});

test('finds the quotes and speakers of the seed articles', { skip: skipUnlessShared('seeds') }, () => {
  const dir = sharedPath('seeds');
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(`${dir}/${name}`, 'utf8');
    for (const q of quotes(text)) found.push(`${name.slice(0, 3)} ${q.scare ? 'scare ' : ''}${q.text.slice(0, 24)} | ${q.speaker ?? '-'}`);
  }
  assert.deepEqual(found, [
    '001 ending the Palestinian-I | President Putin',
    '001 scare resistance | -',
    '002 The president has alread | Kremlin aide Yuri Ushakov',
    '003 scare catastrophic increase | Russian President Vladimir Putin',
    '003 scare immediate ceasefire | -',
    '003 scare humanitarian truce | -',
    '004 despicable and cruel mur | Netanyahu’s office',
    '004 scare Great Satan | -',
    '004 scare Little Satan | -',
  ]);
});

test('every quote found in shared news articles is trimmed of its marks and points into its paragraph', { skip: skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl') }, () => {
  const lines = readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8').split('\n').slice(0, 120).filter(Boolean);
  let count = 0;
  let attributed = 0;
  for (const line of lines) {
    const { text } = JSON.parse(line) as { text: string };
    const sentences = splitSentences(text);
    for (const q of findQuotes(sentences, text)) {
      assert.equal(text.slice(q.start, q.end), q.text);
      assert.doesNotMatch(q.text, /^["“”\s]|["“”\s]$/, 'no marks or spaces at the ends');
      assert.ok(sentences[q.sentence]!.start <= q.start, 'the quote starts in or after its sentence');
      if (q.speaker) {
        assert.ok(text.includes(q.speaker), `${q.speaker} is written in the article`);
        attributed++;
      }
      count++;
    }
  }
  assert.ok(count > 30, `found ${count} quotes`);
  assert.ok(attributed / count > 0.4, `attributed ${attributed} of ${count}`);
});
