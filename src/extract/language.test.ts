// Language detection: English news is recognised by its function words without franc, other languages
// (also with an English quote inside) still go to franc, short texts fall back to the declared language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, markLanguage } from './language.ts';
import { buildDocument } from './document.ts';

const ENGLISH = 'The council said on Monday that the new dam, which has been under construction for six years, would open after the floods of the spring. Residents of the valley were told to expect higher water levels, and the board has published a map of the areas at risk.';
const GERMAN = 'Der Stadtrat hat am Montag beschlossen, dass der neue Damm nach sechs Jahren Bauzeit im Frühjahr eröffnet wird. Die Anwohner im Tal wurden informiert, dass der Wasserstand steigen kann, und die Behörde hat eine Karte der gefährdeten Gebiete veröffentlicht.';
const FRENCH = 'Le conseil municipal a annoncé lundi que le nouveau barrage, en construction depuis six ans, ouvrira après les inondations du printemps. Les habitants de la vallée ont été prévenus que le niveau de l’eau pourrait monter.';
const SPANISH = 'El ayuntamiento anunció el lunes que la nueva presa, en construcción desde hace seis años, abrirá después de las inundaciones de la primavera. Los vecinos del valle fueron avisados de que el nivel del agua podría subir.';

test('recognises English news prose', () => {
  assert.equal(detectLanguage(ENGLISH), 'en');
});

test('still tells other languages apart, also with an English quote inside', () => {
  assert.equal(detectLanguage(GERMAN), 'de');
  assert.equal(detectLanguage(FRENCH), 'fr');
  assert.equal(detectLanguage(SPANISH), 'es');
  assert.equal(detectLanguage(`${GERMAN} „The dam is safe“, sagte der Ingenieur. ${GERMAN}`), 'de');
});

test('a text too short to tell takes the declared language, and a non-English article is flagged', () => {
  assert.equal(detectLanguage('Dam opens.', 'NL'), 'nl');
  assert.equal(detectLanguage('Dam opens.'), undefined);
  const doc = markLanguage(buildDocument({ origin: 'de.txt', name: 'de.txt', bytes: new Uint8Array() }, GERMAN));
  assert.equal(doc.language, 'de');
  assert.deepEqual(doc.messages.map((m) => m.code), ['LANGUAGE_NOT_ANALYSED']);
});
