// `crosscheck stories`: the stored stories with their articles, independent sources, conflicts and
// last update, as a table or JSON. Argument parsing and output only.
import type { Command } from 'commander';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import type { SetExit } from './index.ts';
import { openStoreOrReport, withDbOption } from './store-common.ts';
import type { StorySort } from '../../store/store.ts';

const SORTS = ['updated', 'conflicts', 'size'];

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function registerStories(program: Command, setExit: SetExit): void {
  withDbOption(program.command('stories').description('list the stored stories'))
    .option('--json', 'print JSON instead of a table')
    .option('-q, --query <words>', 'only stories with an article containing all these words')
    .option('--sort <order>', `order: ${SORTS.join(', ')}`, 'updated')
    .option('--limit <n>', 'how many stories', '50')
    .action(async (opts: { db: string; json?: boolean; query?: string; sort: string; limit: string }) => {
      const limit = Number(opts.limit);
      if (!SORTS.includes(opts.sort) || !Number.isInteger(limit) || limit < 1) {
        process.stderr.write(`crosscheck stories: --sort must be one of ${SORTS.join(', ')} and --limit a positive whole number\n`);
        return setExit(EXIT_USAGE);
      }
      const store = await openStoreOrReport(opts.db, 'stories');
      if (!store) return setExit(EXIT_USAGE);
      try {
        const page = await store.listStories({ q: opts.query, sort: opts.sort as StorySort, limit });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
          return setExit(EXIT_OK);
        }
        if (page.items.length === 0) process.stdout.write(opts.query ? 'No story matches.\n' : 'No stories yet; add articles with "crosscheck ingest".\n');
        else {
          const w = Math.max(...page.items.map((s) => s.id.length), 5);
          process.stdout.write(`${cell('STORY', w)}  ARTICLES  SOURCES  CONFLICTS  UPDATED     TITLE\n`);
          for (const s of page.items) {
            const fmt = (n: number | null) => (n === null ? '-' : String(n));
            process.stdout.write(`${cell(s.id, w)}  ${String(s.documentCount).padStart(8)}  ${fmt(s.independentSources).padStart(7)}  ${fmt(s.conflicts).padStart(9)}  ${s.updatedAt.slice(0, 10)}  ${s.title}${s.stale ? ' (analysis pending)' : ''}\n`);
          }
          if (page.total > page.items.length) process.stdout.write(`${page.items.length} of ${page.total} stories shown; use --limit for more\n`);
        }
        setExit(EXIT_OK);
      } finally {
        await store.close();
      }
    });
}
