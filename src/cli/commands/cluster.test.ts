// `crosscheck cluster` end to end: stories and assignments as JSON, a streamed JSONL line per
// article, reasons with --explain, and exit status 1 with the bad input named; and, without a process,
// what a stream does with an article the clusterer fails on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, sharedPath, skipUnlessShared } from '../../../test/shared-data.ts';
import { article, JACKSON, WILLIAMS } from '../../cluster/arrests.test-data.ts';
import { createStoryClusterer, type ClusterInput } from '../../cluster/index.ts';
import { extractDocuments } from '../../extract/index.ts';
import { placeArticle } from './cluster.ts';

function crosscheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return crosscheckWithInput(undefined, ...args);
}

function crosscheckWithInput(input: string | undefined, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'crosscheck.js'), ...args], { encoding: 'utf8', cwd: REPO_ROOT, input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('prints the two example stories and one assignment per article as JSON', () => {
  const r = crosscheck('cluster', 'examples', '--format', 'json');
  assert.equal(r.status, 0);
  const out = JSON.parse(r.stdout) as { stories: { documentIds: string[] }[]; assignments: { id: string; story: string; duplicateOf?: string }[] };
  assert.deepEqual(out.stories.map((s) => s.documentIds.length).sort(), [2, 6]);
  assert.equal(out.assignments.length, 8);
  assert.equal(out.assignments.find((a) => a.id === 'lakeshore-herald')?.duplicateOf, 'county-courier');
});

test('json: the same stories whatever order the inputs are named in; --orders sets how many orders are tried', () => {
  const names = readdirSync(join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.txt'));
  const stories = (...args: string[]): { stories: unknown; ordering: { tried: number; agreement: number } } => {
    const r = crosscheck('cluster', ...args, '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  const forward = stories(...names.map((n) => join('examples', n)));
  const backward = stories(...[...names].reverse().map((n) => join('examples', n)));
  assert.deepEqual(backward.stories, forward.stories);
  assert.equal(forward.ordering.tried, 1, 'one order by default');
  const several = stories('examples', '--orders', '5');
  assert.ok(several.ordering.tried > 1 && several.ordering.tried <= 5, `tried ${several.ordering.tried}: the examples have same-day articles to reorder`);
  const refused = crosscheck('cluster', 'examples', '--orders', '0');
  assert.equal(refused.status, 2, 'a usage error');
  assert.match(refused.stderr, /--orders.*expected a whole number, 1 or more/);
  const streamed = crosscheck('cluster', 'examples', '--orders', '3', '--format', 'jsonl');
  assert.equal(streamed.status, 2);
  assert.match(streamed.stderr, /--orders applies to --format json/);
});

test('streams one JSON line per article with its reasons under --explain', () => {
  const r = crosscheck('cluster', 'examples', '--format', 'jsonl', '--explain');
  assert.equal(r.status, 0);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; reasons?: { feature: string }[] });
  const articles = lines.filter((l) => l.id);
  assert.equal(articles.length, 8);
  assert.equal(articles.find((l) => l.id === 'valley-news')?.reasons?.some((x) => x.feature === 'entities'), true);
});

test('clusters JSON Lines piped to standard input, one assignment per line, and names a bad line by its number', () => {
  const articles = readdirSync(join(REPO_ROOT, 'examples'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => JSON.stringify({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(REPO_ROOT, 'examples', f), 'utf8') }));
  const r = crosscheckWithInput([...articles.slice(0, 3), '{"id": "broken", "text": ', ...articles.slice(3)].join('\n'), 'cluster', '-', '--format', 'jsonl');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^-:4: is not valid JSON/m);
  const assigned = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; story?: string }).filter((l) => l.id);
  assert.equal(assigned.length, 8);
  assert.equal(new Set(assigned.map((a) => a.story)).size, 2);
});

test('exits 1 and names an empty input, still clustering the rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cluster-'));
  copyFileSync(join(REPO_ROOT, 'examples', 'saltmere-post.txt'), join(dir, 'saltmere-post.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
  const r = crosscheck('cluster', dir, '--format', 'json');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /empty\.txt/);
  assert.deepEqual((JSON.parse(r.stdout) as { stories: { documentIds: string[] }[] }).stories.map((s) => s.documentIds), [['saltmere-post']]);
});

test('a JSON array over --max-bytes is refused with the way out, the same articles as JSON Lines are read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cluster-size-'));
  const articles = Array.from({ length: 40 }, (_, i) => ({ id: `a${i + 1}`, text: `The council approved the tram extension on Monday, report ${i + 1} said. `.repeat(5) }));
  writeFileSync(join(dir, 'all.json'), JSON.stringify(articles));
  writeFileSync(join(dir, 'all.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'));
  const refused = crosscheck('cluster', join(dir, 'all.json'), '--max-bytes', '8KB', '--format', 'json');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /all\.json: is larger than the size limit.*write it as JSON Lines/);
  const read = crosscheck('cluster', join(dir, 'all.jsonl'), '--max-bytes', '8KB', '--format', 'json');
  assert.equal(read.status, 0, read.stderr);
  assert.equal((JSON.parse(read.stdout) as { assignments: unknown[] }).assignments.length, 40);
});

test('briefs on two arrests that end in the same agency footer form two stories, as text files and as JSON Lines', () => {
  // Short briefs (six of each arrest's facts) under a footer nearly as long as they are: read with the
  // footer, every brief shared its passage, its name and its year ("2009"), and all twelve were one story.
  const footer = '\n\nCopyright 2009 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.';
  const brief = (own: string[], k: number): string => `${article(own, k).split('. ').slice(0, 6).join('. ')}.${footer}`;
  const briefs = Array.from({ length: 6 }, (_, k) => [
    { id: `jackson-${k}`, text: brief(JACKSON, k) },
    { id: `williams-${k}`, text: brief(WILLIAMS, k) },
  ]).flat();
  const storiesOf = (stdout: string): string[][] =>
    (JSON.parse(stdout) as { stories: { documentIds: string[] }[] }).stories.map((s) => [...s.documentIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
  const expected = [briefs.filter((b) => b.id.startsWith('jackson')).map((b) => b.id).sort(), briefs.filter((b) => b.id.startsWith('williams')).map((b) => b.id).sort()];

  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-briefs-'));
  for (const b of briefs) writeFileSync(join(dir, `${b.id}.txt`), b.text);
  const fromFiles = crosscheck('cluster', dir, '--format', 'json');
  assert.equal(fromFiles.status, 0, fromFiles.stderr);
  assert.deepEqual(storiesOf(fromFiles.stdout), expected);

  const lines = briefs.map((b) => JSON.stringify(b)).join('\n');
  const fromLines = crosscheckWithInput(lines, 'cluster', '-', '--format', 'json');
  assert.equal(fromLines.status, 0, fromLines.stderr);
  assert.deepEqual(storiesOf(fromLines.stdout), expected);
});

test('jsonl: a copy that arrives after its story closed is placed in that story, under its id', () => {
  // Six reports of one arrest on 1–3 March, six of another on 20–22 March (the first story has been idle
  // over --idle-days 5 by then and closes), then a copy of the first report on 23 March.
  const day = (d: number): string => `2025-03-${String(d).padStart(2, '0')}T09:00:00Z`;
  const reports = [
    ...Array.from({ length: 6 }, (_, k) => ({ id: `jackson-${k}`, text: article(JACKSON, k), publishedAt: day(1 + (k % 3)) })),
    ...Array.from({ length: 6 }, (_, k) => ({ id: `williams-${k}`, text: article(WILLIAMS, k), publishedAt: day(20 + (k % 3)) })),
    { id: 'jackson-0-reposted', text: article(JACKSON, 0), publishedAt: day(23) },
  ];
  const r = crosscheckWithInput(reports.map((x) => JSON.stringify(x)).join('\n'), 'cluster', '-', '--format', 'jsonl', '--idle-days', '5', '--explain');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; story?: string; duplicateOf?: string; reasons?: { feature: string; detail?: string }[] });
  const storyOf = new Map(lines.filter((l) => l.id).map((l) => [l.id!, l.story!]));
  assert.equal(storyOf.size, 13);
  assert.equal(new Set(reports.slice(0, 6).map((x) => storyOf.get(x.id))).size, 1, 'the first arrest is one story');
  assert.notEqual(storyOf.get('williams-0'), storyOf.get('jackson-0'));
  const copy = lines.find((l) => l.id === 'jackson-0-reposted')!;
  assert.equal(copy.story, storyOf.get('jackson-0'));
  assert.equal(copy.duplicateOf, 'jackson-0');
  assert.match(copy.reasons?.map((x) => x.detail ?? '').join(' ') ?? '', /its closed story reopened/);
});

test('jsonl: an article the clusterer fails on is reported by origin and id, and the articles after it are still placed', () => {
  const records = [0, 1, 2, 3, 4].map((k) => JSON.stringify({ id: `jackson-${k}`, text: article(JACKSON, k) }));
  const { documents } = extractDocuments({ origin: 'arrests.jsonl', name: 'arrests.jsonl', bytes: new TextEncoder().encode(`${records.join('\n')}\n`) }, { detectLanguage: false });
  assert.equal(documents.length, 5);
  const stream = createStoryClusterer({});
  // The clusterer as the command uses it, failing on one article as a fault would.
  const failingOnOne = {
    add(input: ClusterInput) {
      if (input.id === 'jackson-2') throw new TypeError("Cannot read properties of undefined (reading 'id')");
      return stream.add(input);
    },
  };
  const placed = documents.map((doc) => placeArticle(failingOnOne, doc, false));
  const failed = placed.flatMap((p) => ('error' in p ? [p.error] : []));
  assert.equal(failed.length, 1);
  assert.equal(failed[0]!.origin, documents[2]!.origin);
  assert.match(failed[0]!.message, /article jackson-2 left out: clustering failed on it \(Cannot read properties of undefined \(reading 'id'\)\)/);
  assert.match(failed[0]!.message, /please report it/);
  const lines = placed.flatMap((p) => ('line' in p ? [JSON.parse(p.line) as { id: string; story: string }] : []));
  assert.deepEqual(lines.map((l) => l.id), ['jackson-0', 'jackson-1', 'jackson-3', 'jackson-4']);
  assert.equal(new Set(lines.map((l) => l.story)).size, 1, 'the placed reports of one arrest are one story');
  assert.deepEqual(stream.stories().flatMap((s) => s.documentIds).sort(), ['jackson-0', 'jackson-1', 'jackson-3', 'jackson-4']);
});

test('jsonl: each change line says what decided it, with its figures', { skip: skipUnlessShared('data', 'stories', 'ecbplus-dev.jsonl') }, () => {
  // ECB+ dev as a stream: stories of two events of one kind split, strays move, fragments merge.
  const r = crosscheckWithInput(readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8'), 'cluster', '-', '--format', 'jsonl');
  assert.equal(r.status, 0, r.stderr);
  const changes = r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { change?: string; from?: string; into?: string; documentIds?: string[]; reason?: string })
    .filter((line) => line.change);
  assert.ok(changes.some((c) => c.change === 'split') && changes.some((c) => c.change === 'move'), `changes: ${changes.map((c) => c.change).join(', ')}`);
  const decided: Record<string, RegExp> = {
    split: /^its story was split in two: (its articles form two groups, normalized cut [\d.]+ < splitCut [\d.]+|its two groups score -?[\d.]+ against each other, below (the join threshold|mergeThreshold|smallSplitScore) -?[\d.]+;.*|its largest lineage, .* scores -?[\d.]+ against the rest, below mergeThreshold [\d.]+)$/,
    merge: /^its story merged with story-\d+: the two stories' profiles score [\d.]+ against each other, at least mergeThreshold [\d.]+, and their union does not split$/,
    move: /^(its \d+ nearest articles vote for story-\d+ more than [\d.]+ times as much as for story-\d+, and it could have joined story-\d+; summed similarity .+|story-\d+ and story-\d+ were regrouped: .*normalized cut [\d.]+ against [\d.]+ between the two stories)$/,
  };
  for (const c of changes) assert.match(c.reason ?? '', decided[c.change!]!, JSON.stringify(c));
  // A vote names every article it moved, with the similarity summed for each side.
  for (const c of changes.filter((x) => x.change === 'move' && x.reason!.includes('nearest articles'))) {
    for (const id of c.documentIds!) assert.match(c.reason!, new RegExp(`${id} [\\d.]+ against [\\d.]+`));
  }
});
