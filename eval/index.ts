// `npm run eval`: runs every eval/*.eval.ts (measurements against ../shared/data) in its own process.
// `npm run eval -- dates` runs only files matching "dates". Each prints a table and may write docs/.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.eval.ts') && (!filter || f.includes(filter))).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n── ${file} ──`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file), ...process.argv.slice(3)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} evaluation(s) failed`);
  process.exit(1);
}
