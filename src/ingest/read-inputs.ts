// Reads what the user named — files, folders (recursively), `-` for standard input, gzip — into
// RawInputs, rejecting empty, binary, oversized and missing inputs with named errors. It does not
// interpret the bytes (see extract/); each bad input is reported and the others are still read.
import { createReadStream } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createError, toInputError } from '../errors.ts';
import type { InputError, RawInput } from '../types.ts';
import { JSON_LINES_BATCH_BYTES, looksLikeJsonLines, readJsonLines } from './json-lines.ts';
import { expandFeed, readUrl, readWarcFile, sourceFetcher, type SourceOptions } from './sources.ts';
import { isUrlArgument } from './url.ts';
import { isWarc, WARC_SNIFF_BYTES } from './warc.ts';

export interface ReadOptions extends Partial<SourceOptions> {
  /** Largest input accepted, in bytes (after gunzip). */
  maxBytes: number;
  /** Standard input for `-` (injectable for tests). */
  readStdin: () => AsyncIterable<Uint8Array>;
}

export const READ_DEFAULTS: ReadOptions = {
  maxBytes: 32 * 1024 * 1024,
  readStdin: () => process.stdin,
};

/** File names a folder walk picks up; anything else in a folder is skipped silently. */
export const ARTICLE_FILE = /\.(txt|text|md|markdown|html?|xhtml|json|jsonl|ndjson|rss|atom|warc)(\.gz)?$/i;
/** A folder's own documentation, not articles: skipped in folder walks (still read when named). */
export const FOLDER_DOCS = /^(readme|license|licence|changelog|contributing|notice|authors)(\.|$)/i;
/** JSON Lines files, read as a stream of batches of lines whatever their size (ingest/json-lines.ts). */
const JSON_LINES_FILE = /\.(jsonl|ndjson)(\.gz)?$/i;

export type ReadResult = { ok: true; input: RawInput } | { ok: false; error: InputError };

/**
 * Yield every input the arguments name, in order (folders sorted by path).
 * @example for await (const r of readInputs(['articles/'])) if (r.ok) console.log(r.input.name)
 */
export async function* readInputs(args: string[], options: Partial<ReadOptions> = {}): AsyncGenerator<ReadResult> {
  const opts = { ...READ_DEFAULTS, ...options };
  const fetcher = sourceFetcher(opts);
  const check = (input: RawInput): RawInput => checkBytes(input, opts);
  for (const arg of args) {
    if (isUrlArgument(arg)) {
      yield* readUrl(arg, fetcher, check, opts);
      continue;
    }
    if (arg === '-') {
      yield* readStdin(opts);
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      yield fail(arg, createError(code === 'ENOENT' || code === 'ENOTDIR' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE', arg));
      continue;
    }
    if (info.isDirectory()) {
      let found = 0;
      for await (const path of walk(arg)) {
        found++;
        yield* readFileOrContainer(path, opts, fetcher, check);
      }
      if (found === 0) yield fail(arg, createError('INPUT_NO_ARTICLES', arg));
    } else {
      yield* readFileOrContainer(arg, opts, fetcher, check);
    }
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && ARTICLE_FILE.test(entry.name) && !FOLDER_DOCS.test(entry.name)) yield path;
  }
}

/**
 * Standard input: a web archive (recognised by its first bytes) is streamed record by record, and so
 * is JSON Lines (a first line that is a whole JSON object, and more after it), in batches of lines;
 * anything else is read whole, up to `maxBytes`.
 */
async function* readStdin(opts: ReadOptions): AsyncGenerator<ReadResult> {
  const iterator = opts.readStdin()[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  const readMore = async (): Promise<void> => {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      headBytes += next.value.length;
    }
  };
  let warc = false;
  let jsonLines: boolean | undefined;
  try {
    while (!done && headBytes < WARC_SNIFF_BYTES) await readMore();
    warc = isWarc('stdin', Buffer.concat(head));
    if (!warc) {
      // The first line of JSON Lines can be longer than the sniff: read on to its end (at most maxBytes),
      // asking again only once a chunk has brought a newline, so a long line is not copied over and over.
      let newline = head.some((chunk) => chunk.includes(0x0a));
      for (jsonLines = looksLikeJsonLines(Buffer.concat(head)); jsonLines === undefined && !done && headBytes <= opts.maxBytes; ) {
        await readMore();
        if (!done) newline ||= head[head.length - 1]!.includes(0x0a);
        if (newline || done) jsonLines = looksLikeJsonLines(Buffer.concat(head));
      }
    }
  } catch {
    yield fail('-', createError('INPUT_UNREADABLE', '-'));
    return;
  }
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (!done) for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (warc) {
    yield* readWarcFile('-', opts, rest());
    return;
  }
  if (jsonLines) {
    yield* checkedJsonLines('-', 'stdin.jsonl', rest(), opts);
    return;
  }
  yield await guard('-', async () => checkBytes({ origin: '-', name: 'stdin', bytes: await readCapped(rest(), opts.maxBytes, '-') }, opts));
}

/** A JSON Lines file, gzipped or not, as a stream of batches of lines. */
async function* readJsonLinesFile(path: string, opts: ReadOptions): AsyncGenerator<ReadResult> {
  const head = await fileHead(path);
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  yield* checkedJsonLines(path, basename(path).replace(/\.gz$/i, ''), gzipped ? gunzipStream(path) : createReadStream(path), opts);
}

/** A gzipped file's bytes, decompressed as they are read; damaged data is INPUT_BINARY, as checkBytes names it. */
async function* gunzipStream(path: string): AsyncGenerator<Uint8Array> {
  const file = createReadStream(path);
  const gunzip = file.pipe(createGunzip());
  // A failed read of the file reaches the reader through the gunzip stream too.
  file.on('error', (error) => gunzip.destroy(error));
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    if (/^Z_/.test((error as NodeJS.ErrnoException).code ?? '')) throw createError('INPUT_BINARY', path, 'damaged gzip data');
    throw error;
  } finally {
    file.destroy();
  }
}

/**
 * JSON Lines batches with the checks a whole file gets: binary content is refused once (not line by
 * line), a first line over the limit ends the reading, and an input with no line of content is
 * INPUT_EMPTY.
 */
async function* checkedJsonLines(origin: string, name: string, source: AsyncIterable<Uint8Array>, opts: ReadOptions): AsyncGenerator<ReadResult> {
  let batches = 0;
  let errors = 0;
  for await (const result of readJsonLines(origin, name, source, { maxBytes: opts.maxBytes, batchBytes: JSON_LINES_BATCH_BYTES })) {
    if (!result.ok) {
      errors++;
      yield result;
      // A first line over the limit: this is not JSON Lines (or not one article a line); read no further.
      if (batches === 0 && errors === 1 && result.error.code === 'INPUT_TOO_LARGE') return;
      continue;
    }
    if (batches++ === 0) {
      const kind = binaryKind(result.input.bytes);
      if (kind) {
        yield fail(origin, createError('INPUT_BINARY', origin, kind));
        return;
      }
    }
    yield result;
  }
  if (batches === 0 && errors === 0) yield fail(origin, createError('INPUT_EMPTY', origin));
}

/** All of a stream's bytes, or INPUT_TOO_LARGE as soon as they pass `maxBytes`. */
async function readCapped(source: AsyncIterable<Uint8Array>, maxBytes: number, origin: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw createError('INPUT_TOO_LARGE', origin, `more than ${formatBytes(maxBytes)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The first bytes of a file (fewer when it is shorter); empty when it cannot be read. */
async function fileHead(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(WARC_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, WARC_SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return new Uint8Array(0);
  } finally {
    await handle?.close();
  }
}

/**
 * A web archive (by name or first bytes) is streamed record by record, a JSON Lines file (by name)
 * batch by batch; a feed is expanded with --fetch; any other file is read whole.
 */
async function* readFileOrContainer(path: string, opts: ReadOptions, fetcher: ReturnType<typeof sourceFetcher>, check: (input: RawInput) => RawInput): AsyncGenerator<ReadResult> {
  if (JSON_LINES_FILE.test(path)) {
    yield* readJsonLinesFile(path, opts);
    return;
  }
  if (isWarc(path) || isWarc(path, await fileHead(path))) {
    yield* readWarcFile(path, opts);
    return;
  }
  const result = await guard(path, () => readFileInput(path, opts));
  if (result.ok && opts.fetchFeedItems) yield* expandFeed(result.input, fetcher, check, opts);
  else yield result;
}

async function readFileInput(path: string, opts: ReadOptions): Promise<RawInput> {
  const info = await stat(path);
  if (info.size > opts.maxBytes) {
    // A big collection is best given as JSON Lines, which is read line by line whatever its size.
    const hint = /\.json(\.gz)?$/i.test(path) ? '; or write it as JSON Lines (.jsonl, one article per line), read whatever its size' : '';
    throw createError('INPUT_TOO_LARGE', path, `${formatBytes(info.size)} > ${formatBytes(opts.maxBytes)}${hint}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw createError('INPUT_UNREADABLE', path);
  }
  return checkBytes({ origin: path, name: basename(path), bytes }, opts);
}

/** Gunzip when needed, then reject empty, binary and oversized content. */
export function checkBytes(input: RawInput, opts: Pick<ReadOptions, 'maxBytes'> = READ_DEFAULTS): RawInput {
  let { bytes, name } = input;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: opts.maxBytes });
    } catch (error) {
      const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|buffer/i.test((error as Error).message);
      throw createError(tooBig ? 'INPUT_TOO_LARGE' : 'INPUT_BINARY', input.origin, tooBig ? 'after decompression' : 'damaged gzip data');
    }
    name = name.replace(/\.gz$/i, '');
  }
  if (bytes.length > opts.maxBytes) throw createError('INPUT_TOO_LARGE', input.origin, `${formatBytes(bytes.length)} > ${formatBytes(opts.maxBytes)}`);
  if (bytes.length === 0 || isBlank(bytes)) throw createError('INPUT_EMPTY', input.origin);
  const kind = binaryKind(bytes);
  if (kind) throw createError('INPUT_BINARY', input.origin, kind);
  return { ...input, name, bytes };
}

/** Names a binary format by its magic number, or notes NUL bytes; undefined for text. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive (or Office document)';
  if (head.startsWith('\u0089PNG')) return 'a PNG image';
  if (head.startsWith('\u00ff\u00d8\u00ff')) return 'a JPEG image';
  if (head.startsWith('GIF8')) return 'a GIF image';
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (isUtf16) return undefined;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'contains NUL bytes';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.1 ? 'mostly control characters' : undefined;
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 4096)) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  return bytes.length <= 4096;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

async function guard(origin: string, read: () => Promise<RawInput> | RawInput): Promise<ReadResult> {
  try {
    return { ok: true, input: await read() };
  } catch (error) {
    return fail(origin, error);
  }
}

function fail(origin: string, error: unknown): ReadResult {
  return { ok: false, error: toInputError(origin, error) };
}
