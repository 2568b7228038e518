// `npm run bench -- extract`: pages per second of crosscheck's HTML extraction on the 181 pages of the
// scrapinghub benchmark, beside @mozilla/readability + linkedom alone (as a ratio), milliseconds per
// synthetic hostile page (bench/stress-pages.ts), and heap use sampled (after GC) over a long run to
// show memory stays flat. `--pages N` sets the long run (10,000).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../src/extract/decode.ts';
import { extractHtml } from '../src/extract/html/index.ts';
import { sharedPath, skipUnlessShared } from '../test/shared-data.ts';
import { STRESS_PAGES } from './stress-pages.ts';

const LONG_RUN_PAGES = Number(process.argv[process.argv.indexOf('--pages') + 1]) || 10_000;
const SAMPLES = 10;
const MB = 1024 * 1024;

interface Page {
  name: string;
  html: string;
  url?: string;
}

function loadPages(): Page[] {
  const dir = sharedPath('data', 'extraction', 'scrapinghub');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.replace('.html.gz', '');
      const url = truth[id]?.url;
      return { name: `${id}.html`, html: decodeBytes(gunzipSync(readFileSync(join(dir, 'html', f))), f), ...(url ? { url } : {}) };
    });
}

function ours(page: Page): number {
  try {
    return extractHtml({ origin: page.name, name: page.name, bytes: new Uint8Array(), ...(page.url ? { url: page.url } : {}) }, page.html).text.length;
  } catch {
    return 0;
  }
}

function readabilityAlone(page: Page): number {
  const { document } = parseHTML(page.html);
  return new Readability(document as unknown as globalThis.Document).parse()?.textContent?.length ?? 0;
}

function pagesPerSecond(pages: Page[], run: (p: Page) => number): number {
  const started = performance.now();
  for (const page of pages) run(page);
  return pages.length / ((performance.now() - started) / 1000);
}

/** Milliseconds to extract each stress page, and what came out (characters of text or the error code). */
function stressReport(): void {
  console.log('stress pages (one run each):');
  for (const [name, make] of Object.entries(STRESS_PAGES)) {
    const html = make();
    const started = performance.now();
    let outcome: string;
    try {
      outcome = `${extractHtml({ origin: name, name, bytes: new Uint8Array() }, html).text.length} characters of text`;
    } catch (error) {
      outcome = (error as { code?: string }).code ?? String(error);
    }
    console.log(`  ${name.padEnd(42)} ${(html.length / MB).toFixed(1).padStart(5)} MB ${(performance.now() - started).toFixed(0).padStart(7)} ms  ${outcome}`);
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / MB;
}

/**
 * The heap's large-object space (big strings such as page HTML, large hash tables), printed beside the
 * heap so that a one-time step there can be told apart from growth per page.
 */
function largeObjectsMb(): number {
  return (getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space')?.space_used_size ?? 0) / MB;
}

function main(): void {
  stressReport();
  const skip = skipUnlessShared('data', 'extraction', 'scrapinghub');
  if (skip) {
    console.log(skip);
    return;
  }
  const pages = loadPages();
  pagesPerSecond(pages.slice(0, 20), ours);
  pagesPerSecond(pages.slice(0, 20), readabilityAlone);
  const baseline = pagesPerSecond(pages, readabilityAlone);
  const mine = pagesPerSecond(pages, ours);
  const bytes = pages.reduce((n, p) => n + p.html.length, 0);
  console.log(`pages: ${pages.length} (${(bytes / MB).toFixed(1)} MB of HTML)`);
  console.log(`readability + linkedom alone: ${baseline.toFixed(1)} pages/s`);
  console.log(`crosscheck extract:           ${mine.toFixed(1)} pages/s  (ratio ${(mine / baseline).toFixed(2)})`);

  const every = Math.max(1, Math.floor(LONG_RUN_PAGES / SAMPLES));
  const samples: number[] = [heapMb()];
  const started = performance.now();
  for (let i = 1; i <= LONG_RUN_PAGES; i++) {
    ours(pages[i % pages.length]!);
    if (i % every === 0) {
      samples.push(heapMb());
      console.log(`  after ${i} pages: heap ${samples[samples.length - 1]!.toFixed(1)} MB (large objects ${largeObjectsMb().toFixed(1)} MB)`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const growth = samples[samples.length - 1]! - samples[1]!;
  console.log(`memory over ${LONG_RUN_PAGES} pages (${(LONG_RUN_PAGES / seconds).toFixed(1)} pages/s): heap after GC ${samples.map((s) => s.toFixed(0)).join(' → ')} MB`);
  console.log(`heap growth from the first sample to the last: ${growth.toFixed(1)} MB (${gc ? 'GC forced before each sample' : 'run with --expose-gc for exact figures'})`);
}

main();
