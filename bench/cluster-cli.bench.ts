// `crosscheck cluster - --format jsonl` at scale: the generated stream (generated-stream.ts) piped to
// the command as JSON Lines, 10k, 100k and 1M articles. Reports the wall time, CPU and peak RSS of the
// command's own process (read from /proc while it runs, so Linux only), the cost per article at each
// size, and up to 100k the B-cubed of the assignments it printed. cluster.bench.ts measures the library.
// `npm run bench -- cluster-cli --max 100000` (or CLUSTER_BENCH_MAX) stops early.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bcubed } from '../src/cluster/bcubed.ts';
import { REPO_ROOT, skipUnlessShared } from '../test/shared-data.ts';
import { generate, loadEvents, PER_DAY, type BaseEvent } from './generated-stream.ts';

const SIZES = [10_000, 100_000, 1_000_000];
/**
 * Node flags for the command's process: none by default, as a user runs it. NODE_FLAGS (space-separated)
 * tries others, e.g. NODE_FLAGS='--max-old-space-size=1536'.
 */
const NODE_FLAGS = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
const QUALITY_MAX = 100_000;
const POLL_MS = 200;
const PROGRESS_EVERY = 100_000;
/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessSample {
  rssKb: number;
  peakRssKb: number;
  cpuSeconds: number;
}

/** Peak RSS and CPU so far of a running process, from /proc; undefined when it has gone or there is no /proc. */
function sample(pid: number): ProcessSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, utime 14 and stime 15 (1-based), here 0-based from state.
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssKb: kb('VmRSS'), peakRssKb: kb('VmHWM'), cpuSeconds: cpuTicks / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** /proc counts kibibytes; reported in MB of 10^6 bytes, as cluster.bench.ts does. */
const mb = (kib: number): string => `${((kib * 1024) / 1e6).toFixed(0)} MB`;

/** A line on stderr while a long run goes on: cumulative cost per article and the RSS now. */
function progress(sent: number, assigned: number, wallSeconds: number, now: ProcessSample | undefined): void {
  const cost = (seconds: number): string => `${((seconds * 1e6) / assigned).toFixed(0)} µs/article`;
  process.stderr.write(
    `  … ${sent.toLocaleString('en-US')} sent, ${assigned.toLocaleString('en-US')} assigned: ${cost(wallSeconds)} wall` +
      (now ? `, ${cost(now.cpuSeconds)} CPU, RSS ${mb(now.rssKb)} (peak ${mb(now.peakRssKb)})\n` : '\n'),
  );
}

async function runSize(n: number, events: BaseEvent[]): Promise<string> {
  const quality = n <= QUALITY_MAX;
  const child = spawn(process.execPath, [...NODE_FLAGS, join(REPO_ROOT, 'bin', 'crosscheck.js'), 'cluster', '-', '--format', 'jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let last: ProcessSample | undefined;
  // A process that has exited but not yet been reaped (a zombie) still has a /proc entry with its CPU
  // times but without its memory lines: its CPU is kept, its peak of 0 is not.
  const timer = setInterval(() => {
    const now = sample(child.pid!);
    if (now) last = { ...now, peakRssKb: Math.max(now.peakRssKb, last?.peakRssKb ?? 0) };
  }, POLL_MS);
  const storyOf = new Map<string, string>();
  const gold = new Map<string, string>();
  let assigned = 0;
  let duplicates = 0;
  const problems: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const out = JSON.parse(line) as { id?: string; story?: string; duplicateOf?: string; change?: string; into?: string; documentIds?: string[] };
    if (out.id) {
      assigned++;
      if (out.duplicateOf) duplicates++;
      if (quality) storyOf.set(out.id, out.story!);
    } else if (out.change && quality) for (const id of out.documentIds ?? []) storyOf.set(id, out.into!);
  });
  createInterface({ input: child.stderr }).on('line', (line) => void (problems.length < 5 && problems.push(line)));
  const exited = once(child, 'close');
  let sent = 0;
  const t0 = performance.now();
  for (const { input, label } of generate(n, events)) {
    // The generator's light edits can drop every paragraph of a copy; the command would rightly refuse it.
    if (input.text.trim() === '') continue;
    sent++;
    if (quality) gold.set(input.id, label.split('@')[0]!);
    if (!child.stdin.write(`${JSON.stringify({ id: input.id, text: input.text, publishedAt: input.publishedAt })}\n`)) await once(child.stdin, 'drain');
    if (sent % PROGRESS_EVERY === 0 && sent < n) progress(sent, assigned, (performance.now() - t0) / 1000, sample(child.pid!));
  }
  child.stdin.end();
  const [code] = (await exited) as [number | null];
  const wallSeconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (code !== 0 || assigned !== sent) return `${n.toLocaleString('en-US')} articles: the command exited ${code} after ${assigned} of ${sent} assignments; ${problems.join(' | ')}`;
  const b = quality ? bcubed(storyOf, gold) : undefined;
  return [
    `${n.toLocaleString('en-US').padStart(9)} articles (${n - sent} with no text left after the edits not sent)`,
    `${(wallSeconds).toFixed(1)} s wall (${((wallSeconds * 1e6) / n).toFixed(0)} µs/article)`,
    last ? `${last.cpuSeconds.toFixed(1)} s CPU (${((last.cpuSeconds * 1e6) / n).toFixed(0)} µs/article)` : 'CPU not measured (no /proc)',
    last ? `peak RSS ${mb(last.peakRssKb)}` : 'peak RSS not measured',
    `${duplicates} near-duplicates`,
    b ? `B³ against the generating event P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(3)}` : `B³ not measured (> ${QUALITY_MAX.toLocaleString('en-US')})`,
  ].join(' · ');
}

async function main(): Promise<void> {
  const skip = skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl');
  if (skip) {
    console.log(skip);
    return;
  }
  const maxArg = process.argv.indexOf('--max');
  const max = Number(maxArg >= 0 ? process.argv[maxArg + 1] : (process.env.CLUSTER_BENCH_MAX ?? 1_000_000));
  console.log(`crosscheck cluster - --format jsonl, fed ${PER_DAY} generated articles a day as JSON Lines on stdin, node ${NODE_FLAGS.length ? NODE_FLAGS.join(' ') : 'without flags'} (max ${max.toLocaleString('en-US')})`);
  const events = loadEvents();
  for (const n of SIZES.filter((s) => s <= max)) console.log(await runSize(n, events));
}

await main();
