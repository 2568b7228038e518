// Measures how many of the conflicts `analyze` reports are real disagreements between sources, on
// articles it was not built on: each ECB+ dev topic analysed on its own (the topic only splits the
// input, as a user would pass one folder per topic) and the week of news pages. The judgements are
// made by reading each conflict and kept in eval/data/conflict-labels.json, keyed by the sentences the
// conflict cites; a conflict no judgement covers is listed for someone to read and label. Not a test:
// it prints numbers.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { analyzeDocuments } from '../src/analyze/index.ts';
import { extractDocuments } from '../src/extract/index.ts';
import type { Analysis, Document } from '../src/types.ts';
import { REPO_ROOT, sharedPath, skipUnlessShared } from '../test/shared-data.ts';

interface Label {
  real: boolean;
  /** What the conflict is about, for the person reading the file. */
  what: string;
}

interface Found {
  key: string;
  slot: string;
  values: string[];
  sentence: string;
}

const missing = skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl') ?? skipUnlessShared('data', 'extraction', 'scrapinghub', 'html');
if (missing) {
  console.log(`conflicts eval skipped: ${missing}`);
  process.exit(0);
}

const labels = JSON.parse(readFileSync(join(REPO_ROOT, 'eval', 'data', 'conflict-labels.json'), 'utf8')) as Record<string, Label>;

function conflictsOf(analysis: Analysis): Found[] {
  return analysis.stories.flatMap((s) =>
    s.claims.flatMap((g) => {
      if (g.status !== 'conflicting' || !g.conflict) return [];
      const cited = [...new Set(g.conflict.values.flatMap((v) => v.evidence.map((e) => `${e.documentId}#${e.sentenceIndex}`)))].sort();
      return [{ key: cited.join(' '), slot: g.conflict.slot, values: g.conflict.values.map((v) => v.value), sentence: g.conflict.values[0]?.evidence[0]?.sentence ?? '' }];
    }),
  );
}

function ecbTopics(): Document[][] {
  const gold = JSON.parse(readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.gold.json'), 'utf8')) as Record<string, string>;
  const byTopic = new Map<string, string[]>();
  for (const line of readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const topic = gold[(JSON.parse(line) as { id: string }).id]!.split('/')[0]!;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), line]);
  }
  return [...byTopic.values()].map((lines) => extractDocuments({ origin: 'topic.jsonl', name: 'topic.jsonl', bytes: Buffer.from(lines.join('\n')) }).documents);
}

function newsWeek(): Document[] {
  const dir = sharedPath('data', 'extraction', 'scrapinghub', 'html');
  return readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().flatMap((f) => extractDocuments({ origin: f, name: f.replace(/\.gz$/, ''), bytes: gunzipSync(readFileSync(join(dir, f))) }).documents);
}

const sets: [string, Found[]][] = [
  ['ECB+ dev, each topic on its own', ecbTopics().flatMap((docs) => conflictsOf(analyzeDocuments(docs)))],
  ['week of news pages (eval/data)', conflictsOf(analyzeDocuments(newsWeek()))],
];

console.log('| Articles | conflicts | judged | real | precision of the judged |');
console.log('|---|---:|---:|---:|---:|');
const unjudged: [string, Found][] = [];
for (const [name, found] of sets) {
  const judged = found.filter((f) => labels[f.key]);
  const real = judged.filter((f) => labels[f.key]!.real).length;
  console.log(`| ${name} | ${found.length} | ${judged.length} | ${real} | ${judged.length ? (real / judged.length).toFixed(2) : '—'} |`);
  for (const f of found) if (!labels[f.key]) unjudged.push([name, f]);
}
if (unjudged.length) {
  console.log(`\n${unjudged.length} conflicts no judgement covers; read each and add it to eval/data/conflict-labels.json:`);
  for (const [name, f] of unjudged) console.log(`- ${name}: ${f.slot}: ${f.values.join(' | ')} — "${f.sentence.slice(0, 120)}"\n  key: ${JSON.stringify(f.key)}`);
}
