// Runs the Store contract against PostgreSQL (a throwaway local cluster, or $CROSSCHECK_PG_URL),
// then what is PostgreSQL's own: migrations shared by concurrent openers, a newer schema refused.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { runStoreContract } from '../store.contract.ts';
import { SCHEMA_VERSION } from '../store.ts';
import { openPostgresStore } from './postgres-store.ts';
import { startTestPostgres } from '../../../test/postgres-server.ts';
import { makeDocument } from '../../../test/store-fixtures.ts';

const server = startTestPostgres();
const skip = typeof server === 'string' ? server : false;
const url = typeof server === 'string' ? '' : server.url;
let n = 0;
const schema = () => `cc_${process.pid}_${n++}`;
after(() => {
  if (typeof server !== 'string') server.stop();
});

runStoreContract('PostgreSQL', async ({ now }) => openPostgresStore(url, { schema: schema(), now, poolSize: 2 }), skip);

describe('PostgreSQL store', { skip }, () => {
  test('two processes opening a new store at once migrate it once and both work', async () => {
    const name = schema();
    const [a, b] = await Promise.all([openPostgresStore(url, { schema: name, poolSize: 2 }), openPostgresStore(url, { schema: name, poolSize: 2 })]);
    await Promise.all([a.addDocument({ document: makeDocument('wire-a') }), b.addDocument({ document: makeDocument('wire-a') })]);
    assert.deepEqual(await a.stats(), { schemaVersion: SCHEMA_VERSION, documents: 1, stories: 0, staleStories: 0 });
    await a.close();
    await b.close();
  });

  test('two writers adding the same articles at once store each text once, with consistent stories', async () => {
    const name = schema();
    const [a, b] = await Promise.all([openPostgresStore(url, { schema: name, poolSize: 4 }), openPostgresStore(url, { schema: name, poolSize: 4 })]);
    const docs = Array.from({ length: 30 }, (_, i) => makeDocument(`doc-${i}`, { text: `Article ${i} about the Rafah crossing and ${i + 2} aid trucks.` }));
    const add = (store: typeof a) => Promise.all(docs.map((d, i) => store.addDocument({ document: d, assignment: { documentId: d.id, storyId: `s-${i % 3}`, score: 1, reasons: [] } })));
    const [ra, rb] = await Promise.all([add(a), add(b)]);
    const added = [...ra, ...rb].filter((r) => r.status === 'added').length;
    assert.equal(added, 30);
    assert.deepEqual(await a.stats(), { schemaVersion: SCHEMA_VERSION, documents: 30, stories: 3, staleStories: 3 });
    for (const s of (await a.listStories()).items) assert.equal(s.documentCount, 10);
    await a.close();
    await b.close();
  });

  test('refuses a store written by a newer crosscheck', async () => {
    const name = schema();
    const store = await openPostgresStore(url, { schema: name, poolSize: 1 });
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE ${name}.crosscheck_schema SET version = ${SCHEMA_VERSION + 1}`);
    await client.end();
    await assert.rejects(openPostgresStore(url, { schema: name, poolSize: 1 }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'STORE_SCHEMA_TOO_NEW');
      return true;
    });
  });
});
