// Story clustering at scale, in the library: throughput, peak memory and cost per article at 10k, 100k
// and 1M articles of the generated stream (generated-stream.ts); cluster-cli.bench.ts runs the command.
// `npm run bench -- cluster.bench --max 100000` (or CLUSTER_BENCH_MAX) stops early; each size runs in its own process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bcubed } from '../src/cluster/bcubed.ts';
import { createStoryClusterer, DEFAULT_CLUSTER_OPTIONS } from '../src/cluster/index.ts';
import { skipUnlessShared } from '../test/shared-data.ts';
import { generate, loadEvents, PER_DAY } from './generated-stream.ts';

const SIZES = [10_000, 100_000, 1_000_000];
/** B-cubed needs every assignment in memory; measured up to this size only. */
const QUALITY_MAX = 100_000;
const PROGRESS_EVERY = 100_000;

function runSize(n: number): void {
  const events = loadEvents();
  let closed = 0;
  const quality = n <= QUALITY_MAX;
  const storyOf = new Map<string, string>();
  const gold = new Map<string, string>();
  const clusterer = createStoryClusterer({
    explain: false,
    onClose: () => void closed++,
    onChange: (c) => {
      if (quality) for (const id of c.documentIds) storyOf.set(id, c.into);
    },
  });
  let duplicates = 0;
  /** Copies of an article more than the idle window older: most joined a story that had closed. */
  const lateCopies = new Set<string>();
  const dayOf = new Map<string, string>();
  let clusterMs = 0;
  let peakRss = 0;
  let i = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const { input, label } of generate(n, events)) {
    const t = performance.now();
    const a = clusterer.add(input);
    clusterMs += performance.now() - t;
    if (a.duplicateOf) duplicates++;
    if (quality) {
      storyOf.set(a.documentId, a.storyId);
      gold.set(a.documentId, label);
      dayOf.set(a.documentId, input.publishedAt!);
      const originalDay = a.duplicateOf ? dayOf.get(a.duplicateOf) : undefined;
      if (originalDay && daysBetween(originalDay, input.publishedAt!) > IDLE_DAYS) lateCopies.add(a.documentId);
    }
    if (++i % 5_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (i % PROGRESS_EVERY === 0 && i < n) {
      const cpu = process.cpuUsage(cpu0).user / 1000;
      process.stderr.write(`  … ${i.toLocaleString('en-US')}: ${((clusterMs * 1000) / i).toFixed(0)} µs/article clustering (wall), ${((cpu * 1000) / i).toFixed(0)} µs/article CPU with generation, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, ${clusterer.activeCount} active stories\n`);
    }
  }
  const t = performance.now();
  clusterer.consolidate();
  clusterMs += performance.now() - t;
  const totalMs = performance.now() - t0;
  const cpuMs = process.cpuUsage(cpu0).user / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const stories = closed + clusterer.activeCount;
  const b = quality ? bcubed(storyOf, gold) : undefined;
  const byEvent = quality ? bcubed(storyOf, new Map([...gold].map(([id, label]) => [id, label.split('@')[0]!]))) : undefined;
  const withoutLate = quality && lateCopies.size > 0 ? bcubed(without(storyOf, lateCopies), without(gold, lateCopies)) : undefined;
  console.log(
    [
      `${n.toLocaleString('en-US').padStart(9)} articles`,
      `${(n / (clusterMs / 1000)).toFixed(0).padStart(6)} articles/s clustering`,
      `${((clusterMs * 1000) / n).toFixed(0).padStart(4)} µs/article`,
      `total ${(totalMs / 1000).toFixed(1)} s wall with generation (${(cpuMs / 1000).toFixed(1)} s CPU, ${((cpuMs * 1000) / n).toFixed(0)} µs/article)`,
      `peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
      `${stories} stories (${clusterer.activeCount} active at the end)`,
      `${duplicates} near-duplicates`,
      b ? `B³ P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(3)}` : 'B³ not measured (> 100k)',
      ...(byEvent ? [`against the generating event (all its occurrences as one story) B³ P ${byEvent.precision.toFixed(3)} R ${byEvent.recall.toFixed(3)} F1 ${byEvent.f1.toFixed(3)}`] : []),
      ...(withoutLate ? [`${lateCopies.size} copies of articles over ${IDLE_DAYS} days older; without them B³ P ${withoutLate.precision.toFixed(3)} R ${withoutLate.recall.toFixed(3)} F1 ${withoutLate.f1.toFixed(3)}`] : []),
    ].join(' · '),
  );
}

/** The clusterer's default idle window; a copy of an article older than this found a closed story. */
const IDLE_DAYS = DEFAULT_CLUSTER_OPTIONS.idleDays;

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

function without<T>(map: Map<string, T>, drop: Set<string>): Map<string, T> {
  return new Map([...map].filter(([id]) => !drop.has(id)));
}

function main(): void {
  const skip = skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl');
  if (skip) {
    console.log(skip);
    return;
  }
  const sizeArg = process.argv.indexOf('--size');
  if (sizeArg >= 0) {
    runSize(Number(process.argv[sizeArg + 1]));
    return;
  }
  const maxArg = process.argv.indexOf('--max');
  const max = Number(maxArg >= 0 ? process.argv[maxArg + 1] : (process.env.CLUSTER_BENCH_MAX ?? 1_000_000));
  console.log(`clustering ${PER_DAY} generated articles a day; each size in its own process (max ${max.toLocaleString('en-US')})`);
  for (const n of SIZES.filter((s) => s <= max)) {
    const r = spawnSync(process.execPath, ['--max-semi-space-size=32', '--max-old-space-size=1536', '--import', 'tsx', fileURLToPath(import.meta.url), '--size', String(n)], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

main();
