// Reads web archives (.warc, .warc.gz) with warcio, streaming: each HTML `response` record with a 2xx
// status becomes a RawInput with its target URI and capture date; other records are skipped and
// counted. It does not extract article text (extract/ does) and keeps one record in memory at a time.
import { constants, gunzipSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import { createError } from '../errors.ts';
import type { RawInput } from '../types.ts';

export interface WarcOptions {
  /** Records whose payload is larger than this (bytes) are skipped. */
  maxRecordBytes: number;
}

export const WARC_DEFAULTS: WarcOptions = { maxRecordBytes: 16 * 1024 * 1024 };

/** What a WARC held besides the articles read from it. */
export interface WarcStats {
  records: number;
  articles: number;
  /** Skipped records by reason ("request", "image/jpeg", "status 404", "too large"). */
  skipped: Record<string, number>;
}

/** Bytes to read from the start of an input to tell whether it is a web archive. */
export const WARC_SNIFF_BYTES = 4096;

/**
 * True when a name or the first bytes say "web archive": a `.warc(.gz)` name, or content that
 * starts with a `WARC/` version line, plain or gzipped (as stdin or a file with another name).
 */
export function isWarc(name: string, head?: Uint8Array): boolean {
  if (/\.warc(\.gz)?$/i.test(name)) return true;
  if (!head) return false;
  return Buffer.from(gunzipHead(head).subarray(0, 5)).toString('latin1') === 'WARC/';
}

/** The first bytes of gzip data decompressed as far as they go (a WARC.gz starts a member per record). */
function gunzipHead(head: Uint8Array): Uint8Array {
  if (head[0] !== 0x1f || head[1] !== 0x8b) return head;
  try {
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1024 * 1024 });
  } catch {
    return new Uint8Array(0);
  }
}

const HTML_TYPE = /text\/html|application\/xhtml\+xml/i;

/**
 * Yield one RawInput per HTML response record of a WARC stream (gzip or plain), in archive order.
 * `stats` is filled as records go by. Throws WARC_INVALID when the stream is not a WARC file.
 * @example for await (const page of readWarc(createReadStream('crawl.warc.gz'), 'crawl.warc.gz', stats)) ...
 */
export async function* readWarc(source: AsyncIterable<Uint8Array>, origin: string, stats: WarcStats = newWarcStats(), options: Partial<WarcOptions> = {}): AsyncGenerator<RawInput> {
  const opts = { ...WARC_DEFAULTS, ...options };
  const skip = (reason: string): void => void (stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1);
  const parser = new WARCParser(source);
  try {
    for await (const record of parser) {
      stats.records++;
      const protocol = (record.warcHeaders as unknown as { protocol?: string }).protocol ?? '';
      if (!protocol.startsWith('WARC/')) throw new Error(`record ${stats.records} does not start with a WARC/ version line`);
      if (record.warcType !== 'response') {
        skip(record.warcType ?? 'unknown');
        continue;
      }
      const status = Number(record.httpHeaders?.statusCode ?? 0);
      const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
      if (status < 200 || status >= 300) {
        skip(`status ${status || 'unknown'}`);
        continue;
      }
      if (!HTML_TYPE.test(contentType)) {
        skip(contentType.split(';')[0]?.trim() || 'no content type');
        continue;
      }
      const declared = Number(record.warcHeaders.headers.get('content-length') ?? 0);
      if (declared > opts.maxRecordBytes) {
        skip('too large');
        continue;
      }
      const bytes = await record.readFully(true);
      if (bytes.length > opts.maxRecordBytes) {
        skip('too large');
        continue;
      }
      const url = record.warcTargetURI ?? undefined;
      const name = nameOf(url) ?? `record-${stats.records}`;
      stats.articles++;
      yield {
        origin: `${origin}#${stats.records}`,
        name: `${decodeURIComponent(name).slice(0, 200)}.html`.replace(/\.html?\.html$/i, '.html'),
        bytes,
        contentType,
        ...(url ? { url } : {}),
        ...(record.warcDate ? { capturedAt: record.warcDate } : {}),
      };
    }
  } catch (error) {
    throw createError('WARC_INVALID', origin, (error as Error).message.split('\n')[0]);
  }
  if (stats.records === 0) throw createError('WARC_INVALID', origin, 'no WARC records');
}

function nameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.pathname.split('/').filter(Boolean).pop() ?? parsed.hostname;
  } catch {
    return undefined;
  }
}

export function newWarcStats(): WarcStats {
  return { records: 0, articles: 0, skipped: {} };
}

/** "3 records skipped: 2 request, 1 image/jpeg" for a user-facing notice, or undefined when none were. */
export function describeSkipped(stats: WarcStats): string | undefined {
  const entries = Object.entries(stats.skipped);
  const total = entries.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return undefined;
  return `${total} record${total === 1 ? '' : 's'} skipped: ${entries.map(([reason, count]) => `${count} ${reason}`).join(', ')}`;
}
