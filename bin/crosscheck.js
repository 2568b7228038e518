#!/usr/bin/env node
// Entry point for `npx crosscheck`: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';
register();
// A reader that stops early (`crosscheck extract … | head`) closes the pipe: stop quietly, not with a trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
