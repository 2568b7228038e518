// Benchmark of the sentence judge: WordNet cold load time and memory, concept-key lookups per second,
// and compareSentences pairs per second on MSRP news pairs (tokens prepared, and with wink tokenizing).
// Runs in its own process (bench/index.ts), so the first WordNet call here is a true cold start.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { conceptKeys } from '../src/annotate/synonyms.ts';
import { tokenize } from '../src/annotate/nlp.ts';
import { compareBags, compareSentences, sentenceBag } from '../src/analyze/similarity.ts';
import type { Token } from '../src/types.ts';
import { sharedPath, skipUnlessShared } from '../test/shared-data.ts';

const FALLBACK_PAIRS: [string, string][] = [
  ['The catastrophe forced thousands to evacuate.', 'The disaster forced the evacuation of thousands.'],
  ['Hamas attacks claimed over 1,300 Israeli lives.', 'The attacks caused the tragic loss of over 1,400 lives.'],
  ['Putin spoke with Netanyahu on October 16.', 'Putin held a phone call with Netanyahu on Monday.'],
];
const MAX_PAIRS = Number(process.env.BENCH_PAIRS ?? 2000);

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function loadPairs(): [string, string][] {
  if (skipUnlessShared('data', 'paraphrase', 'msrp')) return FALLBACK_PAIRS;
  return readFileSync(sharedPath('data', 'paraphrase', 'msrp', 'msr_paraphrase_train.txt'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .slice(1, MAX_PAIRS + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const f = l.split('\t');
      return [f[3] ?? '', f[4] ?? ''];
    });
}

const pairs = loadPairs();
const tokenized: [Token[], Token[]][] = pairs.map(([a, b]) => [tokenize(a), tokenize(b)]);
const vocabulary = [...new Set(tokenized.flatMap(([a, b]) => [...a, ...b]).filter((t) => /^(NOUN|VERB|ADJ|ADV)$/.test(t.pos)).map((t) => `${t.lemma}\t${t.pos}`))];

// Cold WordNet: the first lookup of each part of speech reads its index file.
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage();
let start = performance.now();
for (const pos of ['NOUN', 'VERB', 'ADJ', 'ADV']) conceptKeys('time', pos);
conceptKeys('ceasefire', 'NOUN'); // a miss that tries hyphenated spellings
const coldMs = performance.now() - start;
start = performance.now();
for (const entry of vocabulary) {
  const [lemma, pos] = entry.split('\t') as [string, string];
  conceptKeys(lemma, pos);
}
const firstLookupMs = performance.now() - start;
(globalThis as { gc?: () => void }).gc?.();
const after = process.memoryUsage();
start = performance.now();
for (const entry of vocabulary) {
  const [lemma, pos] = entry.split('\t') as [string, string];
  conceptKeys(lemma, pos);
}
const cachedLookupMs = performance.now() - start;

// One untimed pass first: JIT warm-up and the WordNet lookups of compounds and names.
const bags = tokenized.map(([a, b]) => [sentenceBag({ tokens: a }), sentenceBag({ tokens: b })] as const);
for (const [a, b] of bags) compareBags(a, b);
start = performance.now();
for (const [a, b] of tokenized) [sentenceBag({ tokens: a }), sentenceBag({ tokens: b })];
const bagMs = performance.now() - start;
start = performance.now();
for (const [a, b] of bags) compareBags(a, b);
const compareMs = performance.now() - start;
start = performance.now();
for (const [a, b] of tokenized) compareSentences({ tokens: a }, { tokens: b });
const sentencesMs = performance.now() - start;
start = performance.now();
for (const [a, b] of pairs) compareSentences({ tokens: tokenize(a) }, { tokens: tokenize(b) });
const fullMs = performance.now() - start;

const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;
console.log(`WordNet cold load (4 index files, first lookups): ${coldMs.toFixed(1)} ms`);
console.log(`WordNet memory after ${vocabulary.length.toLocaleString('en')} lemmas: heap +${mb(after.heapUsed - before.heapUsed)} (caches), buffers +${mb(after.arrayBuffers - before.arrayBuffers)} (index files)`);
console.log(`conceptKeys first lookups: ${rate(vocabulary.length, firstLookupMs)}; cached: ${rate(vocabulary.length, cachedLookupMs)}`);
console.log(`sentenceBag: ${rate(pairs.length * 2, bagMs)} sentences`);
console.log(`compareBags (bags prepared): ${rate(pairs.length, compareMs)} pairs`);
console.log(`compareSentences (tokens prepared): ${rate(pairs.length, sentencesMs)} pairs`);
console.log(`compareSentences with wink tokenizing (as compare --pairs): ${rate(pairs.length, fullMs)} pairs`);
console.log(`(${pairs.length.toLocaleString('en')} ${pairs === FALLBACK_PAIRS ? 'built-in' : 'MSRP'} pairs)`);
