// Article-text quality on the scrapinghub article-extraction benchmark (181 pages) with the
// benchmark's own metric (eval/shingles.ts), beside the published tools, and the same metric on
// the tools' stored outputs. Prints a table and writes docs/extraction.md.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../src/extract/decode.ts';
import { extractHtml } from '../src/extract/html/index.ts';
import { REPO_ROOT, sharedPath, skipUnlessShared } from '../test/shared-data.ts';
import { benchmarkMetrics, scoreShingles, type BenchmarkMetrics, type ShingleScore } from './shingles.ts';

/** Published F1 / precision / recall (README.rst of the benchmark, latest and previous runs). */
const PUBLISHED: [string, number, number, number][] = [
  ['rs_trafilatura 9261e08', 0.97, 0.951, 0.99],
  ['go_trafilatura ae7ea06', 0.96, 0.94, 0.98],
  ['trafilatura 2.0.0', 0.958, 0.938, 0.978],
  ['newspaper4k 0.9.3.1', 0.949, 0.964, 0.934],
  ['news_please 1.6.16', 0.948, 0.964, 0.933],
  ['readability_js 0.6.0', 0.947, 0.914, 0.982],
  ['go_readability_fork fb0fbc5', 0.947, 0.914, 0.982],
  ['readability-lxml 0.8.4.1', 0.922, 0.913, 0.931],
  ['goose3 3.1.20', 0.896, 0.94, 0.856],
  ['justext 3.0.2', 0.804, 0.858, 0.756],
  ['html-text (whole page) 0.7.0', 0.665, 0.5, 0.994],
];

interface Truth {
  articleBody: string;
  url?: string;
}

function main(): void {
  const skip = skipUnlessShared('data', 'extraction', 'scrapinghub');
  if (skip) {
    console.log(skip);
    return;
  }
  const base = sharedPath('data', 'extraction', 'scrapinghub');
  const truth = JSON.parse(readFileSync(join(base, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const ours: ShingleScore[] = [];
  const inline: ShingleScore[] = [];
  const plain: ShingleScore[] = [];
  const methods = new Map<string, number>();
  let failures = 0;
  for (const [id, { articleBody, url }] of Object.entries(truth)) {
    const bytes = gunzipSync(readFileSync(join(base, 'html', `${id}.html.gz`)));
    const html = decodeBytes(bytes, id);
    let text = '';
    try {
      const doc = extractHtml({ origin: id, name: `${id}.html`, bytes, ...(url ? { url } : {}) }, html);
      text = doc.text;
      const method = doc.messages.find((m) => m.code === 'HTML_TEXT_FROM_JSON_LD') ? 'json-ld' : 'page';
      methods.set(method, (methods.get(method) ?? 0) + 1);
    } catch {
      failures++;
    }
    ours.push(scoreShingles(articleBody, text));
    let inlineText = '';
    try {
      inlineText = extractHtml({ origin: id, name: `${id}.html`, bytes, ...(url ? { url } : {}) }, html, { embedsInText: true }).text;
    } catch {
      inlineText = '';
    }
    inline.push(scoreShingles(articleBody, inlineText));
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as globalThis.Document).parse();
    plain.push(scoreShingles(articleBody, article?.textContent ?? ''));
  }
  const stored: [string, BenchmarkMetrics][] = [];
  for (const name of ['trafilatura', 'newspaper', 'news_please', 'readability_js', 'readability', 'goose3', 'go_readability', 'html-text']) {
    const path = join(base, 'output', `${name}.json`);
    if (!existsSync(path)) continue;
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const out = (raw['output'] ?? raw) as Record<string, { articleBody?: string }>;
    stored.push([name, benchmarkMetrics(Object.keys(truth).map((id) => scoreShingles(truth[id]!.articleBody, out[id]?.articleBody ?? '')))]);
  }
  const mine = benchmarkMetrics(ours);
  const withEmbeds = benchmarkMetrics(inline);
  const baseline = benchmarkMetrics(plain);
  const fmt = (x: number): string => x.toFixed(3);
  const rows = [
    `| **crosscheck** (this run) | **${fmt(mine.f1)}** | ${fmt(mine.precision)} | ${fmt(mine.recall)} |`,
    `| crosscheck, embedded posts kept in the text (\`embedsInText\`) | ${fmt(withEmbeds.f1)} | ${fmt(withEmbeds.precision)} | ${fmt(withEmbeds.recall)} |`,
    `| @mozilla/readability + linkedom alone (this run) | ${fmt(baseline.f1)} | ${fmt(baseline.precision)} | ${fmt(baseline.recall)} |`,
    ...PUBLISHED.map(([name, f1, p, r]) => `| ${name} (published) | ${fmt(f1)} | ${fmt(p)} | ${fmt(r)} |`),
  ];
  const table = ['| Extractor | F1 | Precision | Recall |', '|---|---:|---:|---:|', ...rows].join('\n');
  const storedTable = ['| Stored output | F1 | Precision | Recall |', '|---|---:|---:|---:|', ...stored.map(([n, m]) => `| ${n} | ${fmt(m.f1)} | ${fmt(m.precision)} | ${fmt(m.recall)} |`)].join('\n');
  console.log(table);
  console.log(`\n${Object.keys(truth).length} pages; ${failures} without article text; text from JSON-LD on ${methods.get('json-ld') ?? 0}`);
  const doc = `# Article text: crosscheck beside published extractors

Produced by \`npm run eval\` (eval/extraction.eval.ts) from the scrapinghub article-extraction
benchmark in \`../shared/data/extraction/scrapinghub\` (${Object.keys(truth).length} real pages with a
hand-checked article body). Metric: the benchmark's own (\`evaluate.py\`, ported in eval/shingles.ts) —
tokens are \`\\w+\`, precision and recall over 4-token shingles per page (normalised per page),
averaged over pages, F1 of the averages. "Published" rows are the benchmark README's figures;
"this run" rows are measured here, on the same pages, with the same metric.

${table}

${failures} page(s) gave no article text. The metric, re-run on the benchmark's stored outputs of
other tools (a check that the port matches the published figures):

${storedTable}

How crosscheck goes beyond Readability (src/extract/html/): before Readability scores the page,
page furniture (share bars, captions, related and "read more" blocks, newsletter and cookie boxes,
comments) is removed by site-independent class/role rules, and so are lists of \`rel="tag"\` links,
pop-up cards hidden in sentences and sections that a heading labels as not the article ("You may
also like", "Most read", "Comments", in several languages), never touching the element that holds
most of the paragraph text. Headings and list items are kept as paragraphs and a table row reads as
one line; short boilerplate paragraphs ("Read more", photo credits, "Advertisement") are dropped;
and when the page declares a JSON-LD \`articleBody\`, paragraphs the publisher did not count as the
article are trimmed (or the JSON-LD body is used when Readability missed most of it).
Nothing is keyed on a site.

Embedded social posts (tweets and the like) are listed in each document's \`embeds\` and, by default,
kept out of its text, as for text inputs, so a post's words are not counted as the article's own
claims. The benchmark's gold bodies include them; the second row shows the score with the option
\`embedsInText: true\`, which keeps them in the text as the page shows them.
`;
  mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'docs', 'extraction.md'), doc);
}

main();
