// `npm run bench`: runs every bench/*.bench.ts in its own process (so peak memory is per bench)
// and prints their reports in order. `npm run bench -- cluster` runs only files matching "cluster".
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n── ${file} ──`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, file), ...process.argv.slice(3)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} benchmark(s) failed`);
  process.exit(1);
}
