// Line output that waits for a slow reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { writeLine } from './output.ts';

test('writeLine waits while the reader has not taken what was written, and goes on when it has', async () => {
  const taken: string[] = [];
  let release: (() => void) | undefined;
  // A reader that takes one chunk and then holds the next until released.
  const out = new Writable({
    highWaterMark: 8,
    write(chunk: Buffer, _encoding, done) {
      taken.push(chunk.toString());
      if (taken.length === 1) done();
      else release = done;
    },
  });
  await writeLine(out, 'first line, longer than the buffer');
  let settled = false;
  const second = writeLine(out, 'second line, also longer').then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false, 'the second line waits for the reader');
  release!();
  await second;
  assert.deepEqual(taken, ['first line, longer than the buffer\n', 'second line, also longer\n']);
});
