// `npm run bench`: runs every bench/*.bench.ts in its own process (so peak memory is per bench)
// and prints their reports in order. `npm run bench -- cluster` runs only files matching "cluster".
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEach } from '../scripts/run-each.ts';

process.exitCode = runEach(dirname(fileURLToPath(import.meta.url)), '.bench.ts', process.argv[2], process.argv.slice(3), ['--expose-gc']);
