import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, sniffDeclaredCharset } from './decode.ts';

const FRENCH = 'Le ministre a déclaré à la presse que les négociations reprendraient après la trêve; « c’est un début », a-t-il ajouté.';
const JAPANESE = '東京都は月曜日、新しい防災計画を発表した。計画では、地震や台風などの災害に備えて、避難所の数を増やすことが盛り込まれている。';
const CHINESE = '国务院新闻办公室星期一举行新闻发布会，介绍今年前三季度国民经济运行情况。发言人表示，经济继续恢复向好。';

test('decodes UTF-8 with and without a byte-order mark', () => {
  assert.equal(decodeBytes(new TextEncoder().encode(FRENCH), 'a.txt'), FRENCH);
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH)]), 'a.txt'), FRENCH);
});

test('decodes UTF-16 marked by its byte-order mark', () => {
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRENCH, 'utf16le')]), 'a.txt'), FRENCH);
});

test('honours the charset of an HTTP Content-Type header', () => {
  const bytes = iconv.encode(JAPANESE, 'Shift_JIS');
  assert.equal(decodeBytes(bytes, 'https://example.jp/a', 'text/html; charset=Shift_JIS'), JAPANESE);
});

test('honours a <meta charset> declaration, reading ISO-8859-1 as windows-1252 like browsers', () => {
  const html = `<html><head><meta charset="iso-8859-1"></head><body><p>${FRENCH.replace('’', "'")} Prix : 5 €</p></body></html>`;
  const text = decodeBytes(iconv.encode(html, 'windows-1252'), 'a.html');
  assert.match(text, /déclaré à la presse/);
  assert.match(text, /5 €/);
  assert.equal(sniffDeclaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), 'gb2312');
});

test('prefers valid UTF-8 over a wrong Latin-1 declaration, so no mojibake appears', () => {
  const html = `<meta charset="iso-8859-1"><p>${FRENCH}</p>`;
  const text = decodeBytes(Buffer.from(html), 'a.html');
  assert.match(text, /déclaré/);
  assert.doesNotMatch(text, /Ã©/);
});

test('detects undeclared windows-1252, Shift_JIS and GB18030 text', () => {
  assert.equal(decodeBytes(iconv.encode(FRENCH.repeat(3), 'windows-1252'), 'fr.txt'), FRENCH.repeat(3));
  assert.equal(decodeBytes(iconv.encode(JAPANESE.repeat(3), 'Shift_JIS'), 'ja.txt'), JAPANESE.repeat(3));
  assert.equal(decodeBytes(iconv.encode(CHINESE.repeat(3), 'GB18030'), 'zh.txt'), CHINESE.repeat(3));
});

test('rejects bytes that no encoding reads cleanly with INPUT_NOT_DECODABLE', () => {
  const bytes = Buffer.from([0x81, 0xff, 0xfe, 0x80, 0x00, 0x9f, 0x81, 0xff, 0x80, 0x81, 0xfe, 0xff, 0x90]);
  assert.throws(() => decodeBytes(bytes, 'junk.txt', 'text/plain; charset=utf-8', { minConfidence: 101 }), { code: 'INPUT_NOT_DECODABLE' });
});
