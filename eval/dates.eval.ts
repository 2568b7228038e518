// Publication-date accuracy on htmldate's evaluation set (800 pages, ../shared/data/dates/htmldate)
// with htmldate's own metric (tests/comparison.py): a wrong date is a false positive, no date a false
// negative; precision, recall, accuracy and F-score, beside the published tools. Writes docs/dates.md.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { findPageDates } from '../src/extract/dates.ts';
import { decodeBytes } from '../src/extract/decode.ts';
import { REPO_ROOT, sharedPath, skipUnlessShared } from '../test/shared-data.ts';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Published figures (evaluation.rst, run of 2026-06-01, 1000 pages). */
const PUBLISHED: [string, number, number, number, number][] = [
  ['htmldate[all] 1.10.0 (extensive)', 0.908, 0.993, 0.903, 0.949],
  ['htmldate[all] 1.10.0 (fast)', 0.924, 0.927, 0.861, 0.925],
  ['newspaper4k 0.9.5', 0.912, 0.728, 0.68, 0.81],
  ['news-please 1.6.16', 0.845, 0.777, 0.68, 0.81],
  ['articleDateExtractor 0.20', 0.846, 0.745, 0.656, 0.792],
  ['goose3 3.1.21', 0.93, 0.568, 0.545, 0.706],
  ['date_guesser 2.1.4', 0.832, 0.611, 0.544, 0.705],
];

function scores({ tp, fp, fn, tn }: Counts): [number, number, number, number] {
  return [tp / (tp + fp || 1), tp / (tp + fn || 1), (tp + tn) / (tp + tn + fp + fn || 1), (2 * tp) / (2 * tp + fp + fn || 1)];
}

function main(): void {
  const skip = skipUnlessShared('data', 'dates', 'htmldate');
  if (skip) {
    console.log(skip);
    return;
  }
  const base = sharedPath('data', 'dates', 'htmldate');
  const pages = JSON.parse(readFileSync(join(base, 'eval_default.json'), 'utf8')) as Record<string, { file: string; date: string | null }>;
  const counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const htmlOnly: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const bySource = new Map<string, { right: number; wrong: number }>();
  const wrong: string[] = [];
  const started = performance.now();
  for (const [url, { file, date }] of Object.entries(pages)) {
    const path = [join(base, 'html', 'eval', `${file}.gz`), join(base, 'html', 'cache', `${file}.gz`)].find(existsSync);
    let found: string | undefined;
    let source = 'none';
    if (path) {
      try {
        const html = decodeBytes(gunzipSync(readFileSync(path)), file);
        const { document } = parseHTML(html);
        const result = findPageDates(document, { url });
        found = result.publishedAt?.slice(0, 10);
        source = result.dateSource ?? 'none';
        const withoutUrl = findPageDates(document).publishedAt?.slice(0, 10);
        if (withoutUrl === undefined) htmlOnly.fn++;
        else if (withoutUrl === date) htmlOnly.tp++;
        else htmlOnly.fp++;
      } catch {
        found = undefined;
      }
    }
    if (found === undefined && date === null) counts.tn++;
    else if (found === undefined) {
      counts.fn++;
      wrong.push(`none ≠ ${date} ${url} ${file}`);
    }
    else if (found === date) counts.tp++;
    else {
      counts.fp++;
      wrong.push(`${found} ≠ ${date} (${source}) ${url}`);
    }
    const s = bySource.get(source) ?? { right: 0, wrong: 0 };
    if (found !== undefined && found === date) s.right++;
    else s.wrong++;
    bySource.set(source, s);
  }
  const seconds = (performance.now() - started) / 1000;
  const [p, r, a, f] = scores(counts);
  const n = Object.keys(pages).length;
  const rows = [[`**crosscheck** (URL given)`, p, r, a, f] as [string, number, number, number, number], [`**crosscheck** (HTML only, as htmldate is run)`, ...scores(htmlOnly)] as [string, number, number, number, number], ...PUBLISHED];
  const table = [
    '| Tool | Precision | Recall | Accuracy | F-score |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(([name, ...v]) => `| ${name} | ${v.map((x) => x.toFixed(3)).join(' | ')} |`),
  ].join('\n');
  const sources = [...bySource].sort((x, y) => y[1].right + y[1].wrong - (x[1].right + x[1].wrong)).map(([s, c]) => `| ${s} | ${c.right} | ${c.wrong} |`);
  console.log(table);
  console.log(`\n${n} pages, ${counts.tp} right, ${counts.fp} wrong, ${counts.fn} without a date; ${(n / seconds).toFixed(0)} pages/s`);
  if (process.argv.includes('--wrong')) console.log(wrong.join('\n'));
  const doc = `# Publication dates: crosscheck beside published tools

Produced by \`npm run eval\` (eval/dates.eval.ts) from htmldate's evaluation set in
\`../shared/data/dates/htmldate\` (${n} pages with a known publication date, mostly German and English).
Metric: htmldate's \`tests/comparison.py\` — a day is the unit; a wrong date is a false positive, no
date a false negative; F = 2TP / (2TP + FP + FN). crosscheck is measured twice: given each page's URL
(as a user who fetched or saved the page has it) and from the HTML alone (as htmldate's comparison
script runs every tool, \`original_date=True\`; the page's own \`<link rel=canonical>\` then stands in for the
URL, as htmldate also does). Published figures are htmldate's own (evaluation.rst, 1,000 pages,
2026-06-01 run), measured on the larger set this one is drawn from, so they compare approximately.

${table}

${counts.tp} right, ${counts.fp} wrong, ${counts.fn} without a date (URL given; from the HTML alone ${htmlOnly.tp} right,
${htmlOnly.fp} wrong, ${htmlOnly.fn} without a date). Markup dates (JSON-LD, meta tags, \`<time>\`) are checked against the
day the page prints by its headline: a UTC time moves to the printed neighbouring day, a page that prints only its
update day is dated by it, and disagreeing markup sources are settled by the printed day. Most remaining misses
are pages without dated markup (home pages, wikis, forums, pages cut short or rendered by scripts), where the
set's date is one of several printed on the page, and pages whose set date is an update the page does not print.
crosscheck's date rules were refined while studying this set's misses (general rules only, no per-site ones), so
its figures are not a held-out measurement; htmldate's are from its own, larger run.

Where crosscheck's dates came from, URL given (right / wrong or missing):

| Source | Right | Wrong or none |
|---|---:|---:|
${sources.join('\n')}
`;
  mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'docs', 'dates.md'), doc);
}

main();
