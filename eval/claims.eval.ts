// Measures how right the statuses `analyze` gives claim groups are, on articles it was not built on:
// each ECB+ dev topic analysed on its own (the topic only splits the input, as a user would pass one
// folder per topic) and the week of news pages.
// - Conflicts: how many are real disagreements between sources about one thing. Every conflict is
//   judged, in eval/data/conflict-labels.json.
// - Corroborations: whether the group's sentences state one fact. There are hundreds, so a fixed
//   share of them is judged (an eighth of ECB+'s, a quarter of the smaller week's; chosen by a hash of
//   the group's sentences, so the same group is always in or out), in eval/data/corroboration-labels.json: "same" (every sentence states the fact),
//   "mixed" (two or more sources state it, other sentences say something else), "different" (no fact
//   is stated by two sources).
// Judgements are keyed by the sentences a group cites (document id and character offset); a group no
// judgement covers is listed for someone to read and label, never counted. Not a test: it prints numbers.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { analyzeDocuments } from '../src/analyze/index.ts';
import { extractDocuments } from '../src/extract/index.ts';
import type { Analysis, ClaimGroup, Document } from '../src/types.ts';
import { REPO_ROOT, sharedPath, skipUnlessShared } from '../test/shared-data.ts';

interface ConflictLabel {
  real: boolean;
  /** What the conflict is about, for the person reading the file. */
  what: string;
}

type Verdict = 'same' | 'mixed' | 'different';

interface CorroborationLabel {
  verdict: Verdict;
  /** The group's central sentence, for the person reading the file. */
  what: string;
}

interface Found {
  key: string;
  /** One line for the person labelling it. */
  summary: string;
}

const missing = skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl') ?? skipUnlessShared('data', 'extraction', 'scrapinghub', 'html');
if (missing) {
  console.log(`claims eval skipped: ${missing}`);
  process.exit(0);
}

const readLabels = <T>(file: string): Record<string, T> => JSON.parse(readFileSync(join(REPO_ROOT, 'eval', 'data', file), 'utf8')) as Record<string, T>;
const conflictLabels = readLabels<ConflictLabel>('conflict-labels.json');
const corroborationLabels = readLabels<CorroborationLabel>('corroboration-labels.json');

/**
 * The judgement key of sentences: document id and the sentence's first character, sorted. Offsets,
 * not sentence numbers, so that a change in sentence splitting moves only the sentences it splits.
 */
function keyOf(evidence: { documentId: string; start: number }[]): string {
  return [...new Set(evidence.map((e) => `${e.documentId}@${e.start}`))].sort().join(' ');
}

function conflictsOf(analysis: Analysis): Found[] {
  return groupsOf(analysis, 'conflicting').map((g) => ({
    key: keyOf(g.conflict!.values.flatMap((v) => v.evidence)),
    summary: `${g.conflict!.slot}: ${g.conflict!.values.map((v) => v.value).join(' | ')} — "${(g.conflict!.values[0]?.evidence[0]?.sentence ?? '').slice(0, 120)}"`,
  }));
}

/** The judged share (one in `every`) of the corroborated groups. */
function corroborationsOf(analysis: Analysis, every: number): Found[] {
  return groupsOf(analysis, 'corroborated')
    .map((g) => ({ key: keyOf(g.evidence), summary: g.claims.map((c) => `${c.documentId.slice(0, 12)}: ${c.text.slice(0, 160)}`).join('\n    ') }))
    .filter((f) => fnv1a(f.key) % every === 0);
}

function groupsOf(analysis: Analysis, status: ClaimGroup['status']): ClaimGroup[] {
  return analysis.stories.flatMap((s) => s.claims.filter((g) => g.status === status));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
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

/** Each set: its name, its analyses, and one in how many of its corroborated groups is judged. */
const sets: [string, Analysis[], number][] = [
  ['ECB+ dev, each topic on its own', ecbTopics().map((docs) => analyzeDocuments(docs)), 8],
  ['week of news pages (eval/data)', [analyzeDocuments(newsWeek())], 4],
];
const unjudged: string[] = [];

console.log('Conflicts: how many are real disagreements between sources about one thing.\n');
console.log('| Articles | conflicts | judged | real | precision of the judged |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, analyses] of sets) {
  const found = analyses.flatMap(conflictsOf);
  const judged = found.filter((f) => conflictLabels[f.key]);
  const real = judged.filter((f) => conflictLabels[f.key]!.real).length;
  console.log(`| ${name} | ${found.length} | ${judged.length} | ${real} | ${judged.length ? (real / judged.length).toFixed(2) : '—'} |`);
  for (const f of found) if (!conflictLabels[f.key]) unjudged.push(`- conflict, ${name}: ${f.summary}\n  key: ${JSON.stringify(f.key)}`);
}

console.log('\nCorroborations: does the group state one fact? A fixed share of the groups, judged (an eighth of ECB+ groups, a quarter of the week groups).\n');
console.log('| Articles | corroborated groups | in the sample | judged | same | mixed | different | same / same or mixed |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, analyses, every] of sets) {
  const all = analyses.reduce((n, a) => n + groupsOf(a, 'corroborated').length, 0);
  const sample = analyses.flatMap((a) => corroborationsOf(a, every));
  const verdicts = sample.flatMap((f) => (corroborationLabels[f.key] ? [corroborationLabels[f.key]!.verdict] : []));
  const count = (v: Verdict): number => verdicts.filter((x) => x === v).length;
  const share = (n: number): string => (verdicts.length ? (n / verdicts.length).toFixed(2) : '—');
  console.log(`| ${name} | ${all} | ${sample.length} | ${verdicts.length} | ${count('same')} | ${count('mixed')} | ${count('different')} | ${share(count('same'))} / ${share(count('same') + count('mixed'))} |`);
  for (const f of sample) if (!corroborationLabels[f.key]) unjudged.push(`- corroboration, ${name}:\n    ${f.summary}\n  key: ${JSON.stringify(f.key)}`);
}

if (unjudged.length) {
  console.log(`\n${unjudged.length} groups no judgement covers; read each and add it to eval/data/conflict-labels.json or corroboration-labels.json:`);
  for (const line of unjudged) console.log(line);
}
