// `crosscheck extract <inputs>... [--format json|jsonl|text]`: reads files, folders, URLs, feeds and
// web archives and prints each article's text and metadata. Argument parsing and output only.
import type { Command } from 'commander';
import { collectDocuments } from '../../ingest/collect.ts';
import type { Document, InputError } from '../../types.ts';
import { EXIT_OK, EXIT_SOME_INPUTS_REJECTED, EXIT_USAGE } from '../exit-codes.ts';
import { parseByteSize, reportErrors } from '../output.ts';
import type { SetExit } from './index.ts';

export const EXTRACT_FORMATS = ['json', 'jsonl', 'text'] as const;
type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

interface ExtractCommandOptions {
  format: string;
  fetch: boolean;
  allowPrivate: boolean;
  maxBytes: string;
}

/** The fields `extract` prints for one article, in a stable order. */
export function presentDocument(doc: Document): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    origin: doc.origin,
    id: doc.id,
    title: doc.title,
    text: doc.text,
    publishedAt: doc.publishedAt,
    dateSource: doc.dateSource,
    updatedAt: doc.updatedAt,
    author: doc.author,
    outlet: doc.outlet,
    url: doc.url,
    language: doc.language,
    embeds: doc.embeds,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function presentError(error: InputError): Record<string, unknown> {
  return { origin: error.origin, error: { code: error.code, message: error.message } };
}

/** A readable block for one article: its metadata lines, a blank line, its text. */
export function renderDocumentText(doc: Document): string {
  const lines = [`# ${doc.title ?? doc.id}`, `origin: ${doc.origin}`];
  if (doc.url && doc.url !== doc.origin) lines.push(`url: ${doc.url}`);
  if (doc.publishedAt) lines.push(`published: ${doc.publishedAt}${doc.dateSource ? ` (from ${doc.dateSource})` : ''}`);
  if (doc.updatedAt) lines.push(`updated: ${doc.updatedAt}`);
  if (doc.author) lines.push(`author: ${doc.author}`);
  if (doc.outlet) lines.push(`outlet: ${doc.outlet}`);
  if (doc.language) lines.push(`language: ${doc.language}`);
  for (const embed of doc.embeds) lines.push(`embed (${embed.kind}): ${embed.text.slice(0, 120)}`);
  return `${lines.join('\n')}\n\n${doc.text}\n`;
}

export function registerExtract(program: Command, setExit: SetExit): void {
  program
    .command('extract')
    .description('print each article\'s text and metadata (title, date and where it came from, author, outlet, URL, language)')
    .argument('<inputs...>', 'files, folders, URLs, RSS/Atom feeds, .warc(.gz) web archives, or - for standard input')
    .option('-f, --format <format>', `output format: ${EXTRACT_FORMATS.join(', ')}`, 'json')
    .option('--fetch', 'fetch the page of each feed item that has only a summary', false)
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses', false)
    .option('--max-bytes <size>', 'largest input accepted (e.g. 32MB)', '32MB')
    .action(async (inputs: string[], opts: ExtractCommandOptions) => {
      setExit(await runExtract(inputs, opts));
    });
}

async function runExtract(inputs: string[], opts: ExtractCommandOptions): Promise<number> {
  if (!EXTRACT_FORMATS.includes(opts.format as ExtractFormat)) {
    process.stderr.write(`crosscheck extract: unknown --format "${opts.format}"; use one of ${EXTRACT_FORMATS.join(', ')}\n`);
    return EXIT_USAGE;
  }
  const maxBytes = parseByteSize(opts.maxBytes);
  if (maxBytes === undefined) {
    process.stderr.write(`crosscheck extract: --max-bytes "${opts.maxBytes}" is not a size such as 32MB\n`);
    return EXIT_USAGE;
  }
  const format = opts.format as ExtractFormat;
  const errors: InputError[] = [];
  const collected: Record<string, unknown>[] = [];
  const write = (text: string): void => void process.stdout.write(text);
  let first = true;
  const events = collectDocuments(inputs, {
    maxBytes,
    fetchFeedItems: opts.fetch,
    fetch: { allowPrivate: opts.allowPrivate },
    onNotice: (origin, message) => process.stderr.write(`crosscheck: ${origin}: ${message}\n`),
  });
  for await (const event of events) {
    if (event.kind === 'error') errors.push(event.error);
    const record = event.kind === 'document' ? presentDocument(event.document) : presentError(event.error);
    if (format === 'jsonl') write(`${JSON.stringify(record)}\n`);
    else if (format === 'json') collected.push(record);
    else if (event.kind === 'document') {
      write(`${first ? '' : '\n'}${renderDocumentText(event.document)}`);
      first = false;
    }
  }
  if (format === 'json') write(`${JSON.stringify(collected, null, 2)}\n`);
  reportErrors(errors);
  return errors.length ? EXIT_SOME_INPUTS_REJECTED : EXIT_OK;
}
