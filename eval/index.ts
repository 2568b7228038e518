// `npm run eval`: runs every eval/*.eval.ts (measurements against ../shared/data) in its own process.
// `npm run eval -- dates` runs only files matching "dates". Each prints a table and may write docs/.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEach } from '../scripts/run-each.ts';

process.exitCode = runEach(dirname(fileURLToPath(import.meta.url)), '.eval.ts', process.argv[2], process.argv.slice(3));
