// The background analysis thread of `serve`: re-analyses stale stories with its own store connection,
// so a large story's analysis never blocks the server's requests. Started by analysis-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { reanalyzeStale } from '../store/ingest.ts';
import { openStore } from '../store/open.ts';

const { db } = workerData as { db: string };
const store = await openStore(db);
let running = false;
let again = false;

async function run(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      while ((await reanalyzeStale(store, {}, { limit: 1 })).length > 0) parentPort!.postMessage({ kind: 'analysed' });
    } while (again);
  } catch (error) {
    parentPort!.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    running = false;
    parentPort!.postMessage({ kind: 'idle' });
  }
}

parentPort!.on('message', (message: { kind: string }) => {
  if (message.kind === 'run') void run();
});
parentPort!.postMessage({ kind: 'ready' });
