// The registry of CLI commands: one file per command, one line each here.
import type { Command } from 'commander';
import { registerAnalyze } from './analyze.ts';
import { registerCluster } from './cluster.ts';
import { registerCompare } from './compare.ts';

/** Sets the process exit status from a command. */
export type SetExit = (code: number) => void;

export function registerCommands(program: Command, setExit: SetExit): void {
  registerAnalyze(program, setExit);
  registerCluster(program, setExit);
  registerCompare(program, setExit);
}
