import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryAnalysis } from '../types.ts';
import { reportV1Schema, toReportV1 } from '../report/json.ts';
import { storyOf as story } from './story.test-data.ts';

const figureConflicts = (s: StoryAnalysis) => s.claims.filter((c) => c.conflict && c.conflict.slot !== 'date' && c.conflict.slot !== 'polarity').map((c) => ({ slot: c.conflict!.slot, values: c.conflict!.values.map((v) => `${v.value} (${v.documentIds.join(', ')})`).sort() }));

test('two articles that give different counts of the injured conflict, each value with its article', () => {
  const s = story({
    gazette: 'Twelve workers were injured when a fire broke out at the Veldmark Chemicals plant in Brennock on Tuesday evening.',
    courier: 'Nine workers were injured when fire tore through the Veldmark Chemicals plant in Brennock on Tuesday evening.',
  });
  assert.deepEqual(figureConflicts(s), [{ slot: 'number of workers', values: ['12 (gazette)', '9 (courier)'] }]);
});

test('a range given by both articles is not a disagreement between them', () => {
  const s = story({
    herald: 'The quarterback tore a knee ligament in Sunday\'s loss and is expected to be out six to eight months after surgery.',
    tribune: 'The quarterback tore a knee ligament in Sunday\'s loss and was expected to be out six to eight months after surgery.',
  });
  assert.deepEqual(figureConflicts(s), []);
});

test('two ranges that overlap agree; a figure outside a range disagrees with it', () => {
  const overlap = story({
    herald: 'Steele said as many as 35 to 40 volunteer firefighters from across the region battled the blaze at the Wasilla church.',
    tribune: 'As many as 30 to 40 volunteer firefighters from across the region battled the blaze at the Wasilla church, Steele said.',
  });
  assert.deepEqual(figureConflicts(overlap), []);
  const outside = story({
    herald: 'Steele said as many as 35 to 40 volunteer firefighters from across the region battled the blaze at the Wasilla church.',
    tribune: 'Steele said 60 volunteer firefighters from across the region battled the blaze at the Wasilla church.',
  });
  assert.deepEqual(figureConflicts(outside).map((c) => c.slot), ['number of firefighters']);
});

test('the ages of two different people do not conflict; two ages given for one person do', () => {
  const apart = story({
    wire: 'Riots spread across Greece on Monday after the police shooting of 15-year-old Alexandros Grigoropoulos in Athens.',
    daily: 'Riots spread across Greece on Monday after the police shooting, and a 16-year-old student, Veatriki Kanellou, marched in Athens.',
  });
  assert.deepEqual(figureConflicts(apart), []);
  const same = story({
    wire: 'Police arrested 60-year-old Sharron Crawford Smith on Friday and charged her with two counts of murder in Staunton.',
    daily: 'Police arrested 61-year-old Sharron Crawford Smith on Friday and charged her with two counts of murder in Staunton.',
  });
  assert.deepEqual(figureConflicts(same), [{ slot: 'amount in years', values: ['60 (wire)', '61 (daily)'] }]);
});

test('a floor and a figure above it agree; a figure below the floor does not', () => {
  const agree = story({
    post: 'Deputies chased the suspect at speeds of more than 100 mph before he pulled over on Interstate 75.',
    news: 'Deputies chased the suspect at speeds of 120 mph before he pulled over on Interstate 75.',
  });
  assert.deepEqual(figureConflicts(agree), []);
  const disagree = story({
    post: 'More than a dozen people were killed when the quake struck the island on Sunday, officials said.',
    news: 'Ten people were killed when the quake struck the island on Sunday, officials said.',
  });
  assert.deepEqual(figureConflicts(disagree), [{ slot: 'number of people', values: ['10 (news)', 'over 12 (post)'] }]);
});

test('figures stated of two different people do not conflict', () => {
  const s = story({
    inquirer: 'Andre Miller is averaging 15.5 points per game this season for the Sixers, who have lost eight of ten games.',
    daily: 'Andre Iguodala is averaging 14.9 points per game this season for the Sixers, who have lost eight of ten games.',
  });
  assert.deepEqual(figureConflicts(s), []);
});

test('a figure stated of a named person is compared only where the other sentence ties it to that person', () => {
  const apart = story({
    observer: 'Tyler Hansbrough finished with 20 points as North Carolina beat Evansville on Saturday night.',
    journal: 'North Carolina led by 18 points at the half against Evansville on Saturday night.',
  });
  assert.deepEqual(figureConflicts(apart), []);
  const same = story({
    post: 'Kimani Gray had previously been arrested four times on charges of grand larceny, police said.',
    daily: 'Kimani Gray had been in trouble with the law before, having been arrested three times on charges of grand larceny.',
  });
  assert.deepEqual(figureConflicts(same), [{ slot: 'number of times', values: ['3 (daily)', '4 (post)'] }]);
  // A person named before a figure, with a noun between, is not who the figure is about.
  const loss = story({
    kremlin: 'Vladimir Putin conveyed his condolences to Prime Minister Benjamin Netanyahu regarding the loss of over 1,300 Israeli lives in attacks launched by Hamas from Gaza on October 7.',
    wire: 'Hamas fighters breached the border from Gaza on October 7, and the attacks resulted in the tragic loss of over 1,400 Israeli lives.',
  });
  assert.deepEqual(figureConflicts(loss), [{ slot: 'number of lives', values: ['over 1,300 (kremlin)', 'over 1,400 (wire)'] }]);
});

test('a figure belongs to the subject of its clause; one stated of "he" or "she" may be anyone\'s', () => {
  // Two players' points, each the subject's, with words between the name and the figure: no conflict.
  const players = story({
    courier: 'Tyler Hansbrough finished the game with 20 points as North Carolina beat Evansville 91-73 on Thursday night.',
    ledger: 'Earl Clark finished the game with 23 points as North Carolina beat Evansville 91-73 on Thursday night.',
  });
  assert.deepEqual(figureConflicts(players), []);
  // The team's points that a player's are counted out of are not the player's points.
  const whole = story({
    courier: 'Doug McDermott scored 10 of the team’s first 17 points in the win over Drake on Friday.',
    ledger: 'Doug McDermott scored 23 points in the win over Drake on Friday.',
  });
  assert.deepEqual(figureConflicts(whole), []);
  // "She" may be the woman the other article names as the subject: the two hospital stays disagree.
  const stay = story({
    times: 'Bettie Page died on Thursday in Los Angeles at the age of 85.\nThe details of her death are known.\nShe had been hospitalized in Los Angeles for four weeks due to pneumonia, only to suffer from a heart attack.',
    wire: 'Bettie Page died on Thursday in Los Angeles at the age of 85.\nPage had been hospitalized for the past three weeks for pneumonia.',
  });
  assert.deepEqual(figureConflicts(stay), [{ slot: 'amount in weeks', values: ['3 (wire)', '4 (times)'] }]);
});

const otherConflicts = (s: StoryAnalysis) => s.claims.filter((c) => c.conflict && (c.conflict.slot === 'date' || c.conflict.slot === 'polarity')).map((c) => `${c.conflict!.slot}: ${c.conflict!.values.map((v) => v.value).join(' | ')}`);

test('the lines that date an article are not claims, and two of them are no date conflict', () => {
  const s = story({
    monday: 'PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM\n\nHundreds of people marched to the police station in Flatbush on Monday night after the shooting of a teenager.',
    wednesday: 'PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM\n\nHundreds of people marched to the police station in Flatbush on Monday night after the shooting of a teenager.',
  });
  assert.deepEqual(otherConflicts(s), []);
  assert.deepEqual(s.claims.flatMap((c) => c.claims.map((x) => x.text)).filter((t) => /PUBLISHED/.test(t)), []);
});

test('a negation written without its apostrophe is read as a negation', () => {
  const s = story({
    herald: 'The police can\'t confirm how many people were hurt in the blast at the market on Sunday.',
    times: 'The police cant confirm how many people were hurt in the blast at the market on Sunday.',
  });
  assert.deepEqual(s.claims.flatMap((c) => c.claims.map((x) => `${x.documentId}: ${x.negated}`)).sort(), ['herald: true', 'times: true']);
  assert.deepEqual(otherConflicts(s), []);
});

test('declining to say something does not contradict saying something else', () => {
  const s = story({
    wire: 'Publicist Jack Ketsoyan would not say Friday what the American Pie star was being treated for at the clinic.',
    daily: 'Publicist Jack Ketsoyan said Friday that the American Pie star was being treated for exhaustion at the clinic.',
  });
  assert.deepEqual(otherConflicts(s), []);
});

test('a date written without its year is not compared across articles published in other years', () => {
  const s = story(
    {
      early: 'At the end of July, an armed man robbed a diamond exhibition at the Carlton hotel in Cannes, making off with jewels.',
      late: 'At the end of July, an armed man robbed a diamond exhibition at the Carlton hotel in Cannes, making off with jewels.',
    },
    { early: '2008-12-10T12:00:00Z', late: '2013-08-02T12:00:00Z' },
  );
  assert.deepEqual(otherConflicts(s), []);
});

test('figures in one unit conflict only when the words around them say they measure the same thing', () => {
  const same = story({
    times: 'Felt pleaded guilty to conspiracy to obstruct justice and served four months in federal prison for it.',
    post: 'Felt pleaded guilty to conspiracy to obstruct justice and served five months in federal prison for it.',
  });
  assert.deepEqual(figureConflicts(same), [{ slot: 'amount in months', values: ['4 (times)', '5 (post)'] }]);
  const apart = story({
    times: 'Seven months after the conviction, President Ronald Reagan pardoned Felt, the FBI official behind the Watergate leaks.',
    post: 'The two met until November 1973, five months after Felt, the FBI official behind the Watergate leaks, left the FBI.',
  });
  assert.deepEqual(figureConflicts(apart), []);
});

test('figures of one unit in sentences about different things neither disagree nor agree', () => {
  const stats = story({
    courier: 'McDermott had 10 points in the first seven minutes of the game, and Creighton never trailed against Illinois State.',
    herald: 'Creighton led by 14 points at halftime of the game and beat Illinois State 91-73 in front of a record crowd.',
  });
  const players = story({
    courier: 'Luck threw for 205 yards on Sunday and his touchdown pass to Wayne late in the game beat the Chiefs.',
    herald: 'Charles rushed for 226 yards on Sunday, but the Chiefs lost the game to the Colts in Kansas City.',
  });
  for (const s of [stats, players]) {
    assert.deepEqual(figureConflicts(s), []);
    assert.deepEqual(s.claims.filter((c) => c.documentIds.length > 1).map((c) => c.text), []);
  }
});

test('a shared age, or figures of one count held by two people, do not make two sentences one claim', () => {
  const ages = story({
    times: 'The 40-year-old Jackman plays a cattle driver opposite Nicole Kidman in the new film by Baz Luhrmann.',
    post: 'The 40-year-old Jackman has hosted the Tony awards three times and stars in the new film by Baz Luhrmann.',
  });
  const passers = story({
    times: 'David Garrard finished with 28 completions in the Jaguars\' loss to the Colts on Thursday night.',
    post: 'Peyton Manning had 24 completions in the Colts\' win over the Jaguars on Thursday night.',
  });
  for (const s of [ages, passers]) {
    assert.deepEqual(s.claims.filter((c) => c.documentIds.length > 1).map((c) => `${c.status}: ${c.text}`), []);
    assert.equal(s.claims.length, 2);
  }
});

test('a bound that agrees with one value is listed as its own value, not under that value', () => {
  const s = story({
    journal: 'SoftBank agreed to inject $6.5 billion in debt and equity into WeWork as part of the rescue.',
    crunch: 'SoftBank agreed to a rescue of WeWork worth up to $8 billion in debt and equity.',
    times: 'SoftBank agreed to a $9.5 billion rescue of WeWork in debt and equity.',
  });
  assert.deepEqual(figureConflicts(s), [{ slot: 'amount in USD', values: ['$6,500,000,000 (journal)', '$9,500,000,000 (times)', 'up to $8,000,000,000 (crunch)'] }]);
});

test('an article giving the other\'s number for something else still disagrees on this one', () => {
  const s = story({
    verge: 'After receiving a lifeline from investor SoftBank worth up to $8 billion, WeWork is now cutting costs.',
    times: 'SoftBank, its largest investor, committed to a $9.5 billion lifeline to bail out WeWork, whose once lofty valuation the bankers had slashed from $47 billion to $8 billion.',
  });
  assert.deepEqual(figureConflicts(s), [{ slot: 'amount in USD', values: ['$9,500,000,000 (times)', 'up to $8,000,000,000 (verge)'] }]);
});

test('a claim a later rewrite adds to the text it follows is marked as its addition, quoted words first', () => {
  const shared = 'Russian President Vladimir Putin spoke by phone with Israeli Prime Minister Benjamin Netanyahu on Monday. He offered condolences for the Israeli lives lost in the attacks. The Kremlin said Russia wants a ceasefire in Gaza as soon as possible.';
  const s = story(
    {
      wire: `${shared} Putin also outlined the steps Moscow is taking to prevent a humanitarian catastrophe.`,
      rewrite: `${shared} Russia has also accused the United States of being the “Great Satan” and Israel the “Little Satan.” Officials in Moscow met the Iranian envoy on Tuesday to discuss trade.`,
    },
    { wire: '2023-10-17T10:00:00Z', rewrite: '2023-11-12T10:00:00Z' },
  );
  const single = s.claims.filter((c) => c.status === 'single-source');
  const added = single.filter((c) => c.addedBy).map((c) => ({ text: c.text.slice(0, 30), ...c.addedBy }));
  assert.deepEqual(added, [
    { text: 'Russia has also accused the Un', documentId: 'rewrite', source: 'wire', quoted: true },
    { text: 'Officials in Moscow met the Ir', documentId: 'rewrite', source: 'wire', quoted: false },
  ]);
  assert.equal(single[0]!.addedBy?.quoted, true, 'the quoted addition comes first');
  assert.ok(single.some((c) => c.documentIds.join() === 'wire' && !c.addedBy), 'what the earlier text alone says is not an addition');
  const report = toReportV1({ documents: [], annotated: [], stories: [s], errors: [], duplicates: [] });
  assert.equal(reportV1Schema.safeParse(report).success, true);
  assert.deepEqual(report.stories[0]!.claims.find((c) => c.addedBy?.quoted)?.addedBy, { documentId: 'rewrite', source: 'wire', quoted: true });
});
