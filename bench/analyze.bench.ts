// Benchmark of `analyze` over 1,000 real-text articles: articles per second, time per stage and peak
// memory, beside the cost of only tokenizing the same text with wink-nlp (the floor for any pipeline).
// Then story analysis alone for stories of 5, 100 and 1,000 articles, to show how it grows.
import { performance } from 'node:perf_hooks';
import { annotateDocument } from '../src/annotate/index.ts';
import { nlp } from '../src/annotate/nlp.ts';
import { analyzeStory } from '../src/analyze/index.ts';
import { clusterStories, fromAnnotated } from '../src/cluster/index.ts';
import { renderJson } from '../src/report/json.ts';
import type { Analysis, Story } from '../src/types.ts';
import { skipUnlessShared } from '../test/shared-data.ts';
import { corpusOf } from './corpus.ts';

const missing = skipUnlessShared('data', 'stories');
if (missing) {
  console.log(`analyze bench skipped: ${missing}`);
  process.exit(0);
}

const N = Number(process.env.BENCH_ARTICLES ?? 1000);
const docs = corpusOf(N);
const words = docs.reduce((s, d) => s + d.text.split(/\s+/).length, 0);
let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);

const t0 = performance.now();
const tokenizeCpu0 = process.cpuUsage();
for (const d of docs) nlp.readDoc(d.text).tokens().out();
const tokenizeMs = performance.now() - t0;
const tokenizeCpuMs = process.cpuUsage(tokenizeCpu0).user / 1000;

const stages: Record<string, number> = {};
const time = <T>(name: string, fn: () => T): T => {
  const s = performance.now();
  const r = fn();
  stages[name] = (stages[name] ?? 0) + performance.now() - s;
  sample();
  return r;
};
const start = performance.now();
const cpuStart = process.cpuUsage();
const annotated = time('annotate', () => docs.map((d) => annotateDocument(d)));
const { stories } = time('cluster', () => clusterStories(annotated.map(fromAnnotated)));
const byId = new Map(annotated.map((a) => [a.doc.id, a]));
const analyses = time('analyze stories', () => stories.map((s) => analyzeStory(s, s.documentIds.map((id) => byId.get(id)!))));
const analysis: Analysis = { documents: docs, annotated, stories: analyses, errors: [], duplicates: [] };
time('render json', () => renderJson(analysis));
const totalMs = performance.now() - start;
const totalCpuMs = process.cpuUsage(cpuStart).user / 1000;
clearInterval(timer);
sample();

const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`analyze: ${docs.length} articles, ${words.toLocaleString('en-US')} words, ${stories.length} stories`);
console.log(`  total            ${fmt(totalMs)} wall, ${fmt(totalCpuMs)} CPU  (${(docs.length / (totalMs / 1000)).toFixed(1)} articles/s wall, ${(docs.length / (totalCpuMs / 1000)).toFixed(1)} per CPU second)`);
console.log(`  load average     ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores (wall times are only meaningful on an idle machine)`);
for (const [name, ms] of Object.entries(stages)) console.log(`  ${name.padEnd(16)} ${fmt(ms)}  (${((ms / totalMs) * 100).toFixed(0)}%)`);
console.log(`  peak RSS         ${(peak / 1024 / 1024).toFixed(0)} MB`);
console.log(`  wink tokenize only: ${fmt(tokenizeMs)} wall, ${fmt(tokenizeCpuMs)} CPU → the pipeline costs ${(totalCpuMs / tokenizeCpuMs).toFixed(1)}× (CPU) reading every token`);

// Story analysis alone, as one story grows.
console.log('story analysis (one story of N articles):');
let previous: { n: number; ms: number } | undefined;
for (const n of [5, 100, 1000]) {
  const members = annotated.slice(0, n);
  const story: Story = { id: `bench-${n}`, title: 'bench', documentIds: members.map((m) => m.doc.id) };
  const s = performance.now();
  const cpu0 = process.cpuUsage();
  const result = analyzeStory(story, members);
  const wall = performance.now() - s;
  // CPU time of this process: steadier than wall time on a shared machine.
  const ms = process.cpuUsage(cpu0).user / 1000;
  const growth = previous ? `  (${(ms / previous.ms).toFixed(1)}× CPU time for ${(n / previous.n).toFixed(0)}× articles)` : '';
  console.log(`  ${String(n).padStart(5)} articles: ${fmt(wall)} wall, ${fmt(ms)} CPU, ${(ms / n).toFixed(1)} ms CPU/article, ${result.claims.length} claim groups${growth}`);
  previous = { n, ms };
}
