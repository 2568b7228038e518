// The store commands as a user runs them on the seeds: ingest (twice, and with a bad input), stories,
// show, export, watch, and the usage errors of serve.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, sharedPath, skipUnlessShared } from './shared-data.ts';

const CLI = join(REPO_ROOT, 'bin', 'crosscheck.js');

function crosscheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('store commands on the seeds', { skip: skipUnlessShared('seeds') }, () => {
  let dir: string;
  let db: string;
  let storyId: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
    db = join(dir, 'seeds.db');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('ingest stores the five seeds and analyses their story; a second ingest adds nothing', () => {
    const first = crosscheck('ingest', sharedPath('seeds'), '--db', db);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^5 added, 0 already stored, 0 rejected; 1 story analysed\. .* holds 5 articles in 1 story\./);
    const second = crosscheck('ingest', sharedPath('seeds'), '--db', db);
    assert.equal(second.status, 0);
    assert.match(second.stdout, /^0 added, 5 already stored, 0 rejected; 0 stories analysed\./);
  });

  test('ingest names a missing input, exits 1, and still stores the rest', () => {
    const r = crosscheck('ingest', join(dir, 'missing.txt'), sharedPath('seeds'), '--db', db);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /missing\.txt: no such file or folder; check the path \[INPUT_NOT_FOUND\]/);
    assert.match(r.stdout, /0 added, 5 already stored, 1 rejected/);
  });

  test('stories lists the seeds story with its counts, as a table and as JSON', () => {
    const json = crosscheck('stories', '--db', db, '--json');
    assert.equal(json.status, 0);
    const page = JSON.parse(json.stdout) as { total: number; items: { id: string; documentCount: number; conflicts: number; stale: boolean }[] };
    assert.equal(page.total, 1);
    assert.equal(page.items[0]!.documentCount, 5);
    assert.ok(page.items[0]!.conflicts >= 1);
    assert.equal(page.items[0]!.stale, false);
    storyId = page.items[0]!.id;
    const table = crosscheck('stories', '--db', db);
    assert.match(table.stdout, /^STORY\s+ARTICLES\s+SOURCES\s+CONFLICTS\s+UPDATED\s+TITLE\n/);
    assert.match(table.stdout, new RegExp(`${storyId}\\s+5\\s+\\d+\\s+\\d+\\s+\\d{4}-\\d{2}-\\d{2}`));
    assert.match(crosscheck('stories', '--db', db, '-q', 'zanzibar').stdout, /No story matches/);
  });

  test('show prints the story as a version-1 JSON report with the death-toll conflict', () => {
    const r = crosscheck('show', storyId, '--db', db, '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { version: number; documents: unknown[]; stories: { claims: { status: string; conflict?: { values: { value: string }[] } }[] }[] };
    assert.equal(report.version, 1);
    assert.equal(report.documents.length, 5);
    const values = report.stories[0]!.claims.filter((c) => c.status === 'conflicting').flatMap((c) => c.conflict?.values.map((v) => v.value) ?? []);
    assert.ok(values.includes('over 1,300') && values.includes('over 1,400'), values.join(', '));
    const missing = crosscheck('show', 'no-such-story', '--db', db);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no story "no-such-story"/);
  });

  test('export writes claims as CSV and documents as JSON Lines', () => {
    const csv = crosscheck('export', '--db', db, '--format', 'csv', '--what', 'claims');
    assert.equal(csv.status, 0);
    assert.match(csv.stdout, /^storyId,claimId,status,independentSources,documentIds,text,conflictSlot,conflictValues\n/);
    assert.match(csv.stdout, /,conflicting,.*over 1,300.*over 1,400/);
    const jsonl = crosscheck('export', '--db', db).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; storyId: string });
    assert.equal(jsonl.length, 5);
    assert.ok(jsonl.every((d) => d.storyId === storyId));
    assert.equal(crosscheck('export', '--db', db, '--what', 'people').status, 2);
  });

  test('watch polls its inputs and stops after the rounds asked', () => {
    const other = join(dir, 'watched.db');
    const r = crosscheck('watch', sharedPath('seeds'), '--db', other, '--interval', '1s', '--rounds', '2');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.match(lines[0]!, /5 new, 0 known, 0 rejected, 1 story analysed/);
    assert.match(lines[1]!, /0 new, 5 known, 0 rejected, 0 stories analysed/);
    assert.equal(crosscheck('watch', sharedPath('seeds'), '--db', other, '--interval', 'soon').status, 2);
  });

  test('serve refuses a bad port and an unreadable store with exit status 2', () => {
    assert.equal(crosscheck('serve', '--db', db, '--port', '99999').status, 2);
    const r = crosscheck('serve', '--db', join(dir, 'no', 'such', 'dir', 'x.db'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /crosscheck serve: .*the store failed/);
  });
});
