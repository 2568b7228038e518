// `crosscheck export`: the store's documents, claims or events as JSON Lines or CSV, streamed to
// standard output or a file. Argument parsing and output only.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { EXPORT_FORMATS, EXPORT_KINDS, exportLines, type ExportFormat, type ExportKind } from '../../store/export.ts';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import type { SetExit } from './index.ts';
import { openStoreOrReport, withDbOption } from './store-common.ts';

export function registerExport(program: Command, setExit: SetExit): void {
  withDbOption(program.command('export').description('export stored documents, claims or events'))
    .option('-f, --format <format>', `${EXPORT_FORMATS.join(' or ')}`, 'jsonl')
    .option('-w, --what <what>', `${EXPORT_KINDS.join(', ')}`, 'documents')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (opts: { db: string; format: string; what: string; out?: string }) => {
      if (!EXPORT_FORMATS.includes(opts.format as ExportFormat) || !EXPORT_KINDS.includes(opts.what as ExportKind)) {
        process.stderr.write(`crosscheck export: --format must be ${EXPORT_FORMATS.join(' or ')} and --what one of ${EXPORT_KINDS.join(', ')}\n`);
        return setExit(EXIT_USAGE);
      }
      const store = await openStoreOrReport(opts.db, 'export');
      if (!store) return setExit(EXIT_USAGE);
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      // A reader that stops early (`| head`) is not an error.
      let closed = false;
      out.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
      try {
        for await (const line of exportLines(store, opts.format as ExportFormat, opts.what as ExportKind)) {
          if (closed) break;
          if (!out.write(line)) await Promise.race([once(out, 'drain'), once(out, 'error')]);
        }
        if (opts.out) await new Promise<void>((resolve) => out.end(() => resolve()));
        setExit(EXIT_OK);
      } finally {
        await store.close();
      }
    });
}
