// Runs story re-analysis in a worker thread (analysis-worker.ts) and tells the server when it is
// idle. The TypeScript loader is passed on, since workers do not inherit a programmatic one.
import { Worker } from 'node:worker_threads';

export interface AnalysisThread {
  /** Ask the thread to analyse every stale story (no-op while it is already at it). */
  run(): void;
  /** Resolves when the thread has nothing left to analyse. */
  idle(): Promise<void>;
  stop(): Promise<void>;
  /** False once the thread has stopped (then the server analyses in its own thread). */
  readonly alive: boolean;
}

export function startAnalysisThread(db: string, log: (line: string) => void): AnalysisThread {
  // Workers do not inherit a programmatically registered loader: register tsx, then load the worker.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('./analysis-worker.ts', import.meta.url).href)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { db } });
  let busy = false;
  let alive = true;
  let waiters: (() => void)[] = [];
  const settle = () => {
    for (const w of waiters) w();
    waiters = [];
  };
  worker.on('message', (m: { kind: string; message?: string }) => {
    if (m.kind === 'idle') {
      busy = false;
      settle();
    } else if (m.kind === 'error') log(`crosscheck serve: analysis failed: ${m.message}`);
  });
  worker.on('error', (error) => {
    log(`crosscheck serve: analysis thread stopped (${error.message}); analysing in the server thread instead`);
  });
  worker.on('exit', () => {
    alive = false;
    busy = false;
    settle();
  });
  return {
    run() {
      busy = true;
      worker.postMessage({ kind: 'run' });
    },
    idle: () => (busy ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    async stop() {
      await worker.terminate();
    },
    get alive() {
      return alive;
    },
  };
}
