// Articles in a language the analysis does not read are listed with a note, never mined for claims.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocuments } from '../src/analyze/index.ts';
import { buildDocument } from '../src/extract/document.ts';
import { markLanguage } from '../src/extract/language.ts';

test('a German article is listed with a language note and yields no claims or entities', () => {
  const german = markLanguage(buildDocument({ origin: 'de.txt', name: 'de.txt', bytes: new Uint8Array() }, 'Der Bürgermeister sagte am Montag, dass die Brücke nach den Reparaturen wieder geöffnet werde. Die Arbeiten hatten zwölf Millionen Euro gekostet und dauerten drei Monate länger als geplant.'));
  const english = markLanguage(buildDocument({ origin: 'en.txt', name: 'en.txt', bytes: new Uint8Array() }, 'The mayor said on Monday that the bridge would reopen after repairs. The work cost twelve million euros and took three months longer than planned.'));
  const analysis = analyzeDocuments([german, english]);
  assert.equal(german.language, 'de');
  assert.equal(analysis.documents.find((d) => d.id === 'de')!.messages[0]!.code, 'LANGUAGE_NOT_ANALYSED');
  const claims = analysis.stories.flatMap((s) => s.claims.flatMap((c) => c.documentIds));
  assert.ok(!claims.includes('de'));
  assert.ok(claims.includes('en'));
  const annotated = analysis.annotated.find((a) => a.doc.id === 'de')!;
  assert.deepEqual([annotated.mentions.length, annotated.numbers.length, annotated.times.length], [0, 0, 0]);
});
