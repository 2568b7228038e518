// `crosscheck watch <inputs>...`: re-reads the inputs (feeds, folders, files) every interval and
// ingests what is new; known texts are skipped by their hash. Stops cleanly on Ctrl-C / SIGTERM.
import type { Command } from 'commander';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { parseByteSize } from '../output.ts';
import type { SetExit } from './index.ts';
import { ingestInto } from './ingest.ts';
import { openStoreOrReport, withDbOption } from './store-common.ts';

/** "90", "90s", "5m", "1h" → milliseconds; undefined when unreadable or under one second. */
export function parseInterval(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  if (!m) return undefined;
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  const ms = Math.round(Number(m[1]) * factor);
  return ms >= 1000 ? ms : undefined;
}

export function registerWatch(program: Command, setExit: SetExit): void {
  withDbOption(
    program
      .command('watch')
      .description('poll feeds, folders or files and ingest new articles as they appear')
      .argument('<inputs...>', 'feeds, folders or files to poll'),
  )
    .option('--interval <time>', 'time between polls (e.g. 90s, 5m)', '5m')
    .option('--max-bytes <size>', 'largest input accepted (e.g. 32MB)', '32MB')
    .option('--rounds <n>', 'stop after this many polls (default: until interrupted)')
    .action(async (inputs: string[], opts: { db: string; interval: string; maxBytes: string; rounds?: string }) => {
      const interval = parseInterval(opts.interval);
      const maxBytes = parseByteSize(opts.maxBytes);
      const rounds = opts.rounds === undefined ? Infinity : Number(opts.rounds);
      if (interval === undefined || maxBytes === undefined || !(rounds >= 1)) {
        process.stderr.write('crosscheck watch: --interval must be a time of at least 1s (90s, 5m), --max-bytes a size, --rounds a positive number\n');
        return setExit(EXIT_USAGE);
      }
      const store = await openStoreOrReport(opts.db, 'watch');
      if (!store) return setExit(EXIT_USAGE);
      let stopping = false;
      let wake: (() => void) | undefined;
      const stop = () => {
        stopping = true;
        wake?.();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        for (let round = 1; round <= rounds && !stopping; round++) {
          const c = await ingestInto(store, inputs, { maxBytes, analyze: true });
          const when = new Date().toISOString().slice(11, 19);
          process.stderr.write(`crosscheck watch ${when}: ${c.added} new, ${c.duplicates} known, ${c.errors.length} rejected, ${c.analysed} ${c.analysed === 1 ? 'story' : 'stories'} analysed\n`);
          for (const e of c.errors) process.stderr.write(`crosscheck watch: ${e.message} [${e.code}]\n`);
          if (round < rounds && !stopping) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, interval);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
        }
        setExit(EXIT_OK);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await store.close();
      }
    });
}
