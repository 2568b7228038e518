// Opens the store a `--db` value names: a PostgreSQL URL (postgres:// or postgresql://) or a SQLite
// file path. The one place the CLI and server choose an implementation.
import { DEFAULT_DB_PATH, openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export { DEFAULT_DB_PATH };

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/**
 * Open the store named by `spec` (default ./crosscheck.db), creating and migrating it as needed.
 * @example const store = await openStore(process.env.DB ?? './crosscheck.db')
 */
export async function openStore(spec: string = DEFAULT_DB_PATH): Promise<Store> {
  if (isPostgresUrl(spec)) {
    // Loaded on demand so that SQLite users never load the PostgreSQL client.
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore(spec);
  }
  return openSqliteStore(spec);
}

/** The store's name for messages: a PostgreSQL URL without its password. */
export function describeStore(spec: string): string {
  return isPostgresUrl(spec) ? spec.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@') : spec;
}
