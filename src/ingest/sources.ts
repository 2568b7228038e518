// Inputs that are not plain files: URLs (fetched safely), web archives (streamed record by record)
// and feeds whose items are fetched with --fetch. Each yields the same ReadResults as files, so
// `extract`, `analyze` and every other command read them alike. No extraction happens here.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createError, toInputError } from '../errors.ts';
import type { InputError, RawInput } from '../types.ts';
import { feedItemInputs, looksLikeFeed, parseFeed } from './feed.ts';
import { createFetcher, type FetchOptions, type Fetcher } from './url.ts';
import { describeSkipped, newWarcStats, readWarc, type WarcOptions } from './warc.ts';

export type SourceResult = { ok: true; input: RawInput } | { ok: false; error: InputError };

export interface SourceOptions {
  /** Options of the URL fetcher (allowPrivate for --allow-private, timeouts, politeness). */
  fetch: Partial<FetchOptions>;
  /** Fetch each feed item's page when the feed carries only a summary (--fetch). */
  fetchFeedItems: boolean;
  warc: Partial<WarcOptions>;
  /** Told about things skipped on purpose (WARC records that are not articles); the CLI prints them. */
  onNotice: (origin: string, message: string) => void;
}

export const SOURCE_DEFAULTS: SourceOptions = { fetch: {}, fetchFeedItems: false, warc: {}, onNotice: () => {} };

/** One fetcher per run, so the per-host politeness holds across all inputs. */
export function sourceFetcher(options: Partial<SourceOptions>): Fetcher {
  return createFetcher(options.fetch ?? {});
}

const fail = (origin: string, error: unknown): SourceResult => ({ ok: false, error: toInputError(origin, error) });

/**
 * Stream a web archive — a file, or any byte stream such as standard input — as its HTML responses.
 * @example for await (const r of readWarcFile('crawl.warc.gz', {})) ...
 */
export async function* readWarcFile(path: string, options: Partial<SourceOptions>, source: AsyncIterable<Uint8Array> = createReadStream(path)): AsyncGenerator<SourceResult> {
  const stats = newWarcStats();
  try {
    for await (const input of readWarc(source, path, stats, options.warc)) yield { ok: true, input };
  } catch (error) {
    yield fail(path, error);
  }
  const skipped = describeSkipped(stats);
  if (skipped) (options.onNotice ?? SOURCE_DEFAULTS.onNotice)(path, `${stats.articles} article${stats.articles === 1 ? '' : 's'} read, ${skipped}`);
}

/**
 * Fetch one URL; a feed found there is expanded into its items when items are to be fetched.
 * `check` is the reader's gunzip/empty/binary check.
 */
export async function* readUrl(url: string, fetcher: Fetcher, check: (input: RawInput) => RawInput, options: Partial<SourceOptions>): AsyncGenerator<SourceResult> {
  let input: RawInput;
  try {
    input = check(await fetcher.fetch(url));
  } catch (error) {
    yield fail(url, error);
    return;
  }
  yield* expandFeed(input, fetcher, check, options);
}

/** With --fetch, a feed becomes one input per item (the item's page when the feed has only a summary); else it passes through. */
export async function* expandFeed(input: RawInput, fetcher: Fetcher, check: (input: RawInput) => RawInput, options: Partial<SourceOptions>): AsyncGenerator<SourceResult> {
  const head = Buffer.from(input.bytes.subarray(0, 2000)).toString('utf8');
  if (!options.fetchFeedItems || !looksLikeFeed(head)) {
    yield { ok: true, input };
    return;
  }
  let items: RawInput[];
  let summaries: boolean[];
  try {
    const feed = parseFeed(Buffer.from(input.bytes).toString('utf8'), input.origin);
    items = feedItemInputs(feed, { origin: input.origin, name: input.name || basename(input.origin) });
    summaries = feed.items.map((i) => i.summaryOnly);
  } catch (error) {
    yield fail(input.origin, error);
    return;
  }
  for (const [index, item] of items.entries()) {
    if (!summaries[index] || !item.url) {
      yield { ok: true, input: item };
      continue;
    }
    try {
      const page = check(await fetcher.fetch(item.url));
      yield { ok: true, input: { ...page, origin: item.origin, ...(item.hints ? { hints: { ...item.hints, url: page.url ?? item.url } } : {}) } };
    } catch (error) {
      yield fail(item.origin, createError('URL_FETCH_FAILED', item.origin, `${item.url}: ${(error as Error).message}`));
    }
  }
}
