// Durability of the SQLite store under real processes: a restarted server keeps everything; a killed
// ingest loses at most the article in flight and leaves the file consistent; two ingests at once
// neither corrupt nor duplicate anything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT } from './shared-data.ts';

const CLI = join(REPO_ROOT, 'bin', 'crosscheck.js');
const PLACES = ['Lisbon', 'Nairobi', 'Oslo', 'Lima', 'Hanoi', 'Quito', 'Accra', 'Riga', 'Dhaka', 'Tunis'];
const TOPICS = ['a bridge collapse', 'a port strike', 'a wildfire', 'a flood', 'an election recount', 'a train derailment'];

/** `n` distinct short articles as text files, named so that folder order is numeric order. */
function writeArticles(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const place = PLACES[i % PLACES.length]!;
    const topic = TOPICS[Math.floor(i / PLACES.length) % TOPICS.length]!;
    const name = `a${String(i).padStart(4, '0')}`;
    const text =
      `${topic[0]!.toUpperCase()}${topic.slice(1)} in ${place} (${i})\n\ndate 2024-03-${String(1 + (i % 27)).padStart(2, '0')}\n\n` +
      `Officials in ${place} said ${i + 3} people were affected by ${topic} on Monday, report number ${i}. ` +
      `The mayor of ${place} promised help within ${(i % 9) + 2} days. Residents described the scene as calm by evening.`;
    writeFileSync(join(dir, `${name}.txt`), text);
    names.push(name);
  }
  return names;
}

function run(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** What a consistent store looks like: intact file, one story per article, counts that add up, search rows for all. */
function assertConsistent(path: string): { ids: string[]; stories: number } {
  const db = new Database(path, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const ids = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as string[];
    const hashes = db.prepare('SELECT COUNT(DISTINCT content_hash) FROM documents').pluck().get();
    assert.equal(hashes, ids.length, 'no text stored twice');
    const members = db.prepare('SELECT COUNT(*) FROM story_documents').pluck().get();
    assert.equal(members, ids.length, 'every article belongs to exactly one story');
    const bad = db.prepare('SELECT COUNT(*) FROM stories s WHERE document_count <> (SELECT COUNT(*) FROM story_documents d WHERE d.story_id = s.id)').pluck().get();
    assert.equal(bad, 0, 'story counts match their memberships');
    const fts = db.prepare('SELECT COUNT(*) FROM documents_fts').pluck().get();
    assert.equal(fts, ids.length, 'every article is searchable');
    const stories = db.prepare('SELECT COUNT(*) FROM stories').pluck().get() as number;
    return { ids, stories };
  } finally {
    db.close();
  }
}

describe('store durability', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-durability-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a killed ingest loses at most the article in flight, and the next ingest completes the set', async () => {
    const inputs = join(dir, 'kill-inputs');
    const names = writeArticles(inputs, 90);
    const db = join(dir, 'killed.db');
    const { child, done } = run(['ingest', inputs, '--db', db, '--no-analyze']);
    // Kill -9 once some articles are in, well before the end.
    for (let i = 0; i < 1800; i++) {
      await new Promise((r) => setTimeout(r, 50));
      let count = 0;
      try {
        const probe = new Database(db, { readonly: true, timeout: 1000 });
        count = probe.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
        probe.close();
      } catch {
        // not created yet
      }
      if (count >= 10) break;
    }
    child.kill('SIGKILL');
    const result = await done;
    assert.equal(result.code, null, 'the ingest was killed, not finished');
    const { ids } = assertConsistent(db);
    assert.ok(ids.length >= 10 && ids.length < names.length, `killed after ${ids.length} of ${names.length}`);
    assert.deepEqual(ids, names.slice(0, ids.length), 'the stored articles are exactly the first ones read: nothing skipped');

    const again = await run(['ingest', inputs, '--db', db]).done;
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`^${names.length - ids.length} added, ${ids.length} already stored, 0 rejected`));
    const final = assertConsistent(db);
    assert.deepEqual(final.ids, names);
    const stale = new Database(db, { readonly: true }).prepare('SELECT COUNT(*) FROM stories WHERE revision <> analyzed_revision').pluck().get();
    assert.equal(stale, 0, 'the second ingest analysed the stories the killed one left stale');
  });

  test('two ingests running at once store every article once', async () => {
    const a = join(dir, 'both-a');
    const b = join(dir, 'both-b');
    const names = writeArticles(a, 40);
    writeArticles(b, 40); // the same 40 texts again, under another folder
    const db = join(dir, 'concurrent.db');
    const [r1, r2] = await Promise.all([run(['ingest', a, '--db', db, '--no-analyze']).done, run(['ingest', b, '--db', db, '--no-analyze']).done]);
    assert.equal(r1.code, 0, r1.stderr);
    assert.equal(r2.code, 0, r2.stderr);
    const added = [r1, r2].map((r) => Number(/^(\d+) added/.exec(r.stdout)?.[1]));
    assert.equal(added[0]! + added[1]!, names.length, `added ${added.join(' + ')}`);
    const { ids } = assertConsistent(db);
    assert.deepEqual(ids, names);
  });

  test('a restarted server still serves every story and article it had', async () => {
    const inputs = join(dir, 'restart-inputs');
    writeArticles(inputs, 12);
    const db = join(dir, 'restart.db');
    assert.equal((await run(['ingest', inputs, '--db', db]).done).code, 0);
    const snapshot = async (): Promise<{ stories: unknown; doc: unknown; page: number }> => {
      const server = run(['serve', '--db', db, '--port', '0']);
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        server.child.stderr!.on('data', (d) => {
          seen += d;
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
          if (m) resolve(m[1]!);
        });
        server.done.then((r) => reject(new Error(`serve exited: ${r.stderr}`)));
      });
      const stories = ((await (await fetch(`${url}/api/stories?limit=100&sort=size`)).json()) as { items: { id: string; documentCount: number; analyzedAt: string }[] }).items;
      const doc = await (await fetch(`${url}/api/documents/a0003`)).json();
      const page = (await fetch(`${url}/stories/${stories[0]!.id}`)).status;
      server.child.kill('SIGTERM');
      const exit = await server.done;
      assert.equal(exit.code, 0, 'serve stops cleanly on SIGTERM');
      return { stories, doc, page };
    };
    const first = await snapshot();
    const second = await snapshot();
    assert.equal(first.page, 200);
    assert.deepEqual(second, first);
    assert.equal((first.stories as unknown[]).length > 0, true);
  });
});
