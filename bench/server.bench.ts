// Benchmark of the store and server: ingest throughput into SQLite (annotate + place + store, and the
// store's insert alone), then p50/p99 latency of the story list and of a 100-article story page under
// 50 concurrent requests from a local load generator against a `crosscheck serve` child on 127.0.0.1.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeStory } from '../src/analyze/index.ts';
import { annotateDocument } from '../src/annotate/index.ts';
import { Ingestor, reanalyzeStale } from '../src/store/ingest.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { REPO_ROOT, skipUnlessShared } from '../test/shared-data.ts';
import { corpusOf } from './corpus.ts';

const missing = skipUnlessShared('data', 'stories');
if (missing) {
  console.log(`server bench skipped: ${missing}`);
  process.exit(0);
}

const OPTIONS = {
  ingestArticles: Number(process.env.BENCH_INGEST ?? 300),
  storyArticles: 100,
  concurrency: 50,
  /** Each load run stops at this many requests or this many milliseconds, whichever comes first. */
  maxRequests: Number(process.env.BENCH_REQUESTS ?? 2000),
  maxMs: 10_000,
};

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const rate = (n: number, ms: number) => `${(n / (ms / 1000)).toFixed(1)}/s`;

// ── ingest ──
const docs = corpusOf(OPTIONS.ingestArticles);
const ingestStore = openSqliteStore(join(dir, 'ingest.db'));
const ingestor = await Ingestor.open(ingestStore);
let t = performance.now();
for (const d of docs) await ingestor.addDocuments([d]);
const ingestMs = performance.now() - t;
t = performance.now();
const analysed = await ingestor.reanalyze();
const analyseMs = performance.now() - t;
await ingestStore.close();

const annotated = docs.map((d) => annotateDocument(d));
const insertStore = openSqliteStore(join(dir, 'insert.db'));
t = performance.now();
for (const a of annotated) await insertStore.addDocument({ document: a.doc, annotated: a, assignment: { documentId: a.doc.id, storyId: `s-${a.doc.id.slice(0, 3)}`, score: 1, reasons: [] } });
const insertMs = performance.now() - t;
await insertStore.close();

console.log(`ingest into SQLite (WAL), ${docs.length} articles:`);
console.log(`  annotate + cluster + store   ${(ingestMs / 1000).toFixed(2)} s  (${rate(docs.length, ingestMs)} articles)`);
console.log(`  store insert alone           ${(insertMs / 1000).toFixed(2)} s  (${rate(docs.length, insertMs)} articles, with annotations and search index)`);
console.log(`  re-analyse ${analysed.length} stories        ${(analyseMs / 1000).toFixed(2)} s`);

// ── a store with a 100-article story and some smaller ones ──
const db = join(dir, 'serve.db');
const store = openSqliteStore(db);
const big = annotated.slice(0, OPTIONS.storyArticles);
for (const a of big) await store.addDocument({ document: a.doc, annotated: a, assignment: { documentId: a.doc.id, storyId: 'bench-100', score: 1, reasons: [] }, storyTitle: 'A 100-article story' });
for (const a of annotated.slice(OPTIONS.storyArticles)) await store.addDocument({ document: a.doc, assignment: { documentId: a.doc.id, storyId: `small-${a.doc.id}`, score: 1, reasons: [] } });
const bigStory = (await store.getStory('bench-100'))!;
await store.saveAnalysis(analyzeStory({ id: 'bench-100', title: bigStory.title, documentIds: bigStory.documentIds }, big), bigStory.revision);
// Analyse the small stories too, so the server's analysis thread is idle during the load runs.
await reanalyzeStale(store);
const stats = await store.stats();
await store.close();

// ── serve in a child process; load from this one ──
const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'crosscheck.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
let serverLog = '';
const url = await new Promise<string>((resolve, reject) => {
  let seen = '';
  child.stderr!.on('data', (d) => {
    seen += d;
    serverLog += d;
    const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
    if (m) resolve(m[1]!);
  });
  child.on('exit', () => reject(new Error(`serve exited: ${seen}`)));
});

/** CPU time the server process has used, in ms (Linux /proc; 0 elsewhere), so the cost per request can be read apart from machine load. */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** GET `path` like a browser (gzip accepted, body read but not decoded) over keep-alive sockets. */
const agent = new http.Agent({ keepAlive: true, maxSockets: OPTIONS.concurrency });
function get(path: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}${path}`, { agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(new Error(`${path}: ${error.message}; server said: ${serverLog.slice(-2000)}`)));
  });
}

async function load(path: string): Promise<{ n: number; p50: number; p99: number; rps: number; bytes: number; errors: number; cpuMs: number }> {
  const cpu0 = serverCpuMs();
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let issued = 0;
  const start = performance.now();
  const worker = async () => {
    while (issued < OPTIONS.maxRequests && performance.now() - start < OPTIONS.maxMs) {
      issued++;
      const s = performance.now();
      const res = await get(path);
      latencies.push(performance.now() - s);
      bytes = res.bytes;
      if (res.status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: OPTIONS.concurrency }, worker));
  const total = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { n: latencies.length, p50: q(0.5), p99: q(0.99), rps: latencies.length / (total / 1000), bytes, errors, cpuMs: (serverCpuMs() - cpu0) / latencies.length };
}

console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
console.log(`HTTP under ${OPTIONS.concurrency} concurrent requests, gzip accepted (store: ${stats.documents} articles, ${stats.stories} stories):`);
await load('/api/stories'); // warm-up
for (const [label, path] of [
  ['GET /api/stories', '/api/stories'],
  ['GET / (story list page)', '/'],
  ['GET /api/stories/bench-100', '/api/stories/bench-100'],
  ['GET /stories/bench-100 (page)', '/stories/bench-100'],
] as const) {
  const r = await load(path);
  console.log(`  ${label.padEnd(32)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  ${r.rps.toFixed(0).padStart(5)} req/s  ${r.n} requests, ${(r.bytes / 1024).toFixed(0)} KB each, server CPU ${r.cpuMs.toFixed(2)} ms/request${r.errors ? `, ${r.errors} errors` : ''}`);
}
agent.destroy();
child.kill('SIGTERM');
