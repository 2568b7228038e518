// The HTTP application: security headers and CSP on every response, the error handler, the API and
// the pages, and the background re-analysis of stories that changed. Runtime-neutral (see serve.ts).
import { Hono } from 'hono';
import { reanalyzeStale, Ingestor, type IngestOptions } from '../store/ingest.ts';
import type { Store } from '../store/store.ts';
import { SERVER_CSP } from '../report/html/assets.ts';
import { startAnalysisThread } from './analysis-thread.ts';
import { registerApi } from './api.ts';
import { RenderCache } from './cache.ts';
import { toHttpError } from './http-errors.ts';
import { registerPages, renderErrorPage } from './pages.ts';

export interface ServerOptions {
  store: Store;
  /** Writes need `Authorization: Bearer <token>`; without a token the server is read-only. */
  token?: string;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Re-analyse changed stories after a write without making the client wait. */
  analyzeInBackground: boolean;
  ingest: Partial<IngestOptions>;
  /** Where server-side problems are written (never to clients). */
  log: (line: string) => void;
  /** The store's --db value: when set, stories are analysed in a worker thread with its own connection. */
  analysisThreadDb?: string;
}

export const SERVER_DEFAULTS: Omit<ServerOptions, 'store'> = {
  bodyLimitBytes: 10 * 1024 * 1024,
  analyzeInBackground: true,
  ingest: {},
  log: (line) => process.stderr.write(`${line}\n`),
};

/** What routes share: the store, the ingest session and the analysis worker. */
export interface ServerDeps {
  options: ServerOptions;
  store: Store;
  /** Rendered story pages and story JSON, per story revision and analysis. */
  cache: RenderCache;
  ingestor(): Promise<Ingestor>;
  /** Start re-analysing stale stories (no-op when already running). */
  analyzeSoon(): void;
  /** Resolves when no stale story is left to analyse. */
  idle(): Promise<void>;
  /** Stop the background analysis after the story in hand (that story stays stale if unfinished). */
  stop(): Promise<void>;
}

export interface CrosscheckServer {
  app: Hono;
  deps: ServerDeps;
}

/**
 * Build the app over a store.
 * @example const { app } = createApp({ store }); const res = await app.request('/api/stories');
 */
export function createApp(options: Partial<ServerOptions> & { store: Store }): CrosscheckServer {
  const opts: ServerOptions = { ...SERVER_DEFAULTS, ...options };
  const deps = makeDeps(opts);
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // A route may set its own (the report download allows its inlined script by hash).
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', SERVER_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  });
  app.onError((error, c) => {
    const { status, body } = toHttpError(error);
    if (status >= 500) opts.log(`crosscheck serve: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (c.req.path.startsWith('/api/')) return c.json(body, status as 500);
    return c.html(renderErrorPage(status, body.error.message), status as 500);
  });
  app.notFound((c) => {
    const body = { error: { code: 'NOT_FOUND', message: `${c.req.path}: not found` } };
    if (c.req.path.startsWith('/api/')) return c.json(body, 404);
    return c.html(renderErrorPage(404, `There is no page at ${c.req.path}.`), 404);
  });
  registerApi(app, deps);
  registerPages(app, deps);
  return { app, deps };
}

function makeDeps(opts: ServerOptions): ServerDeps {
  const store = opts.store;
  let ingestor: Promise<Ingestor> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const work = async () => {
    // One story at a time, yielding between stories so requests are still served.
    while (!stopped) {
      const done = await reanalyzeStale(store, opts.ingest, { limit: 1 });
      if (done.length === 0) return;
      await new Promise((r) => setImmediate(r));
    }
  };
  const analyzeSoon = () => {
    if (stopped) return;
    running ??= work()
      .catch((error) => opts.log(`crosscheck serve: analysis failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
      });
  };
  const inProcess = {
    analyzeSoon,
    async idle() {
      while (running) await running;
      if ((await store.staleStories(1)).length) {
        analyzeSoon();
        while (running) await running;
      }
    },
    async stop() {
      stopped = true;
      while (running) await running;
    },
  };
  // With a --db to open, analysis runs in a worker thread so requests never wait for it.
  const thread = opts.analysisThreadDb ? startAnalysisThread(opts.analysisThreadDb, opts.log) : undefined;
  const viaThread = () => thread !== undefined && thread.alive;
  return {
    options: opts,
    store,
    cache: new RenderCache(),
    ingestor: () => (ingestor ??= Ingestor.open(store, opts.ingest)),
    analyzeSoon: () => (viaThread() ? thread!.run() : inProcess.analyzeSoon()),
    async idle() {
      if (viaThread()) {
        thread!.run();
        await thread!.idle();
        if (viaThread()) return;
      }
      await inProcess.idle();
    },
    async stop() {
      await thread?.stop();
      await inProcess.stop();
    },
  };
}
