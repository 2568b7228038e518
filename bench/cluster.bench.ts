// Story clustering at scale: throughput, peak memory and cost per article at 10k, 100k and 1M articles
// generated from the shared texts (new dates, recombined paragraphs, light edits, many near-copies).
// `npm run bench -- cluster --max 100000` (or CLUSTER_BENCH_MAX) stops early; each size runs in its own process.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bcubed } from '../src/cluster/bcubed.ts';
import { createStoryClusterer, DEFAULT_CLUSTER_OPTIONS } from '../src/cluster/index.ts';
import type { ClusterInput } from '../src/cluster/index.ts';
import { sharedPath, skipUnlessShared } from '../test/shared-data.ts';

const SIZES = [10_000, 100_000, 1_000_000];
/** Articles a simulated day; an event is in the news 2 days out of every 12. */
const PER_DAY = 3_000;
const CYCLE_DAYS = 12;
const ACTIVE_DAYS = 2;
const DUPLICATE_SHARE = 0.25;
/** B-cubed needs every assignment in memory; measured up to this size only. */
const QUALITY_MAX = 100_000;
const PROGRESS_EVERY = 100_000;

interface BaseEvent {
  /** Paragraphs of each source article of the event. */
  articles: string[][];
}

function loadEvents(): BaseEvent[] {
  const gold = JSON.parse(readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.gold.json'), 'utf8')) as Record<string, string>;
  const byEvent = new Map<string, string[][]>();
  for (const line of readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    const paragraphs = text.split('\n').filter((p) => p.trim());
    byEvent.set(gold[id]!, [...(byEvent.get(gold[id]!) ?? []), paragraphs]);
  }
  const events: BaseEvent[] = [...byEvent.keys()].sort().map((k) => ({ articles: byEvent.get(k)! }));
  const gt = JSON.parse(readFileSync(sharedPath('data', 'extraction', 'scrapinghub', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const id of Object.keys(gt).sort()) {
    const paragraphs = gt[id]!.articleBody.split(/\n+/).filter((p) => p.trim().length > 40);
    if (paragraphs.length >= 3) events.push({ articles: [paragraphs] });
  }
  const seeds = sharedPath('seeds');
  events.push({ articles: readdirSync(seeds).sort().map((f) => readFileSync(join(seeds, f), 'utf8').split(/\n+/).filter((p) => p.trim())) });
  return events;
}

function lcg(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** Light edits: some figures change, a paragraph may drop. */
function edit(paragraphs: string[], rand: () => number): string[] {
  return paragraphs
    .filter(() => rand() > 0.1)
    .map((p) => (rand() < 0.3 ? p.replace(/\b\d+\b/, (n) => String(Number(n) + 1 + Math.floor(rand() * 3))) : p));
}

/** The article stream: `n` articles in publication order, each with the story instance it belongs to. */
function* generate(n: number, events: BaseEvent[]): Generator<{ input: ClusterInput; label: string }> {
  const rand = lcg(42);
  const recent = new Map<string, string[]>();
  const start = Date.UTC(2024, 0, 1) / 86_400_000;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / PER_DAY);
    const active = events.map((_, e) => e).filter((e) => (day + e) % CYCLE_DAYS < ACTIVE_DAYS);
    const e = active[Math.floor(rand() * active.length)]!;
    const label = `${e}@${Math.floor((day + e) / CYCLE_DAYS)}`;
    const event = events[e]!;
    let paragraphs: string[];
    const previous = recent.get(label);
    if (previous && rand() < DUPLICATE_SHARE) paragraphs = edit(previous, rand);
    else {
      const a = event.articles[Math.floor(rand() * event.articles.length)]!;
      const b = event.articles[Math.floor(rand() * event.articles.length)]!;
      const cut = 1 + Math.floor(rand() * Math.max(1, a.length - 1));
      paragraphs = edit([...a.slice(0, cut), ...b.slice(Math.floor(b.length / 2))], rand);
      if (paragraphs.length === 0) paragraphs = a.slice(0, 2);
    }
    if (recent.size > 2_000) recent.delete(recent.keys().next().value!);
    recent.set(label, paragraphs);
    const publishedAt = new Date((start + day) * 86_400_000).toISOString().slice(0, 10);
    yield { input: { id: `g${i}`, text: paragraphs.join('\n\n'), publishedAt }, label };
  }
}

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
