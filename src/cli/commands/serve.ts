// `crosscheck serve`: the HTTP API and web pages over a store, on 127.0.0.1:8080 by default; stale
// stories are analysed in the background. Stops cleanly on Ctrl-C / SIGTERM.
import type { Command } from 'commander';
import { createApp } from '../../server/app.ts';
import { describeStore } from '../../store/open.ts';
import { listen, LISTEN_DEFAULTS } from '../../server/serve.ts';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { parseByteSize } from '../output.ts';
import type { SetExit } from './index.ts';
import { openStoreOrReport, withDbOption } from './store-common.ts';

export function registerServe(program: Command, setExit: SetExit): void {
  withDbOption(program.command('serve').description('serve the HTTP API and web pages over the store'))
    .option('--host <host>', 'address to listen on', LISTEN_DEFAULTS.host)
    .option('--port <n>', 'port to listen on (0 picks a free one)', String(LISTEN_DEFAULTS.port))
    .option('--token <token>', 'token required to add articles (default: $CROSSCHECK_TOKEN; without one the server is read-only)')
    .option('--body-limit <size>', 'largest request body accepted', '10MB')
    .action(async (opts: { db: string; host: string; port: string; token?: string; bodyLimit: string }) => {
      const port = Number(opts.port);
      const bodyLimitBytes = parseByteSize(opts.bodyLimit);
      if (!Number.isInteger(port) || port < 0 || port > 65535 || bodyLimitBytes === undefined) {
        process.stderr.write('crosscheck serve: --port must be 0–65535 and --body-limit a size such as 10MB\n');
        return setExit(EXIT_USAGE);
      }
      const store = await openStoreOrReport(opts.db, 'serve');
      if (!store) return setExit(EXIT_USAGE);
      const token = opts.token ?? (process.env.CROSSCHECK_TOKEN || undefined);
      const { app, deps } = createApp({ store, bodyLimitBytes, analysisThreadDb: opts.db, ...(token ? { token } : {}) });
      let server;
      try {
        server = await listen(app, { host: opts.host, port });
      } catch (error) {
        process.stderr.write(`crosscheck serve: cannot listen on ${opts.host}:${port}: ${(error as Error).message}\n`);
        await store.close();
        return setExit(EXIT_USAGE);
      }
      process.stderr.write(`crosscheck serve: ${server.url} (${describeStore(opts.db)}${token ? '' : ', read-only: no --token'})\n`);
      deps.analyzeSoon();
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      process.stderr.write('crosscheck serve: stopping\n');
      await server.close();
      await deps.stop();
      await store.close();
      setExit(EXIT_OK);
    });
}
