// `crosscheck analyze <inputs>...`: reads the articles, analyses them in memory and prints the report
// as text, JSON, Markdown or HTML. Argument parsing and output only; the work is in the library.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyzeDocuments } from '../../analyze/index.ts';
import { collectAll } from '../../ingest/collect.ts';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../report/index.ts';
import { EXIT_OK, EXIT_SOME_INPUTS_REJECTED, EXIT_USAGE } from '../exit-codes.ts';
import type { SetExit } from './index.ts';
import { parseByteSize, progressBar, reportErrors, useColor } from '../output.ts';

export function registerAnalyze(program: Command, setExit: SetExit): void {
  program
    .command('analyze')
    .description('analyse articles: stories, people, claims that agree or conflict, single-source claims, copies and rewrites')
    .argument('<inputs...>', 'files, folders (read recursively) or - for standard input')
    .option('-f, --format <format>', `output format: ${REPORT_FORMATS.join(', ')}`, 'text')
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('--max-bytes <size>', 'largest input accepted (e.g. 32MB)', '32MB')
    .option('--fetch', 'fetch the page of each feed item that has only a summary', false)
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses', false)
    .action(async (inputs: string[], opts: { format: string; out?: string; maxBytes: string; fetch: boolean; allowPrivate: boolean }) => {
      if (!REPORT_FORMATS.includes(opts.format as ReportFormat)) {
        process.stderr.write(`crosscheck analyze: unknown --format "${opts.format}"; use one of ${REPORT_FORMATS.join(', ')}\n`);
        setExit(EXIT_USAGE);
        return;
      }
      const maxBytes = parseByteSize(opts.maxBytes);
      if (maxBytes === undefined) {
        process.stderr.write(`crosscheck analyze: --max-bytes "${opts.maxBytes}" is not a size such as 32MB\n`);
        setExit(EXIT_USAGE);
        return;
      }
      const { documents, errors } = await collectAll(inputs, {
        maxBytes,
        fetchFeedItems: opts.fetch,
        fetch: { allowPrivate: opts.allowPrivate },
        onNotice: (origin, message) => process.stderr.write(`crosscheck: note: ${origin}: ${message}\n`),
      });
      const bars = { annotate: progressBar('reading articles'), analyze: progressBar('analysing stories') };
      const analysis = analyzeDocuments(documents, errors, {
        onProgress: (stage, done, total) => {
          if (stage === 'analyze') bars.annotate.stop();
          bars[stage].update(done, total);
        },
      });
      bars.annotate.stop();
      bars.analyze.stop();
      const report = renderReport(analysis, opts.format as ReportFormat, { color: !opts.out && useColor(process.stdout) });
      if (opts.out) await writeFile(opts.out, report);
      else process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
      for (const doc of analysis.documents) for (const m of doc.messages) process.stderr.write(`crosscheck: note: ${m.message} [${m.code}]\n`);
      reportErrors(errors);
      setExit(errors.length ? EXIT_SOME_INPUTS_REJECTED : EXIT_OK);
    });
}
