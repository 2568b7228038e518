// The command line: builds the commander program from the command registry and runs it.
// No analysis logic here; each command parses its arguments and calls the library.
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';

import { EXIT_OK, EXIT_USAGE } from './exit-codes.ts';

/** Run the CLI with `argv` (as process.argv); resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('crosscheck')
    .description('Reads news articles about the same events and reports what sources agree on, where they disagree, what rests on one source, and which articles copy or rewrite others.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let status = EXIT_OK;
  registerCommands(program, (code) => {
    status = code;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    process.stderr.write(`crosscheck: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  return status;
}
