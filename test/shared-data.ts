// Locates ../shared (seeds and public data) for tests, benches and evals, and tells tests to skip
// with a clear message where it is absent (a checkout without the team's shared folder).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the shared folder: $CROSSCHECK_SHARED, else ../shared beside the checkout. */
export const SHARED_DIR = process.env.CROSSCHECK_SHARED ?? resolve(repoRoot, '..', 'shared');
export const REPO_ROOT = repoRoot;

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** For `test(name, { skip: skipUnlessShared('seeds') }, fn)`: false when present, else the reason. */
export function skipUnlessShared(...parts: string[]): string | false {
  const path = sharedPath(...parts);
  return existsSync(path) ? false : `shared data not found at ${path}; set CROSSCHECK_SHARED to run this test`;
}
