// MinHash and LSH: estimates track true Jaccard, and LSH finds every near-duplicate pair that brute
// force finds above the documented threshold (property test against all-pairs similarity).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimateJaccard, LshIndex, minhashSignature, shingleHashes } from './minhash.ts';
import { DEFAULT_CLUSTER_OPTIONS as D } from './options.ts';

function jaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  let shared = 0;
  for (const x of new Set(b)) if (sa.has(x)) shared++;
  return shared / (sa.size + new Set(b).size - shared);
}

const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);
const signature = (w: string[]): Uint32Array => minhashSignature(shingleHashes(w, D.shingleSize), D.numPermutations);

test('an article and its exact copy have estimated similarity 1', () => {
  const w = words('Seven killed as a magnitude 6.1 earthquake strikes the coast of Indonesia on Sunday morning');
  assert.equal(estimateJaccard(signature(w), signature([...w])), 1);
});

test('two unrelated articles have an estimated similarity near 0', () => {
  const a = signature(words('The council approved the tram extension to the eastern suburbs after a three year debate'));
  const b = signature(words('Microsoft released an emergency patch for a flaw in Internet Explorer exploited by hackers'));
  assert.ok(estimateJaccard(a, b) < 0.1);
});

test('the estimate is within 0.15 of the true shingle Jaccard for a light rewrite', () => {
  const base = words('Fire at the Veldmark Chemicals plant injures at least twelve workers on Tuesday evening as flames spread through a storage hall on the eastern edge of Brennock and residents were told to stay inside');
  const edited = [...base];
  edited[10] = 'ten';
  edited[25] = 'warehouse';
  const truth = jaccard(shingleHashes(base, D.shingleSize), shingleHashes(edited, D.shingleSize));
  assert.ok(Math.abs(estimateJaccard(signature(base), signature(edited)) - truth) < 0.15);
});

/** Pairs at or above this true Jaccard are missed by 16 bands × 4 rows with probability < 1e-5. */
const GUARANTEED = 0.85;

test('LSH candidates include every pair brute force finds at Jaccard ≥ 0.85', () => {
  const vocabulary = Array.from({ length: 300 }, (_, i) => `w${i}`);
  const doc = fc.array(fc.integer({ min: 0, max: vocabulary.length - 1 }), { minLength: 40, maxLength: 160 });
  const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: vocabulary.length - 1 })), { maxLength: 3 });
  const corpus = fc.array(fc.tuple(doc, fc.array(edits, { maxLength: 3 })), { minLength: 2, maxLength: 12 });
  let checked = 0;
  fc.assert(
    fc.property(corpus, (groups) => {
      // Each base article comes with up to three lightly edited copies: true near-duplicates.
      const docs = groups.flatMap(([base, copies]) => [
        base.map((i) => vocabulary[i]!),
        ...copies.map((changes) => {
          const copy = base.map((i) => vocabulary[i]!);
          for (const [at, word] of changes) copy[at % copy.length] = vocabulary[word]!;
          return copy;
        }),
      ]);
      const shingles = docs.map((d) => shingleHashes(d, D.shingleSize));
      const index = new LshIndex<number>(D.lshBands, D.lshRows, Number.MAX_SAFE_INTEGER);
      const keys = shingles.map((s) => index.keys(minhashSignature(s, D.numPermutations)));
      keys.forEach((k, i) => index.insert(k, i));
      for (let i = 0; i < docs.length; i++) {
        const found = new Set(index.candidates(keys[i]!));
        for (let j = 0; j < docs.length; j++) {
          if (i === j || jaccard(shingles[i]!, shingles[j]!) < GUARANTEED) continue;
          checked++;
          assert.ok(found.has(j), `pair ${i},${j} missed`);
        }
      }
    }),
    { numRuns: 150, seed: 20231016 },
  );
  assert.ok(checked > 100, `only ${checked} near-duplicate pairs were generated; the property was barely exercised`);
});

test('removing an item takes it out of every bucket', () => {
  const index = new LshIndex<string>(D.lshBands, D.lshRows);
  const keys = index.keys(signature(words('one two three four five six seven eight nine ten')));
  index.insert(keys, 'a');
  index.remove(keys, 'a');
  assert.deepEqual(index.candidates(keys), []);
  assert.equal(index.size, 0);
});
