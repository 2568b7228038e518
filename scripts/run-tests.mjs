// Runs every test file (src/**/*.test.ts, test/**/*.test.ts) with node's test runner.
// Node 20 neither expands ** globs nor finds tests in a directory, so the list is built here.
// Usage: node scripts/run-tests.mjs [substring filter]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries.sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv[2];
const files = [...walk('src', []), ...walk('test', [])].filter((f) => !filter || f.includes(filter));
if (files.length === 0) {
  console.error('run-tests: no test files found' + (filter ? ` matching "${filter}"` : ''));
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
