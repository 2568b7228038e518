// JSON Lines of any length, read as a stream: a file of a million articles, or one piped into `-`, is
// cut into batches of whole lines, each a RawInput that remembers the number of its first line, so
// that records and errors keep the line numbers of the whole input. It does not parse the records
// (extract/json.ts does). Written here: the stream only has to be cut at newlines, which in UTF-8 never
// occur inside a character, and a line-splitting library would give up the byte limits below.
import { createError, isCrosscheckError, toInputError } from '../errors.ts';
import type { RawInput } from '../types.ts';
import type { ReadResult } from './read-inputs.ts';

export interface JsonLinesOptions {
  /** Longest line accepted, in bytes: one record. A longer line is reported and skipped. */
  maxBytes: number;
  /** A batch is handed on once it holds this many bytes of whole lines. */
  batchBytes: number;
}

export const JSON_LINES_BATCH_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Batches of whole lines of `source`. `origin` and `name` are those of the whole input (the name
 * keeps its `.jsonl`, so extraction reads each batch as JSON Lines); each batch carries `firstLine`.
 * A line over `maxBytes` yields INPUT_TOO_LARGE for `origin:line` and reading goes on after it; a
 * source that fails ends the reading with its CrosscheckError's code, else INPUT_UNREADABLE.
 * @example for await (const r of readJsonLines('big.jsonl', 'big.jsonl', createReadStream('big.jsonl'), opts)) ...
 */
export async function* readJsonLines(origin: string, name: string, source: AsyncIterable<Uint8Array>, options: JsonLinesOptions): AsyncGenerator<ReadResult> {
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  let batchFirstLine = 1;
  /** The part of the current line read so far (it may span chunks). */
  let partial: Uint8Array[] = [];
  let partialBytes = 0;
  let line = 1;
  /** The current line passed maxBytes: its bytes are dropped up to its newline. */
  let skipping = false;

  /** Whether the batch holds a line that is not blank (a batch of blank lines is dropped). */
  let batchHasContent = false;

  const flush = (): ReadResult | undefined => {
    const input: RawInput | undefined = batchHasContent ? { origin, name, bytes: Buffer.concat(batch, batchBytes), firstLine: batchFirstLine } : undefined;
    batch = [];
    batchBytes = 0;
    batchHasContent = false;
    return input && { ok: true, input };
  };
  const addLine = (): void => {
    if (batchBytes === 0) batchFirstLine = line;
    batch.push(...partial);
    batchBytes += partialBytes;
    if (!batchHasContent) batchHasContent = partial.some(hasContent);
    partial = [];
    partialBytes = 0;
  };
  const tooLarge = (): ReadResult => ({
    ok: false,
    error: toInputError(`${origin}:${line}`, createError('INPUT_TOO_LARGE', `${origin}:${line}`, `a line of more than ${options.maxBytes} bytes; each line must be one article`)),
  });

  try {
    for await (const chunk of source) {
      let from = 0;
      while (from < chunk.length) {
        const end = chunk.indexOf(NEWLINE, from);
        const stop = end < 0 ? chunk.length : end + 1;
        const piece = chunk.subarray(from, stop);
        from = stop;
        if (!skipping) {
          partial.push(piece);
          partialBytes += piece.length;
          if (partialBytes > options.maxBytes) {
            // Lines before it go on first, so that results stay in line order.
            const done = flush();
            if (done) yield done;
            yield tooLarge();
            skipping = true;
            partial = [];
            partialBytes = 0;
          }
        }
        if (end < 0) continue;
        // A whole line ends here.
        if (skipping) skipping = false;
        else addLine();
        line++;
        if (batchBytes >= options.batchBytes) {
          const done = flush();
          if (done) yield done;
        }
      }
    }
  } catch (error) {
    const done = flush();
    if (done) yield done;
    // The source may name what went wrong (a damaged gzip stream); anything else is a failed read.
    const code = isCrosscheckError(error) ? error.code : 'INPUT_UNREADABLE';
    const reason = isCrosscheckError(error) ? error.detail : (error as Error).message;
    yield { ok: false, error: toInputError(origin, createError(code, origin, `${reason ? `${reason}; ` : ''}stopped at line ${line}`)) };
    return;
  }
  if (!skipping && partialBytes > 0) addLine();
  const done = flush();
  if (done) yield done;
}

/** True when `bytes` hold something other than white space. */
function hasContent(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return true;
  return false;
}

/**
 * Whether a stream that starts with `head` is JSON Lines: its first line is a whole JSON object and
 * more follows it. Undefined when `head` ends before the first line does (read more and ask again).
 */
export function looksLikeJsonLines(head: Uint8Array): boolean | undefined {
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (start < head.length && (head[start] === 0x20 || head[start] === 0x0a || head[start] === 0x0d || head[start] === 0x09)) start++;
  if (start >= head.length) return undefined;
  if (head[start] !== 0x7b) return false; // {
  const end = head.indexOf(NEWLINE, start);
  if (end < 0) return undefined;
  if (!hasContent(head.subarray(end + 1))) return undefined;
  try {
    const first: unknown = JSON.parse(Buffer.from(head.subarray(start, end)).toString('utf8'));
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}
