// What the store commands share: the --db option, opening the store with a readable error, and a
// progress bar on stderr that appears only on a terminal. No command logic here.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { isCrosscheckError } from '../../errors.ts';
import { DEFAULT_DB_PATH, openStore } from '../../store/open.ts';
import type { Store } from '../../store/store.ts';

export function withDbOption(command: Command): Command {
  return command.option('--db <path|url>', 'the store: a SQLite file or a postgres:// URL', process.env.CROSSCHECK_DB ?? DEFAULT_DB_PATH);
}

/** Open the store, or print why not and return undefined. */
export async function openStoreOrReport(db: string, command: string): Promise<Store | undefined> {
  try {
    return await openStore(db);
  } catch (error) {
    const message = isCrosscheckError(error) ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`crosscheck ${command}: ${message}\n`);
    return undefined;
  }
}

export interface Progress {
  update(done: number, total?: number, note?: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal (a plain counter when the total is unknown); silent otherwise. */
export function progressBar(label: string, totalKnown = true): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const format = totalKnown ? `${label} [{bar}] {value}/{total} {note}` : `${label} {value} articles, {rate}/s {note}`;
  const startedAt = Date.now();
  const bar = new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true, clearOnComplete: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, note = '') {
      const rate = (done / Math.max(0.001, (Date.now() - startedAt) / 1000)).toFixed(1);
      if (!started) {
        bar.start(total ?? 0, done, { note, rate });
        started = true;
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(done, { note, rate });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
