// `crosscheck show <story>`: one stored story as a text, JSON, Markdown or HTML report (analysing it
// first when articles joined since its last analysis). Argument parsing and output only.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../report/index.ts';
import { reanalyzeStale } from '../../store/ingest.ts';
import { describeStore } from '../../store/open.ts';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { useColor } from '../output.ts';
import type { SetExit } from './index.ts';
import { openStoreOrReport, withDbOption } from './store-common.ts';

export function registerShow(program: Command, setExit: SetExit): void {
  withDbOption(program.command('show').description('print one stored story as a report').argument('<story>', 'the story id (see "crosscheck stories")'))
    .option('-f, --format <format>', `output format: ${REPORT_FORMATS.join(', ')}`, 'text')
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .action(async (id: string, opts: { db: string; format: string; out?: string }) => {
      if (!REPORT_FORMATS.includes(opts.format as ReportFormat)) {
        process.stderr.write(`crosscheck show: unknown --format "${opts.format}"; use one of ${REPORT_FORMATS.join(', ')}\n`);
        return setExit(EXIT_USAGE);
      }
      const store = await openStoreOrReport(opts.db, 'show');
      if (!store) return setExit(EXIT_USAGE);
      try {
        let story = await store.getStory(id);
        if (!story) {
          process.stderr.write(`crosscheck show: no story "${id}" in ${describeStore(opts.db)}; "crosscheck stories" lists them\n`);
          return setExit(EXIT_USAGE);
        }
        if (story.stale || !story.analysis) {
          await reanalyzeStale(store);
          story = (await store.getStory(id)) ?? story;
        }
        const documents = (await store.getDocuments(story.documentIds)).map((s) => s.document);
        const analysis = { documents, annotated: [], stories: story.analysis ? [story.analysis] : [], errors: [], duplicates: [] };
        const report = renderReport(analysis, opts.format as ReportFormat, { color: !opts.out && useColor(process.stdout) });
        if (opts.out) await writeFile(opts.out, report);
        else process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
        setExit(EXIT_OK);
      } finally {
        await store.close();
      }
    });
}
