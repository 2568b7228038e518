// `crosscheck ingest <inputs>...`: stores articles (each text once), places them in stories and
// re-analyses only the stories that changed. Argument parsing and output only.
import type { Command } from 'commander';
import { collectDocuments } from '../../ingest/collect.ts';
import { Ingestor } from '../../store/ingest.ts';
import { describeStore } from '../../store/open.ts';
import type { Store } from '../../store/store.ts';
import type { InputError } from '../../types.ts';
import { EXIT_OK, EXIT_SOME_INPUTS_REJECTED, EXIT_USAGE } from '../exit-codes.ts';
import { parseByteSize, progressBar, reportErrors } from '../output.ts';
import type { SetExit } from './index.ts';
import { openStoreOrReport, withDbOption } from './store-common.ts';

export interface IngestCounts {
  added: number;
  duplicates: number;
  errors: InputError[];
  analysed: number;
}

/** Ingest `inputs` into an open store; shared with `watch`. */
export async function ingestInto(store: Store, inputs: string[], options: { maxBytes: number; analyze: boolean }): Promise<IngestCounts> {
  const ingestor = await Ingestor.open(store);
  const counts: IngestCounts = { added: 0, duplicates: 0, errors: [], analysed: 0 };
  const bar = progressBar('storing', false);
  let seen = 0;
  for await (const event of collectDocuments(inputs, { maxBytes: options.maxBytes })) {
    if (event.kind === 'error') {
      counts.errors.push(event.error);
      await store.recordError(event.error);
      continue;
    }
    const [outcome] = await ingestor.addDocuments([event.document]);
    if (outcome?.status === 'added') counts.added++;
    else counts.duplicates++;
    bar.update(++seen, undefined, event.document.id);
  }
  bar.stop();
  if (options.analyze) {
    const analysing = progressBar('analysing');
    counts.analysed = (await ingestor.reanalyze({ onStory: (id, done, total) => analysing.update(done, total, id) })).length;
    analysing.stop();
  }
  return counts;
}

export function registerIngest(program: Command, setExit: SetExit): void {
  withDbOption(
    program
      .command('ingest')
      .description('store articles in the database; new articles join stories and the stories they touch are re-analysed')
      .argument('<inputs...>', 'files, folders (read recursively) or - for standard input'),
  )
    .option('--max-bytes <size>', 'largest input accepted (e.g. 32MB)', '32MB')
    .option('--no-analyze', 'only store and place the articles; analyse later (the next ingest or serve does it)')
    .action(async (inputs: string[], opts: { db: string; maxBytes: string; analyze: boolean }) => {
      const maxBytes = parseByteSize(opts.maxBytes);
      if (maxBytes === undefined) {
        process.stderr.write(`crosscheck ingest: --max-bytes "${opts.maxBytes}" is not a size such as 32MB\n`);
        return setExit(EXIT_USAGE);
      }
      const store = await openStoreOrReport(opts.db, 'ingest');
      if (!store) return setExit(EXIT_USAGE);
      try {
        const c = await ingestInto(store, inputs, { maxBytes, analyze: opts.analyze });
        const stats = await store.stats();
        process.stdout.write(
          `${c.added} added, ${c.duplicates} already stored, ${c.errors.length} rejected; ${c.analysed} ${c.analysed === 1 ? 'story' : 'stories'} analysed. ` +
            `${describeStore(opts.db)} holds ${stats.documents} articles in ${stats.stories} ${stats.stories === 1 ? 'story' : 'stories'}.\n`,
        );
        reportErrors(c.errors);
        setExit(c.errors.length ? EXIT_SOME_INPUTS_REJECTED : EXIT_OK);
      } finally {
        await store.close();
      }
    });
}
