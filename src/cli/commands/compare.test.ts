import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { comparePairs, parsePairLine } from './compare.ts';

async function run(text: string, explain = false): Promise<{ out: Record<string, unknown>[]; err: string[]; status: number }> {
  const out: Record<string, unknown>[] = [];
  const err: string[] = [];
  const status = await comparePairs(Readable.from([text]), 'pairs.tsv', explain, { out: (l) => out.push(JSON.parse(l) as Record<string, unknown>), err: (l) => err.push(l) });
  return { out, err, status };
}

test('prints one JSON line per pair with same, conflict and score', async () => {
  const { out, status } = await run(
    'The catastrophe forced thousands to evacuate.\tThe disaster forced the evacuation of thousands.\n' +
      'Over 1,300 lives were lost in the attack.\tOver 1,400 lives were lost in the attack.\n' +
      'Stocks fell sharply in Tokyo.\tThe president declared war on Monday.\n',
  );
  assert.equal(status, 0);
  assert.equal(out.length, 3);
  assert.deepEqual(Object.keys(out[0]!), ['same', 'conflict', 'score']);
  assert.equal(out[0]!.same, true);
  assert.equal(out[0]!.conflict, false);
  assert.equal(out[1]!.same, false);
  assert.equal(out[1]!.conflict, true);
  assert.deepEqual(out[2], { same: false, conflict: false, score: 0 });
});

test('adds the conflicting values to the line with explain', async () => {
  const { out } = await run('At least 2,750 people died.\t2,750 people died.\nHe did not visit Gaza.\tHe visited Gaza.\n', true);
  assert.equal(out[0]!.same, true);
  const reasons = out[1]!.reasons as { kind: string; slot?: string }[];
  assert.equal(out[1]!.conflict, true);
  assert.equal(reasons[0]!.kind, 'polarity-conflict');
  assert.equal(reasons[0]!.slot, 'polarity');
});

test('reports a line without a tab on stderr, keeps output aligned and exits 1', async () => {
  const { out, err, status } = await run('no tab here\n\nA truce held.\tThe ceasefire held.\r\n');
  assert.equal(status, 1);
  assert.deepEqual(out[0], { line: 1, error: 'expected 2 tab-separated sentences, found 1 field(s)' });
  assert.equal(out[1]!.same, true);
  assert.deepEqual(err, ['pairs.tsv:1: expected 2 tab-separated sentences, found 1 field(s)']);
});

test('rejects a line with three fields or an empty sentence', () => {
  assert.deepEqual(parsePairLine('4.0\ta\tb'), { error: 'expected 2 tab-separated sentences, found 3 field(s)' });
  assert.deepEqual(parsePairLine('a\t '), { error: 'a sentence is empty' });
  assert.deepEqual(parsePairLine('a\tb\r'), { a: 'a', b: 'b' });
});
