// Terminal helpers shared by the commands: colour decision (NO_COLOR, TTY), sizes, error lines, and a
// progress bar on stderr that appears only on a terminal.
import cliProgress from 'cli-progress';
import type { InputError } from '../types.ts';

/** Colour only on a terminal and only when NO_COLOR is unset or empty. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

/** "32MB", "512k", "1048576" → bytes; undefined when unreadable. */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/** Name each rejected input and its reason on stderr. */
export function reportErrors(errors: InputError[]): void {
  for (const e of errors) process.stderr.write(`crosscheck: ${e.message} [${e.code}]\n`);
  if (errors.length) process.stderr.write(`crosscheck: ${errors.length} input${errors.length === 1 ? '' : 's'} rejected; the others were processed\n`);
}

export interface Progress {
  update(done: number, total?: number, note?: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal (a plain counter when the total is unknown); silent otherwise. */
export function progressBar(label: string, totalKnown = true): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const format = totalKnown ? `${label} [{bar}] {value}/{total} {note}` : `${label} {value} articles, {rate}/s {note}`;
  const startedAt = Date.now();
  const bar = new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true, clearOnComplete: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, note = '') {
      const rate = (done / Math.max(0.001, (Date.now() - startedAt) / 1000)).toFixed(1);
      if (!started) {
        bar.start(total ?? 0, done, { note, rate });
        started = true;
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(done, { note, rate });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
