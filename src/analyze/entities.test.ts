import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntityMentions } from '../annotate/entities.ts';
import { splitSentences } from '../annotate/nlp.ts';
import type { AnnotatedDocument } from '../types.ts';
import { resolveEntities, sameFullName } from './entities.ts';

function annotated(id: string, text: string): AnnotatedDocument {
  const sentences = splitSentences(text);
  const doc = { id, contentHash: id, origin: id, text, paragraphs: [], embeds: [], messages: [] };
  return { doc, sentences, mentions: findEntityMentions(sentences, text), numbers: [], times: [], quotes: [] };
}

const people = (docs: AnnotatedDocument[]) => resolveEntities(docs).entities.filter((e) => e.type === 'person');

test('splits a title from the name and types the person by the title', () => {
  const doc = annotated('a', 'Deputy Foreign Minister Sergei Ryabkov warned of escalation. Kremlin foreign policy aide Yuri Ushakov spoke to reporters.');
  const persons = doc.mentions.filter((m) => m.type === 'person').map((m) => [m.name, m.title]);
  assert.deepEqual(persons, [
    ['Sergei Ryabkov', 'Deputy Foreign Minister'],
    ['Yuri Ushakov', 'Kremlin foreign policy aide'],
  ]);
});

test('merges Mahmud and Mahmoud Abbas into one person, with surname-only mentions', () => {
  const docs = [
    annotated('a', 'Palestinian President Mahmoud Abbas met the envoy in Ramallah. Abbas said the talks were useful.'),
    annotated('b', 'The talks involved Palestinian leader Mahmud Abbas and Egyptian President Abdel Fattah al-Sisi. President al-Sisi hosted them in Cairo.'),
  ];
  const found = people(docs);
  const abbas = found.filter((e) => /abbas/i.test([e.name, ...e.aliases].join(' ')));
  assert.equal(abbas.length, 1);
  assert.equal(abbas[0]!.name, 'Mahmoud Abbas');
  assert.deepEqual(abbas[0]!.aliases, ['Abbas', 'Mahmud Abbas']);
  assert.deepEqual(abbas[0]!.documentIds, ['a', 'b']);
  const sisi = found.filter((e) => /sisi/i.test(e.name));
  assert.equal(sisi.length, 1);
  assert.deepEqual(sisi[0]!.aliases, ['al-Sisi']);
});

test('never merges two people who share a first name', () => {
  const docs = [annotated('a', 'Russian President Vladimir Putin spoke on Monday. Ukrainian President Volodymyr Zelensky replied. Vladimir Zelensky is a misspelling some outlets use.')];
  const names = people(docs).map((e) => e.name).sort();
  assert.ok(names.includes('Vladimir Putin'));
  assert.ok(!people(docs).some((e) => e.name === 'Vladimir Putin' && e.aliases.some((a) => /zelensky/i.test(a))));
  assert.equal(sameFullName(['vladimir', 'putin'], ['vladimir', 'zelensky']), false);
  assert.equal(sameFullName(['mahmud', 'abbas'], ['mahmoud', 'abbas']), true);
});

test('types places and organisations by gazetteer and cues, not as people', () => {
  const docs = [annotated('a', 'The Kremlin said Moscow would raise the matter at the United Nations Security Council. Fighting continued in the Gaza Strip, and the militant group Hamas fired rockets at Israel.')];
  const types = Object.fromEntries(resolveEntities(docs).entities.map((e) => [e.name, e.type]));
  assert.deepEqual(types, {
    Kremlin: 'organization',
    Moscow: 'place',
    'United Nations Security Council': 'organization',
    'Gaza Strip': 'place',
    Hamas: 'group',
    Israel: 'place',
  });
});

test('resolves a title standing alone to the one person holding it', () => {
  const docs = [annotated('a', 'Israeli Prime Minister Benjamin Netanyahu took the call. The Israeli Prime Minister stated that operations would continue.')];
  const netanyahu = people(docs).find((e) => e.name === 'Benjamin Netanyahu')!;
  assert.equal(netanyahu.mentionCount, 2);
  assert.ok(netanyahu.aliases.includes('Israeli Prime Minister'));
  assert.deepEqual(netanyahu.titles, ['Israeli Prime Minister']);
});

test('drops capitalised phrases that no cue types ("Great Satan")', () => {
  const docs = [annotated('a', 'Iran has called the United States the "Great Satan" and Israel the "Little Satan".')];
  const names = resolveEntities(docs).entities.map((e) => e.name);
  assert.ok(!names.some((n) => /satan/i.test(n)));
  assert.ok(names.includes('Iran'));
});

test('common acronyms of things are not organisations', () => {
  const text = 'The Gibe sent an SOS at 1100 IST, and commandos seized a GPS receiver and seven AK-47 rifles, the Defence Ministry said.';
  const names = findEntityMentions(splitSentences(text), text).map((m) => m.name);
  assert.deepEqual(names.filter((n) => /^(SOS|IST|GPS|AK)$/.test(n)), []);
  assert.ok(names.includes('Defence Ministry'));
});

test('a line in capitals gives no names, and a boulevard is a place', () => {
  const text = 'CHARGED WITH MURDER: KRAFT WORKER HELD\nYvonne Hiller worked at the plant on Roosevelt Boulevard in Philadelphia, police said.';
  const mentions = findEntityMentions(splitSentences(text), text).map((m) => `${m.name}/${m.type}`);
  assert.deepEqual(mentions.filter((m) => /MURDER|KRAFT|CHARGED/.test(m)), []);
  assert.ok(mentions.includes('Roosevelt Boulevard/place'), mentions.join(', '));
  const wire = 'POLICE SAY FIRE AT VELDMARK PLANT INJURED 12\nBRENNOCK OFFICIALS CONFIRMED THE TOLL ON TUESDAY';
  assert.ok(findEntityMentions(splitSentences(wire), wire).length > 0, 'a text all in capitals keeps its names');
});

test('a word capitalised only where it opens a sentence, and written in lower case elsewhere, is no name', () => {
  const docs = [
    annotated('a', 'Armed robbers stole gems from a jeweller in Paris on Friday.'),
    annotated('b', 'ARMED robbers in drag made off with diamonds worth millions from a store in Paris.'),
    annotated('c', 'The thieves were armed with guns. Police chief Michel Gaudin said nothing more.'),
  ];
  const names = resolveEntities(docs).entities.map((e) => e.name);
  assert.ok(!names.some((n) => /^armed$/i.test(n)), names.join(', '));
  assert.ok(names.includes('Michel Gaudin') && names.includes('Paris'), names.join(', '));
});

test('a ship is never a person', () => {
  const text = 'Indian naval ship INS Mysore answered a distress call from the merchant vessel MV Gibe on Saturday.';
  const mentions = findEntityMentions(splitSentences(text), text).map((m) => `${m.name}/${m.type}`);
  assert.ok(mentions.includes('MV Gibe/organization') && mentions.includes('INS Mysore/organization'), mentions.join(', '));
});

test('a ship named without its prefix is the same ship', () => {
  const docs = [annotated('a', 'The merchant vessel MV Gibe sent a distress call on Saturday.'), annotated('b', 'Pirates in two boats fired at the Gibe before commandos arrived.')];
  const ship = resolveEntities(docs).entities.find((e) => e.name === 'MV Gibe');
  assert.ok(ship && ship.type === 'organization' && ship.aliases.includes('Gibe') && ship.documentIds.length === 2, JSON.stringify(ship));
});

test('a given name and its short form are one person; two different short forms are not', () => {
  assert.equal(sameFullName(['tim', 'morrison'], ['timothy', 'morrison']), true);
  assert.equal(sameFullName(['bill', 'gates'], ['william', 'gates']), true);
  assert.equal(sameFullName(['tim', 'morrison'], ['tom', 'morrison']), false);
});

test('a surname that is also a common word stays a name at the start of a sentence', () => {
  const docs = [annotated('a', 'Former adviser Fiona Hill testified on Thursday. Hill said she had warned of the risks.'), annotated('b', 'Fiona Hill spoke for six hours. Hill told the committee the memo was clear. The building stands on a hill.')];
  const hill = resolveEntities(docs).entities.find((e) => e.name === 'Fiona Hill');
  assert.ok(hill && hill.aliases.includes('Hill') && hill.mentionCount >= 4, JSON.stringify(hill));
});

test('the plural of a surname in the story is a family, not an organisation', () => {
  const docs = [annotated('a', 'Rudy Giuliani pressed Ukraine to investigate Joe Biden and his son. Giuliani said the Bidens had questions to answer.')];
  const bidens = resolveEntities(docs).entities.find((e) => e.name === 'Bidens');
  assert.equal(bidens?.type, 'group', JSON.stringify(bidens));
});

test('a name no cue types is a person when its surname stands alone elsewhere in the story; a team is not', () => {
  const docs = [
    annotated('a', 'Wladimir Klitschko stopped Hasim Rahman in the seventh round in Mannheim. Klitschko landed 28 punches in the round.'),
    annotated('b', 'Rahman never recovered from the second round. The Tar Heels beat Evansville, and the Heels stayed unbeaten.'),
  ];
  const byName = new Map(resolveEntities(docs).entities.map((e) => [e.name, e]));
  assert.equal(byName.get('Wladimir Klitschko')?.type, 'person', [...byName.keys()].join(', '));
  assert.ok(byName.get('Wladimir Klitschko')!.aliases.includes('Klitschko'));
  assert.equal(byName.get('Hasim Rahman')?.type, 'person');
  assert.notEqual(byName.get('Tar Heels')?.type, 'person');
});

test('a name after "the" ending in the plural of a common noun is a team, even with a given name first', () => {
  const text = 'Larry Brown coached the Charlotte Bobcats until December. The Charlotte Bobcats lost again on Friday.';
  const docs = [annotated('a', text)];
  const team = resolveEntities(docs).entities.find((e) => e.name === 'Charlotte Bobcats');
  assert.equal(team?.type, 'organization', JSON.stringify(team));
  assert.equal(resolveEntities(docs).entities.find((e) => e.name === 'Larry Brown')?.type, 'person');
});

test('abbreviations are places only as news writes them: "N.C." and "Mo." are states, "No." and "I\'m" are not', () => {
  const text = 'The No. 1 Tar Heels play in Chapel Hill, N.C., on Friday. "I\'m ready," said the guard from Poplar Bluff, Mo. He has 46 KOs.';
  const places = resolveEntities([annotated('a', text)]).entities.filter((e) => e.type === 'place').map((e) => e.name);
  assert.ok(places.includes('North Carolina') && places.includes('Missouri'), places.join(', '));
  assert.ok(!places.some((p) => ['Norway', 'Isle of Man', 'New Caledonia', 'Kos'].includes(p)), places.join(', '));
});

test('a title of two title words is no name: "Surgeon General" gives no person called General', () => {
  const docs = [annotated('a', 'President Obama named Regina Benjamin as his nominee for Surgeon General. The Surgeon General leads the Public Health Service. Msgr. Michael Farmer, Vicar General of the Archdiocese of Mobile, praised her.')];
  const names = resolveEntities(docs).entities.map((e) => `${e.type}:${e.name}`);
  assert.ok(!names.some((n) => /General$/.test(n)), names.join(', '));
  assert.ok(names.includes('person:Regina Benjamin') && names.includes('person:Michael Farmer'), names.join(', '));
});

test('a capital inside a word spells a company, not a place after "in"; a surname prefix does not', () => {
  const docs = [annotated('a', 'SoftBank agreed to invest another $9.5 billion in WeWork on Tuesday. Investors in WeWork lost money, said analyst Kevin McDonald.')];
  const byName = new Map(resolveEntities(docs).entities.map((e) => [e.name, e.type]));
  assert.equal(byName.get('WeWork'), 'organization', [...byName].join(', '));
  assert.equal(byName.get('SoftBank'), 'organization');
  assert.equal(byName.get('Kevin McDonald'), 'person');
});

test('a long word in capitals that the text also writes in lower case is emphasis, not an organisation', () => {
  const docs = [annotated('a', 'A HUNTER who killed and ate a wild rabbit in China has the plague. The hunter is in hospital, the WHO and UNICEF said.')];
  const names = resolveEntities(docs).entities.map((e) => e.name);
  assert.ok(!names.includes('HUNTER'), names.join(', '));
  assert.ok(names.includes('WHO') && names.includes('UNICEF'), names.join(', '));
});

test('a place or a position run together with a person\'s name is split from it: "for Ukraine Kurt Volker", "DL Myles Garrett"', () => {
  const docs = [annotated('a', 'Former special envoy for Ukraine Kurt Volker testified on Tuesday. Browns DL Myles Garrett was suspended. Volker and Garrett did not comment. He lives in the San Francisco Bay Area.')];
  const names = resolveEntities(docs).entities.map((e) => `${e.type}:${e.name}`);
  assert.ok(names.includes('person:Kurt Volker') && names.includes('place:Ukraine') && names.includes('person:Myles Garrett'), names.join(', '));
  assert.ok(!names.some((n) => /Ukraine Kurt|DL Myles|Francisco Bay|Bay Area/.test(n)), names.join(', '));
});

test('an event, a work or a product named like a person is not a person; surnames that are words still are', () => {
  const doc = annotated(
    'a',
    'Spain won the Davis Cup in Madrid. Fans of Star Wars lined up early. Nintendo Switch sales rose. Penn State lost at home. Tim Cook spoke at the launch, and Fiona Hill testified on Thursday.',
  );
  assert.deepEqual(people([doc]).map((e) => e.name).sort(), ['Fiona Hill', 'Tim Cook']);
});

test('a surname standing alone is the person the story names far more often, and nobody when no one dominates', () => {
  const story = [
    annotated('a', 'Tyler Hansbrough scored 20 points on Thursday. Tyler Hansbrough now holds the record, and his father, Gene Hansbrough, watched.'),
    annotated('b', 'Tyler Hansbrough broke the record in the first half. Hansbrough finished with 20 points.'),
    annotated('c', 'Tyler Hansbrough needed nine points. Hansbrough got them before halftime.'),
  ];
  const tyler = people(story).find((e) => e.name === 'Tyler Hansbrough')!;
  assert.deepEqual(tyler.aliases, ['Hansbrough']);
  assert.deepEqual(tyler.documentIds, ['a', 'b', 'c']);
  const even = [
    annotated('a', 'George W. Bush spoke in Texas on Monday. Jeb Bush spoke in Florida on Monday.'),
    annotated('b', 'Bush said the economy would recover.'),
  ];
  assert.ok(people(even).every((e) => !e.aliases.includes('Bush')));
});

test('a double-barrelled name is one name; two places or peoples joined by a hyphen are two', () => {
  const doc = annotated(
    'a',
    'Maurice Jones-Drew ran for 91 yards. Richard Ben-Veniste, a Watergate prosecutor, spoke to Alexandria Ocasio-Cortez. The Israel-Hamas war and the US-China trade talks went on, and the new router has AC Wi-Fi.',
  );
  const names = doc.mentions.map((m) => m.name);
  for (const name of ['Maurice Jones-Drew', 'Richard Ben-Veniste', 'Alexandria Ocasio-Cortez', 'Israel', 'Hamas', 'US', 'China']) assert.ok(names.includes(name), name);
  assert.ok(!names.some((n) => /Israel-Hamas|US-China|Wi-Fi/.test(n)));
});
