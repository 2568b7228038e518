// Runs each file of a folder whose name ends in `suffix` in its own Node process (so memory and
// failures stay per file), in name order; `filter` keeps the files whose name contains it.
// Used by `npm run bench` and `npm run eval`.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function runEach(dir: string, suffix: string, filter: string | undefined, args: string[], nodeFlags: string[] = []): number {
  const files = readdirSync(dir).filter((f) => f.endsWith(suffix) && (!filter || f.includes(filter))).sort();
  let failed = 0;
  for (const file of files) {
    console.log(`\n── ${file} ──`);
    const result = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', join(dir, file), ...args], { stdio: 'inherit' });
    if (result.status !== 0) failed++;
  }
  if (files.length === 0) console.error(`no ${suffix} file${filter ? ` matching "${filter}"` : ''} in ${dir}`);
  if (failed) console.error(`${failed} of ${files.length} failed`);
  return failed || files.length === 0 ? 1 : 0;
}
