// The command line as a user runs it: exit statuses, named errors on stderr, reports on stdout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, sharedPath, skipUnlessShared } from './shared-data.ts';

function crosscheck(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'crosscheck.js'), ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('seeds plus an empty, a binary and a truncated JSON file: exit 1, the three named, the story still reported', { skip: skipUnlessShared('seeds') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  cpSync(sharedPath('seeds'), join(dir, 'seeds'), { recursive: true });
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
  writeFileSync(join(dir, 'cut.json'), '[{"id": "x", "text": "A fire broke');
  const r = crosscheck(['analyze', dir, '--format', 'json']);
  assert.equal(r.status, 1);
  const report = JSON.parse(r.stdout) as { documents: unknown[]; stories: { documentIds: string[] }[]; errors: { origin: string; code: string }[] };
  assert.equal(report.documents.length, 5);
  assert.equal(report.stories.length, 1);
  assert.equal(report.stories[0]!.documentIds.length, 5);
  assert.deepEqual(report.errors.map((e) => [e.origin.split('/').pop(), e.code]).sort(), [
    ['cut.json', 'INPUT_JSON_INVALID'],
    ['empty.txt', 'INPUT_EMPTY'],
    ['image.txt', 'INPUT_BINARY'],
  ]);
  assert.match(r.stderr, /empty\.txt: is empty/);
  assert.match(r.stderr, /cut\.json: is not valid JSON/);
  assert.match(r.stderr, /3 inputs rejected/);
});

test('exit 2 on a usage error, with a message', () => {
  const r = crosscheck(['analyze', 'x.txt', '--format', 'pdf']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown --format "pdf"/);
});

test('reads an article from standard input and writes Markdown to --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-out-'));
  const out = join(dir, 'report.md');
  const r = crosscheck(['analyze', '-', '--format', 'md', '--out', out], 'Bridge Reopens After Repairs\n\nThe Harbour Bridge reopened on Friday after six weeks of repairs, the city council said.');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
  const md = readFileSync(out, 'utf8');
  assert.match(md, /Bridge Reopens After Repairs/);
});

test('a missing path is named and exits 1', () => {
  const r = crosscheck(['analyze', '/nonexistent/articles']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\/nonexistent\/articles: no such file or folder/);
});
