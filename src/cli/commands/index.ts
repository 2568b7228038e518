// The registry of CLI commands: one file per command, one line each here.
import type { Command } from 'commander';
import { registerAnalyze } from './analyze.ts';
import { registerCluster } from './cluster.ts';
import { registerExtract } from './extract.ts';
import { registerCompare } from './compare.ts';
import { registerIngest } from './ingest.ts';
import { registerStories } from './stories.ts';
import { registerShow } from './show.ts';
import { registerExport } from './export.ts';
import { registerWatch } from './watch.ts';
import { registerServe } from './serve.ts';

/** Sets the process exit status from a command. */
export type SetExit = (code: number) => void;

export function registerCommands(program: Command, setExit: SetExit): void {
  registerAnalyze(program, setExit);
  registerCluster(program, setExit);
  registerExtract(program, setExit);
  registerCompare(program, setExit);
  registerIngest(program, setExit);
  registerStories(program, setExit);
  registerShow(program, setExit);
  registerExport(program, setExit);
  registerWatch(program, setExit);
  registerServe(program, setExit);
}
