// What the store commands share: the --db option and opening the store with a readable error. No
// command logic here.
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
